import type { Queryable } from '../database.ts';

/** SQL of assessments: one row per assessment, findings as a document, edits bump `version`. */

export interface AssessmentRow {
  id: string;
  patientId: string;
  appointmentId: string | null;
  assessedOn: string;
  therapistId: string | null;
  findings: Record<string, unknown>;
  /** ICD-10-CM codes from the clinic's list, primary first. */
  diagnoses: string[];
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

const COLUMNS = `id, patient_id AS "patientId", appointment_id AS "appointmentId", assessed_on::text AS "assessedOn",
  therapist_id AS "therapistId", findings, diagnoses, version, created_by AS "createdBy", created_at AS "createdAt",
  updated_by AS "updatedBy", updated_at AS "updatedAt"`;

export async function insertAssessment(
  db: Queryable,
  orgId: string,
  a: {
    patientId: string;
    appointmentId: string | null;
    assessedOn: string;
    therapistId: string | null;
    findings: unknown;
    diagnoses: string[];
    userId: string;
    at: Date;
  },
): Promise<AssessmentRow> {
  const rows = await db.query<AssessmentRow>(
    `INSERT INTO assessments (org_id, patient_id, appointment_id, assessed_on, therapist_id, findings, diagnoses,
      created_by, created_at, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $9::text[], $7, $8, $7, $8) RETURNING ${COLUMNS}`,
    [
      orgId,
      a.patientId,
      a.appointmentId,
      a.assessedOn,
      a.therapistId,
      JSON.stringify(a.findings),
      a.userId,
      a.at,
      a.diagnoses,
    ],
  );
  return rows[0]!;
}

export async function findAssessment(db: Queryable, orgId: string, id: string): Promise<AssessmentRow | null> {
  const rows = await db.query<AssessmentRow>(`SELECT ${COLUMNS} FROM assessments WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
  ]);
  return rows[0] ?? null;
}

export async function listAssessments(db: Queryable, orgId: string, patientId: string): Promise<AssessmentRow[]> {
  return db.query<AssessmentRow>(
    `SELECT ${COLUMNS} FROM assessments WHERE org_id = $1 AND patient_id = $2
      ORDER BY assessed_on DESC, created_at DESC`,
    [orgId, patientId],
  );
}

/** Saves when the stored version is still `version`; null when someone else saved first. */
export async function updateAssessment(
  db: Queryable,
  orgId: string,
  id: string,
  version: number,
  a: { assessedOn: string; findings: unknown; diagnoses: string[]; userId: string; at: Date },
): Promise<AssessmentRow | null> {
  const rows = await db.query<AssessmentRow>(
    `UPDATE assessments SET assessed_on = $4, findings = $5::jsonb, diagnoses = $8::text[], version = version + 1,
      updated_by = $6, updated_at = $7
      WHERE org_id = $1 AND id = $2 AND version = $3 RETURNING ${COLUMNS}`,
    [orgId, id, version, a.assessedOn, JSON.stringify(a.findings), a.userId, a.at, a.diagnoses],
  );
  return rows[0] ?? null;
}

/** The patient an appointment belongs to (null: no such appointment in this organisation). */
export async function appointmentPatient(db: Queryable, orgId: string, appointmentId: string): Promise<string | null> {
  const rows = await db.query<{ patientId: string }>(
    `SELECT patient_id AS "patientId" FROM appointments WHERE org_id = $1 AND id = $2`,
    [orgId, appointmentId],
  );
  return rows[0]?.patientId ?? null;
}
