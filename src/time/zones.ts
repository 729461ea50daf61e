/**
 * IANA time-zone conversion without a library. Intl.DateTimeFormat (part of the runtime, not I/O)
 * tells us the wall clock of a zone at an instant; from that we derive the UTC offset and solve the
 * inverse, wall time → instant.
 *
 * Ambiguous wall times follow the "compatible" rule of TC39 Temporal (and RFC 5545 §3.3.5):
 * - gap (spring forward, e.g. 02:30 on 2026-03-08 in Los Angeles does not exist): the wall time is
 *   read with the offset in force before the jump, so it lands after the gap (02:30 → 03:30 PDT);
 * - overlap (fall back, e.g. 01:30 on 2026-11-01 happens twice): the earlier occurrence (PDT) wins.
 */
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  daysFromCivil,
  formatDate,
  formatWallTime,
  requireDate,
  requireWallTime,
  weekdayOf,
} from './calendar.ts';
import type { DayNumber, Weekday } from './calendar.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

let ianaZones: Set<string> | undefined;

/** A zone name from the IANA database as the runtime lists it (e.g. America/Los_Angeles). */
export function isTimeZone(timeZone: string): boolean {
  ianaZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return ianaZones.has(timeZone);
}

/** Per zone, hour number → the offset all through that hour, or NaN when it changes within it. */
const hourOffsets = new Map<string, Map<number, number>>();
/** A fortnight of availability touches a few hundred hours per zone; far more means a long scan, not reuse. */
const MAX_HOURS_PER_ZONE = 50_000;

/**
 * The zone's offset from UTC in milliseconds at `instant` (local = instant + offset). Asking Intl costs microseconds
 * and a fortnight's slots ask thousands of times, so it is asked twice per hour of the clock: when the first and last
 * second of an hour have the same offset, no change falls inside it (real zones change months apart); an hour with a
 * change in it is asked for each instant.
 */
export function offsetAt(instant: number, timeZone: string): number {
  const hour = Math.floor(instant / HOUR_MS);
  let hours = hourOffsets.get(timeZone);
  if (!hours) hourOffsets.set(timeZone, (hours = new Map()));
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = intlOffsetAt(hour * HOUR_MS, timeZone);
    offset = first === intlOffsetAt((hour + 1) * HOUR_MS - 1000, timeZone) ? first : NaN;
    if (hours.size >= MAX_HOURS_PER_ZONE) hours.clear();
    hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? intlOffsetAt(instant, timeZone) : offset;
}

/** offsetAt as Intl gives it: the zone's wall clock at the instant's whole second, less the instant. */
function intlOffsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  let year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0,
    bc = false;
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
    }
  }
  if (bc) year = 1 - year;
  const wallAsUtc = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  return wallAsUtc - wholeSecond;
}

/** Solves wall clock (day number + minutes since midnight, may be ≥ 1440) → instant in a zone. */
export function wallToInstant(dayNumber: DayNumber, minutesOfDay: number, timeZone: string): number {
  const wallAsUtc = dayNumber * DAY_MS + minutesOfDay * MINUTE_MS;
  // Real zones change offset at most once within a day either side, so the offset in force is one
  // of these two. Both fit → overlap; neither fits → gap.
  const before = offsetAt(wallAsUtc - DAY_MS, timeZone);
  const after = offsetAt(wallAsUtc + DAY_MS, timeZone);
  const fits = (offset: number) => offsetAt(wallAsUtc - offset, timeZone) === offset;
  const candidates = [before, after].filter(fits).map((offset) => wallAsUtc - offset);
  if (candidates.length > 0) return Math.min(...candidates);
  return wallAsUtc - before;
}

export function zonedWallTimeToInstant(date: string, time: string, timeZone: string): number {
  return wallToInstant(requireDate(date), requireWallTime(time), timeZone);
}

export interface ZonedParts {
  date: string;
  time: string;
  weekday: Weekday;
}

export function instantToZonedParts(instant: number, timeZone: string): ZonedParts {
  const local = instant + offsetAt(instant, timeZone);
  const dayNumber = Math.floor(local / DAY_MS);
  const minutesOfDay = Math.floor((local - dayNumber * DAY_MS) / MINUTE_MS);
  return { date: formatDate(dayNumber), time: formatWallTime(minutesOfDay), weekday: weekdayOf(dayNumber) };
}

