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
  actorName: string | null;
  action: string;
  outcome: 'allowed' | 'denied';
  patientId: string | null;
  patientName: string | null;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** The columns an event is written with, in the order auditRowsFrom selects them. */
export const AUDIT_COLUMNS =
  'org_id, actor_user_id, actor_role, action, outcome, patient_id, record_type, record_id, ip, detail';

/** Events as the one JSON parameter auditRowsFrom reads. */
export function auditRowsJson(events: AuditEventInput[]): string {
  return JSON.stringify(
    events.map((e) => ({
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
    })),
  );
}

/** A SELECT of AUDIT_COLUMNS from the parameter `param` (auditRowsJson), for an INSERT of them. */
export const auditRowsFrom = (param: string) =>
  `SELECT org_id, actor_user_id, actor_role, action, outcome, patient_id, record_type, record_id, ip,
     coalesce(detail, '{}') FROM json_populate_recordset(null::audit_events, ${param}::json)`;

/** Inserts many events in one statement. */
export async function insertAuditEvents(db: Queryable, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(`INSERT INTO audit_events (${AUDIT_COLUMNS}) ${auditRowsFrom('$1')}`, [auditRowsJson(events)]);
}

export interface AuditFilter {
  orgId: string;
  /** Events by one of these accounts (a filter by name or email resolves to their ids first). */
  actorIds?: string[];
  /** Events about one of these patients: their own, and the searches that listed them. */
  patientIds?: string[];
  action?: string;
  outcome?: 'allowed' | 'denied';
  from?: Date;
  to?: Date;
  /** Keyset paging: events older than this id. */
  before?: number;
  limit: number;
}

export async function listAuditEvents(db: Queryable, f: AuditFilter): Promise<AuditEventRow[]> {
  // Names come from the event's own organisation only: an id from elsewhere names nobody.
  return db.query<AuditEventRow>(
    `SELECT a.id, a.at, a.actor_user_id AS "actorUserId", a.actor_role AS "actorRole", u.email AS "actorEmail",
            u.display_name AS "actorName", a.action, a.outcome, a.patient_id AS "patientId",
            CASE WHEN pt.id IS NULL THEN NULL ELSE pt.given_name || ' ' || pt.family_name END AS "patientName",
            a.record_type AS "recordType", a.record_id AS "recordId", a.ip, a.detail
       FROM audit_events a
       LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.actor_user_id
       LEFT JOIN patients pt ON pt.org_id = a.org_id AND pt.id = a.patient_id
      WHERE a.org_id = $1
        AND ($2::uuid[] IS NULL OR a.actor_user_id = ANY($2::uuid[]))
        AND ($3::uuid[] IS NULL OR a.patient_id = ANY($3::uuid[]) OR a.detail->'patientIds' ?| $3::text[])
        AND ($4::text IS NULL OR a.action LIKE $4 || '%')
        AND ($5::text IS NULL OR a.outcome = $5)
        AND ($6::timestamptz IS NULL OR a.at >= $6)
        AND ($7::timestamptz IS NULL OR a.at < $7)
        AND ($8::bigint IS NULL OR a.id < $8)
      ORDER BY a.id DESC
      LIMIT $9`,
    [
      f.orgId,
      f.actorIds ?? null,
      f.patientIds ?? null,
      f.action ?? null,
      f.outcome ?? null,
      f.from ?? null,
      f.to ?? null,
      f.before ?? null,
      f.limit,
    ],
  );
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Accounts of the organisation whose display name has a word starting with each given word
 * ("dee" and "desk" both find "Dee Desk"), or whose email or id is the given one.
 */
export async function findAccounts(
  db: Queryable,
  orgId: string,
  who: { id?: string; email?: string; words?: string[] },
  limit: number,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT u.id FROM users u
      WHERE u.org_id = $1
        AND ($2::uuid IS NULL OR u.id = $2)
        AND ($3::text IS NULL OR u.email = lower($3))
        AND ($4::text[] IS NULL OR NOT EXISTS (
              SELECT 1 FROM unnest($4::text[]) w WHERE ' ' || lower(u.display_name) NOT LIKE '% ' || w || '%'))
      ORDER BY u.id LIMIT $5`,
    [orgId, who.id ?? null, who.email ?? null, who.words?.map((w) => escapeLike(w.toLowerCase())) ?? null, limit],
  );
  return rows.map((r) => r.id);
}

/** Which of these ids are patients of the organisation. */
export async function patientsOfOrganization(db: Queryable, orgId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM patients WHERE org_id = $1 AND id = ANY($2::uuid[]) ORDER BY id',
    [orgId, ids],
  );
  return rows.map((r) => r.id);
}
