/**
 * The availability engine: every start at which a service can be booked, per site, therapist and
 * room, computed day by day in each site's own time zone.
 *
 * A start t is offered when the session [t, t + duration) lies inside the site's opening hours and
 * the therapist's shift at that site on that local day, the therapist is qualified on that date,
 * nothing of the therapist or the patient overlaps it, turnover buffers on both sides stay free
 * (see BusyIndex), a room is free for session + buffer when the service needs one, and
 * now + notice ≤ t ≤ now + horizon. Starts sit on the local wall-clock grid of `slotStepMinutes`.
 */
import { DAY_MS, MINUTE_MS, requireDate } from '../time/calendar.ts';
import { qualifiedOnDay } from './credentials.ts';
import { BusyIndex, indexBusy } from './busy-index.ts';
import { intersect, merge, overlapsAny, subtract } from './intervals.ts';
import type { Interval } from './intervals.ts';
import { TIME_OF_DAY_MINUTES } from './types.ts';
import type { AvailabilityQuery, BookingWindow, Busy, SiteSchedule, Slot, TherapistSchedule } from './types.ts';
import { compileSite, compileTherapist, openIntervals, shiftIntervals, worksAtSite } from './working-time.ts';
import type { CompiledSite, CompiledTherapist } from './working-time.ts';
import { zoneDay, zoneDayOffsetAt, zoneDayWallToInstant } from '../time/zones.ts';
import type { ZoneDay } from '../time/zones.ts';

export interface ScheduleData {
  sites: readonly SiteSchedule[];
  therapists: readonly TherapistSchedule[];
  /** Existing appointments and holds; pass a BusyIndex to reuse one across queries. */
  busy: readonly Busy[] | BusyIndex;
}

/** Earliest and latest allowed start for a booking window. */
export function startBounds(window: BookingWindow): { earliest: number; latest: number } {
  return {
    earliest: window.now + window.minNoticeMinutes * MINUTE_MS,
    latest: window.now + window.horizonDays * DAY_MS,
  };
}

const positiveModulo = (value: number, modulus: number) => ((value % modulus) + modulus) % modulus;

/** The first instant ≥ x whose local wall time is on the step grid. */
function alignToLocalGrid(x: number, zd: ZoneDay, stepMs: number): number {
  const offset = zoneDayOffsetAt(zd, x);
  return x + positiveModulo(-(x + offset), stepMs);
}

interface RoomLane {
  id: string;
  blocks: Interval[];
}

/** Lowest-id room free for [start, end) given blocks already widened by the buffers. */
export function firstFreeRoom(rooms: readonly RoomLane[], start: number, end: number): string | null {
  for (const room of rooms) if (!overlapsAny(room.blocks, start, end)) return room.id;
  return null;
}

export function roomLanes(
  index: BusyIndex,
  roomIds: readonly string[],
  window: Interval,
  bufferMs: number,
): RoomLane[] {
  return roomIds.map((id) => ({ id, blocks: index.roomBlocks(id, window, bufferMs, bufferMs) }));
}

/**
 * A raw booking list is narrowed to the queried days before indexing: one linear pass is far cheaper
 * than sorting a year of bookings. Two days of margin cover every UTC offset and any turnover.
 */
export function indexForDays(
  busy: readonly Busy[] | BusyIndex,
  fromDay: number,
  toDay: number,
  relevant?: (b: Busy) => boolean,
): BusyIndex {
  if (busy instanceof BusyIndex) return busy;
  const start = (fromDay - 2) * DAY_MS;
  const end = (toDay + 3) * DAY_MS;
  return indexBusy(busy.filter((b) => b.start < end && b.end > start && (!relevant || relevant(b))));
}

function validateQuery(query: AvailabilityQuery): void {
  if (!(query.slotStepMinutes > 0)) throw new RangeError('slotStepMinutes must be positive');
  if (!(query.service.durationMinutes > 0)) throw new RangeError('service duration must be positive');
  if (!(query.service.bufferAfterMinutes >= 0)) throw new RangeError('service buffer must not be negative');
}

