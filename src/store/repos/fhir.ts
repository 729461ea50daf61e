import type { Queryable } from '../database.ts';

/** SQL the FHIR API needs beyond the chart's own repositories: whose record an id is, and screening history. */

export type OwnedKind =
  'measure' | 'assessment' | 'plan' | 'note' | 'step' | 'intake' | 'screening' | 'clearance' | 'home-care';

const OWNER_SQL: Record<OwnedKind, string> = {
  measure: `SELECT patient_id AS "patientId" FROM measure_responses WHERE org_id = $1 AND id = $2`,
  assessment: `SELECT patient_id AS "patientId" FROM assessments WHERE org_id = $1 AND id = $2`,
  plan: `SELECT patient_id AS "patientId" FROM treatment_plans WHERE org_id = $1 AND id = $2`,
  note: `SELECT patient_id AS "patientId" FROM session_notes WHERE org_id = $1 AND id = $2`,
  step: `SELECT n.patient_id AS "patientId" FROM treatment_steps s
           JOIN session_notes n ON n.org_id = s.org_id AND n.id = s.session_note_id
          WHERE s.org_id = $1 AND s.id = $2`,
  intake: `SELECT patient_id AS "patientId" FROM intake_responses WHERE org_id = $1 AND id = $2`,
  screening: `SELECT patient_id AS "patientId" FROM screening_results WHERE org_id = $1 AND id = $2`,
  clearance: `SELECT patient_id AS "patientId" FROM clearances WHERE org_id = $1 AND id = $2`,
  'home-care': `SELECT patient_id AS "patientId" FROM home_care_plans WHERE org_id = $1 AND id = $2`,
};

/** The patient a charted record belongs to, or null when the organisation has no such record. */
export async function recordOwner(db: Queryable, orgId: string, kind: OwnedKind, id: string): Promise<string | null> {
  const rows = await db.query<{ patientId: string }>(OWNER_SQL[kind], [orgId, id]);
  return rows[0]?.patientId ?? null;
}

export interface ScreeningHistoryRow {
  id: string;
  patientId: string;
  intakeVersion: number;
  decision: 'clear' | 'caution' | 'local' | 'refer' | 'contraindicated';
  screenedAt: Date;
  /** The first override of this version, if a manager or admin let treatment go ahead. */
  overriddenAt: Date | null;
  /** A physician's clearance recorded against this version. */
  cleared: boolean;
}

export async function listScreeningHistory(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<ScreeningHistoryRow[]> {
  return db.query<ScreeningHistoryRow>(
    `SELECT s.id, s.patient_id AS "patientId", s.intake_version AS "intakeVersion", s.decision,
            s.screened_at AS "screenedAt",
            (SELECT min(o.decided_at) FROM gate_overrides o WHERE o.org_id = s.org_id AND o.patient_id = s.patient_id
              AND o.intake_version = s.intake_version) AS "overriddenAt",
            EXISTS (SELECT 1 FROM clearances c WHERE c.org_id = s.org_id AND c.patient_id = s.patient_id
              AND c.intake_version = s.intake_version) AS cleared
       FROM screening_results s WHERE s.org_id = $1 AND s.patient_id = $2 ORDER BY s.intake_version`,
    [orgId, patientId],
  );
}

export interface IntakeReadingsRow {
  id: string;
  patientId: string;
  submittedAt: Date;
  bloodPressure: { systolic: number; diastolic: number } | null;
  temperatureC: number | null;
}

/** The readings taken with each submitted intake version, oldest first. */
export async function listIntakeReadings(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<IntakeReadingsRow[]> {
  return db.query<IntakeReadingsRow>(
    `SELECT id, patient_id AS "patientId", submitted_at AS "submittedAt",
            answers -> 'answers' -> 'bloodPressure' AS "bloodPressure",
            (answers -> 'answers' ->> 'temperatureC')::numeric::float8 AS "temperatureC"
       FROM intake_responses WHERE org_id = $1 AND patient_id = $2 AND status = 'completed' ORDER BY version`,
    [orgId, patientId],
  );
}

export interface ClearanceLetterRow {
  id: string;
  patientId: string;
  physician: string;
  clearedOn: string;
  scope: string;
  fileId: string;
  filename: string;
  contentType: string;
  size: number;
  recordedAt: Date;
}

/** Each recorded clearance with its letter's name, type and size (not its bytes), oldest first. */
export async function listClearanceLetters(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<ClearanceLetterRow[]> {
  return db.query<ClearanceLetterRow>(
    `SELECT c.id, c.patient_id AS "patientId", c.physician, c.cleared_on::text AS "clearedOn", c.scope,
            c.file_id AS "fileId", f.filename, f.content_type AS "contentType", f.size, c.recorded_at AS "recordedAt"
       FROM clearances c JOIN files f ON f.org_id = c.org_id AND f.id = c.file_id
      WHERE c.org_id = $1 AND c.patient_id = $2 ORDER BY c.recorded_at, c.id`,
    [orgId, patientId],
  );
}

export interface IntakeDocumentRow {
  id: string;
  patientId: string;
  version: number;
  submittedAt: Date;
  submittedRole: string;
  document: Record<string, unknown>;
}

/** Every submitted version of the health questionnaire, oldest first (drafts are the patient's own, unfinished). */
export async function listIntakeDocuments(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<IntakeDocumentRow[]> {
  return db.query<IntakeDocumentRow>(
    `SELECT id, patient_id AS "patientId", version, submitted_at AS "submittedAt", submitted_role AS "submittedRole",
            answers AS document
       FROM intake_responses WHERE org_id = $1 AND patient_id = $2 AND status = 'completed' ORDER BY version`,
    [orgId, patientId],
  );
}
