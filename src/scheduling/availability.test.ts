import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../time/calendar.ts';
import { findSlots } from './availability.ts';
import { serviceByCode } from './services.ts';
import { makeSite, makeTherapist, nmtCredentials, weekdayHours } from '../../test/support/scheduling-fixtures.ts';
import type { AvailabilityQuery, Busy, SiteSchedule, TherapistSchedule } from './types.ts';
import { instantToZonedParts, zonedWallTimeToInstant } from '../time/zones.ts';

const LA = 'America/Los_Angeles';
const at = (date: string, time: string, zone = LA) => zonedWallTimeToInstant(date, time, zone);
const followup30 = serviceByCode('nmt-followup-30')!; // 30 min + 10 min buffer
const initial60 = serviceByCode('nmt-initial-60')!; // 60 min + 15 min buffer

const query = (overrides: Partial<AvailabilityQuery> = {}): AvailabilityQuery => ({
  service: followup30,
  from: '2026-04-06', // a Monday
  to: '2026-04-06',
  now: Date.parse('2026-04-01T00:00:00Z'),
  minNoticeMinutes: 0,
  horizonDays: 60,
  slotStepMinutes: 30,
  ...overrides,
});
const seattle = makeSite({ locationId: 'sea', hours: weekdayHours('09:00', '12:00') });
const alice = makeTherapist({
  therapistId: 'alice',
  templates: [{ locationId: 'sea', weekday: 1, start: '09:00', end: '12:00' }],
});
const run = (
  q: AvailabilityQuery,
  sites: SiteSchedule[] = [seattle],
  therapists: TherapistSchedule[] = [alice],
  busy: Busy[] = [],
) => findSlots(q, { sites, therapists, busy });
const localTimes = (slots: { start: number }[], zone = LA) => slots.map((s) => instantToZonedParts(s.start, zone).time);

