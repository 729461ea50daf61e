import type { Queryable } from '../database.ts';

/** SQL of the screening gate: screening results, clearances, overrides and clinical tasks. */

export type GateDecision = 'clear' | 'caution' | 'local' | 'refer' | 'contraindicated';

export interface ScreeningRow {
  id: string;
  patientId: string;
  intakeVersion: number;
  decision: GateDecision;
  result: Record<string, unknown>;
  blockingKeys: string[];
  screenedFor: string;
  screenedAt: Date;
  screenedBy: string;
}

const SCREENING_COLUMNS = `id, patient_id AS "patientId", intake_version AS "intakeVersion", decision, result,
  blocking_keys AS "blockingKeys", screened_for::text AS "screenedFor", screened_at AS "screenedAt",
  screened_by AS "screenedBy"`;

export async function insertScreening(
  db: Queryable,
  orgId: string,
  s: Omit<ScreeningRow, 'id'>,
): Promise<ScreeningRow> {
  const rows = await db.query<ScreeningRow>(
    `INSERT INTO screening_results (org_id, patient_id, intake_version, decision, result, blocking_keys, screened_for,
      screened_at, screened_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::text[], $7, $8, $9) RETURNING ${SCREENING_COLUMNS}`,
    [
      orgId,
      s.patientId,
      s.intakeVersion,
      s.decision,
      JSON.stringify(s.result),
      s.blockingKeys,
      s.screenedFor,
      s.screenedAt,
      s.screenedBy,
    ],
  );
  return rows[0]!;
}

export async function screeningFor(
  db: Queryable,
  orgId: string,
  patientId: string,
  version: number,
): Promise<ScreeningRow | null> {
  const rows = await db.query<ScreeningRow>(
    `SELECT ${SCREENING_COLUMNS} FROM screening_results WHERE org_id = $1 AND patient_id = $2 AND intake_version = $3`,
    [orgId, patientId, version],
  );
  return rows[0] ?? null;
}

export interface ClearanceRow {
  id: string;
  patientId: string;
  physician: string;
  clearedOn: string;
  scope: string;
  fileId: string;
  covers: string[];
  intakeVersion: number | null;
  recordedBy: string;
  recordedAt: Date;
}

