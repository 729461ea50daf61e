import { isResponder, MEASURES, round1, thresholdSetFor } from '../../clinical/measures/index.ts';
import type { MeasureId, ResponderDefinition } from '../../clinical/measures/index.ts';
import type { SurvivalObservation } from '../stats/index.ts';
import type { Episode } from './types.ts';

/**
 * "Meaningfully better" for the outcomes report, built from the published MCIDs already in
 * clinical/measures (their default threshold sets) so no threshold is written twice. NPRS asks
 * for both the points and the percentage (2 points and 30%, Farrar 2001) — stricter than either
 * alone, so a 3 → 1 change (2 points, 67%) counts and 9 → 7 (2 points, 22%) does not. A measure
 * whose MCID has a relative form too (ODI: 10 points or 30%) accepts either; the others use their
 * absolute MCID.
 */
function fromMcid(measure: MeasureId, combine: 'both' | 'either'): ResponderDefinition {
  const { mcid } = thresholdSetFor(measure);
  const name = measure.toUpperCase();
  const direction = MEASURES[measure].higherIsWorse ? 'down' : 'up';
  const unit = mcid.unit === 'percent-points' ? 'percent-points' : 'points';
  const relative = mcid.relative === undefined ? undefined : mcid.relative * 100;
  const rule = relative === undefined ? 'absolute' : combine;
  const joiner = rule === 'both' ? 'and' : 'or';
  return {
    id: `${measure}-mcid`,
    label:
      `${name}: ${direction} at least ${mcid.value} ${unit}` +
      `${relative === undefined ? '' : ` ${joiner} ${relative}%`}`,
    measure,
    rule,
    absolute: mcid.value,
    absoluteUnit: mcid.unit,
    ...(relative === undefined ? {} : { percent: relative }),
    source: mcid.source,
  };
}

export const OUTCOME_RESPONDER_DEFINITIONS: Readonly<Record<MeasureId, ResponderDefinition>> = {
  nprs: fromMcid('nprs', 'both'),
  ndi: fromMcid('ndi', 'either'),
  odi: fromMcid('odi', 'either'),
  psfs: fromMcid('psfs', 'either'),
};

/** The clinic's claim is about pain: NPRS by the definition above unless a cut picks another. */
export const DEFAULT_OUTCOME_DEFINITION = OUTCOME_RESPONDER_DEFINITIONS.nprs;

export type ImprovementStatus = 'improved' | 'not-improved' | 'no-baseline';

export interface Improvement {
  status: ImprovementStatus;
  /** First session at which the definition is met; null if never (or no baseline). */
  session: number | null;
  /** Last session with a score after the baseline: where a not-improved episode is censored. */
  lastScoredSession: number | null;
}

/** The first session at which the episode meets the definition, judged against its baseline. */
export function firstImprovement(episode: Episode, definition: ResponderDefinition): Improvement {
  const track = episode.measures[definition.measure];
  if (!track?.baseline) return { status: 'no-baseline', session: null, lastScoredSession: null };
  const baseline = track.baseline;
  const followUps = track.bySession.filter((s) => s.session > baseline.session);
  const hit = followUps.find((s) => isResponder(definition, baseline.score, s.score, { session: s.session }));
  return {
    status: hit ? 'improved' : 'not-improved',
    session: hit?.session ?? null,
    lastScoredSession: followUps.at(-1)?.session ?? null,
  };
}

/**
 * The episode as a Kaplan–Meier observation on the session scale: improved at its first
 * responder session, otherwise censored at its last scored session (0 when it never had a
 * follow-up score). Null without a baseline: such an episode cannot be judged at all.
 */
export function sessionsToImprovement(episode: Episode, definition: ResponderDefinition): SurvivalObservation | null {
  const result = firstImprovement(episode, definition);
  if (result.status === 'no-baseline') return null;
  if (result.status === 'improved') return { time: result.session!, event: true };
  return { time: result.lastScoredSession ?? 0, event: false };
}

/**
 * Last score minus baseline, signed so that positive means better (PSFS up, pain down); null
 * without a baseline and a later score.
 */
export function changeFromBaseline(episode: Episode, measure: MeasureId): number | null {
  const track = episode.measures[measure];
  if (!track?.baseline) return null;
  const later = track.bySession.filter((s) => s.session > track.baseline!.session).at(-1);
  if (!later) return null;
  const change = later.score - track.baseline.score;
  return round1(MEASURES[measure].higherIsWorse ? -change : change);
}
