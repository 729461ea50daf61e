import { addDays, isIsoDate } from '../time/index.ts';

/**
 * FHIR search parameters, read into what the services filter by. A value that cannot be read is
 * returned as a refusal in plain words, which the API answers 400 with an OperationOutcome naming it.
 */
export interface Refusal {
  refused: string;
}

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'refused' in value;

/** Calendar dates, both ends included; an open end is undefined. */
export interface DateRange {
  from?: string;
  to?: string;
}

function lastDayOfMonth(year: number, month: number): string {
  return addDays(`${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`, -1);
}

/** The days a FHIR date value (YYYY, YYYY-MM, YYYY-MM-DD or a date-time) covers. */
function daysOf(value: string): { first: string; last: string } | null {
  if (/^\d{4}$/.test(value)) return { first: `${value}-01-01`, last: `${value}-12-31` };
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    return { first: `${value}-01`, last: lastDayOfMonth(Number(month[1]), m) };
  }
  const day = value.slice(0, 10);
  if (!isIsoDate(day) || (value.length > 10 && !/^T\d{2}:\d{2}/.test(value.slice(10)))) return null;
  return { first: day, last: day };
}

/** `date` values with their prefixes (eq, ge, gt, le, lt; none means eq), all of which must hold. */
export function parseDateParams(values: readonly string[], name = 'date'): DateRange | Refusal {
  const range: DateRange = {};
  for (const raw of values) {
    const prefix = /^(eq|ge|gt|le|lt)/.exec(raw)?.[1] ?? 'eq';
    const days = daysOf(raw.startsWith(prefix) ? raw.slice(prefix.length) : raw);
    if (!days) return { refused: `The ${name} "${raw}" is not a date. Use YYYY-MM-DD, e.g. ge2026-01-01.` };
    const later = (a: string | undefined, b: string) => (a === undefined || b > a ? b : a);
    const earlier = (a: string | undefined, b: string) => (a === undefined || b < a ? b : a);
    if (prefix === 'eq' || prefix === 'ge') range.from = later(range.from, days.first);
    if (prefix === 'eq' || prefix === 'le') range.to = earlier(range.to, days.last);
    if (prefix === 'gt') range.from = later(range.from, addDays(days.last, 1));
    if (prefix === 'lt') range.to = earlier(range.to, addDays(days.first, -1));
  }
  return range;
}

export function inRange(date: string, range: DateRange): boolean {
  return (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);
}

/** A token: `system|code`, `|code` (no system) or `code` (any system). */
export function parseToken(value: string): { system?: string; code: string } {
  const bar = value.indexOf('|');
  if (bar < 0) return { code: value };
  return { system: value.slice(0, bar), code: value.slice(bar + 1) };
}

/** A reference parameter (`patient=Patient/123` or `patient=123`): the id. */
export function referenceId(value: string, type: string): string {
  return value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
}

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 500;

export function parseCount(value: string | undefined): number | Refusal {
  if (value === undefined) return DEFAULT_COUNT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    return { refused: `_count must be a whole number from 0 to ${MAX_COUNT}; "${value}" is not.` };
  return Math.min(n, MAX_COUNT);
}