/** A zone's wall clock at an instant: the calendar date and the minutes since local midnight. */
export interface WallClock {
  date: string;
  minutes: number;
}

export function wallClock(instant: string | number | Date, timeZone: string): WallClock {
  const ms = typeof instant === 'string' ? Date.parse(instant) : Number(instant);
  const local = ms + offsetAt(ms, timeZone);
  const dayNumber = Math.floor(local / DAY_MS);
  return { date: formatDate(dayNumber), minutes: Math.floor((local - dayNumber * DAY_MS) / MINUTE_MS) };
}

/** The calendar date (YYYY-MM-DD) in a zone at an instant: "today" there when given now. */
export function dateIn(timeZone: string, instant: number | Date): string {
  return formatDate(localDayOf(Number(instant), timeZone));
}

/** The instant a zone's clocks read `minutes` past midnight on `date` (gap and overlap as above). */
export function instantAt(date: string, minutes: number, timeZone: string): number {
  return wallToInstant(requireDate(date), minutes, timeZone);
}

/** The local day number (in `timeZone`) that contains `instant`. */
export function localDayOf(instant: number, timeZone: string): DayNumber {
  return Math.floor((instant + offsetAt(instant, timeZone)) / DAY_MS);
}

/**
 * One local calendar day of a zone, with offsets computed once: the offset at the start of the day
 * and, on a change day, the instant of the change (found by bisection) and the offset after it. Wall
 * → instant and instant → offset within the day are then plain arithmetic. Assumes at most one
 * change per local day, which holds for every zone in current use.
 */
export interface ZoneDay {
  timeZone: string;
  day: DayNumber;
  weekday: Weekday;
  /** First instant of the local day and first instant of the next one. */
  start: number;
  end: number;
  /** Offset just before the day starts, and whether it holds all day. */
  offset: number;
  uniform: boolean;
  /** On a change day: the first instant of the new offset, and that offset. */
  changeAt: number;
  offsetAfter: number;
}

/** First instant in (low, high] whose offset differs from the one at `low` (minute precision). */
function findChange(low: number, high: number, timeZone: string): number {
  const before = offsetAt(low, timeZone);
  let lo = Math.floor(low / MINUTE_MS);
  let hi = Math.ceil(high / MINUTE_MS);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * MINUTE_MS, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi * MINUTE_MS;
}

const zoneDays = new Map<string, ZoneDay>();
const ZONE_DAY_CACHE_LIMIT = 20_000;

export function zoneDay(day: DayNumber, timeZone: string): ZoneDay {
  const key = `${timeZone}|${day}`;
  const cached = zoneDays.get(key);
  if (cached) return cached;
  const start = wallToInstant(day, 0, timeZone);
  const end = wallToInstant(day + 1, 0, timeZone);
  // The offset in force just before the day begins, so a change at local midnight (America/Santiago,
  // for one) counts as a change within the day.
  const offset = offsetAt(start - 1, timeZone);
  const last = offsetAt(end - 1, timeZone);
  const uniform = last === offset;
  const changeAt = uniform ? end : findChange(start - 1, end - 1, timeZone);
  const result: ZoneDay = {
    timeZone,
    day,
    weekday: weekdayOf(day),
    start,
    end,
    offset,
    uniform,
    changeAt,
    offsetAfter: last,
  };
  // The cache only memoises a pure function; it is bounded so a long-running server cannot grow it.
  if (zoneDays.size >= ZONE_DAY_CACHE_LIMIT) zoneDays.clear();
  zoneDays.set(key, result);
  return result;
}

/** Wall time of this day → instant, by the same gap/overlap rule as wallToInstant. */
export function zoneDayWallToInstant(zd: ZoneDay, minutesOfDay: number): number {
  const wallAsUtc = zd.day * DAY_MS + minutesOfDay * MINUTE_MS;
  const early = wallAsUtc - zd.offset;
  if (zd.uniform || early < zd.changeAt) return early; // also the earlier reading of an overlap
  const late = wallAsUtc - zd.offsetAfter;
  return late >= zd.changeAt ? late : early; // neither reading fits: a gap, read with the old offset
}

/** The zone's offset at an instant inside this day. */
export function zoneDayOffsetAt(zd: ZoneDay, instant: number): number {
  return instant < zd.changeAt ? zd.offset : zd.offsetAfter;
}
