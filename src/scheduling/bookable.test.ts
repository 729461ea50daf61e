import { describe, expect, it } from 'vitest';
import { checkBookable } from './bookable.ts';
import { serviceByCode } from './services.ts';
import { makeSite, makeTherapist, nmtCredentials, weekdayHours } from '../../test/support/scheduling-fixtures.ts';
import type { Busy } from './types.ts';
import { zonedWallTimeToInstant } from '../time/zones.ts';

const at = (time: string, date = '2026-04-06') => zonedWallTimeToInstant(date, time, 'America/Los_Angeles');
const service = serviceByCode('nmt-initial-60')!; // 60 min + 15 min buffer
const window = { now: Date.parse('2026-04-01T00:00:00Z'), minNoticeMinutes: 120, horizonDays: 30 };
const site = makeSite({
  locationId: 'sea',
  hours: weekdayHours('09:00', '17:00'),
  rooms: [
    { id: 'r2', active: true },
    { id: 'r1', active: true },
  ],
});
const alice = makeTherapist({
  therapistId: 'alice',
  templates: [{ locationId: 'sea', weekday: 1, start: '09:00', end: '17:00' }],
});
const check = (
  request: Partial<Parameters<typeof checkBookable>[0]>,
  busy: Busy[] = [],
  therapists = [alice],
  sites = [site],
) =>
  checkBookable({ service, start: at('10:00'), therapistId: 'alice', locationId: 'sea', ...request }, window, {
    sites,
    therapists,
    busy,
  });
const codes = (result: ReturnType<typeof checkBookable>) => (result.ok ? [] : result.reasons.map((r) => r.code));

describe('checkBookable', () => {
  it('books a free, qualified, on-shift time in the lowest-id free room', () => {
    expect(check({})).toEqual({
      ok: true,
      roomId: 'r1',
      slot: { start: at('10:00'), end: at('11:00'), therapistId: 'alice', locationId: 'sea', roomId: 'r1' },
    });
    expect(check({}, [{ roomId: 'r1', start: at('09:00'), end: at('09:50') }])).toMatchObject({
      ok: true,
      roomId: 'r2',
    }); // r1 still turning over
  });

  it('names the missing credential', () => {
    const result = check({}, [], [{ ...alice, credentials: nmtCredentials('WA').filter((c) => c.kind === 'licence') }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]!.code).toBe('not-qualified');
    expect(result.reasons[0]!.missing?.map((m) => m.types)).toEqual([['CNMT']]);
    expect(result.reasons[0]!.message).toContain('CNMT');
  });

  it('reports every reason at once', () => {
    expect(codes(check({ start: at('16:30') }))).toEqual(['outside-hours', 'not-on-shift']);
    expect(codes(check({ start: at('10:00', '2026-04-04') }))).toEqual(['outside-hours', 'not-on-shift']); // a Saturday
    expect(
      codes(check({}, [], [alice], [{ ...site, closures: [{ startsOn: '2026-04-06', endsOn: '2026-04-06' }] }])),
    ).toEqual(['closed']);
    const soon = checkBookable(
      { service, start: at('10:00'), therapistId: 'alice', locationId: 'sea' },
      { ...window, now: at('08:30') },
      { sites: [site], therapists: [alice], busy: [] },
    );
    expect(codes(soon)).toEqual(['too-soon']);
    expect(codes(check({ start: at('10:00', '2026-05-04') }))).toEqual(['too-far']);
    expect(codes(check({}, [], [{ ...alice, discipline: 'chiropractic' }]))).toEqual(['wrong-discipline']);
    expect(codes(check({ therapistId: 'nobody', locationId: 'nowhere' }))).toEqual([
      'unknown-location',
      'unknown-therapist',
    ]);
  });

  it('finds busy therapist, patient and room, buffers included', () => {
    const busy: Busy[] = [
      { therapistId: 'alice', start: at('08:00'), end: at('09:50') }, // its 15-min turnover runs to 10:05
      { patientId: 'p1', start: at('10:30'), end: at('11:00'), locationId: 'elsewhere' },
      { roomId: 'r2', start: at('11:10'), end: at('12:00') }, // our turnover would end 11:15
    ];
    expect(codes(check({ patientId: 'p1', roomId: 'r2' }, busy))).toEqual([
      'therapist-busy',
      'patient-busy',
      'room-busy',
    ]);
    expect(codes(check({ roomId: 'r9' }))).toEqual(['no-room']);
    const allRooms: Busy[] = [
      { roomId: 'r1', start: at('10:00'), end: at('11:00') },
      { roomId: 'r2', start: at('10:00'), end: at('11:00') },
    ];
    expect(codes(check({}, allRooms))).toEqual(['no-room']);
    expect(check({ start: at('11:15') }, allRooms)).toMatchObject({ ok: true, roomId: 'r1' });
  });
});
