import type { Queryable } from '../database.ts';

/** SQL of the intake questionnaire: submitted versions (never updated) and one draft per patient. */

export interface IntakeRow {
  id: string;
  patientId: string;
  version: number | null;
  status: 'in-progress' | 'completed';
  answers: Record<string, unknown>;
  submittedBy: string;
  submittedRole: string;
  submittedByName: string | null;
  submittedAt: Date;
}

const COLUMNS = `i.id, i.patient_id AS "patientId", i.version, i.status, i.answers, i.submitted_by AS "submittedBy",
  i.submitted_role AS "submittedRole", (SELECT u.display_name FROM users u WHERE u.org_id = i.org_id
  AND u.id = i.submitted_by) AS "submittedByName",
  i.submitted_at AS "submittedAt"`;

export interface IntakeWrite {
  patientId: string;
  answers: Record<string, unknown>;
  userId: string;
  role: string;
  at: Date;
}

/** Inserts the next version; the patient's existing rows are locked first so two submits number 1, 2. */
export async function insertVersion(db: Queryable, orgId: string, w: IntakeWrite): Promise<IntakeRow> {
  await db.query(`SELECT id FROM patients WHERE org_id = $1 AND id = $2 FOR UPDATE`, [orgId, w.patientId]);
  const rows = await db.query<IntakeRow>(
    `WITH i AS (
       INSERT INTO intake_responses (org_id, patient_id, version, status, answers, submitted_by, submitted_role,
       submitted_at)
       VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM intake_responses WHERE org_id = $1
       AND patient_id = $2),
               'completed', $3::jsonb, $4, $5, $6) RETURNING *)
     SELECT ${COLUMNS} FROM i`,
    [orgId, w.patientId, JSON.stringify(w.answers), w.userId, w.role, w.at],
  );
  return rows[0]!;
}

/** Saves the draft, replacing the previous draft (drafts are not versions). */
export async function upsertDraft(db: Queryable, orgId: string, w: IntakeWrite): Promise<IntakeRow> {
  const rows = await db.query<IntakeRow>(
    `WITH i AS (
       INSERT INTO intake_responses (org_id, patient_id, version, status, answers, submitted_by, submitted_role,
       submitted_at)
       VALUES ($1, $2, NULL, 'in-progress', $3::jsonb, $4, $5, $6)
       ON CONFLICT (org_id, patient_id) WHERE status = 'in-progress'
       DO UPDATE SET answers = EXCLUDED.answers, submitted_by = EXCLUDED.submitted_by,
                     submitted_role = EXCLUDED.submitted_role, submitted_at = EXCLUDED.submitted_at
       RETURNING *)
     SELECT ${COLUMNS} FROM i`,
    [orgId, w.patientId, JSON.stringify(w.answers), w.userId, w.role, w.at],
  );
  return rows[0]!;
}

export async function deleteDraft(db: Queryable, orgId: string, patientId: string): Promise<void> {
  await db.query(`DELETE FROM intake_responses WHERE org_id = $1 AND patient_id = $2 AND status = 'in-progress'`, [
    orgId,
    patientId,
  ]);
}

export async function findDraft(db: Queryable, orgId: string, patientId: string): Promise<IntakeRow | null> {
  const rows = await db.query<IntakeRow>(
    `SELECT ${COLUMNS} FROM intake_responses i WHERE i.org_id = $1 AND i.patient_id = $2 AND i.status = 'in-progress'`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

export async function findVersion(
  db: Queryable,
  orgId: string,
  patientId: string,
  version: number,
): Promise<IntakeRow | null> {
  const rows = await db.query<IntakeRow>(
    `SELECT ${COLUMNS} FROM intake_responses i WHERE i.org_id = $1 AND i.patient_id = $2 AND i.version = $3`,
    [orgId, patientId, version],
  );
  return rows[0] ?? null;
}

export async function latestVersion(db: Queryable, orgId: string, patientId: string): Promise<IntakeRow | null> {
  const rows = await db.query<IntakeRow>(
    `SELECT ${COLUMNS} FROM intake_responses i WHERE i.org_id = $1 AND i.patient_id = $2 AND i.status = 'completed'
      ORDER BY i.version DESC LIMIT 1`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

export interface VersionSummary {
  version: number;
  submittedAt: Date;
  submittedBy: string;
  submittedRole: string;
  submittedByName: string | null;
  decision: string | null;
}

export async function listVersions(db: Queryable, orgId: string, patientId: string): Promise<VersionSummary[]> {
  return db.query<VersionSummary>(
    `SELECT i.version, i.submitted_at AS "submittedAt", i.submitted_by AS "submittedBy",
      i.submitted_role AS "submittedRole",
            (SELECT u.display_name FROM users u WHERE u.org_id = i.org_id
            AND u.id = i.submitted_by) AS "submittedByName",
            s.decision
       FROM intake_responses i
       LEFT JOIN screening_results s ON s.org_id = i.org_id AND s.patient_id = i.patient_id
       AND s.intake_version = i.version
      WHERE i.org_id = $1 AND i.patient_id = $2 AND i.status = 'completed' ORDER BY i.version DESC`,
    [orgId, patientId],
  );
}
