import { z } from 'zod';

// Bounds shared by every schema a client's input passes (the API's and the services' own), so
// that nothing a client sends can overflow a column or a calendar: a clear 4xx instead of a 500.

/**
 * The dates the clinic deals in: births from 1900, plans and bookings up to 2199. Beyond them a
 * date is a typing slip, and years like 0001 or 9999 break time-zone arithmetic and calendars.
 * The bounds are in each schema's JSON Schema (formatMinimum/formatMaximum), so tests and API
 * clients can read them.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2199-12-31' } as const;
const OUT_OF_RANGE = `Use a date between ${DATE_RANGE.min.slice(0, 4)} and ${DATE_RANGE.max.slice(0, 4)}.`;

/** A calendar date, YYYY-MM-DD, that exists and lies in DATE_RANGE. */
export const IsoDate = z.iso
  .date('Use a date in the form YYYY-MM-DD.')
  .refine((d) => d >= DATE_RANGE.min && d <= DATE_RANGE.max, OUT_OF_RANGE)
  .meta({ formatMinimum: DATE_RANGE.min, formatMaximum: DATE_RANGE.max });

/** An instant with its offset (2026-03-09T17:00:00Z, 2026-03-09T09:00:00-08:00), in DATE_RANGE. */
export function instant(message = 'Use an ISO 8601 date-time with its offset, e.g. 2026-03-09T17:00:00Z.') {
  const min = Date.parse(`${DATE_RANGE.min}T00:00:00Z`);
  const max = Date.parse(`${DATE_RANGE.max}T23:59:59.999Z`);
  return z.iso
    .datetime({ offset: true, error: message })
    .refine((v) => {
      const t = Date.parse(v);
      return t >= min && t <= max;
    }, OUT_OF_RANGE)
    .meta({ formatMinimum: `${DATE_RANGE.min}T00:00:00Z`, formatMaximum: `${DATE_RANGE.max}T23:59:59Z` });
}

/** PostgreSQL `integer`: versions, counts and every other int4 column. */
export const INT4_MAX = 2_147_483_647;

/** A whole number that fits an int4 column (version numbers, counters). */
export function int4(min = 0, max = INT4_MAX) {
  return z
    .number()
    .int('Use a whole number.')
    .min(min)
    .max(Math.min(max, INT4_MAX), `Use a number up to ${Math.min(max, INT4_MAX)}.`);
}

/** The version of a record as read; saving over a newer one is a 409. */
export const Version = int4(1).describe('The version you read; a newer stored version is a 409.');
