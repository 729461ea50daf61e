import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addYears, daysBetween, isIsoDate, mondayOf, weekdayOfDate } from './dates.ts';
import { parseDate } from './calendar.ts';

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-01')).toBe(false);
    expect(isIsoDate('2026-04-01T00:00')).toBe(false);
    expect(parseDate('1970-01-02')).toBe(1);
  });
  it('counts calendar days, signed, across month, leap-day and DST boundaries', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // US DST starts 2026-03-08
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-06-15', '2026-06-01')).toBe(-14);
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

// An independent reading of the calendar: the runtime's own UTC date arithmetic.
const viaDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const anyDate = fc
  .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('calendar arithmetic on YYYY-MM-DD (properties)', () => {
  it('addDays agrees with UTC date arithmetic and daysBetween undoes it', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        const later = addDays(date, days);
        expect(later).toBe(viaDate(date, days));
        expect(daysBetween(date, later)).toBe(days);
        expect(isIsoDate(later)).toBe(true);
      }),
    );
  });

  it('weekdays step by one per day and every week starts on the Monday on or before the date', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(weekdayOfDate(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
        expect(weekdayOfDate(addDays(date, 1))).toBe((weekdayOfDate(date) + 1) % 7);
        const monday = mondayOf(date);
        expect(weekdayOfDate(monday)).toBe(1);
        expect(daysBetween(monday, date)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(monday, date)).toBeLessThan(7);
      }),
    );
  });

  it('addYears keeps day and month, sending 29 February to 1 March in a common year', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -80, max: 80 }), (date, years) => {
        const d = new Date(`${date}T00:00:00Z`);
        d.setUTCFullYear(d.getUTCFullYear() + years);
        expect(addYears(date, years)).toBe(d.toISOString().slice(0, 10));
      }),
    );
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('1990-06-15', 36)).toBe('2026-06-15');
  });

  it('crosses month ends, leap days and the US and EU clock changes without losing or gaining a day', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02'); // a Sunday belongs to the week before
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