const CLEARANCE_COLUMNS = `id, patient_id AS "patientId", physician, cleared_on::text AS "clearedOn", scope,
  file_id AS "fileId",
  covers, intake_version AS "intakeVersion", recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

export async function insertClearance(
  db: Queryable,
  orgId: string,
  c: Omit<ClearanceRow, 'id'>,
): Promise<ClearanceRow> {
  const rows = await db.query<ClearanceRow>(
    `INSERT INTO clearances (org_id, patient_id, physician, cleared_on, scope, file_id, covers, intake_version,
      recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10) RETURNING ${CLEARANCE_COLUMNS}`,
    [
      orgId,
      c.patientId,
      c.physician,
      c.clearedOn,
      c.scope,
      c.fileId,
      c.covers,
      c.intakeVersion,
      c.recordedBy,
      c.recordedAt,
    ],
  );
  return rows[0]!;
}

export async function listClearances(db: Queryable, orgId: string, patientId: string): Promise<ClearanceRow[]> {
  return db.query<ClearanceRow>(
    `SELECT ${CLEARANCE_COLUMNS} FROM clearances WHERE org_id = $1 AND patient_id = $2 ORDER BY recorded_at, id`,
    [orgId, patientId],
  );
}

export interface OverrideRow {
  id: string;
  patientId: string;
  intakeVersion: number;
  reason: string;
  decidedBy: string;
  decidedRole: string;
  decidedAt: Date;
}

const OVERRIDE_COLUMNS = `id, patient_id AS "patientId", intake_version AS "intakeVersion", reason,
  decided_by AS "decidedBy", decided_role AS "decidedRole", decided_at AS "decidedAt"`;

export async function insertOverride(db: Queryable, orgId: string, o: Omit<OverrideRow, 'id'>): Promise<OverrideRow> {
  const rows = await db.query<OverrideRow>(
    `INSERT INTO gate_overrides (org_id, patient_id, intake_version, reason, decided_by, decided_role, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${OVERRIDE_COLUMNS}`,
    [orgId, o.patientId, o.intakeVersion, o.reason, o.decidedBy, o.decidedRole, o.decidedAt],
  );
  return rows[0]!;
}

export interface TaskRow {
  id: string;
  patientId: string;
  kind: 'physician-clearance';
  reason: string;
  status: 'open' | 'done';
  intakeVersion: number | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByClearance: string | null;
}

const TASK_COLUMNS = `id, patient_id AS "patientId", kind, reason, status, intake_version AS "intakeVersion",
  created_at AS "createdAt", resolved_at AS "resolvedAt", resolved_by_clearance AS "resolvedByClearance"`;

export async function insertTask(
  db: Queryable,
  orgId: string,
  t: { patientId: string; reason: string; intakeVersion: number; createdBy: string; createdAt: Date },
): Promise<TaskRow> {
  const rows = await db.query<TaskRow>(
    `INSERT INTO clinical_tasks (org_id, patient_id, kind, reason, intake_version, created_by, created_at)
     VALUES ($1, $2, 'physician-clearance', $3, $4, $5, $6) RETURNING ${TASK_COLUMNS}`,
    [orgId, t.patientId, t.reason, t.intakeVersion, t.createdBy, t.createdAt],
  );
  return rows[0]!;
}

export async function openTasks(db: Queryable, orgId: string, patientId: string): Promise<TaskRow[]> {
  return db.query<TaskRow>(
    `SELECT ${TASK_COLUMNS} FROM clinical_tasks WHERE org_id = $1 AND patient_id = $2 AND status = 'open'
      ORDER BY created_at, id`,
    [orgId, patientId],
  );
}

/** Closes every open clearance task of the patient; returns the ids closed. */
export async function closeTasks(
  db: Queryable,
  orgId: string,
  patientId: string,
  by: { userId: string; at: Date; clearanceId: string | null },
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `UPDATE clinical_tasks SET status = 'done', resolved_at = $3, resolved_by = $4, resolved_by_clearance = $5
      WHERE org_id = $1 AND patient_id = $2 AND status = 'open' RETURNING id`,
    [orgId, patientId, by.at, by.userId, by.clearanceId],
  );
  return rows.map((r) => r.id);
}

/** What the treatment gate reads about a patient, read in one round trip (see gateRecords). */
export interface GateRecords {
  /** The latest completed intake. */
  intake: { version: number; answers: Record<string, unknown> } | null;
  /** When the latest screening ran; null before any. */
  screenedAt: Date | null;
  /** In the order they were recorded. */
  clearances: Pick<ClearanceRow, 'id' | 'scope' | 'physician' | 'clearedOn' | 'covers'>[];
  /** Open tasks, oldest first. */
  openTasks: Pick<TaskRow, 'id' | 'kind' | 'reason'>[];
  /** Overrides of the latest intake's version, in the order they were decided, with the decider's name. */
  overrides: (Pick<OverrideRow, 'id' | 'reason' | 'decidedBy' | 'decidedRole'> & {
    decidedAt: Date;
    decidedByName: string | null;
  })[];
}

/**
 * The gate's five reads in one statement: it runs before every treatment step, inside the step's transaction, where
 * each statement is a round trip of its own. Lists come as JSON, so their timestamps are revived here.
 */
export async function gateRecords(db: Queryable, orgId: string, patientId: string): Promise<GateRecords> {
  const [row] = await db.query<{
    intake: GateRecords['intake'];
    screenedAt: Date | null;
    clearances: GateRecords['clearances'];
    openTasks: GateRecords['openTasks'];
    overrides: (Omit<GateRecords['overrides'][number], 'decidedAt'> & { decidedAt: string })[];
  }>(
    `WITH intake AS (
       SELECT i.version, i.answers FROM intake_responses i
        WHERE i.org_id = $1 AND i.patient_id = $2 AND i.status = 'completed' ORDER BY i.version DESC LIMIT 1
     )
     SELECT (SELECT jsonb_build_object('version', version, 'answers', answers) FROM intake) AS intake,
            (SELECT s.screened_at FROM screening_results s WHERE s.org_id = $1 AND s.patient_id = $2
              ORDER BY s.intake_version DESC LIMIT 1) AS "screenedAt",
            (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'scope', c.scope, 'physician', c.physician,
                      'clearedOn', c.cleared_on::text, 'covers', c.covers) ORDER BY c.recorded_at, c.id), '[]')
               FROM clearances c WHERE c.org_id = $1 AND c.patient_id = $2) AS clearances,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'kind', t.kind, 'reason', t.reason)
                      ORDER BY t.created_at, t.id), '[]')
               FROM clinical_tasks t WHERE t.org_id = $1 AND t.patient_id = $2 AND t.status = 'open') AS "openTasks",
            (SELECT coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'reason', o.reason, 'decidedBy', o.decided_by,
                      'decidedRole', o.decided_role, 'decidedAt', o.decided_at,
                      'decidedByName', (SELECT u.display_name FROM users u WHERE u.org_id = o.org_id
                                           AND u.id = o.decided_by)) ORDER BY o.decided_at, o.id), '[]')
               FROM gate_overrides o WHERE o.org_id = $1 AND o.patient_id = $2
                AND o.intake_version = (SELECT version FROM intake)) AS overrides`,
    [orgId, patientId],
  );
  const { overrides, ...rest } = row!;
  return { ...rest, overrides: overrides.map((o) => ({ ...o, decidedAt: new Date(o.decidedAt) })) };
}
