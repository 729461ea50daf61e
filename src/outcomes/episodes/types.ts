import type { ConditionGroup } from '../../clinical/diagnoses/index.ts';
import type { MeasureId } from '../../clinical/measures/index.ts';
import type { Phase } from '../../clinical/plan/index.ts';

/** Dates are calendar dates, YYYY-MM-DD, in the clinic's own zone. */
export type CalendarDate = string;

/** An assessment: the first one opens an episode of care; later ones inside it are reassessments. */
export interface AssessmentRecord {
  id: string;
  date: CalendarDate;
  site?: string;
  therapist?: string;
  conditionGroup?: ConditionGroup;
  phase?: Phase;
  /** Visits the treatment plan set out; drop-out is judged against it. */
  plannedVisits?: number;
}

/** A treatment session. Only signed notes count as visits. */
export interface SessionRecord {
  id: string;
  date: CalendarDate;
  signed: boolean;
  site?: string;
  therapist?: string;
  /** How many days the relief from this visit lasted, when the patient told us. */
  reliefDays?: number;
}

/** An outcome-measure score in the measure's own unit (MeasureScore.score). */
export interface ScoreRecord {
  measure: MeasureId;
  score: number;
  date: CalendarDate;
  /** The session note it was taken with, when it was. */
  sessionId?: string;
}

/** The therapist ended the course of care (the plan was completed). */
export interface DischargeRecord {
  date: CalendarDate;
}

export interface PatientRecords {
  patientId: string;
  assessments: readonly AssessmentRecord[];
  sessions: readonly SessionRecord[];
  scores: readonly ScoreRecord[];
  discharges?: readonly DischargeRecord[];
}

export interface EpisodeRules {
  /** An episode lapses after this many days without a visit (default 60). */
  lapseDays: number;
  /** How long before the opening assessment an intake questionnaire still counts as baseline (default 14). */
  baselineWindowDays: number;
  /** Planned visits assumed when the plan gave none; also the "at least N sessions" course (default 4). */
  minimumCourse: number;
}

export const DEFAULT_EPISODE_RULES: EpisodeRules = { lapseDays: 60, baselineWindowDays: 14, minimumCourse: 4 };

/**
 * - open: the last visit is no more than `lapseDays` before the report date — still in care;
 * - discharged: the therapist ended the course (a discharge dated inside the episode);
 * - lapsed: `lapseDays` passed after the last visit with no visit and no discharge.
 */
export type EpisodeStatus = 'open' | 'discharged' | 'lapsed';

export interface EpisodeSession {
  /** 1 for the first signed session of the episode, by date. */
  number: number;
  id: string;
  date: CalendarDate;
  reliefDays?: number;
}

export interface MeasureTrack {
  /** Null when no score was taken before treatment and none at a session either. */
  baseline: {
    score: number;
    date: CalendarDate;
    from: 'before-treatment' | 'first-scored-session';
    session: number;
  } | null;
  /** The last score taken at each session number, in session order. */
  bySession: ReadonlyArray<{ session: number; score: number }>;
}

export interface Episode {
  id: string;
  patientId: string;
  startedOn: CalendarDate;
  lastVisitOn: CalendarDate;
  /** The discharge date, or the last visit for a lapsed episode; null while open. */
  endedOn: CalendarDate | null;
  status: EpisodeStatus;
  site: string | null;
  therapist: string | null;
  conditionGroup: ConditionGroup | null;
  phase: Phase | null;
  plannedVisits: number | null;
  sessions: readonly EpisodeSession[];
  /** Lapsed before reaching the planned visits (or the minimum course when no plan said). */
  dropOut: boolean;
  measures: Partial<Record<MeasureId, MeasureTrack>>;
}
