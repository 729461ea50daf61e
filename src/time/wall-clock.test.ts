import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateIn, instantAt, isTimeZone, wallClock } from './zones.ts';

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const SYDNEY = 'Australia/Sydney';
const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

describe('wall clocks of a zone', () => {
  it('reads the date and minutes on the clinic wall, across Los Angeles change days', () => {
    expect(wallClock('2026-03-08T09:59:00Z', LA)).toEqual({ date: '2026-03-08', minutes: 1 * 60 + 59 }); // 01:59 PST
    expect(wallClock('2026-03-08T10:00:00Z', LA)).toEqual({ date: '2026-03-08', minutes: 3 * 60 }); // 03:00 PDT
    expect(wallClock(at('2026-11-01T08:30:00Z'), LA)).toEqual({ date: '2026-11-01', minutes: 90 }); // 01:30 PDT
    expect(wallClock(new Date('2026-11-01T09:30:00Z'), LA)).toEqual({ date: '2026-11-01', minutes: 90 }); // 01:30 PST
    expect(wallClock('2026-11-02T07:59:00Z', LA)).toEqual({ date: '2026-11-01', minutes: 23 * 60 + 59 });
  });

  it('finds the instant for a wall time: a missing one lands after the gap, a repeated one on its first', () => {
    expect(iso(instantAt('2026-03-08', 150, LA))).toBe('2026-03-08T10:30:00.000Z'); // 02:30 → 03:30 PDT
    expect(iso(instantAt('2026-11-01', 90, LA))).toBe('2026-11-01T08:30:00.000Z'); // first 01:30 (PDT)
    expect(iso(instantAt('2026-03-29', 150, BERLIN))).toBe('2026-03-29T01:30:00.000Z'); // 02:30 → 03:30 CEST
    expect(iso(instantAt('2026-10-25', 150, BERLIN))).toBe('2026-10-25T00:30:00.000Z'); // first 02:30 (CEST)
    expect(iso(instantAt('2026-10-04', 150, SYDNEY))).toBe('2026-10-03T16:30:00.000Z'); // 02:30 → 03:30 AEDT
    expect(iso(instantAt('2026-04-05', 150, SYDNEY))).toBe('2026-04-04T15:30:00.000Z'); // first 02:30 (AEDT)
  });

  it('gives the calendar date in a zone, which differs from UTC near midnight', () => {
    expect(dateIn(LA, new Date('2026-03-09T06:30:00Z'))).toBe('2026-03-08');
    expect(dateIn(BERLIN, at('2026-03-08T23:30:00Z'))).toBe('2026-03-09');
    expect(dateIn(SYDNEY, at('2026-04-04T13:59:00Z'))).toBe('2026-04-05');
  });

  it('agrees with the runtime’s own formatting for any instant (property)', () => {
    const zones = fc.constantFrom(LA, BERLIN, SYDNEY, 'Asia/Kathmandu', 'America/St_Johns', 'UTC');
    const minute = fc.integer({ min: 0, max: 12 * 366 * 24 * 60 }).map((m) => Date.UTC(2020, 0, 1) + m * 60_000);
    fc.assert(
      fc.property(zones, minute, (zone, instant) => {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
          })
            .formatToParts(instant)
            .map((p) => [p.type, p.value]),
        );
        const clock = wallClock(instant, zone);
        expect(clock.date).toBe(`${parts.year}-${parts.month}-${parts.day}`);
        expect(clock.minutes).toBe(Number(parts.hour) * 60 + Number(parts.minute));
        expect(dateIn(zone, instant)).toBe(clock.date);
      }),
    );
  });

  it('reads back the wall time it was given, except inside a spring-forward gap (property)', () => {
    const cases = fc.constantFrom(
      { zone: LA, date: '2026-03-08' },
      { zone: LA, date: '2026-11-01' },
      { zone: LA, date: '2026-07-01' },
      { zone: BERLIN, date: '2026-03-29' },
      { zone: BERLIN, date: '2026-10-25' },
      { zone: SYDNEY, date: '2026-10-04' },
      { zone: SYDNEY, date: '2026-04-05' },
    );
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 1439 }), ({ zone, date }, minutes) => {
        const back = wallClock(instantAt(date, minutes, zone), zone);
        if (back.date === date && back.minutes === minutes) return;
        // Only a time that never happens may move, and then forward by the one-hour gap.
        expect(back).toEqual({ date, minutes: minutes + 60 });
        expect(instantAt(date, minutes, zone)).toBe(instantAt(date, minutes + 60, zone));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts IANA zone names only', () => {
    expect([LA, BERLIN, SYDNEY, 'Asia/Tokyo'].every(isTimeZone)).toBe(true);
    expect(['Pacific Time', 'america/los_angeles', 'GMT+25', ''].some(isTimeZone)).toBe(false);
  });
});
