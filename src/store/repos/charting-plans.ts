import type { Queryable } from '../database.ts';

/** SQL of treatment plans: the plan as a document, status and booking alongside, edits bump `version`. */

export type PlanStatus = 'draft' | 'active' | 'completed';

export interface PlanRow {
  id: string;
  patientId: string;
  status: PlanStatus;
  plan: Record<string, unknown>;
  therapistId: string | null;
  locationId: string | null;
  seriesId: string | null;
  /** The assessment the plan was made from; its diagnoses were copied to `diagnoses`. */
  assessmentId: string | null;
  diagnoses: string[];
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

const COLUMNS = `id, patient_id AS "patientId", status, plan, therapist_id AS "therapistId",
  location_id AS "locationId",
  series_id AS "seriesId", assessment_id AS "assessmentId", diagnoses, version, created_by AS "createdBy",
  created_at AS "createdAt", updated_by AS "updatedBy", updated_at AS "updatedAt"`;

export async function insertPlan(
  db: Queryable,
  orgId: string,
  p: {
    patientId: string;
    plan: unknown;
    therapistId: string;
    locationId: string;
    assessmentId: string | null;
    diagnoses: string[];
    userId: string;
    at: Date;
  },
): Promise<PlanRow> {
  const rows = await db.query<PlanRow>(
    `INSERT INTO treatment_plans (org_id, patient_id, status, plan, therapist_id, location_id, assessment_id,
      diagnoses, created_by, created_at, updated_by, updated_at)
     VALUES ($1, $2, 'draft', $3::jsonb, $4, $5, $8, $9::text[], $6, $7, $6, $7) RETURNING ${COLUMNS}`,
    [
      orgId,
      p.patientId,
      JSON.stringify(p.plan),
      p.therapistId,
      p.locationId,
      p.userId,
      p.at,
      p.assessmentId,
      p.diagnoses,
    ],
  );
  return rows[0]!;
}

export async function findPlan(db: Queryable, orgId: string, id: string): Promise<PlanRow | null> {
  const rows = await db.query<PlanRow>(`SELECT ${COLUMNS} FROM treatment_plans WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
  ]);
  return rows[0] ?? null;
}

export async function listPlans(db: Queryable, orgId: string, patientId: string): Promise<PlanRow[]> {
  return db.query<PlanRow>(
    `SELECT ${COLUMNS} FROM treatment_plans WHERE org_id = $1 AND patient_id = $2 ORDER BY created_at DESC, id`,
    [orgId, patientId],
  );
}

/** Saves when the stored version is still `version`; null when someone else saved first. */
export async function updatePlan(
  db: Queryable,
  orgId: string,
  id: string,
  version: number,
  p: {
    status: PlanStatus;
    plan: unknown;
    therapistId: string;
    locationId: string;
    seriesId: string | null;
    userId: string;
    at: Date;
  },
): Promise<PlanRow | null> {
  const rows = await db.query<PlanRow>(
    `UPDATE treatment_plans SET status = $4, plan = $5::jsonb, therapist_id = $6, location_id = $7, series_id = $8,
            version = version + 1, updated_by = $9, updated_at = $10
      WHERE org_id = $1 AND id = $2 AND version = $3 RETURNING ${COLUMNS}`,
    [orgId, id, version, p.status, JSON.stringify(p.plan), p.therapistId, p.locationId, p.seriesId, p.userId, p.at],
  );
  return rows[0] ?? null;
}
