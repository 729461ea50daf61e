/** Reads behind visits that no longer fit the schedule: who the therapists are, and which patients were told. */
import type { Queryable } from '../database.ts';

export async function therapistNames(db: Queryable, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }>(
    `SELECT id, given_name || ' ' || family_name AS name FROM therapists WHERE org_id = $1 AND id = ANY($2::uuid[])`,
    [orgId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * When each appointment's patient was last sent a "please choose a new time" notice that still
 * stands: queued since the appointment last changed (a move or a status change makes it stale).
 */
export async function lastNotices(db: Queryable, orgId: string, appointmentIds: string[]): Promise<Map<string, Date>> {
  if (appointmentIds.length === 0) return new Map();
  const rows = await db.query<{ appointmentId: string; notifiedAt: Date }>(
    `SELECT o.appointment_id AS "appointmentId", max(o.created_at) AS "notifiedAt"
       FROM outbox_messages o
       JOIN appointments a ON a.org_id = o.org_id AND a.id = o.appointment_id
      WHERE o.org_id = $1 AND o.appointment_id = ANY($2::uuid[]) AND o.kind = 'visit-affected'
        AND o.status <> 'cancelled' AND o.created_at >= a.updated_at
      GROUP BY o.appointment_id`,
    [orgId, appointmentIds],
  );
  return new Map(rows.map((r) => [r.appointmentId, new Date(r.notifiedAt)]));
}
