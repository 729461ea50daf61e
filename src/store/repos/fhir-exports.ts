import type { Queryable } from '../database.ts';

/** Bulk FHIR exports and their NDJSON files (migration 0028). */

export interface ExportRow {
  id: string;
  orgId: string;
  requestedBy: string;
  actor: Record<string, unknown>;
  request: string;
  level: 'system' | 'patient' | 'group';
  groupId: string | null;
  types: string[];
  since: Date | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  transactionTime: Date | null;
  error: string | null;
}

export interface ExportFileRow {
  type: string;
  part: number;
  count: number;
}

const COLUMNS = `id, org_id AS "orgId", requested_by AS "requestedBy", actor, request, level, group_id AS "groupId",
  types, since, status, progress, transaction_time AS "transactionTime", error`;

export async function insertExport(
  db: Queryable,
  e: Pick<ExportRow, 'orgId' | 'requestedBy' | 'actor' | 'request' | 'level' | 'groupId' | 'types' | 'since'>,
  now: Date,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO fhir_exports (org_id, requested_by, actor, request, level, group_id, types, since, created_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [e.orgId, e.requestedBy, JSON.stringify(e.actor), e.request, e.level, e.groupId, e.types, e.since, now],
  );
  return rows[0]!.id;
}

export async function findExport(db: Queryable, orgId: string, id: string): Promise<ExportRow | null> {
  const rows = await db.query<ExportRow>(`SELECT ${COLUMNS} FROM fhir_exports WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
  ]);
  return rows[0] ?? null;
}

/** Marks the export running from `at` (its transaction time), dropping files of an earlier, interrupted run. */
export async function startExport(db: Queryable, orgId: string, id: string, at: Date): Promise<boolean> {
  await db.query('DELETE FROM fhir_export_files WHERE org_id = $1 AND export_id = $2', [orgId, id]);
  const rows = await db.query(
    `UPDATE fhir_exports SET status = 'running', progress = 0, transaction_time = $3, error = NULL
      WHERE org_id = $1 AND id = $2 RETURNING id`,
    [orgId, id, at],
  );
  return rows.length > 0;
}

/** False once the export is gone (cancelled): the worker stops. */
export async function setProgress(db: Queryable, orgId: string, id: string, progress: number): Promise<boolean> {
  const rows = await db.query('UPDATE fhir_exports SET progress = $3 WHERE org_id = $1 AND id = $2 RETURNING id', [
    orgId,
    id,
    progress,
  ]);
  return rows.length > 0;
}

export async function insertExportFile(
  db: Queryable,
  orgId: string,
  exportId: string,
  file: ExportFileRow & { ndjson: string },
): Promise<void> {
  await db.query(
    `INSERT INTO fhir_export_files (org_id, export_id, type, part, count, ndjson) VALUES ($1, $2, $3, $4, $5, $6)`,
    [orgId, exportId, file.type, file.part, file.count, file.ndjson],
  );
}

export async function finishExport(
  db: Queryable,
  orgId: string,
  id: string,
  outcome: { status: 'done' | 'failed'; error?: string },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE fhir_exports SET status = $3, error = $4, progress = CASE WHEN $3 = 'done' THEN 100 ELSE progress END,
       finished_at = $5 WHERE org_id = $1 AND id = $2`,
    [orgId, id, outcome.status, outcome.error ?? null, now],
  );
}

export function listExportFiles(db: Queryable, orgId: string, exportId: string): Promise<ExportFileRow[]> {
  return db.query<ExportFileRow>(
    `SELECT type, part, count FROM fhir_export_files WHERE org_id = $1 AND export_id = $2 ORDER BY type, part`,
    [orgId, exportId],
  );
}

export async function readExportFile(
  db: Queryable,
  orgId: string,
  exportId: string,
  type: string,
  part: number,
): Promise<{ ndjson: string; count: number } | null> {
  const rows = await db.query<{ ndjson: string; count: number }>(
    `SELECT ndjson, count FROM fhir_export_files WHERE org_id = $1 AND export_id = $2 AND type = $3 AND part = $4`,
    [orgId, exportId, type, part],
  );
  return rows[0] ?? null;
}

export async function deleteExport(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM fhir_exports WHERE org_id = $1 AND id = $2 RETURNING id', [orgId, id]);
  return rows.length > 0;
}

/** Patients of the organisation, or of one site (registered there, or preferring it), in a stable order. */
export function exportPatientIds(db: Queryable, orgId: string, siteId: string | null): Promise<{ id: string }[]> {
  return db.query<{ id: string }>(
    siteId === null
      ? 'SELECT id FROM patients WHERE org_id = $1 AND merged_into IS NULL ORDER BY id'
      : `SELECT p.id FROM patients p WHERE p.org_id = $1 AND p.merged_into IS NULL
           AND (p.preferred_location_id = $2 OR EXISTS (SELECT 1 FROM patient_sites s
             WHERE s.org_id = p.org_id AND s.patient_id = p.id AND s.location_id = $2))
         ORDER BY p.id`,
    siteId === null ? [orgId] : [orgId, siteId],
  );
}

/** The organisation's first active administrator, in whose name an operator's export is read and audited. */
export async function firstAdmin(
  db: Queryable,
  orgId: string,
): Promise<{ id: string; email: string; displayName: string } | null> {
  const rows = await db.query<{ id: string; email: string; displayName: string }>(
    `SELECT id, email, display_name AS "displayName" FROM users
      WHERE org_id = $1 AND role = 'admin' AND disabled_at IS NULL ORDER BY email, id LIMIT 1`,
    [orgId],
  );
  return rows[0] ?? null;
}
