import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HOUR_MS, formatDate, parseDate, parseWallTime, weekdayOf } from './calendar.ts';
import {
  instantToZonedParts,
  offsetAt,
  wallToInstant,
  zoneDay,
  zoneDayOffsetAt,
  zoneDayWallToInstant,
  zonedWallTimeToInstant,
} from './zones.ts';

const LA = 'America/Los_Angeles';
const iso = (instant: number) => new Date(instant).toISOString();
const span = (date: string, from: string, to: string, zone = LA) =>
  (zonedWallTimeToInstant(date, to, zone) - zonedWallTimeToInstant(date, from, zone)) / HOUR_MS;

describe('time zones without a library', () => {
  it('puts 09:00 local at 17:00Z in winter and 16:00Z in summer', () => {
    expect(iso(zonedWallTimeToInstant('2026-01-15', '09:00', LA))).toBe('2026-01-15T17:00:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-07-15', '09:00', LA))).toBe('2026-07-15T16:00:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-03-08', '09:00', LA))).toBe('2026-03-08T16:00:00.000Z');
    expect(iso(zonedWallTimeToInstant('2026-11-01', '09:00', LA))).toBe('2026-11-01T17:00:00.000Z');
  });

  it('keeps a 09:00–17:00 day at 8 hours on both change days', () => {
    expect(span('2026-03-08', '09:00', '17:00')).toBe(8);
    expect(span('2026-11-01', '09:00', '17:00')).toBe(8);
  });

  it('makes 01:00–03:00 one hour on spring-forward and three on fall-back', () => {
    expect(span('2026-03-08', '01:00', '03:00')).toBe(1);
    expect(span('2026-11-01', '01:00', '03:00')).toBe(3);
  });

  it('moves a missing wall time past the gap and takes the first of a repeated one', () => {
    expect(iso(zonedWallTimeToInstant('2026-03-08', '02:30', LA))).toBe('2026-03-08T10:30:00.000Z'); // 03:30 PDT
    expect(instantToZonedParts(zonedWallTimeToInstant('2026-03-08', '02:30', LA), LA).time).toBe('03:30');
    expect(iso(zonedWallTimeToInstant('2026-11-01', '01:30', LA))).toBe('2026-11-01T08:30:00.000Z'); // PDT
  });

  it('reports local date, time and weekday', () => {
    expect(instantToZonedParts(Date.parse('2026-03-09T06:30:00Z'), LA)).toEqual({
      date: '2026-03-08',
      time: '23:30',
      weekday: 0,
    });
    expect(instantToZonedParts(Date.parse('2026-03-09T06:30:00Z'), 'Asia/Kolkata')).toEqual({
      date: '2026-03-09',
      time: '12:00',
      weekday: 1,
    });
  });

  it('describes change days: 23 and 25 hours long, not uniform', () => {
    const spring = zoneDay(parseDate('2026-03-08')!, LA);
    const autumn = zoneDay(parseDate('2026-11-01')!, LA);
    expect((spring.end - spring.start) / HOUR_MS).toBe(23);
    expect((autumn.end - autumn.start) / HOUR_MS).toBe(25);
    expect(spring.uniform || autumn.uniform).toBe(false);
    expect(zoneDay(parseDate('2026-03-09')!, LA).uniform).toBe(true);
  });

  it('gives the offset Intl names, each second around every change of 2026 and at random seconds (property)', () => {
    // An independent reading: the zone's offset as Intl writes it ("GMT-07:00", "GMT+05:45", "GMT").
    const named = (instant: number, zone: string) => {
      const text = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(instant)
        .find((p) => p.type === 'timeZoneName')!.value;
      const [, sign, hours, minutes] = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(text)!;
      return sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000 : 0;
    };
    const zones = [
      LA,
      'America/St_Johns',
      'America/Santiago',
      'Europe/London',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Kathmandu',
    ];
    const year = Date.UTC(2026, 0, 1);
    for (const zone of zones) {
      let changes = 0;
      for (let hour = 0; hour < 366 * 24; hour++) {
        const at = year + hour * HOUR_MS;
        if (named(at, zone) === named(at + HOUR_MS, zone)) continue;
        changes++;
        // Asked out of order, as requests do: the later seconds of the hour first.
        for (let s = 3600; s >= 0; s -= 1) expect(offsetAt(at + s * 1000, zone)).toBe(named(at + s * 1000, zone));
      }
      expect(changes).toBeGreaterThanOrEqual(zone === 'Asia/Kathmandu' ? 0 : 2);
    }
    const second = fc.integer({ min: 0, max: 20 * 366 * 24 * 3600 }).map((s) => Date.UTC(2015, 0, 1) + s * 1000);
    fc.assert(
      fc.property(fc.constantFrom(...zones), second, (zone, instant) => {
        expect(offsetAt(instant, zone)).toBe(named(instant, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every instant on the minute through wall time (property)', () => {
    const zones = fc.constantFrom(
      LA,
      'America/New_York',
      'America/Phoenix',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'UTC',
    );
    const minute = fc.integer({ min: 0, max: 20 * 366 * 24 * 60 }).map((m) => Date.UTC(2015, 0, 1) + m * 60_000);
    fc.assert(
      fc.property(zones, minute, (zone, instant) => {
        const parts = instantToZonedParts(instant, zone);
        const back = zonedWallTimeToInstant(parts.date, parts.time, zone);
        // An instant in the repeated hour maps back to the first occurrence, never anywhere else.
        expect(back === instant || (back < instant && offsetAt(back, zone) > offsetAt(instant, zone))).toBe(true);
        expect(instantToZonedParts(back, zone)).toEqual(parts);
        expect(weekdayOf(parseDate(parts.date)!)).toBe(parts.weekday);
      }),
    );
  });

  it('the per-day fast path agrees with the full solver, change days included (property)', () => {
    const zones = fc.constantFrom(
      LA,
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Kolkata',
    );
    const changeDays = [
      '2026-03-08',
      '2026-11-01',
      '2026-03-29',
      '2026-10-25',
      '2026-04-05',
      '2026-10-04',
      '2026-09-06',
      '2026-06-15',
    ].map((d) => parseDate(d)!);
    fc.assert(
      fc.property(
        zones,
        fc.constantFrom(...changeDays),
        fc.integer({ min: 0, max: 1440 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (zone, day, minutes, fraction) => {
          const zd = zoneDay(day, zone);
          expect(zoneDayWallToInstant(zd, minutes)).toBe(wallToInstant(day, minutes, zone));
          const instant = zd.start + Math.floor(fraction * (zd.end - zd.start - 1));
          expect(zoneDayOffsetAt(zd, instant)).toBe(offsetAt(instant, zone));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('formats and parses dates symmetrically, rejecting impossible ones', () => {
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(formatDate(parseDate('2024-02-29')!)).toBe('2024-02-29');
    expect(parseDate('1970-01-01')).toBe(0);
    expect([parseWallTime('00:00'), parseWallTime('09:05'), parseWallTime('24:00')]).toEqual([0, 545, 1440]);
    expect(['24:01', '9:00', '12:60', 'ab:cd', '12-00'].map(parseWallTime)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
