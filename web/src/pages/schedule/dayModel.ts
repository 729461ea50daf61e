import type { Appointment, WeeklySchedule } from '../../api/scheduling.ts';
import type { Location, Therapist } from '../../api/types.ts';
import { isInactive } from './status.ts';
import { minutesOf, wallClock, weekdayOfDate, instantAt } from './time.ts';

export const SLOT_MINUTES = 15;

export interface Span {
  from: number;
  to: number;
}

/** One appointment placed on the site's wall clock. */
export interface Placed {
  appointment: Appointment;
  from: number;
  to: number;
}

export interface Column {
  therapist: Therapist;
  /** When the therapist works at this site that day (minutes since midnight). */
  shifts: Span[];
  placed: Placed[];
}

export interface DayModel {
  date: string;
  timeZone: string;
  /** The grid's first and last minute: opening hours, widened to fit every shift and visit. */
  start: number;
  end: number;
  open: Span[];
  columns: Column[];
}

/** The site's opening intervals on a date (closed: none). */
export function openingOn(location: Location, date: string): Span[] {
  const intervals = location.hours[String(weekdayOfDate(date))] ?? [];
  return intervals.map((i) => ({ from: minutesOf(i.open), to: minutesOf(i.close) }));
}

/** Template shifts at this site on this date, less time off that overlaps them. */
export function shiftsOn(
  schedule: WeeklySchedule | undefined,
  locationId: string,
  date: string,
  timeZone: string,
): Span[] {
  if (!schedule) return [];
  const weekday = weekdayOfDate(date);
  const shifts: Span[] = schedule.templates
    .filter(
      (t) =>
        t.locationId === locationId &&
        t.weekday === weekday &&
        (!t.validFrom || t.validFrom <= date) &&
        (!t.validTo || t.validTo >= date),
    )
    .map((t) => ({ from: minutesOf(t.start), to: minutesOf(t.end) }));
  const dayStart = instantAt(date, 0, timeZone);
  const dayEnd = instantAt(date, 24 * 60, timeZone);
  for (const e of schedule.exceptions) {
    const s = Date.parse(e.start);
    const t = Date.parse(e.end);
    if (t <= dayStart || s >= dayEnd) continue;
    const span = {
      from: s <= dayStart ? 0 : wallClock(s, timeZone).minutes,
      to: t >= dayEnd ? 24 * 60 : wallClock(t, timeZone).minutes,
    };
    if (e.kind === 'extra-shift' && e.locationId === locationId) shifts.push(span);
    if (e.kind === 'time-off' && (e.locationId === null || e.locationId === locationId)) {
      for (let i = shifts.length - 1; i >= 0; i--) {
        const shift = shifts[i]!;
        if (span.to <= shift.from || span.from >= shift.to) continue;
        shifts.splice(
          i,
          1,
          ...[
            { from: shift.from, to: span.from },
            { from: span.to, to: shift.to },
          ].filter((p) => p.to > p.from),
        );
      }
    }
  }
  return shifts.sort((a, b) => a.from - b.from);
}

export function placeOn(appointment: Appointment, date: string, timeZone: string): Placed {
  const start = wallClock(appointment.start, timeZone);
  const end = wallClock(appointment.end, timeZone);
  const from = start.date < date ? 0 : start.minutes;
  const to = end.date > date ? 24 * 60 : end.minutes;
  return { appointment, from, to: Math.max(to, from + SLOT_MINUTES) };
}

const floorTo = (m: number) => Math.floor(m / 60) * 60;
const ceilTo = (m: number) => Math.ceil(m / 60) * 60;

/**
 * The day calendar of one site: a column for each therapist who works there that day or has a
 * visit there (all the site's therapists when nobody is scheduled), on a grid of whole hours.
 */
export function buildDay(input: {
  date: string;
  location: Location;
  therapists: Therapist[];
  schedules: Map<string, WeeklySchedule>;
  appointments: Appointment[];
  showCancelled: boolean;
}): DayModel {
  const { date, location } = input;
  const timeZone = location.timeZone;
  const open = openingOn(location, date);
  const visible = input.appointments.filter(
    (a) => a.locationId === location.id && (input.showCancelled || !isInactive(a.status)),
  );
  const columns: Column[] = input.therapists.map((therapist) => ({
    therapist,
    shifts: shiftsOn(input.schedules.get(therapist.id), location.id, date, timeZone),
    placed: visible
      .filter((a) => a.therapistId === therapist.id)
      .map((a) => placeOn(a, date, timeZone))
      .sort((a, b) => a.from - b.from),
  }));
  const working = columns.filter((c) => c.shifts.length > 0 || c.placed.length > 0);
  const shown = working.length > 0 ? working : columns;
  const spans = [...open, ...shown.flatMap((c) => [...c.shifts, ...c.placed])];
  const start = spans.length > 0 ? floorTo(Math.min(...spans.map((s) => s.from))) : 8 * 60;
  const end = spans.length > 0 ? ceilTo(Math.max(...spans.map((s) => s.to))) : 18 * 60;
  return { date, timeZone, start, end: Math.max(end, start + 60), open, columns: shown };
}

export function isWithin(spans: Span[], from: number, to: number): boolean {
  return spans.some((s) => s.from <= from && to <= s.to);
}
