import { describe, expect, it } from 'vitest';
import { daysBetween, epochDay, isIsoDate } from './dates.ts';

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-01')).toBe(false);
    expect(isIsoDate('2026-04-01T00:00')).toBe(false);
    expect(epochDay('1970-01-02')).toBe(1);
  });
  it('counts calendar days, signed, across month, leap-day and DST boundaries', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // US DST starts 2026-03-08
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-06-15', '2026-06-01')).toBe(-14);
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
