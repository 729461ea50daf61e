/**
 * Calendar dates ('YYYY-MM-DD') and wall times ('HH:MM') as plain numbers: day numbers count days
 * since 1970-01-01, wall times count minutes since midnight. No Date object and no clock: the
 * conversions are the proleptic-Gregorian "days from civil" / "civil from days" algorithms described
 * by Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013),
 * http://howardhinnant.github.io/date_algorithms.html (re-derived here in our own code).
 */
export type DayNumber = number;
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9; // March = 0 so the leap day falls last
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function civilFromDays(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses 'YYYY-MM-DD'; undefined for malformed or impossible dates such as 2026-02-30. */
export function parseDate(text: string): DayNumber | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const dayNumber = daysFromCivil(year, month, day);
  const back = civilFromDays(dayNumber);
  return back.month === month && back.day === day ? dayNumber : undefined;
}

export function requireDate(text: string): DayNumber {
  const day = parseDate(text);
  if (day === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: DayNumber): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

/** Minutes since midnight for 'HH:MM'; '24:00' is allowed and means the end of the day. */
export function parseWallTime(text: string): number | undefined {
  // Hand-rolled rather than a RegExp: schedules are parsed on every availability query.
  if (text.length !== 5 || text.charCodeAt(2) !== 58 /* ':' */) return undefined;
  const digit = (i: number) => {
    const code = text.charCodeAt(i) - 48;
    return code >= 0 && code <= 9 ? code : NaN;
  };
  const hours = digit(0) * 10 + digit(1);
  const minutes = digit(3) * 10 + digit(4);
  if (Number.isNaN(hours) || Number.isNaN(minutes)) return undefined;
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}

export function requireWallTime(text: string): number {
  const minutes = parseWallTime(text);
  if (minutes === undefined) throw new RangeError(`not a wall time (HH:MM): ${JSON.stringify(text)}`);
  return minutes;
}

export function formatWallTime(minutesOfDay: number): string {
  return `${pad(Math.floor(minutesOfDay / 60))}:${pad(minutesOfDay % 60)}`;
}
