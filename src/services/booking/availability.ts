/**
 * Free slots for a service: schedule reads cached per schedule stamp, busy time merged per lane, then the pure engine
 * decides.
 */
import { findSlots, type ScheduleData, type ServiceDef, type Slot, type TimeOfDay } from '../../scheduling/index.ts';
import { addDays, dateIn, parseDate } from '../../time/index.ts';
import type { Queryable } from '../../store/database.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { authorize } from '../policies.ts';
import { findService, toServiceDef } from './catalogue.ts';
import { loadForAvailability } from './availability-loader.ts';
import { bookingSettings, type BookingSettings } from './settings.ts';
import type { SlotView } from './errors.ts';
import { slotViews } from './views.ts';
import { cachedAtStamp, noteStampSeen, stampToTry } from './schedule-cache.ts';

export const MAX_RANGE_DAYS = 31;
export const ALTERNATIVES = 5;
/** Alternatives are sought this many days either side of the wanted time. */
export const ALTERNATIVE_SEARCH_DAYS = 3;

export interface AvailabilityInput {
  serviceCode: string;
  /** Local dates; default today (clinic zone) and two weeks from `from`. */
  from?: string;
  to?: string;
  locationId?: string;
  therapistId?: string;
  timeOfDay?: TimeOfDay;
  weekdays?: number[];
  limit: number;
}

export const SERVICE_REFUSAL = 'No such service (or it is no longer offered).';

export async function serviceOrRefuse(
  db: Queryable,
  actor: Actor,
  code: string,
  field = 'serviceCode',
): Promise<ServiceDef & { isInitial: boolean; id: string }> {
  const service = await findService(db, actor.orgId, code);
  if (!service || !service.active) throw new ValidationError({ [field]: SERVICE_REFUSAL });
  return { ...toServiceDef(service), isInitial: service.isInitial, id: service.id };
}

/** What one availability read needs: the checked range, the service, the settings and the loaded schedule. */
async function prepare(ctx: ServiceContext, actor: Actor, input: AvailabilityInput) {
  authorize(actor, 'availability.read');
  const from = input.from ?? dateIn(actor.orgTimeZone, ctx.now());
  const to = input.to ?? addDays(from, 13);
  const days = parseDate(to)! - parseDate(from)! + 1;
  if (days < 1) throw new ValidationError({ to: 'Must not be before from.' });
  if (days > MAX_RANGE_DAYS) throw new ValidationError({ to: `Ask for at most ${MAX_RANGE_DAYS} days at a time.` });
  const now = ctx.now();
  // A patient is never offered a time they are already booked.
  const patientId = actor.role === 'patient' ? (actor.patientId ?? undefined) : undefined;
  const loadAt = async (stamp: string) => {
    const cached = <T>(key: string, load: () => Promise<T>) =>
      cachedAtStamp(ctx.db, stamp, `${actor.orgId}:${key}`, load);
    // Independent reads go out together: on a PostgreSQL pool they overlap, PGlite runs them in turn.
    const [service, settings] = await Promise.all([
      cached(`service:${input.serviceCode}`, () => serviceOrRefuse(ctx.db, actor, input.serviceCode, 'service')),
      cached('settings', () => bookingSettings(ctx.db, actor.orgId)),
    ]);
    const data = await loadForAvailability(ctx.db, actor.orgId, {
      from,
      to,
      now,
      locationIds: input.locationId ? [input.locationId] : undefined,
      discipline: service.discipline,
      therapistId: input.therapistId,
      needsRoom: service.needsRoom,
      bufferAfterMinutes: service.bufferAfterMinutes,
      patientId,
      cached,
    });
    return { service, settings, data };
  };
  // The busy lanes' statement returns the current stamp: a schedule kept at a stamp this server saw earlier is
  // used only if that is still the stamp (a closure shows on the very next read); if not, read again at the new one.
  const tried = await stampToTry(ctx.db, actor);
  let loaded = await loadAt(tried.stamp);
  if (!tried.checked && loaded.data.stamp !== tried.stamp) loaded = await loadAt(loaded.data.stamp);
  noteStampSeen(ctx.db, actor.orgId, loaded.data.stamp);
  const { service, settings, data } = loaded;
  const query = (range: { from: string; to: string; locationIds?: string[] }) => ({
    ...windowOf(settings, now),
    service,
    locationIds: input.locationId ? [input.locationId] : undefined,
    therapistId: input.therapistId,
    patientId,
    timeOfDay: input.timeOfDay,
    weekdays: input.weekdays,
    slotStepMinutes: settings.slotStepMinutes,
    ...range,
  });
  return { from, to, data, query };
}

export async function findAvailability(
  ctx: ServiceContext,
  actor: Actor,
  input: AvailabilityInput,
): Promise<{ slots: SlotView[]; truncated: boolean }> {
  const { from, to, data, query } = await prepare(ctx, actor, input);
  const slots = findSlots(query({ from, to }), data);
  return { slots: slotViews(slots.slice(0, input.limit)), truncated: slots.length > input.limit };
}

