import { formatDate, parseDate } from '../../time/index.ts';
import { trackScores } from './scores.ts';
import { DEFAULT_EPISODE_RULES } from './types.ts';
import type {
  AssessmentRecord,
  Episode,
  EpisodeRules,
  EpisodeSession,
  PatientRecords,
  SessionRecord,
} from './types.ts';

function day(date: string, what: string): number {
  const parsed = parseDate(date);
  if (parsed === undefined) throw new RangeError(`${what}: "${date}" is not a calendar date (YYYY-MM-DD)`);
  return parsed;
}

type TimelineEvent =
  | { kind: 'assessment'; day: number; record: AssessmentRecord }
  | { kind: 'session'; day: number; record: SessionRecord }
  | { kind: 'discharge'; day: number };

/** Same day: the assessment opens the episode, the day's sessions follow, a discharge closes it. */
const KIND_ORDER = { assessment: 0, session: 1, discharge: 2 } as const;

interface OpenEpisode {
  opening: AssessmentRecord;
  startDay: number;
  lastVisitDay: number;
  sessions: SessionRecord[];
}

export interface EpisodeBuild {
  episodes: Episode[];
  /** Signed sessions outside any episode (before the first assessment, or after a lapse with no new one). */
  sessionsWithoutEpisode: number;
}

/**
 * Splits one patient's records into episodes of care, as of `asOf` (the report date; records
 * after it are ignored). An episode opens at an assessment when none is open and runs until a
 * discharge, or until more than `lapseDays` pass without a visit (assessment or signed session):
 * then it ends at its last visit as "lapsed". One still within `lapseDays` of its last visit on
 * `asOf` is "open". A lapsed episode with fewer visits than planned (the plan's number, else
 * `minimumCourse`) is a drop-out; a discharged or open one never is.
 */
export function buildEpisodes(
  records: PatientRecords,
  asOf: string,
  overrides: Partial<EpisodeRules> = {},
): EpisodeBuild {
  const rules: EpisodeRules = { ...DEFAULT_EPISODE_RULES, ...overrides };
  const today = day(asOf, 'report date');
  const events: TimelineEvent[] = [
    ...records.assessments.map((record) => ({
      kind: 'assessment' as const,
      day: day(record.date, `assessment ${record.id}`),
      record,
    })),
    ...records.sessions
      .filter((s) => s.signed)
      .map((record) => ({ kind: 'session' as const, day: day(record.date, `session ${record.id}`), record })),
    ...(records.discharges ?? []).map((d) => ({ kind: 'discharge' as const, day: day(d.date, 'discharge') })),
  ]
    .filter((e) => e.day <= today)
    // Array.prototype.sort is stable, so same-day sessions keep the order they were given in.
    .sort((a, b) => a.day - b.day || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);

  const episodes: Episode[] = [];
  let sessionsWithoutEpisode = 0;
  let current: OpenEpisode | null = null;
  let previousEndDay = Number.NEGATIVE_INFINITY;
  const close = (status: Episode['status'], endDay: number | null) => {
    if (current) {
      const window = { notBeforeDay: previousEndDay + 1, untilDay: endDay ?? today };
      episodes.push(finish(records, current, status, endDay, window, rules));
      previousEndDay = endDay ?? today;
    }
    current = null;
  };

  for (const event of events) {
    if (current && event.day - current.lastVisitDay > rules.lapseDays) close('lapsed', current.lastVisitDay);
    if (event.kind === 'assessment') {
      if (current) current.lastVisitDay = event.day;
      else current = { opening: event.record, startDay: event.day, lastVisitDay: event.day, sessions: [] };
    } else if (event.kind === 'session') {
      if (current) {
        current.sessions.push(event.record);
        current.lastVisitDay = event.day;
      } else sessionsWithoutEpisode += 1;
    } else if (current) close('discharged', event.day);
  }
  if (current) {
    const open: OpenEpisode = current;
    if (today - open.lastVisitDay > rules.lapseDays) close('lapsed', open.lastVisitDay);
    else close('open', null);
  }
  return { episodes, sessionsWithoutEpisode };
}

function finish(
  records: PatientRecords,
  open: OpenEpisode,
  status: Episode['status'],
  endDay: number | null,
  window: { notBeforeDay: number; untilDay: number },
  rules: EpisodeRules,
): Episode {
  const { opening } = open;
  const sessions: EpisodeSession[] = open.sessions.map((s, index) => ({
    number: index + 1,
    id: s.id,
    date: s.date,
    ...(s.reliefDays !== undefined ? { reliefDays: s.reliefDays } : {}),
  }));
  const first = open.sessions[0];
  const plannedVisits = opening.plannedVisits ?? null;
  const startedOn = formatDate(open.startDay);
  const endedOn = endDay === null ? null : formatDate(endDay);
  return {
    id: `${records.patientId}:${opening.id}`,
    patientId: records.patientId,
    startedOn,
    lastVisitOn: formatDate(open.lastVisitDay),
    endedOn,
    status,
    site: opening.site ?? first?.site ?? null,
    therapist: opening.therapist ?? first?.therapist ?? null,
    conditionGroup: opening.conditionGroup ?? null,
    phase: opening.phase ?? null,
    plannedVisits,
    sessions,
    dropOut: status === 'lapsed' && sessions.length < (plannedVisits ?? rules.minimumCourse),
    // A score before the opening assessment counts as baseline if it is recent and not from an
    // earlier episode; none after the episode's end (or the report date) counts.
    measures: trackScores(records.scores, sessions, {
      fromDay: Math.max(open.startDay - rules.baselineWindowDays, window.notBeforeDay),
      startDay: open.startDay,
      untilDay: window.untilDay,
    }),
  };
}
