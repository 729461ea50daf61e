import type { Queryable } from '../store/database.ts';
import { insertAuditEvents, listAuditEvents, type AuditEventRow } from '../store/repos/audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { authorize } from './policies.ts';

export interface AuditRecord {
  action: string;
  outcome?: 'allowed' | 'denied';
  patientId?: string | null;
  recordType?: string;
  recordId?: string;
  detail?: Record<string, unknown>;
}

/** Writes audit events for an actor, in the caller's transaction so a write and its audit land together. */
export function audit(db: Queryable, actor: Actor, records: AuditRecord[]): Promise<void> {
  return insertAuditEvents(
    db,
    records.map((r) => ({
      orgId: actor.orgId,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: r.action,
      outcome: r.outcome ?? 'allowed',
      patientId: r.patientId ?? null,
      recordType: r.recordType ?? null,
      recordId: r.recordId ?? null,
      ip: actor.ip,
      detail: r.detail,
    })),
  );
}

export interface AuditQuery {
  /** User id or email of the actor. */
  actor?: string;
  patientId?: string;
  action?: string;
  outcome?: 'allowed' | 'denied';
  from?: Date;
  to?: Date;
  before?: number;
  limit?: number;
}

export async function browseAudit(
  ctx: ServiceContext,
  actor: Actor,
  query: AuditQuery,
): Promise<{ events: AuditEventRow[]; nextBefore: number | null }> {
  authorize(actor, 'audit.read');
  const limit = query.limit ?? 50;
  const events = await listAuditEvents(ctx.db, { ...query, orgId: actor.orgId, limit: limit + 1 });
  // The log names patients, so reading it is itself an access worth recording.
  await audit(ctx.db, actor, [{ action: 'audit.browse', patientId: query.patientId ?? null, detail: { filters: Object.keys(query).sort() } }]);
  const page = events.slice(0, limit);
  return { events: page, nextBefore: events.length > limit ? page[page.length - 1]!.id : null };
}
