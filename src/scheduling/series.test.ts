import { describe, expect, it } from 'vitest';
import { planSeries } from './series.ts';
import { serviceByCode } from './services.ts';
import { makeSite, makeTherapist, weekdayHours } from '../../test/support/scheduling-fixtures.ts';
import type { Busy } from './types.ts';
import { instantToZonedParts, zonedWallTimeToInstant } from '../time/zones.ts';

const LA = 'America/Los_Angeles';
const at = (date: string, time: string) => zonedWallTimeToInstant(date, time, LA);
const service = serviceByCode('nmt-followup-60')!;
const window = { now: Date.parse('2026-04-01T00:00:00Z'), minNoticeMinutes: 60, horizonDays: 90 };
const sea = makeSite({
  locationId: 'sea',
  hours: weekdayHours('09:00', '17:00'),
  rooms: [{ id: 'sea-r1', active: true }],
});
const tac = makeSite({
  locationId: 'tac',
  hours: weekdayHours('09:00', '17:00'),
  rooms: [{ id: 'tac-r1', active: true }],
});
const monThu = (locationId: string) =>
  [1, 4].map((weekday) => ({ locationId, weekday: weekday as 1, start: '09:00', end: '17:00' }));
const alice = makeTherapist({
  therapistId: 'alice',
  templates: [...monThu('sea'), { locationId: 'tac', weekday: 2, start: '09:00', end: '17:00' }],
});
const bob = makeTherapist({ therapistId: 'bob', templates: monThu('sea') });
const data = (busy: Busy[] = []) => ({ sites: [sea, tac], therapists: [alice, bob], busy });
// Twice a week for two weeks, Mondays and Thursdays at 10:00.
const wanted = ['2026-04-06', '2026-04-09', '2026-04-13', '2026-04-16'].map((date) => ({ date, time: '10:00' }));
const request = {
  service,
  therapistId: 'alice',
  locationId: 'sea',
  patientId: 'p1',
  alternativeLocationIds: ['sea', 'tac'],
};

describe('planSeries', () => {
  it('books every visit when all are free', () => {
    const plan = planSeries(wanted, request, window, data());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(
      plan.bookings.map((b) => [
        instantToZonedParts(b.start, LA).date,
        instantToZonedParts(b.start, LA).time,
        b.roomId,
      ]),
    ).toEqual(wanted.map((w) => [w.date, '10:00', 'sea-r1']));
  });

  it('reports the one conflicting visit with ranked alternatives and keeps the rest', () => {
    const busy: Busy[] = [
      {
        therapistId: 'alice',
        patientId: 'p2',
        roomId: 'sea-r1',
        start: at('2026-04-09', '09:30'),
        end: at('2026-04-09', '10:30'),
      },
    ];
    const plan = planSeries(wanted, request, window, data(busy));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.bookable.map((b) => b.visit)).toEqual([0, 2, 3]);
    expect(plan.conflicts).toHaveLength(1);
    const [conflict] = plan.conflicts;
    expect(conflict!.visit).toBe(1);
    expect(conflict!.reasons.map((r) => r.code)).toEqual(['therapist-busy', 'no-room']);
    const alternatives = conflict!.alternatives.map(
      (s) =>
        `${instantToZonedParts(s.start, LA).date} ${instantToZonedParts(s.start, LA).time} ${s.therapistId}@` +
        `${s.locationId}`,
    );
    // Same therapist and site first, nearest to 10:00 that day once the booking and its turnover are past.
    expect(alternatives).toEqual([
      '2026-04-09 10:45 alice@sea',
      '2026-04-09 11:00 alice@sea',
      '2026-04-09 11:15 alice@sea',
    ]);
  });

  it('falls back to the same therapist at another site, then to another therapist', () => {
    // Alice is away all of Thursday 9 April; she works in Tacoma on Tuesdays.
    const away = {
      ...alice,
      exceptions: [{ kind: 'time-off' as const, start: at('2026-04-09', '00:00'), end: at('2026-04-10', '00:00') }],
    };
    const plan = planSeries(wanted, { ...request, searchDays: 2 }, window, { ...data(), therapists: [away, bob] });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    const [conflict] = plan.conflicts;
    expect(conflict!.reasons.map((r) => r.code)).toEqual(['not-on-shift']);
    expect(conflict!.alternatives.map((s) => `${s.therapistId}@${s.locationId}`)).toEqual([
      'alice@tac',
      'alice@tac',
      'alice@tac',
    ]);
    // Tuesday the 7th is the only day in reach: 10:00, then the quarter hours either side.
    expect(
      conflict!.alternatives.map(
        (s) => instantToZonedParts(s.start, LA).date + ' ' + instantToZonedParts(s.start, LA).time,
      ),
    ).toEqual(['2026-04-07 10:00', '2026-04-07 09:45', '2026-04-07 10:15']);
    const noTacoma = planSeries(wanted, { ...request, searchDays: 2, alternativeLocationIds: ['sea'] }, window, {
      ...data(),
      therapists: [away, bob],
    });
    expect(noTacoma.ok || noTacoma.conflicts[0]!.alternatives.map((s) => s.therapistId)).toEqual(['bob', 'bob', 'bob']);
  });

  it('never proposes an alternative on a day the series already uses, nor books the same time twice', () => {
    const clash = [...wanted, { date: '2026-04-06', time: '10:30' }];
    const plan = planSeries(clash, request, window, data());
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.conflicts.map((c) => [c.visit, c.reasons.map((r) => r.code)])).toEqual([
      [4, ['therapist-busy', 'patient-busy', 'no-room']],
    ]);
    const usedDates = new Set(wanted.map((w) => w.date));
    for (const slot of plan.conflicts[0]!.alternatives)
      expect(usedDates.has(instantToZonedParts(slot.start, LA).date)).toBe(false);
    expect(plan.conflicts[0]!.alternatives).toHaveLength(3);
  });
});