describe('findSlots', () => {
  it('offers grid starts inside hours and shift, with the room', () => {
    const slots = run(query());
    expect(localTimes(slots)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect(slots[0]).toEqual({
      start: at('2026-04-06', '09:00'),
      end: at('2026-04-06', '09:30'),
      therapistId: 'alice',
      locationId: 'sea',
      roomId: 'sea-r1',
    });
  });

  it('keeps the therapist’s turnover free around existing appointments', () => {
    const busy: Busy[] = [{ therapistId: 'alice', start: at('2026-04-06', '10:00'), end: at('2026-04-06', '10:30') }];
    // 09:30 would end at 10:00 with a 10-min buffer running into the booking; 10:30 starts inside its buffer.
    expect(localTimes(run(query({ slotStepMinutes: 10 }), undefined, undefined, busy))).toEqual([
      '09:00',
      '09:10',
      '09:20',
      '10:40',
      '10:50',
      '11:00',
      '11:10',
      '11:20',
      '11:30',
    ]);
  });

  it('chooses the lowest free room and skips times when every room is taken', () => {
    const site = {
      ...seattle,
      rooms: [
        { id: 'b', active: true },
        { id: 'a', active: true },
        { id: 'c', active: false },
      ],
    };
    const busy: Busy[] = [{ roomId: 'a', start: at('2026-04-06', '09:00'), end: at('2026-04-06', '10:00') }];
    const slots = run(query(), [site], [alice], busy);
    expect(slots.map((s) => `${instantToZonedParts(s.start, LA).time} ${s.roomId}`).slice(0, 4)).toEqual([
      '09:00 b',
      '09:30 b',
      '10:00 b',
      '10:30 a',
    ]);
    const allTaken = [...busy, { roomId: 'b', start: at('2026-04-06', '09:00'), end: at('2026-04-06', '11:00') }];
    expect(localTimes(run(query(), [site], [alice], allTaken))).toEqual(['10:30', '11:00', '11:30']);
  });

  it('offers nothing on a closure day or to a therapist without a shift there', () => {
    expect(run(query(), [{ ...seattle, closures: [{ startsOn: '2026-04-05', endsOn: '2026-04-07' }] }])).toEqual([]);
    const elsewhere = {
      ...alice,
      templates: [{ locationId: 'tac', weekday: 1 as const, start: '09:00', end: '12:00' }],
    };
    expect(run(query(), [seattle], [elsewhere])).toEqual([]);
  });

  it('follows per-site weekly templates: Monday in Seattle, Tuesday in Tacoma', () => {
    const tacoma = makeSite({ locationId: 'tac', hours: weekdayHours('09:00', '12:00') });
    const roaming = {
      ...alice,
      templates: [...alice.templates, { locationId: 'tac', weekday: 2 as const, start: '10:00', end: '11:00' }],
    };
    const slots = run(query({ to: '2026-04-07' }), [tacoma, seattle], [roaming]);
    const byDay = slots.map((s) => `${instantToZonedParts(s.start, LA).date} ${s.locationId}`);
    expect(new Set(byDay)).toEqual(new Set(['2026-04-06 sea', '2026-04-07 tac']));
    expect(slots.filter((s) => s.locationId === 'tac')).toHaveLength(2);
  });

  it('honours template validity dates, time off and extra shifts', () => {
    const expired = { ...alice, templates: [{ ...alice.templates[0]!, validTo: '2026-04-05' }] };
    expect(run(query(), [seattle], [expired])).toEqual([]);
    const timeOff = {
      ...alice,
      exceptions: [{ kind: 'time-off' as const, start: at('2026-04-06', '10:00'), end: at('2026-04-06', '12:00') }],
    };
    expect(localTimes(run(query(), [seattle], [timeOff]))).toEqual(['09:00', '09:30']);
    const extra = {
      ...alice,
      templates: [],
      exceptions: [
        {
          kind: 'extra-shift' as const,
          locationId: 'sea',
          start: at('2026-04-06', '11:00'),
          end: at('2026-04-06', '15:00'),
        },
      ],
    };
    expect(localTimes(run(query(), [seattle], [extra]))).toEqual(['11:00', '11:30']); // still bounded by opening hours
  });

  it('never offers an unqualified therapist or one of another discipline', () => {
    expect(run(query(), [seattle], [{ ...alice, credentials: nmtCredentials('OR') }])).toEqual([]);
    expect(run(query(), [seattle], [{ ...alice, credentials: nmtCredentials('WA', '2026-04-05') }])).toEqual([]);
    expect(run(query(), [seattle], [{ ...alice, discipline: 'acupuncture' }])).toEqual([]);
  });

  it('respects minimum notice, horizon, time of day, weekdays and the patient’s other bookings', () => {
    const now = at('2026-04-06', '08:50');
    expect(localTimes(run(query({ now, minNoticeMinutes: 60 })))).toEqual(['10:00', '10:30', '11:00', '11:30']);
    // The horizon counts 24-hour days: 30 of them from 10:00 PST reach 11:00 PDT, inclusive.
    expect(localTimes(run(query({ now: at('2026-03-07', '10:00'), horizonDays: 30 })))).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
    ]);
    expect(localTimes(run(query({ now: at('2026-03-09', '10:00'), horizonDays: 28 })))).toEqual([
      '09:00',
      '09:30',
      '10:00',
    ]);
    expect(run(query({ timeOfDay: 'afternoon' }))).toEqual([]);
    expect(run(query({ weekdays: [2, 3] }))).toEqual([]);
    const patientBusy: Busy[] = [
      { patientId: 'p1', locationId: 'elsewhere', start: at('2026-04-06', '09:00'), end: at('2026-04-06', '11:00') },
    ];
    expect(localTimes(run(query({ patientId: 'p1' }), undefined, undefined, patientBusy))).toEqual(['11:00', '11:30']);
  });

  it('computes change days in local time: 09:00 is 16:00Z after spring forward, 17:00Z after fall back', () => {
    const sunday = makeSite({ locationId: 'sea', hours: weekdayHours('09:00', '17:00', [0]) });
    const sundayShift = makeTherapist({
      therapistId: 'alice',
      templates: [{ locationId: 'sea', weekday: 0, start: '09:00', end: '17:00' }],
    });
    for (const [date, firstUtc] of [
      ['2026-03-08', '16:00'],
      ['2026-11-01', '17:00'],
    ] as const) {
      const slots = run(
        query({ service: initial60, from: date, to: date, now: Date.parse('2026-03-01T00:00:00Z'), horizonDays: 365 }),
        [sunday],
        [sundayShift],
      );
      expect(new Date(slots[0]!.start).toISOString().slice(11, 16)).toBe(firstUtc);
      expect(slots).toHaveLength(15); // 09:00 … 16:00 every 30 min: 8 hours of instants either way
      expect((slots.at(-1)!.end - slots[0]!.start) / HOUR_MS).toBe(8);
    }
  });

  it('gives an early-morning shift one hour on spring-forward day and three on fall-back day', () => {
    const night = makeSite({ locationId: 'sea', hours: weekdayHours('00:00', '24:00', [0]) });
    const nightShift = makeTherapist({
      therapistId: 'alice',
      templates: [{ locationId: 'sea', weekday: 0, start: '01:00', end: '03:00' }],
    });
    const count = (date: string) =>
      run(
        query({ from: date, to: date, slotStepMinutes: 30, now: Date.parse('2026-03-01T00:00:00Z'), horizonDays: 365 }),
        [night],
        [nightShift],
      ).length;
    expect(count('2026-03-08')).toBe(2); // 01:00, 01:30 (then the clock jumps to 03:00)
    expect(count('2026-11-01')).toBe(6); // 01:00 PDT … 01:30 PST … 02:30 PST
  });

  it('orders by start, then site, then therapist, whatever the input order', () => {
    const tacoma = makeSite({ locationId: 'tac', hours: weekdayHours('09:00', '12:00') });
    const bob = makeTherapist({
      therapistId: 'bob',
      templates: [
        { locationId: 'sea', weekday: 1, start: '09:00', end: '12:00' },
        { locationId: 'tac', weekday: 1, start: '09:00', end: '10:00' },
      ],
    });
    const a = run(query(), [seattle, tacoma], [alice, bob]);
    const b = run(query(), [tacoma, seattle], [bob, alice]);
    expect(b).toEqual(a);
    expect(a.slice(0, 3).map((s) => `${s.locationId}/${s.therapistId}`)).toEqual(['sea/alice', 'sea/bob', 'tac/bob']);
    expect(a.every((s, i) => i === 0 || a[i - 1]!.start <= s.start)).toBe(true);
    expect(a.filter((s) => s.roomId === 'sea-r1').length).toBeGreaterThan(0);
    expect((a[0]!.end - a[0]!.start) / MINUTE_MS).toBe(30);
  });
});
