import type { Queryable } from '../../database.ts';

/**
 * The patient's first recorded values, the "intake" a session is compared with. Reads part A's
 * tables (intake_responses, assessments) as stored jsonb; the service picks out what it needs.
 */

export async function firstNprs(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<{ score: number; takenAt: Date } | null> {
  const rows = await db.query<{ score: number; takenAt: Date }>(
    `SELECT score, taken_at AS "takenAt" FROM measure_responses
      WHERE org_id = $1 AND patient_id = $2 AND measure = 'nprs' ORDER BY taken_at, id LIMIT 1`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

export async function firstNote(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<{
  id: string;
  subjective: Record<string, unknown>;
  objective: Record<string, unknown>;
  createdAt: Date;
} | null> {
  const rows = await db.query<{
    id: string;
    subjective: Record<string, unknown>;
    objective: Record<string, unknown>;
    createdAt: Date;
  }>(
    `SELECT id, subjective, objective, created_at AS "createdAt" FROM session_notes
      WHERE org_id = $1 AND patient_id = $2 ORDER BY created_at, id LIMIT 1`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

export async function firstAssessmentFindings(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<{ findings: Record<string, unknown>; assessedOn: string } | null> {
  const rows = await db.query<{ findings: Record<string, unknown>; assessedOn: string }>(
    `SELECT findings, assessed_on::text AS "assessedOn" FROM assessments
      WHERE org_id = $1 AND patient_id = $2 ORDER BY assessed_on, created_at LIMIT 1`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

/** The latest submitted intake's pain map (region ids), for choosing NDI or ODI. */
export async function latestPainMapRegions(db: Queryable, orgId: string, patientId: string): Promise<string[]> {
  const rows = await db.query<{ region: string | null }>(
    `SELECT e->>'region' AS region
       FROM (SELECT answers FROM intake_responses WHERE org_id = $1 AND patient_id = $2 AND status = 'completed'
              ORDER BY version DESC LIMIT 1) latest,
            jsonb_array_elements(CASE WHEN jsonb_typeof(latest.answers->'painMap') = 'array' THEN
            latest.answers->'painMap' ELSE '[]'::jsonb END) e`,
    [orgId, patientId],
  );
  return rows.map((r) => r.region).filter((r): r is string => typeof r === 'string');
}
