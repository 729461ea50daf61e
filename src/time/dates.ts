/**
 * Calendar dates as the API and the database write them, 'YYYY-MM-DD' strings. Arithmetic goes
 * through day numbers (calendar.ts), so no time zone or daylight-saving change can shift a day.
 */
import { daysFromCivil, civilFromDays, formatDate, parseDate, requireDate, weekdayOf } from './calendar.ts';
import type { Weekday } from './calendar.ts';

/** A real calendar date written YYYY-MM-DD (2026-02-29 and 2026-4-01 are not). */
export function isIsoDate(text: string): boolean {
  return parseDate(text) !== undefined;
}

export function addDays(date: string, days: number): string {
  return formatDate(requireDate(date) + days);
}

/** Same day and month `years` later; 29 February becomes 1 March in a common year. */
export function addYears(date: string, years: number): string {
  const { year, month, day } = civilFromDays(requireDate(date));
  // daysFromCivil counts a day past the month's end into the next month, which is the rule above.
  return formatDate(daysFromCivil(year + years, month, day));
}

/** Whole days from `from` to `to`, negative when `from` is later. */
export function daysBetween(from: string, to: string): number {
  return requireDate(to) - requireDate(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDate(date: string): Weekday {
  return weekdayOf(requireDate(date));
}

/** The Monday on or before a date: clinic weeks start on Monday. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekdayOfDate(date) + 6) % 7));
}
