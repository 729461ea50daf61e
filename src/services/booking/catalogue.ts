/**
 * The services an organisation books. Until a manager edits one, the default catalogue of the
 * scheduling engine applies: each default has a stable id derived from the organisation and its
 * code, and its row is written the first time something needs it (a booking, an edit), in that
 * write's own transaction, so a refused request never leaves a trace.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_SERVICES, type ServiceDef } from '../../scheduling/index.ts';
import { sqlState, SQLSTATE, type Queryable } from '../../store/database.ts';
import * as repo from '../../store/repos/services-catalogue.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { authorize } from '../policies.ts';
import { createOnce, type Once } from '../idempotency.ts';

export type Service = repo.ServiceRow;
export type ServiceFields = repo.ServiceFields;

/** A name-based UUID (version 5 layout, SHA-1, RFC 4122 §4.3) of the organisation and the code. */
export function defaultServiceId(orgId: string, code: string): string {
  const hex = createHash('sha1').update(`knotwork-service:${orgId}:${code}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return (
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-` +
    `${hex.slice(20, 32)}`
  );
}

function fromDefault(orgId: string, def: ServiceDef): Service {
  return {
    id: defaultServiceId(orgId, def.code),
    code: def.code,
    name: def.name,
    discipline: def.discipline,
    durationMinutes: def.durationMinutes,
    bufferAfterMinutes: def.bufferAfterMinutes,
    needsRoom: def.needsRoom,
    isInitial: def.code.startsWith('nmt-initial'),
    requirements: def.requirements.map((r) => ({ ...r, types: [...r.types] })),
    active: true,
    // The clinic sets its own prices; until then patients are told to ask.
    priceCents: null,
    currency: 'USD',
  };
}

export function toServiceDef(service: Service): ServiceDef {
  return {
    code: service.code,
    name: service.name,
    durationMinutes: service.durationMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    discipline: service.discipline,
    requirements: service.requirements,
    needsRoom: service.needsRoom,
  };
}

/** Stored services, plus every default whose code is not stored yet; by code. */
export async function loadCatalogue(db: Queryable, orgId: string): Promise<Service[]> {
  const stored = await repo.listServices(db, orgId);
  const codes = new Set(stored.map((s) => s.code));
  const virtual = DEFAULT_SERVICES.filter((d) => !codes.has(d.code)).map((d) => fromDefault(orgId, d));
  return [...stored, ...virtual].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export async function findService(db: Queryable, orgId: string, code: string): Promise<Service | null> {
  return (await findServiceAndRow(db, orgId, code))?.service ?? null;
}

/** A service by code, and whether its row is stored yet (a default's row is written on its first booking). */
export async function findServiceAndRow(
  db: Queryable,
  orgId: string,
  code: string,
): Promise<{ service: Service; stored: boolean } | null> {
  const stored = (await repo.listServices(db, orgId)).find((s) => s.code === code);
  if (stored) return { service: stored, stored: true };
  const fallback = DEFAULT_SERVICES.find((d) => d.code === code);
  return fallback ? { service: fromDefault(orgId, fallback), stored: false } : null;
}

/** Makes sure a (possibly default) service has its row, which appointments reference. */
export async function ensureServiceRow(db: Queryable, orgId: string, service: Service): Promise<void> {
  const { id, ...fields } = service;
  await repo.insertService(db, orgId, id, fields);
}

export async function listServices(ctx: ServiceContext, actor: Actor): Promise<{ services: Service[] }> {
  authorize(actor, 'service.read');
  const all = await loadCatalogue(ctx.db, actor.orgId);
  // Patients choose among what can be booked; staff also see retired services.
  return { services: actor.role === 'patient' ? all.filter((s) => s.active) : all };
}

function rethrowCode(err: unknown): never {
  if (sqlState(err) === SQLSTATE.uniqueViolation)
    throw new ConflictError('code', 'Another service already uses this code.');
  throw err;
}

export async function createService(
  ctx: ServiceContext,
  actor: Actor,
  fields: ServiceFields,
  once?: Once,
): Promise<Service> {
  authorize(actor, 'service.manage');
  const existing = await loadCatalogue(ctx.db, actor.orgId);
  if (existing.some((s) => s.code === fields.code))
    throw new ConflictError('code', 'Another service already uses this code.');
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const id = defaultServiceId(actor.orgId, fields.code);
      await repo.insertService(tx, actor.orgId, id, fields);
      await audit(tx, actor, [
        { action: 'service.create', recordType: 'service', recordId: id, detail: { code: fields.code } },
      ]);
      return { id, ...fields };
    });
  } catch (err) {
    return rethrowCode(err);
  }
}

/** Changes a service; the code stays (appointments refer to it). A default is stored on its first edit. */
export async function updateService(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: Partial<Omit<ServiceFields, 'code'>>,
): Promise<Service> {
  authorize(actor, 'service.manage');
  const current = (await loadCatalogue(ctx.db, actor.orgId)).find((s) => s.id === id);
  if (!current) throw new NotFoundError('No such service.');
  const next: Service = { ...current, ...changes };
  if (next.discipline !== current.discipline) {
    throw new ValidationError({ discipline: 'A service keeps its discipline; create a new service instead.' });
  }
  return ctx.db.transaction(async (tx) => {
    await ensureServiceRow(tx, actor.orgId, current);
    const { id: _id, ...fields } = next;
    await repo.updateService(tx, actor.orgId, id, fields);
    await audit(tx, actor, [
      {
        action: 'service.update',
        recordType: 'service',
        recordId: id,
        detail: { fields: Object.keys(changes).sort() },
      },
    ]);
    return next;
  });
}
