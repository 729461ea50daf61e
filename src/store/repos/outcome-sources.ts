import type { Queryable } from '../database.ts';

/**
 * What episodes of care are built from, for one patient or every patient of an organisation:
 * assessments with their diagnoses and site, signed session notes, measure scores, plans (phase,
 * planned visits, completion) and answered relief check-ins. Instants come back as instants; the
 * service turns them into the clinic's calendar dates.
 */

export interface AssessmentSource {
  id: string;
  patientId: string;
  assessedOn: string;
  therapistId: string | null;
  locationId: string | null;
  diagnoses: string[];
}

export interface SessionSource {
  id: string;
  patientId: string;
  /** The visit's start when the note belongs to a booking, else the signing time. */
  at: Date;
  therapistId: string;
  locationId: string | null;
  reliefDays: number | null;
}

export interface ScoreSource {
  patientId: string;
  measure: 'nprs' | 'ndi' | 'odi' | 'psfs';
  score: number;
  takenAt: Date;
  sessionNoteId: string | null;
}

export interface PlanSource {
  id: string;
  patientId: string;
  assessmentId: string | null;
  status: 'draft' | 'active' | 'completed';
  phase: string | null;
  totalVisits: number | null;
  locationId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OutcomeSources {
  assessments: AssessmentSource[];
  sessions: SessionSource[];
  scores: ScoreSource[];
  plans: PlanSource[];
}

/** `patientIds` null: every patient of the organisation (a rebuild). */
export async function loadOutcomeSources(
  db: Queryable,
  orgId: string,
  patientIds: readonly string[] | null,
): Promise<OutcomeSources> {
  const params = patientIds === null ? [orgId] : [orgId, patientIds];
  const only = (alias: string) => (patientIds === null ? '' : `AND ${alias}.patient_id = ANY($2::uuid[])`);
  const [assessments, sessions, scores, plans] = await Promise.all([
    db.query<AssessmentSource>(
      `SELECT a.id, a.patient_id AS "patientId", a.assessed_on::text AS "assessedOn", a.therapist_id AS "therapistId",
              ap.location_id AS "locationId", a.diagnoses
         FROM assessments a LEFT JOIN appointments ap ON ap.org_id = a.org_id AND ap.id = a.appointment_id
        WHERE a.org_id = $1 ${only('a')}
        ORDER BY a.assessed_on, a.created_at, a.id`,
      params,
    ),
    db.query<SessionSource>(
      `SELECT n.id, n.patient_id AS "patientId", COALESCE(lower(ap.during), n.signed_at) AS at,
        n.therapist_id AS "therapistId",
              ap.location_id AS "locationId", rc.relief_days AS "reliefDays"
         FROM session_notes n
         LEFT JOIN appointments ap ON ap.org_id = n.org_id AND ap.id = n.appointment_id
         LEFT JOIN relief_checkins rc ON rc.org_id = n.org_id AND rc.session_note_id = n.id
        WHERE n.org_id = $1 AND n.status = 'signed' ${only('n')}
        ORDER BY at, n.id`,
      params,
    ),
    db.query<ScoreSource>(
      `SELECT m.patient_id AS "patientId", m.measure, m.score, m.taken_at AS "takenAt",
        m.session_note_id AS "sessionNoteId"
         FROM measure_responses m WHERE m.org_id = $1 ${only('m')} ORDER BY m.taken_at, m.id`,
      params,
    ),
    db.query<PlanSource>(
      `SELECT p.id, p.patient_id AS "patientId", p.assessment_id AS "assessmentId", p.status,
        p.plan ->> 'phase' AS phase,
              (p.plan ->> 'totalVisits')::integer AS "totalVisits", p.location_id AS "locationId",
              p.created_at AS "createdAt", p.updated_at AS "updatedAt"
         FROM treatment_plans p WHERE p.org_id = $1 ${only('p')} ORDER BY p.created_at, p.id`,
      params,
    ),
  ]);
  return { assessments, sessions, scores, plans };
}
