/**
 * When a site is open and when a therapist works there, as instants for one local day. Schedules are
 * compiled once per call (strings parsed to numbers, templates grouped by site) so the day loops of
 * the engine do arithmetic only.
 */
import { requireDate, requireWallTime } from '../time/calendar.ts';
import type { DayNumber, Weekday } from '../time/calendar.ts';
import { intersect, merge, subtract } from './intervals.ts';
import type { Interval } from './intervals.ts';
import { zoneDayWallToInstant } from '../time/zones.ts';
import type { ZoneDay } from '../time/zones.ts';
import type { SiteSchedule, TherapistSchedule, WeekdayKey } from './types.ts';

interface WallRange {
  start: number;
  end: number;
}

export interface CompiledSite {
  site: SiteSchedule;
  hoursByWeekday: WallRange[][];
  closures: Array<{ from: DayNumber; to: DayNumber }>;
  /** Active room ids in ascending order: the first free one is the one we book. */
  activeRooms: string[];
}

interface CompiledTemplate extends WallRange {
  weekday: Weekday;
  from: DayNumber;
  to: DayNumber;
}

export interface CompiledTherapist {
  therapist: TherapistSchedule;
  templatesBySite: Map<string, CompiledTemplate[]>;
  extraShiftsBySite: Map<string, Interval[]>;
  timeOff: Array<{ locationId?: string; start: number; end: number }>;
}

const WEEKDAY_KEYS: WeekdayKey[] = ['0', '1', '2', '3', '4', '5', '6'];

function wallRange(start: string, end: string): WallRange | null {
  const range = { start: requireWallTime(start), end: requireWallTime(end) };
  return range.end > range.start ? range : null;
}

export function compileSite(site: SiteSchedule): CompiledSite {
  return {
    site,
    hoursByWeekday: WEEKDAY_KEYS.map((key) =>
      (site.hours[key] ?? []).map((h) => wallRange(h.open, h.close)).filter((r): r is WallRange => r !== null),
    ),
    closures: site.closures.map((c) => ({ from: requireDate(c.startsOn), to: requireDate(c.endsOn) })),
    activeRooms: site.rooms
      .filter((room) => room.active)
      .map((room) => room.id)
      .sort(),
  };
}

/**
 * Compiled once per schedule object: a refused booking checks hundreds of candidate times against the
 * same therapist. Schedules are never changed after loading (a new load makes new objects).
 */
const compiledTherapists = new WeakMap<TherapistSchedule, CompiledTherapist>();

export function compileTherapist(therapist: TherapistSchedule): CompiledTherapist {
  let compiled = compiledTherapists.get(therapist);
  if (!compiled) compiledTherapists.set(therapist, (compiled = compileTherapistOnce(therapist)));
  return compiled;
}

function compileTherapistOnce(therapist: TherapistSchedule): CompiledTherapist {
  const templatesBySite = new Map<string, CompiledTemplate[]>();
  for (const template of therapist.templates) {
    const range = wallRange(template.start, template.end);
    if (!range) continue;
    const compiled: CompiledTemplate = {
      ...range,
      weekday: template.weekday,
      from: template.validFrom ? requireDate(template.validFrom) : -Infinity,
      to: template.validTo ? requireDate(template.validTo) : Infinity,
    };
    const list = templatesBySite.get(template.locationId);
    if (list) list.push(compiled);
    else templatesBySite.set(template.locationId, [compiled]);
  }
  const extraShiftsBySite = new Map<string, Interval[]>();
  const timeOff: CompiledTherapist['timeOff'] = [];
  for (const exception of therapist.exceptions) {
    if (!(exception.end > exception.start)) continue;
    if (exception.kind === 'time-off') {
      timeOff.push({ locationId: exception.locationId, start: exception.start, end: exception.end });
    } else if (exception.locationId !== undefined) {
      const list = extraShiftsBySite.get(exception.locationId) ?? [];
      list.push({ start: exception.start, end: exception.end });
      extraShiftsBySite.set(exception.locationId, list);
    }
  }
  return { therapist, templatesBySite, extraShiftsBySite, timeOff };
}

export function worksAtSite(compiled: CompiledTherapist, locationId: string): boolean {
  return compiled.templatesBySite.has(locationId) || compiled.extraShiftsBySite.has(locationId);
}

/** Whether the therapist has a shift (weekly or extra) at any of these sites: only there can they be offered. */
export function worksAtAny(therapist: TherapistSchedule, locationIds: readonly string[]): boolean {
  const compiled = compileTherapist(therapist);
  return locationIds.some((id) => worksAtSite(compiled, id));
}

export function isClosedOn(site: CompiledSite, day: DayNumber): boolean {
  return site.closures.some((closure) => closure.from <= day && day <= closure.to);
}

/** The site's opening hours on this local day as instants; none on a closure day. */
export function openIntervals(site: CompiledSite, zd: ZoneDay): Interval[] {
  if (isClosedOn(site, zd.day)) return [];
  const ranges = site.hoursByWeekday[zd.weekday] ?? [];
  return merge(ranges.map((r) => ({ start: zoneDayWallToInstant(zd, r.start), end: zoneDayWallToInstant(zd, r.end) })));
}

/**
 * The therapist's shifts at this site on this local day: weekly templates valid that day plus extra
 * shifts (clipped to the day), minus time off at this site or everywhere.
 */
export function shiftIntervals(therapist: CompiledTherapist, locationId: string, zd: ZoneDay): Interval[] {
  const shifts: Interval[] = [];
  for (const template of therapist.templatesBySite.get(locationId) ?? []) {
    if (template.weekday !== zd.weekday || zd.day < template.from || zd.day > template.to) continue;
    shifts.push({ start: zoneDayWallToInstant(zd, template.start), end: zoneDayWallToInstant(zd, template.end) });
  }
  const extra = therapist.extraShiftsBySite.get(locationId);
  if (extra) shifts.push(...intersect(extra, [{ start: zd.start, end: zd.end }]));
  if (shifts.length === 0) return [];
  const away = therapist.timeOff.filter(
    (off) =>
      (off.locationId === undefined || off.locationId === locationId) && off.start < zd.end && off.end > zd.start,
  );
  return away.length === 0 ? merge(shifts) : subtract(shifts, away);
}
