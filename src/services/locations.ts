import * as repo from '../store/repos/locations.ts';
import { sqlState, SQLSTATE } from '../store/database.ts';
import { audit } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { authorize } from './policies.ts';
import { locationCan, type LocationCan } from './can.ts';
import { createOnce, type Once } from './idempotency.ts';
import { addDays, dateIn, isTimeZone } from '../time/index.ts';

export type Location = repo.LocationRow;
export type LocationFields = repo.LocationFields;
/** A site as answered to one caller: with what that caller may do there. */
export type PresentedLocation = Location & { can: LocationCan };
export type LocationDetail = PresentedLocation & { closures: repo.ClosureRow[] };
export type Closure = repo.ClosureRow;
export type Room = repo.RoomRow;
export type WeeklyHours = repo.WeeklyHours;
/** What a caller sends: a weekday left out is a day the site is closed. */
export type LocationInput = Omit<LocationFields, 'hours'> & { hours: Partial<WeeklyHours> };

/** A closure that ended within this many days still shows, so the desk can explain a recent gap. */
export const RECENT_CLOSURE_DAYS = 30;
export const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

/** Every weekday present, each day's intervals in opening order. */
export function normalizeHours(hours: Partial<WeeklyHours>): WeeklyHours {
  const out: WeeklyHours = {};
  for (const day of WEEKDAYS) out[day] = [...(hours[day] ?? [])].sort((a, b) => a.open.localeCompare(b.open));
  return out;
}

/** Rule breaks in a week of opening hours, keyed `hours.<day>.<index>.<open|close>` as sent. */
export function hoursProblems(hours: Partial<WeeklyHours>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    const intervals = (hours[day] ?? []).map((interval, index) => ({ ...interval, index }));
    for (const i of intervals) {
      if (i.open >= i.close) problems[`hours.${day}.${i.index}.close`] = 'Closing time must be after opening time.';
    }
    const valid = intervals.filter((i) => i.open < i.close).sort((a, b) => a.open.localeCompare(b.open));
    for (let k = 1; k < valid.length; k++) {
      const previous = valid[k - 1]!;
      const current = valid[k]!;
      // Touching intervals (12:00–13:00 then 13:00–17:00) are allowed; sharing a minute is not.
      if (current.open < previous.close) {
        problems[`hours.${day}.${current.index}.open`] = `Overlaps ${previous.open}–${previous.close} on the same day.`;
      }
    }
  }
  return problems;
}

function checkRules(fields: LocationInput): void {
  const problems: Record<string, string> = { ...hoursProblems(fields.hours) };
  if (!isTimeZone(fields.timeZone)) problems.timeZone = 'Use an IANA time zone, e.g. America/Los_Angeles.';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

function rethrowUnique(err: unknown, field: string, message: string): never {
  if (sqlState(err) === SQLSTATE.uniqueViolation) throw new ConflictError(field, message);
  throw err;
}

async function loadLocation(ctx: ServiceContext, actor: Actor, id: string): Promise<Location> {
  const location = await repo.findLocation(ctx.db, actor.orgId, id);
  if (!location) throw new NotFoundError('No such location.');
  return location;
}

/** Patients see the sites they can book; staff also see inactive ones. */
const present = (actor: Actor, location: Location): PresentedLocation => ({
  ...location,
  can: locationCan(actor, location.id),
});

export async function listLocations(ctx: ServiceContext, actor: Actor): Promise<{ locations: PresentedLocation[] }> {
  authorize(actor, 'location.read');
  const locations = await repo.listLocations(ctx.db, actor.orgId, { activeOnly: actor.role === 'patient' });
  return { locations: locations.map((l) => present(actor, l)) };
}

export async function getLocation(ctx: ServiceContext, actor: Actor, id: string): Promise<LocationDetail> {
  authorize(actor, 'location.read');
  const location = await loadLocation(ctx, actor, id);
  if (actor.role === 'patient' && !location.active) throw new NotFoundError('No such location.');
  const since = addDays(dateIn(location.timeZone, ctx.now()), -RECENT_CLOSURE_DAYS);
  return { ...present(actor, location), closures: await repo.listClosures(ctx.db, actor.orgId, id, since) };
}

export async function createLocation(
  ctx: ServiceContext,
  actor: Actor,
  input: LocationInput,
  once?: Once,
): Promise<PresentedLocation> {
  authorize(actor, 'location.create');
  const fields = { ...input, hours: normalizeHours(input.hours) };
  checkRules(input);
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const id = await repo.insertLocation(tx, actor.orgId, fields);
      await audit(tx, actor, [{ action: 'location.create', recordType: 'location', recordId: id }]);
      return present(actor, (await repo.findLocation(tx, actor.orgId, id))!);
    });
  } catch (err) {
    return rethrowUnique(err, 'slug', 'Another location already uses this slug.');
  }
}

