import { describe, expect, it } from 'vitest';
import { dayOf, formatDayOf } from '../../web/src/format.ts';

describe('dates of instants on screens', () => {
  // 21:30 on 19 November in Los Angeles; UTC is already at 20 November.
  const evening = '2026-11-20T05:30:00Z';

  it("reads an instant's date on the clinic's clock, not UTC's", () => {
    expect(dayOf(evening, 'America/Los_Angeles')).toBe('2026-11-19');
    expect(formatDayOf(evening, 'America/Los_Angeles')).toBe('Nov 19, 2026');
    expect(dayOf(evening, 'Europe/Berlin')).toBe('2026-11-20');
  });
});
