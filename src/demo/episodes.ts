import { DIAGNOSIS_CODES, type ConditionGroup } from '../clinical/diagnoses/index.ts';
import { isScoreError, scoreMeasure, scorePsfs, type MeasureId } from '../clinical/measures/index.ts';
import type { OutcomeSources } from '../store/repos/outcome-sources.ts';
import { addDays } from '../time/index.ts';
import { createRandom, demoUuid, deriveSeed, type Random } from './random.ts';

/**
 * Episodes of care for the demo, with trajectories a real clinic sees: patients who respond fast
 * or slowly, some who never do, some who stop coming after a visit or two, and maintenance
 * patients seen monthly with little left to gain. Pure and seeded: the same seed and today give
 * the same rows. Every date is on the demo's calendar (relative to `today`), never the machine's.
 */

export type Trajectory = 'fast' | 'slow' | 'none' | 'drop-out' | 'maintenance';

/** Shares of each trajectory among episodes (they sum to 1). */
const TRAJECTORIES: ReadonlyArray<[Trajectory, number]> = [
  ['fast', 0.3],
  ['slow', 0.25],
  ['none', 0.2],
  ['drop-out', 0.15],
  ['maintenance', 0.1],
];

const GROUPS: ReadonlyArray<[ConditionGroup, number]> = [
  ['neck', 0.35],
  ['low-back', 0.3],
  ['head', 0.12],
  ['shoulder', 0.12],
  ['hip-leg', 0.08],
  ['other', 0.03],
];

const CODES_BY_GROUP = new Map<ConditionGroup, string[]>(
  (['neck', 'low-back', 'head', 'shoulder', 'hip-leg', 'other'] as const).map((g) => [
    g,
    DIAGNOSIS_CODES.filter((d) => d.billable && d.group === g).map((d) => d.code),
  ]),
);

const PSFS_ACTIVITIES = [
  'Turning my head to reverse the car',
  'Sleeping through the night',
  'Lifting my child',
  'Sitting at my desk for an hour',
  'Gardening',
];

export interface DemoEpisodePatient {
  id: string;
  locationId: string;
  therapistId: string;
  /** The therapist's sign-in, which signs the notes and enters the scores. */
  therapistUserId: string;
}

export interface DemoEpisodeRows {
  assessments: Record<string, unknown>[];
  plans: Record<string, unknown>[];
  notes: Record<string, unknown>[];
  measures: Record<string, unknown>[];
  /** The same records as the outcome rows are built from, for checking the figures without a database. */
  sources: OutcomeSources;
  trajectories: Record<Trajectory, number>;
}

const EMPTY_FINDINGS = {
  painMap: [],
  posture: { findings: [] },
  rom: [],
  strength: [],
  triggerPoints: [],
  fiveElements: {},
};

function weighted<T>(random: Random, options: ReadonlyArray<[T, number]>): T {
  let r = random.next();
  for (const [value, weight] of options) {
    if ((r -= weight) < 0) return value;
  }
  return options.at(-1)![0];
}

/** A visit's instant: late morning at the clinics (Pacific time), so the local date is the visit's date. */
const at = (date: string, minutes = 0) => new Date(Date.parse(`${date}T18:00:00Z`) + minutes * 60_000);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** NPRS at session n (1-based) for the trajectory, before noise. */
function painAt(trajectory: Trajectory, baseline: number, n: number, speed: number): number {
  switch (trajectory) {
    case 'fast':
      return baseline - speed * n;
    case 'slow':
      return baseline - (speed / 3) * n;
    case 'maintenance':
      return baseline - 0.1 * n;
    default:
      return baseline;
  }
}

/** Item answers (0–5 each, 10 items) whose total is near `fraction` of the maximum. */
function itemsNear(random: Random, fraction: number): number[] {
  return Array.from({ length: 10 }, () => clamp(Math.round(fraction * 5 + (random.next() - 0.5) * 1.6), 0, 5));
}