/**
 * Each site's first `perSite` free times from `from` to `to`, soonest first, from one read of the schedule: the
 * engine looks over the first `nearDays` for every site (a busy site's first times are nearly always there), then
 * further out only for the sites still short. Sites with no free time are absent.
 */
export async function soonestBySite(
  ctx: ServiceContext,
  actor: Actor,
  input: { serviceCode: string; from: string; to: string; nearDays: number; perSite: number },
): Promise<Map<string, SlotView[]>> {
  const { from, to, data, query } = await prepare(ctx, actor, { ...input, limit: input.perSite });
  const bySite = new Map<string, Slot[]>();
  const keep = (slots: readonly Slot[]) => {
    for (const slot of slots) {
      const here = bySite.get(slot.locationId) ?? [];
      if (here.length < input.perSite) bySite.set(slot.locationId, [...here, slot]);
    }
  };
  const nearTo = addDays(from, input.nearDays - 1) < to ? addDays(from, input.nearDays - 1) : to;
  keep(findSlots(query({ from, to: nearTo }), data));
  const short = data.sites.map((s) => s.locationId).filter((id) => (bySite.get(id)?.length ?? 0) < input.perSite);
  if (short.length > 0 && nearTo < to)
    keep(findSlots(query({ from: addDays(nearTo, 1), to, locationIds: short }), data));
  return new Map([...bySite].map(([site, slots]) => [site, slotViews(slots)]));
}

export function windowOf(settings: BookingSettings, now: Date) {
  return { now: now.getTime(), minNoticeMinutes: settings.minNoticeMinutes, horizonDays: settings.horizonDays };
}

type Wanted = { start: number; therapistId: string; locationId: string; patientId?: string; localDate: string };

function alternativesQuery(service: ServiceDef, settings: BookingSettings, now: Date, wanted: Wanted) {
  return {
    ...windowOf(settings, now),
    service,
    from: addDays(wanted.localDate, -ALTERNATIVE_SEARCH_DAYS),
    to: addDays(wanted.localDate, ALTERNATIVE_SEARCH_DAYS),
    patientId: wanted.patientId,
    slotStepMinutes: settings.slotStepMinutes,
  };
}

/**
 * The same therapist's free times at the same site in the days around the wanted time: they rank first, and
 * when there are ALTERNATIVES of them they are the answer. They need only that therapist's, that patient's and
 * the site's lanes (what a booking's check reads), not every site's.
 */
export function ownAlternatives(
  data: ScheduleData,
  service: ServiceDef,
  settings: BookingSettings,
  now: Date,
  wanted: Wanted,
): Slot[] {
  const query = alternativesQuery(service, settings, now, wanted);
  return findSlots({ ...query, therapistId: wanted.therapistId, locationIds: [wanted.locationId] }, data);
}

/**
 * Up to five free slots near `target`, ranked by rankNear, searched no wider than the answer needs: the same
 * therapist at the same site; when those are too few, the first three tiers (the therapist at any site, anyone at
 * this site); only when those are too few, everyone everywhere (most of a search's work). A narrower search that
 * finds five finds what the wider one would rank first.
 */
export function alternativesFor(
  data: ScheduleData,
  service: ServiceDef,
  settings: BookingSettings,
  now: Date,
  wanted: Wanted,
): Slot[] {
  const first = (slots: readonly Slot[]) => rankNear(slots, wanted).slice(0, ALTERNATIVES);
  const own = ownAlternatives(data, service, settings, now, wanted);
  if (own.length >= ALTERNATIVES) return first(own);
  const query = alternativesQuery(service, settings, now, wanted);
  const therapists = findSlots({ ...query, therapistId: wanted.therapistId }, data);
  const site = findSlots({ ...query, locationIds: [wanted.locationId] }, data);
  const nearer = [...therapists, ...site.filter((s) => s.therapistId !== wanted.therapistId)];
  return first(nearer.length >= ALTERNATIVES ? nearer : findSlots(query, data));
}

/**
 * Same therapist at the same site first, then the same therapist elsewhere, then the same site with
 * another therapist, then the rest; nearest in time within each. (Ours rather than the engine's
 * rankAlternatives, whose signature is still changing.)
 */
export function rankNear(
  slots: readonly Slot[],
  wanted: { start: number; therapistId: string; locationId: string },
): Slot[] {
  const tier = (s: Slot) =>
    (s.therapistId === wanted.therapistId ? 0 : 2) + (s.locationId === wanted.locationId ? 0 : 1);
  return [...slots].sort(
    (a, b) =>
      tier(a) - tier(b) || Math.abs(a.start - wanted.start) - Math.abs(b.start - wanted.start) || a.start - b.start,
  );
}
