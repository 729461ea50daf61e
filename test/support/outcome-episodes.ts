import type { Episode, EpisodeSession } from '../../src/outcomes/episodes/index.ts';

/** Test support: an episode written by hand, pain (NPRS) given per session. */
export interface EpisodeSketch {
  id: string;
  /** NPRS before treatment; omit for an episode nobody scored before treatment. */
  baseline?: number;
  pain: Array<number | null>;
  status?: Episode['status'];
  dropOut?: boolean;
  site?: string;
  therapist?: string;
  conditionGroup?: Episode['conditionGroup'];
  phase?: Episode['phase'];
  startedOn?: string;
  psfs?: [before: number, after: number];
  reliefDays?: Array<number | undefined>;
}

export function sketchEpisode(s: EpisodeSketch): Episode {
  const startedOn = s.startedOn ?? '2026-01-05';
  const sessions: EpisodeSession[] = s.pain.map((_, i) => ({
    number: i + 1,
    id: `${s.id}-s${i + 1}`,
    date: startedOn,
    ...(s.reliefDays?.[i] !== undefined ? { reliefDays: s.reliefDays[i] } : {}),
  }));
  const bySession = s.pain.flatMap((score, i) => (score === null ? [] : [{ session: i + 1, score }]));
  const measures: Episode['measures'] = {};
  if (s.baseline !== undefined) {
    measures.nprs = {
      baseline: { score: s.baseline, date: startedOn, from: 'before-treatment', session: 0 },
      bySession,
    };
  }
  if (s.psfs) {
    measures.psfs = {
      baseline: { score: s.psfs[0], date: startedOn, from: 'before-treatment', session: 0 },
      bySession: [{ session: Math.max(1, sessions.length), score: s.psfs[1] }],
    };
  }
  const status = s.status ?? 'discharged';
  return {
    id: s.id,
    patientId: `patient-${s.id}`,
    startedOn,
    lastVisitOn: startedOn,
    endedOn: status === 'open' ? null : startedOn,
    status,
    site: s.site ?? null,
    therapist: s.therapist ?? null,
    conditionGroup: s.conditionGroup ?? null,
    phase: s.phase ?? null,
    plannedVisits: null,
    sessions,
    dropOut: s.dropOut ?? false,
    measures,
  };
}

/** `count` copies of a sketch, numbered. */
export function many(count: number, prefix: string, sketch: Omit<EpisodeSketch, 'id'>): Episode[] {
  return Array.from({ length: count }, (_, i) => sketchEpisode({ ...sketch, id: `${prefix}${i + 1}` }));
}
