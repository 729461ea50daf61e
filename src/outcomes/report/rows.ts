import type { ResponderDefinition } from '../../clinical/measures/index.ts';
import { changeFromBaseline, firstImprovement } from '../episodes/index.ts';
import type { Episode } from '../episodes/index.ts';
import type { SurvivalObservation } from '../stats/index.ts';

/** One episode judged by one responder definition. */
export interface DefinitionOutcome {
  /** False when the episode has no score for the definition's measure to judge from. */
  judged: boolean;
  /** First session meeting the definition; null if none yet. */
  improvedAt: number | null;
  /** Last session with a follow-up score (where a not-improved episode is censored); null if none. */
  lastScoredSession: number | null;
}

/**
 * Everything the report needs about one episode, small enough to keep as a precomputed row and
 * refresh when a note is signed — so the report aggregates rows instead of re-reading notes.
 */
export interface EpisodeOutcomeRow {
  episodeId: string;
  startedOn: string;
  status: Episode['status'];
  visits: number;
  dropOut: boolean;
  site: string | null;
  therapist: string | null;
  conditionGroup: Episode['conditionGroup'];
  phase: Episode['phase'];
  /** PSFS last minus baseline (positive = better), null without both. */
  psfsChange: number | null;
  /** Relief days reported after this episode's visits. */
  reliefDays: readonly number[];
  /** Keyed by responder definition id. */
  outcomes: Readonly<Record<string, DefinitionOutcome>>;
}

export function episodeOutcomeRow(episode: Episode, definitions: readonly ResponderDefinition[]): EpisodeOutcomeRow {
  const outcomes: Record<string, DefinitionOutcome> = {};
  for (const definition of definitions) {
    const result = firstImprovement(episode, definition);
    outcomes[definition.id] = {
      judged: result.status !== 'no-baseline',
      improvedAt: result.session,
      lastScoredSession: result.lastScoredSession,
    };
  }
  return {
    episodeId: episode.id,
    startedOn: episode.startedOn,
    status: episode.status,
    visits: episode.sessions.length,
    dropOut: episode.dropOut,
    site: episode.site,
    therapist: episode.therapist,
    conditionGroup: episode.conditionGroup,
    phase: episode.phase,
    psfsChange: changeFromBaseline(episode, 'psfs'),
    reliefDays: episode.sessions.flatMap((s) => (s.reliefDays === undefined ? [] : [s.reliefDays])),
    outcomes,
  };
}

const NOT_JUDGED: DefinitionOutcome = { judged: false, improvedAt: null, lastScoredSession: null };

/** A row's outcome for a definition; a row computed before the definition existed is not judged. */
export function outcomeOf(row: EpisodeOutcomeRow, definitionId: string): DefinitionOutcome {
  return row.outcomes[definitionId] ?? NOT_JUDGED;
}

/** The Kaplan–Meier observation: improved at its first responder session, else censored at its last scored one. */
export function observationOf(row: EpisodeOutcomeRow, definitionId: string): SurvivalObservation | null {
  const outcome = outcomeOf(row, definitionId);
  if (!outcome.judged) return null;
  if (outcome.improvedAt !== null) return { time: outcome.improvedAt, event: true };
  return { time: outcome.lastScoredSession ?? 0, event: false };
}
