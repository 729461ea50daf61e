import { describe, expect, it } from 'vitest';
import { formatDayNumber, isCalendarDate, parseCalendarDate, weekdayOf } from './dates.ts';
import { widestMinimumGap } from './spread.ts';
import { reassessmentPoints } from './reassess.ts';

describe('calendar dates', () => {
  it('round-trips and knows weekdays, across month, leap-day and year ends', () => {
    for (const date of ['2024-02-29', '2026-12-31', '2027-01-01', '1999-03-01']) {
      expect(formatDayNumber(parseCalendarDate(date) ?? 0)).toBe(date);
    }
    expect(weekdayOf(parseCalendarDate('2026-03-01') ?? 0)).toBe(0); // a Sunday
    expect(weekdayOf(parseCalendarDate('1969-12-31') ?? 0)).toBe(3); // before the epoch: a Wednesday
    expect((parseCalendarDate('2025-03-01') ?? 0) - (parseCalendarDate('2025-02-28') ?? 0)).toBe(1);
  });

  it('rejects impossible or badly written dates', () => {
    for (const text of ['2026-02-29', '2026-13-01', '2026-1-5', '2026-04-31', '', '2026-03-02T00:00']) {
      expect(isCalendarDate(text)).toBe(false);
    }
  });
});

describe('widestMinimumGap', () => {
  it('finds the widest spacing the preferred days allow', () => {
    expect(widestMinimumGap([1, 2, 3, 4, 5], 2)).toBe(3);
    expect(widestMinimumGap([1, 2, 3, 4, 5], 3)).toBe(2);
    expect(widestMinimumGap([1, 2], 2)).toBe(1);
    expect(widestMinimumGap([0, 1, 2, 3, 4, 5, 6], 3)).toBe(2);
  });
});

describe('reassessmentPoints', () => {
  it('reassesses at the 6th visit when no stage ends earlier', () => {
    expect(reassessmentPoints([{ visits: 13 }])).toEqual([6, 12]);
  });
  it('prefers a stage end once 4 visits have passed', () => {
    expect(reassessmentPoints([{ visits: 4 }, { visits: 5 }])).toEqual([4, 9]);
    expect(reassessmentPoints([{ visits: 3 }, { visits: 3 }])).toEqual([6]);
  });
});
