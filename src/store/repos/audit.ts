import type { Queryable } from '../database.ts';

export interface AuditEventInput {
  orgId: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  outcome: 'allowed' | 'denied';
  patientId?: string | null;
  recordType?: string | null;
  recordId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditEventRow {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorRole: string | null;
  actorEmail: string | null;
  action: string;
  outcome: 'allowed' | 'denied';
  patientId: string | null;
  patientName: string | null;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** Inserts many events in one statement (a search audits every patient it returns). */
export async function insertAuditEvents(db: Queryable, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({
    org_id: e.orgId,
    actor_user_id: e.actorUserId,
    actor_role: e.actorRole,
    action: e.action,
    outcome: e.outcome,
    patient_id: e.patientId ?? null,
    record_type: e.recordType ?? null,
    record_id: e.recordId ?? null,
    ip: e.ip ?? null,
    detail: e.detail ?? {},
  }));
  await db.query(
    `INSERT INTO audit_events (org_id, actor_user_id, actor_role, action, outcome, patient_id, record_type, record_id, ip, detail)
     SELECT org_id, actor_user_id, actor_role, action, outcome, patient_id, record_type, record_id, ip, coalesce(detail, '{}')
     FROM json_populate_recordset(null::audit_events, $1::json)`,
    [JSON.stringify(rows)],
  );
}

export interface AuditFilter {
  orgId: string;
  /** User id or email of the actor. */
  actor?: string;
  patientId?: string;
  action?: string;
  outcome?: 'allowed' | 'denied';
  from?: Date;
  to?: Date;
  /** Keyset paging: events older than this id. */
  before?: number;
  limit: number;
}

export async function listAuditEvents(db: Queryable, f: AuditFilter): Promise<AuditEventRow[]> {
  return db.query<AuditEventRow>(
    `SELECT a.id, a.at, a.actor_user_id AS "actorUserId", a.actor_role AS "actorRole", u.email AS "actorEmail",
            a.action, a.outcome, a.patient_id AS "patientId",
            CASE WHEN p.id IS NULL THEN NULL ELSE p.given_name || ' ' || p.family_name END AS "patientName",
            a.record_type AS "recordType", a.record_id AS "recordId", a.ip, a.detail
       FROM audit_events a
       LEFT JOIN users u ON u.id = a.actor_user_id
       LEFT JOIN patients p ON p.id = a.patient_id
      WHERE a.org_id = $1
        AND ($2::text IS NULL OR a.actor_user_id::text = $2 OR u.email = lower($2))
        AND ($3::uuid IS NULL OR a.patient_id = $3)
        AND ($4::text IS NULL OR a.action LIKE $4 || '%')
        AND ($5::text IS NULL OR a.outcome = $5)
        AND ($6::timestamptz IS NULL OR a.at >= $6)
        AND ($7::timestamptz IS NULL OR a.at < $7)
        AND ($8::bigint IS NULL OR a.id < $8)
      ORDER BY a.id DESC
      LIMIT $9`,
    [f.orgId, f.actor ?? null, f.patientId ?? null, f.action ?? null, f.outcome ?? null, f.from ?? null, f.to ?? null, f.before ?? null, f.limit],
  );
}
