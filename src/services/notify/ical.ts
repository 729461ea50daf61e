import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { offsetAt } from '../../time/index.ts';

/**
 * iCalendar (RFC 5545) rendering for calendar feeds and single-appointment `.ics` files. Times are
 * written as the site's wall clock with its TZID, and each zone gets a VTIMEZONE built from the
 * runtime's IANA data, so calendar apps show the right hour on both sides of a DST change.
 */

/**
 * An instant that reads as the wall clock of one zone. ical-generator accepts TZDate-style values
 * (the `internal` / `withTimeZone` / `tzComponents` shape of @date-fns/tz) and formats TZID times
 * from their local getters; this is a dependency-free implementation of that shape.
 */
export class ZonedInstant extends Date {
  readonly internal: Date;
  readonly timeZone: string;
  readonly #wall: Date;

  constructor(instant: number, timeZone: string) {
    super(instant);
    this.internal = new Date(instant);
    this.timeZone = timeZone;
    this.#wall = new Date(instant + offsetAt(instant, timeZone));
  }

  withTimeZone(timeZone: string): ZonedInstant {
    return new ZonedInstant(this.getTime(), timeZone);
  }

  tzComponents() {
    return {
      year: this.getFullYear(),
      month: this.getMonth(),
      date: this.getDate(),
      hours: this.getHours(),
      minutes: this.getMinutes(),
      seconds: this.getSeconds(),
    };
  }

  override getFullYear(): number {
    return this.#wall.getUTCFullYear();
  }
  override getMonth(): number {
    return this.#wall.getUTCMonth();
  }
  override getDate(): number {
    return this.#wall.getUTCDate();
  }
  override getDay(): number {
    return this.#wall.getUTCDay();
  }
  override getHours(): number {
    return this.#wall.getUTCHours();
  }
  override getMinutes(): number {
    return this.#wall.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.#wall.getUTCSeconds();
  }
}

const DAY = 86_400_000;
const MINUTE = 60_000;

function icalOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.abs(ms) / MINUTE;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

function icalLocal(instant: number, offset: number): string {
  return new Date(instant + offset).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

function zoneName(instant: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The offset changes of a zone between two instants, found day by day and then to the minute. */
export function offsetTransitions(
  timeZone: string,
  from: number,
  to: number,
): { at: number; from: number; to: number }[] {
  const found: { at: number; from: number; to: number }[] = [];
  let previous = offsetAt(from, timeZone);
  for (let t = from + DAY; t <= to + DAY; t += DAY) {
    const offset = offsetAt(t, timeZone);
    if (offset === previous) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > MINUTE) {
      const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
      if (offsetAt(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

/**
 * A VTIMEZONE listing each transition in the range as its own observance (RFC 5545 §3.6.5: an
 * observance's DTSTART is local time in the offset it replaces), after one observance for the
 * offset in force at the start of the range.
 */
export function vtimezone(timeZone: string, from: number, to: number): string {
  const initial = offsetAt(from, timeZone);
  const observance = (
    kind: 'STANDARD' | 'DAYLIGHT',
    start: string,
    offsetFrom: number,
    offsetTo: number,
    name: string,
  ) => [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${icalOffset(offsetFrom)}`,
    `TZOFFSETTO:${icalOffset(offsetTo)}`,
    `TZNAME:${name}`,
    `END:${kind}`,
  ];
  const transitions = offsetTransitions(timeZone, from, to);
  const startsInDaylight = transitions[0] !== undefined && transitions[0].to < transitions[0].from;
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance(
      startsInDaylight ? 'DAYLIGHT' : 'STANDARD',
      '19700101T000000',
      initial,
      initial,
      zoneName(from, timeZone),
    ),
  ];
  for (const t of transitions) {
    lines.push(
      ...observance(
        t.to > t.from ? 'DAYLIGHT' : 'STANDARD',
        icalLocal(t.at, t.from),
        t.from,
        t.to,
        zoneName(t.at, timeZone),
      ),
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

export interface CalendarEvent {
  /** Stable per appointment, so a changed appointment updates the event instead of adding one. */
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  timeZone: string;
  summary: string;
  location: string;
  description?: string;
  cancelled: boolean;
  lastModified: Date;
}

export function renderCalendar(options: {
  name: string;
  events: CalendarEvent[];
  now: Date;
  publish?: boolean;
}): string {
  const times = options.events.flatMap((e) => [e.start.getTime(), e.end.getTime()]);
  const from = Math.min(options.now.getTime(), ...times) - 366 * DAY;
  const to = Math.max(options.now.getTime(), ...times) + 366 * DAY;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Knotwork', product: 'Knotwork', language: 'EN' },
    timezone: { name: null, generator: (zone: string) => vtimezone(zone, from, to) },
    ...(options.publish ? { method: ICalCalendarMethod.PUBLISH } : {}),
  });
  for (const e of options.events) {
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start: new ZonedInstant(e.start.getTime(), e.timeZone),
      end: new ZonedInstant(e.end.getTime(), e.timeZone),
      timezone: e.timeZone,
      stamp: options.now,
      lastModified: e.lastModified,
      summary: e.summary,
      location: e.location,
      description: e.description ?? null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
