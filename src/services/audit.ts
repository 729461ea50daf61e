import type { Queryable } from '../store/database.ts';
import {
  findAccounts,
  insertAuditEvents,
  listAuditEvents,
  patientsOfOrganization,
  type AuditEventInput,
  type AuditEventRow,
} from '../store/repos/audit.ts';
import { findPatientIds } from '../store/repos/patients.ts';
import type { Actor, ServiceContext } from './context.ts';
import { ValidationError } from './errors.ts';
import { interpretSearch, isCalendarDate } from './patient-search.ts';
import { authorize } from './policies.ts';

export interface AuditRecord {
  action: string;
  outcome?: 'allowed' | 'denied';
  patientId?: string | null;
  recordType?: string;
  recordId?: string;
  detail?: Record<string, unknown>;
}

/** An actor's records as the events they write (for a statement that writes them along with its own work). */
export function auditEvents(actor: Actor, records: AuditRecord[]): AuditEventInput[] {
  return records.map((r) => ({
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
  }));
}

/** Writes audit events for an actor, in the caller's transaction so a write and its audit land together. */
export function audit(db: Queryable, actor: Actor, records: AuditRecord[]): Promise<void> {
  return insertAuditEvents(db, auditEvents(actor, records));
}

export interface AuditQuery {
  /** The actor: a user id, an email, or (part of) a name. */
  actor?: string;
  /** The patient: an id, or what the patient search takes (name, date of birth, phone). */
  patient?: string;
  action?: string;
  outcome?: 'allowed' | 'denied';
  from?: Date;
  to?: Date;
  before?: number;
  limit?: number;
}

/** A filter by name that matches more people than this asks for more of the name instead. */
const MAX_MATCHES = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refuseFilter = (field: 'actor' | 'patient', sentence: string) =>
  new ValidationError({ [field]: sentence }, sentence);

async function actorsMatching(ctx: ServiceContext, actor: Actor, who: string): Promise<string[]> {
  const text = who.trim();
  const by = UUID.test(text)
    ? { id: text.toLowerCase() }
    : text.includes('@')
      ? { email: text }
      : { words: text.split(/[\s,]+/).filter(Boolean) };
  const ids = await findAccounts(ctx.db, actor.orgId, by, MAX_MATCHES + 1);
  if (ids.length > MAX_MATCHES)
    throw refuseFilter('actor', `More than ${MAX_MATCHES} people match that name. Type more of it.`);
  return ids;
}

/** An id is taken as given (the log is the organisation's own either way); anything else is a patient search. */
async function patientsMatching(ctx: ServiceContext, actor: Actor, patient: string): Promise<string[]> {
  const text = patient.trim();
  if (UUID.test(text)) return [text.toLowerCase()];
  const query = interpretSearch(text);
  if (query.kind === 'all') return [];
  if (query.kind === 'dob' && !isCalendarDate(query.date))
    throw refuseFilter('patient', 'That date of birth is not a real date.');
  const ids = await findPatientIds(ctx.db, actor.orgId, query, MAX_MATCHES + 1);
  if (ids.length > MAX_MATCHES)
    throw refuseFilter(
      'patient',
      `More than ${MAX_MATCHES} patients match. Type more of the name, or the date of birth.`,
    );
  return ids;
}

export async function browseAudit(
  ctx: ServiceContext,
  actor: Actor,
  query: AuditQuery,
): Promise<{ events: AuditEventRow[]; nextBefore: number | null }> {
  authorize(actor, 'audit.read');
  const limit = query.limit ?? 50;
  const actorIds = query.actor?.trim() ? await actorsMatching(ctx, actor, query.actor) : undefined;
  const patientIds = query.patient?.trim() ? await patientsMatching(ctx, actor, query.patient) : undefined;
  const events = await listAuditEvents(ctx.db, {
    orgId: actor.orgId,
    actorIds,
    patientIds,
    action: query.action,
    outcome: query.outcome,
    from: query.from,
    to: query.to,
    before: query.before,
    limit: limit + 1,
  });
  // The log names patients, so reading it is itself an access worth recording (for this organisation's patients only).
  const ownPatients = patientIds ? await patientsOfOrganization(ctx.db, actor.orgId, patientIds) : [];
  await audit(ctx.db, actor, [
    {
      action: 'audit.browse',
      patientId: ownPatients.length === 1 ? ownPatients[0] : null,
      detail: {
        filters: Object.keys(query)
          .filter((k) => query[k as keyof AuditQuery] !== undefined)
          .sort(),
        ...(ownPatients.length > 1 ? { patientIds: ownPatients } : {}),
      },
    },
  ]);
  const page = events.slice(0, limit);
  return { events: page, nextBefore: events.length > limit ? page[page.length - 1]!.id : null };
}