export function findSlots(query: AvailabilityQuery, data: ScheduleData): Slot[] {
  validateQuery(query);
  const { service } = query;
  const durationMs = service.durationMinutes * MINUTE_MS;
  const bufferMs = service.bufferAfterMinutes * MINUTE_MS;
  const stepMs = query.slotStepMinutes * MINUTE_MS;
  const fromDay = requireDate(query.from);
  const toDay = requireDate(query.to);
  const { earliest, latest } = startBounds(query);
  const band = query.timeOfDay ? TIME_OF_DAY_MINUTES[query.timeOfDay] : null;
  const weekdays = query.weekdays ? new Set(query.weekdays) : null;
  const wantedSites = query.locationIds ? new Set(query.locationIds) : null;
  const sites = data.sites
    .filter((site) => !wantedSites || wantedSites.has(site.locationId))
    .map(compileSite)
    .sort((a, b) => compare(a.site.locationId, b.site.locationId));
  const therapists = data.therapists
    .filter((t) => t.discipline === service.discipline && (!query.therapistId || t.therapistId === query.therapistId))
    .map(compileTherapist)
    .sort((a, b) => compare(a.therapist.therapistId, b.therapist.therapistId));
  // Only bookings of these therapists, these sites' rooms or this patient can block a slot.
  const therapistIds = new Set(therapists.map((t) => t.therapist.therapistId));
  const roomIds = new Set(sites.flatMap((s) => s.activeRooms));
  const index = indexForDays(
    data.busy,
    fromDay,
    toDay,
    (b) =>
      (b.therapistId !== undefined && therapistIds.has(b.therapistId)) ||
      (b.roomId !== undefined && roomIds.has(b.roomId)) ||
      (query.patientId !== undefined && b.patientId === query.patientId),
  );

  // Generated in (site, day, therapist, start) order, so a stable sort on start alone yields the
  // required (start, site, therapist) order.
  const out: Slot[] = [];
  const qualifiedByState = new Map<CompiledTherapist, Map<string, (day: number) => boolean>>();
  const qualified = (therapist: CompiledTherapist, state: string) => {
    let byState = qualifiedByState.get(therapist);
    if (!byState) qualifiedByState.set(therapist, (byState = new Map()));
    let test = byState.get(state);
    if (!test)
      byState.set(state, (test = qualifiedOnDay(service.requirements, therapist.therapist.credentials, state)));
    return test;
  };
  for (const site of sites) {
    const staff = therapists.filter((t) => worksAtSite(t, site.site.locationId));
    if (staff.length === 0) continue;
    if (service.needsRoom && site.activeRooms.length === 0) continue;
    for (let day = fromDay; day <= toDay; day++) {
      const zd = zoneDay(day, site.site.timeZone);
      if (zd.end <= earliest || zd.start > latest) continue;
      if (weekdays && !weekdays.has(zd.weekday)) continue;
      const open = openIntervals(site, zd);
      if (open.length === 0) continue;
      let startFrom = Math.max(earliest, zd.start);
      let startUntil = Math.min(latest + 1, zd.end); // exclusive
      if (band) {
        startFrom = Math.max(startFrom, zoneDayWallToInstant(zd, band.from));
        startUntil = Math.min(startUntil, zoneDayWallToInstant(zd, band.to));
      }
      if (startFrom >= startUntil) continue;
      emitSiteDay(
        site,
        staff,
        zd,
        { startFrom, startUntil, durationMs, bufferMs, stepMs, open },
        query,
        index,
        out,
        qualified,
      );
    }
  }
  return stableSortByStart(out);
}

interface DayBounds {
  startFrom: number;
  startUntil: number;
  durationMs: number;
  bufferMs: number;
  stepMs: number;
  open: Interval[];
}

function emitSiteDay(
  site: CompiledSite,
  staff: readonly CompiledTherapist[],
  zd: ZoneDay,
  bounds: DayBounds,
  query: AvailabilityQuery,
  index: BusyIndex,
  out: Slot[],
  qualified: (therapist: CompiledTherapist, state: string) => (day: number) => boolean,
): void {
  const { service } = query;
  const { durationMs, bufferMs, stepMs, startFrom, startUntil } = bounds;
  const dayWindow = { start: zd.start, end: zd.end };
  const rooms = service.needsRoom ? roomLanes(index, site.activeRooms, dayWindow, bufferMs) : [];
  const patientBlocks = query.patientId ? index.patientBlocks(query.patientId, dayWindow) : [];
  const { locationId, state } = site.site;
  for (const therapist of staff) {
    const shifts = shiftIntervals(therapist, locationId, zd);
    if (shifts.length === 0) continue;
    if (!qualified(therapist, state)(zd.day)) continue;
    const working = intersect(bounds.open, shifts);
    if (working.length === 0) continue;
    const therapistId = therapist.therapist.therapistId;
    const blocks = index.therapistBlocks(therapistId, dayWindow, bufferMs, bufferMs);
    const free = subtract(working, patientBlocks.length > 0 ? merge([...blocks, ...patientBlocks]) : blocks);
    for (const piece of free) {
      const lastStart = Math.min(startUntil - 1, piece.end - durationMs);
      for (
        let start = alignToLocalGrid(Math.max(piece.start, startFrom), zd, stepMs);
        start <= lastStart;
        start += stepMs
      ) {
        const end = start + durationMs;
        let roomId: string | null = null;
        if (service.needsRoom) {
          roomId = firstFreeRoom(rooms, start, end);
          if (roomId === null) continue;
        }
        out.push({ start, end, therapistId, locationId, roomId });
      }
    }
  }
}

const INDEX_BITS = 2 ** 32;
const MAX_MINUTE_SPAN = 2 ** 20; // 2^20 minutes (~2 years) × 2^32 indices stays below 2^53

/**
 * Stable sort by start. Starts are whole minutes, so (minute offset, original index) packs into one
 * exact double and a native Float64Array sort (no comparator calls) does the work; anything else
 * falls back to Array.prototype.sort, which is stable too.
 */
export function stableSortByStart(slots: Slot[]): Slot[] {
  if (slots.length < 2) return slots;
  let min = Infinity;
  let max = -Infinity;
  for (const slot of slots) {
    if (slot.start < min) min = slot.start;
    if (slot.start > max) max = slot.start;
  }
  const wholeMinutes = slots.every((slot) => (slot.start - min) % MINUTE_MS === 0);
  if (!wholeMinutes || (max - min) / MINUTE_MS >= MAX_MINUTE_SPAN || slots.length >= INDEX_BITS) {
    return slots.sort((a, b) => a.start - b.start);
  }
  const keys = new Float64Array(slots.length);
  for (let i = 0; i < slots.length; i++) keys[i] = ((slots[i]!.start - min) / MINUTE_MS) * INDEX_BITS + i;
  keys.sort();
  const sorted = new Array<Slot>(slots.length);
  for (let i = 0; i < keys.length; i++) sorted[i] = slots[keys[i]! % INDEX_BITS]!;
  return sorted;
}

/** Code-unit order, independent of the runtime's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