export async function updateLocation(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: Partial<LocationInput>,
): Promise<PresentedLocation> {
  const { id: _id, rooms: _rooms, ...current } = await loadLocation(ctx, actor, id);
  authorize(actor, 'location.manage', { locationIds: [id] });
  checkRules({ ...current, ...changes });
  const next: LocationFields = { ...current, ...changes, hours: normalizeHours(changes.hours ?? current.hours) };
  try {
    return await ctx.db.transaction(async (tx) => {
      await repo.updateLocation(tx, actor.orgId, id, next);
      await audit(tx, actor, [
        {
          action: 'location.update',
          recordType: 'location',
          recordId: id,
          detail: { fields: Object.keys(changes).sort() },
        },
      ]);
      return present(actor, (await repo.findLocation(tx, actor.orgId, id))!);
    });
  } catch (err) {
    return rethrowUnique(err, 'slug', 'Another location already uses this slug.');
  }
}

export async function addClosure(
  ctx: ServiceContext,
  actor: Actor,
  locationId: string,
  input: Omit<Closure, 'id'>,
  once?: Once,
): Promise<Closure> {
  await loadLocation(ctx, actor, locationId);
  authorize(actor, 'location.manage', { locationIds: [locationId] });
  if (input.endsOn < input.startsOn)
    throw new ValidationError({ endsOn: 'The last day closed must not be before the first.' });
  return createOnce(ctx, actor, once, async (tx) => {
    const closure = await repo.insertClosure(tx, actor.orgId, locationId, input);
    await audit(tx, actor, [
      {
        action: 'location.closure.create',
        recordType: 'location_closure',
        recordId: closure.id,
        detail: { locationId },
      },
    ]);
    return closure;
  });
}

export async function removeClosure(
  ctx: ServiceContext,
  actor: Actor,
  locationId: string,
  closureId: string,
): Promise<void> {
  await loadLocation(ctx, actor, locationId);
  authorize(actor, 'location.manage', { locationIds: [locationId] });
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteClosure(tx, actor.orgId, locationId, closureId)))
      throw new NotFoundError('No such closure at this location.');
    await audit(tx, actor, [
      {
        action: 'location.closure.delete',
        recordType: 'location_closure',
        recordId: closureId,
        detail: { locationId },
      },
    ]);
  });
}

const DUPLICATE_ROOM = 'This location already has a room with this name.';

export async function addRoom(
  ctx: ServiceContext,
  actor: Actor,
  locationId: string,
  input: { name: string },
  once?: Once,
): Promise<Room> {
  await loadLocation(ctx, actor, locationId);
  authorize(actor, 'location.manage', { locationIds: [locationId] });
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const room = await repo.insertRoom(tx, actor.orgId, locationId, input.name);
      await audit(tx, actor, [
        { action: 'room.create', recordType: 'room', recordId: room.id, detail: { locationId } },
      ]);
      return room;
    });
  } catch (err) {
    return rethrowUnique(err, 'name', DUPLICATE_ROOM);
  }
}

export async function updateRoom(
  ctx: ServiceContext,
  actor: Actor,
  roomId: string,
  changes: { name?: string; active?: boolean },
): Promise<Room> {
  const room = await repo.findRoom(ctx.db, actor.orgId, roomId);
  if (!room) throw new NotFoundError('No such room.');
  authorize(actor, 'location.manage', { locationIds: [room.locationId] });
  try {
    return await ctx.db.transaction(async (tx) => {
      const updated = await repo.updateRoom(tx, actor.orgId, roomId, {
        name: changes.name ?? room.name,
        active: changes.active ?? room.active,
      });
      await audit(tx, actor, [
        {
          action: 'room.update',
          recordType: 'room',
          recordId: roomId,
          detail: { fields: Object.keys(changes).sort() },
        },
      ]);
      return updated;
    });
  } catch (err) {
    return rethrowUnique(err, 'name', DUPLICATE_ROOM);
  }
}