function scored(measure: MeasureId, answers: unknown[]): number {
  const result =
    measure === 'psfs'
      ? scorePsfs(answers as { activity: string; score: number }[])
      : scoreMeasure(measure, answers as number[]);
  if (isScoreError(result)) throw new Error(`demo ${measure} answers do not score: ${result.error.message}`);
  return result.score;
}

export function buildDemoEpisodes(
  seed: number,
  today: string,
  orgId: string,
  patients: readonly DemoEpisodePatient[],
): DemoEpisodeRows {
  const random = createRandom(deriveSeed(seed, 'episodes'));
  const out: DemoEpisodeRows = {
    assessments: [],
    plans: [],
    notes: [],
    measures: [],
    sources: { assessments: [], sessions: [], scores: [], plans: [] },
    trajectories: { fast: 0, slow: 0, none: 0, 'drop-out': 0, maintenance: 0 },
  };
  let episodeIndex = 0;
  let noteIndex = 0;
  let measureIndex = 0;

  for (const patient of patients) {
    // Most patients have had one episode of care; some none yet, a few a second one.
    const episodes = random.chance(0.25) ? 0 : random.chance(0.15) ? 2 : 1;
    let earliest = addDays(today, -random.int(20, 420));
    for (let e = 0; e < episodes; e++) {
      const trajectory = weighted(random, TRAJECTORIES);
      out.trajectories[trajectory] += 1;
      const group = weighted(random, GROUPS);
      const codes = CODES_BY_GROUP.get(group)!;
      const diagnoses = random.sample(codes, Math.min(codes.length, random.chance(0.3) ? 2 : 1));
      const phase = trajectory === 'maintenance' ? 'maintenance' : random.chance(0.45) ? 'acute' : 'chronic';
      const interval = phase === 'maintenance' ? 28 : phase === 'acute' ? 4 : 7;
      const planned = phase === 'maintenance' ? 6 : random.int(6, 10);
      const sessionsWanted =
        trajectory === 'drop-out'
          ? random.int(1, 3)
          : trajectory === 'none' && random.chance(0.4)
            ? random.int(4, 6)
            : planned;
      const assessedOn = earliest;
      const assessmentId = demoUuid(seed, 'assessment', episodeIndex);
      const planId = demoUuid(seed, 'plan', episodeIndex);
      episodeIndex++;

      const dates: string[] = [];
      let date = assessedOn;
      for (let n = 1; n <= sessionsWanted; n++) {
        date = addDays(date, interval + random.int(-1, 2));
        if (date >= today) break;
        dates.push(date);
      }
      const lastVisit = dates.at(-1) ?? assessedOn;
      // A finished course is discharged (the plan completed) a day after its last visit.
      const discharged = trajectory !== 'drop-out' && dates.length >= sessionsWanted && addDays(lastVisit, 1) < today;
      const dischargedOn = discharged ? addDays(lastVisit, 1) : null;

      out.assessments.push({
        id: assessmentId,
        org_id: orgId,
        patient_id: patient.id,
        appointment_id: null,
        assessed_on: assessedOn,
        therapist_id: patient.therapistId,
        findings: EMPTY_FINDINGS,
        diagnoses,
        version: 1,
        created_by: patient.therapistUserId,
        created_at: at(assessedOn),
        updated_by: patient.therapistUserId,
        updated_at: at(assessedOn),
      });
      // Not booked through an appointment: the site comes from the plan, as it does when read back.
      out.sources.assessments.push({
        id: assessmentId,
        patientId: patient.id,
        assessedOn,
        therapistId: patient.therapistId,
        locationId: null,
        diagnoses,
      });
      const plan = {
        phase,
        totalVisits: planned,
        stages: [
          {
            phase,
            label: phase === 'maintenance' ? 'Monthly visits' : 'Treatment',
            visits: planned,
            ...(interval === 28 ? { intervalWeeks: 4 } : { visitsPerWeek: interval === 4 ? 2 : 1 }),
            rationale: [],
          },
        ],
        reassessmentAtVisits: [Math.min(4, planned)],
        goals: [],
        integration: [],
        startDate: addDays(assessedOn, 1),
        preferredDays: [2],
        preferredTime: '10:00',
        therapistId: patient.therapistId,
        locationId: patient.locationId,
        serviceCode: phase === 'maintenance' ? 'nmt-maintenance-60' : 'nmt-followup-60',
      };
      const status = discharged ? 'completed' : 'active';
      const planUpdated = dischargedOn ? at(dischargedOn) : at(assessedOn, 30);
      out.plans.push({
        id: planId,
        org_id: orgId,
        patient_id: patient.id,
        status,
        plan,
        therapist_id: patient.therapistId,
        location_id: patient.locationId,
        assessment_id: assessmentId,
        diagnoses,
        version: 1,
        created_by: patient.therapistUserId,
        created_at: at(assessedOn, 30),
        updated_by: patient.therapistUserId,
        updated_at: planUpdated,
      });
      out.sources.plans.push({
        id: planId,
        patientId: patient.id,
        assessmentId,
        status,
        phase,
        totalVisits: planned,
        locationId: patient.locationId,
        createdAt: at(assessedOn, 30),
        updatedAt: planUpdated,
      });

      const measure = (m: MeasureId, answers: unknown[], date: string, noteId: string | null) => {
        const score = scored(m, answers);
        const takenAt = at(date, noteId ? 50 : 10);
        out.measures.push({
          id: demoUuid(seed, 'measure', measureIndex++),
          org_id: orgId,
          patient_id: patient.id,
          measure: m,
          answers,
          score,
          percent: null,
          band: null,
          taken_at: takenAt,
          session_note_id: noteId,
          entered_by: patient.therapistUserId,
          entered_role: 'therapist',
        });
        out.sources.scores.push({ patientId: patient.id, measure: m, score, takenAt, sessionNoteId: noteId });
      };
      const regional: MeasureId | null =
        group === 'neck' || group === 'head' ? 'ndi' : group === 'low-back' ? 'odi' : null;
      const baseline = trajectory === 'maintenance' ? random.int(3, 4) : random.int(5, 9);
      const speed = 0.6 + random.next() * 0.8;
      const activities = random.sample(PSFS_ACTIVITIES, 3);
      const psfsBase = random.int(2, 5);
      measure('nprs', [baseline], assessedOn, null);
      if (regional) measure(regional, itemsNear(random, baseline / 10), assessedOn, null);
      measure(
        'psfs',
        activities.map((activity) => ({ activity, score: psfsBase })),
        assessedOn,
        null,
      );

      dates.forEach((day, i) => {
        const n = i + 1;
        const noteId = demoUuid(seed, 'note', noteIndex++);
        const signedAt = at(day, 60);
        out.notes.push({
          id: noteId,
          org_id: orgId,
          patient_id: patient.id,
          appointment_id: null,
          therapist_id: patient.therapistId,
          status: 'signed',
          subjective: { painToday: null },
          objective: {},
          assessment: 'Treated as planned.',
          plan: 'Continue the plan.',
          cpt_minutes: [],
          signed_at: signedAt,
          signed_by: patient.therapistUserId,
          version: 1,
          created_by: patient.therapistUserId,
          created_at: at(day),
          updated_at: signedAt,
        });
        out.sources.sessions.push({
          id: noteId,
          patientId: patient.id,
          at: signedAt,
          therapistId: patient.therapistId,
          locationId: null,
          reliefDays: null,
        });
        const pain = clamp(Math.round(painAt(trajectory, baseline, n, speed) + (random.next() - 0.5) * 2), 0, 10);
        measure('nprs', [pain], day, noteId);
        if (regional && (n === 4 || n === 8)) measure(regional, itemsNear(random, pain / 10), day, noteId);
        if (n === 6)
          measure(
            'psfs',
            activities.map((activity) => ({
              activity,
              score: clamp(psfsBase + Math.round((baseline - pain) * 0.8), 0, 10),
            })),
            day,
            noteId,
          );
      });
      // The next episode (if any) starts after this one ended or lapsed.
      earliest = addDays(dischargedOn ?? lastVisit, random.int(70, 120));
      if (earliest >= addDays(today, -10)) break;
    }
  }
  return out;
}
