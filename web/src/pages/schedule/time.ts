/**
 * Times as the clinic reads them. The API speaks in instants (ISO strings); people read the clock on
 * the clinic's wall, so every screen converts through the site's IANA zone, never the device's. The
 * calendar and zone arithmetic is the server's own (src/time); this file adds the words people read.
 */
import { dateIn, wallClock } from '../../../../src/time/index.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export { addDays, instantAt, mondayOf, wallClock, weekdayOfDate } from '../../../../src/time/index.ts';

/** Today's date at a site; the web app is where the device clock is read. */
export function todayAt(timeZone: string, now: number = Date.now()): string {
  return dateIn(timeZone, now);
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
export { formatWallTime as hhmm } from '../../../../src/time/index.ts';

export function minutesOf(text: string): number {
  const [h = 0, m = 0] = text.split(':').map(Number);
  return h * 60 + m;
}

const dateFormatters = {
  long: new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }),
  medium: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }),
  short: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }),
};

/** "2026-11-27" → "Friday, November 27, 2026" (long), "Friday, November 27" (medium), "Fri, Nov 27" (short). */
export function dateLabel(date: string, style: keyof typeof dateFormatters = 'medium'): string {
  return dateFormatters[style].format(new Date(`${date}T12:00:00Z`));
}

/** "Pacific Standard Time": the zone's name as people say it, at that instant. */
export function zoneName(timeZone: string, instant: number): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "9:15 am" at the site for an ISO instant. */
export function timeAt(instant: string, timeZone: string): string {
  return clockLabel(wallClock(instant, timeZone).minutes);
}
