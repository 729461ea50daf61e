import { describe, expect, it } from 'vitest';
import { formatDate, parseDate, weekdayOf } from './calendar.ts';
import { isIsoDate } from './dates.ts';

describe('calendar dates', () => {
  it('round-trips and knows weekdays, across month, leap-day and year ends', () => {
    for (const date of ['2024-02-29', '2026-12-31', '2027-01-01', '1999-03-01']) {
      expect(formatDate(parseDate(date) ?? 0)).toBe(date);
    }
    expect(weekdayOf(parseDate('2026-03-01') ?? 0)).toBe(0); // a Sunday
    expect(weekdayOf(parseDate('1969-12-31') ?? 0)).toBe(3); // before the epoch: a Wednesday
    expect((parseDate('2025-03-01') ?? 0) - (parseDate('2025-02-28') ?? 0)).toBe(1);
  });

  it('rejects impossible or badly written dates', () => {
    for (const text of ['2026-02-29', '2026-13-01', '2026-1-5', '2026-04-31', '', '2026-03-02T00:00']) {
      expect(isIsoDate(text)).toBe(false);
    }
  });
});
