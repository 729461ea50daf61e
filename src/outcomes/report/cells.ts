import { mean, median } from 'simple-statistics';
import type { ResponderDefinition } from '../../clinical/measures/index.ts';
import { changeFromBaseline, firstImprovement, sessionsToImprovement } from '../episodes/index.ts';
import type { Episode } from '../episodes/index.ts';
import { kaplanMeier, wilsonInterval } from '../stats/index.ts';
import type { SurvivalObservation } from '../stats/index.ts';
import { TOO_FEW } from './types.ts';
import type { CellFigures, ClaimFigures, Reported, ReportSettings, ShareFigures, SummaryFigures, TooFew } from './types.ts';

export const tooFew = (): TooFew => ({ status: 'too-few', note: TOO_FEW });

export function share(numerator: number, denominator: number, settings: ReportSettings): Reported<ShareFigures> {
  if (denominator < settings.minimumCell) return tooFew();
  const interval = wilsonInterval(numerator, denominator, settings.confidence)!;
  return { status: 'reported', numerator, denominator, rate: interval.estimate, lower: interval.lower, upper: interval.upper };
}

function summary(values: readonly number[], settings: ReportSettings, contributors = values.length): Reported<SummaryFigures> {
  if (contributors < settings.minimumCell || values.length === 0) return tooFew();
  return { status: 'reported', count: values.length, mean: mean([...values]), median: median([...values]) };
}

/**
 * The clinic's claim, "meaningfully better by session N", two ways:
 *  - all started: every episode that can be judged — ended (discharged or lapsed), or at its
 *    N-th session, or already improved — with drop-outs counted as not improved;
 *  - completed course: the same, limited to episodes with at least `minimumSessions` sessions.
 * An open episode short of N sessions that has not improved yet is "still in care" and left out
 * of both (it may still improve by N); one without a score to judge from is "without baseline".
 * Both are counted and shown, never dropped silently.
 */
export function claimFigures(episodes: readonly Episode[], definition: ResponderDefinition, settings: ReportSettings): ClaimFigures {
  let stillInCare = 0;
  let withoutBaseline = 0;
  const all = { numerator: 0, denominator: 0 };
  const completed = { numerator: 0, denominator: 0 };
  for (const episode of episodes) {
    const improvement = firstImprovement(episode, definition);
    if (improvement.status === 'no-baseline') {
      withoutBaseline += 1;
      continue;
    }
    const improvedInTime = improvement.session !== null && improvement.session <= settings.claimSession;
    const decided = improvedInTime || episode.status !== 'open' || episode.sessions.length >= settings.claimSession;
    if (!decided) {
      stillInCare += 1;
      continue;
    }
    all.denominator += 1;
    if (improvedInTime) all.numerator += 1;
    if (episode.sessions.length >= settings.minimumSessions) {
      completed.denominator += 1;
      if (improvedInTime) completed.numerator += 1;
    }
  }
  return {
    allStarted: share(all.numerator, all.denominator, settings),
    completedCourse: share(completed.numerator, completed.denominator, settings),
    stillInCare,
    withoutBaseline,
  };
}

export function improvementObservations(episodes: readonly Episode[], definition: ResponderDefinition): SurvivalObservation[] {
  return episodes.flatMap((e) => {
    const observation = sessionsToImprovement(e, definition);
    return observation ? [observation] : [];
  });
}

export function cellFigures(episodes: readonly Episode[], definition: ResponderDefinition, settings: ReportSettings): Reported<CellFigures> {
  if (episodes.length < settings.minimumCell) return tooFew();
  const observations = improvementObservations(episodes, definition);
  const ended = episodes.filter((e) => e.status !== 'open');
  const psfs = episodes.flatMap((e) => {
    const change = changeFromBaseline(e, 'psfs');
    return change === null ? [] : [change];
  });
  const reliefByEpisode = episodes.map((e) => e.sessions.flatMap((s) => (s.reliefDays === undefined ? [] : [s.reliefDays])));
  const relief = reliefByEpisode.flat();
  const reliefEpisodes = reliefByEpisode.filter((r) => r.length > 0).length;
  const reliefSummary = summary(relief, settings, reliefEpisodes);
  return {
    status: 'reported',
    episodes: episodes.length,
    claim: claimFigures(episodes, definition, settings),
    medianSessions:
      observations.length < settings.minimumCell
        ? tooFew()
        : { status: 'reported', ...kaplanMeier(observations, { transform: settings.transform, confidence: settings.confidence }).median },
    dropOut: share(ended.filter((e) => e.dropOut).length, ended.length, settings),
    visitsPerEpisode: summary(
      ended.map((e) => e.sessions.length),
      settings,
    ),
    psfsChange: summary(psfs, settings),
    reliefDays: reliefSummary.status === 'reported' ? { ...reliefSummary, episodes: reliefEpisodes } : reliefSummary,
  };
}
