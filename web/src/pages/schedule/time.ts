/**
 * Calendar arithmetic in a site's time zone. The API speaks in instants (ISO strings); people read
 * the clock on the clinic's wall, so every screen converts through the site's IANA zone, never the
 * device's.
 */

export interface WallClock {
  /** YYYY-MM-DD as the site's calendar reads it. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function fields(instant: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The site's wall clock at an instant. */
export function wallClock(instant: string | number, timeZone: string): WallClock {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const f = fields(ms, timeZone);
  return { date: `${f.year}-${pad(f.month!)}-${pad(f.day!)}`, minutes: (f.hour! % 24) * 60 + f.minute! };
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const f = fields(instant, timeZone);
  const asUtc = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour! % 24, f.minute!, f.second!);
  return asUtc - (instant - (instant % 1000));
}

/**
 * The instant a wall-clock time happens at a site. In the spring-forward gap the time does not
 * exist and the later offset wins (02:30 reads as 03:30); in the autumn overlap the first one wins.
 */
export function wallToInstant(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, 0, minutes);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  if (first === second) return first;
  // Two candidates: keep one whose wall clock reads the asked time, preferring the earlier.
  const reads = (t: number) => wallClock(t, timeZone).minutes === minutes && wallClock(t, timeZone).date === date;
  const candidates = [first, second].sort((a, b) => a - b);
  return candidates.find(reads) ?? Math.max(first, second);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The Monday on or before a date: clinic weeks start on Monday. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

export function todayAt(timeZone: string, now: number = Date.now()): string {
  return wallClock(now, timeZone).date;
}

/** 555 → "9:15 am"; 720 → "12 pm". */
export function clockLabel(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  const suffix = h >= 12 ? 'pm' : 'am';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour} ${suffix}` : `${hour}:${pad(m)} ${suffix}`;
}

/** 555 → "09:15", the API's wall-time format. */
export function hhmm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function minutesOf(text: string): number {
  const [h = 0, m = 0] = text.split(':').map(Number);
  return h * 60 + m;
}

const dateFormatters = {
  long: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
  medium: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }),
  short: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }),
};

/** "2026-11-27" → "Friday, November 27, 2026" (long), "Friday, November 27" (medium), "Fri, Nov 27" (short). */
export function dateLabel(date: string, style: keyof typeof dateFormatters = 'medium'): string {
  return dateFormatters[style].format(new Date(`${date}T12:00:00Z`));
}

/** "Pacific Standard Time": the zone's name as people say it, at that instant. */
export function zoneName(timeZone: string, instant: number): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' }).formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "9:15 am" at the site for an ISO instant. */
export function timeAt(instant: string, timeZone: string): string {
  return clockLabel(wallClock(instant, timeZone).minutes);
}
