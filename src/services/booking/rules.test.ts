import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppointmentStatus } from '../../store/repos/appointments.ts';
import { requestHash } from '../idempotency.ts';
import { templateProblems } from './schedules.ts';
import { expandRhythm } from './series.ts';
import { canMove, isLateCancellation, TRANSITIONS } from './status.ts';
import { rankNear } from './availability.ts';
import { defaultServiceId } from './catalogue.ts';

const STATUSES = Object.keys(TRANSITIONS) as AppointmentStatus[];

describe('the appointment state machine', () => {
  it('follows booked → arrived → in_session → completed, and cancels or no-shows only from booked', () => {
    expect(canMove('booked', 'arrived') && canMove('arrived', 'in_session') && canMove('in_session', 'completed')).toBe(
      true,
    );
    for (const end of ['cancelled', 'late_cancel', 'no_show'] as const) {
      expect(canMove('booked', end)).toBe(true);
      expect(canMove('arrived', end)).toBe(false);
    }
    expect(canMove('booked', 'completed')).toBe(false);
    expect(canMove('completed', 'booked')).toBe(false);
  });

  it('only moves forward, except that an arrival can be undone; a final state is never left', () => {
    const rank: Record<AppointmentStatus, number> = {
      booked: 0,
      arrived: 1,
      in_session: 2,
      completed: 3,
      cancelled: 3,
      late_cancel: 3,
      no_show: 3,
    };
    expect(canMove('arrived', 'booked')).toBe(true);
    expect(canMove('in_session', 'booked') || canMove('in_session', 'arrived')).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (choices) => {
        let state: AppointmentStatus = 'booked';
        for (const choice of choices) {
          const next: readonly AppointmentStatus[] = TRANSITIONS[state];
          if (next.length === 0) break;
          const to = next[choice % next.length]!;
          if (!(state === 'arrived' && to === 'booked')) expect(rank[to]).toBeGreaterThan(rank[state]);
          state = to;
        }
        if (TRANSITIONS[state].length === 0) for (const s of STATUSES) expect(canMove(state, s)).toBe(false);
      }),
    );
  });

  it('calls a cancellation late strictly inside the policy window', () => {
    const start = new Date('2026-11-25T17:00:00Z');
    expect(isLateCancellation(start, new Date('2026-11-24T17:00:00Z'), 24)).toBe(false);
    expect(isLateCancellation(start, new Date('2026-11-24T17:00:01Z'), 24)).toBe(true);
  });
});

describe('weekly templates', () => {
  const site = 'site-a';
  const t = (weekday: number, start: string, end: string, extra: object = {}) => ({
    locationId: site,
    weekday,
    start,
    end,
    validFrom: null,
    validTo: null,
    ...extra,
  });

  it('accepts a clean week, and names each broken field', () => {
    expect(templateProblems([t(1, '08:00', '12:00'), t(1, '13:00', '17:00'), t(2, '08:00', '17:00')], [site])).toEqual(
      {},
    );
    const problems = templateProblems(
      [
        t(1, '08:00', '12:00'),
        t(1, '11:00', '15:00'),
        t(3, '10:00', '09:00'),
        { ...t(4, '08:00', '09:00'), locationId: 'elsewhere' },
      ],
      [site],
    );
    expect(Object.keys(problems).sort()).toEqual(['templates.1.start', 'templates.2.end', 'templates.3.locationId']);
  });

  it('lets overlapping hours stand when their validity periods do not meet', () => {
    expect(
      templateProblems(
        [t(1, '08:00', '12:00', { validTo: '2026-12-31' }), t(1, '09:00', '17:00', { validFrom: '2027-01-01' })],
        [site],
      ),
    ).toEqual({});
  });
});

describe('series rhythm', () => {
  it('expands visits per week on preferred days, in order, at the wanted time', () => {
    const visits = expandRhythm({
      startDate: '2026-11-23',
      visitsPerWeek: 2,
      count: 6,
      preferredDays: [1, 4],
      time: '10:00',
    });
    expect(visits.map((v) => v.date)).toEqual([
      '2026-11-23',
      '2026-11-26',
      '2026-11-30',
      '2026-12-03',
      '2026-12-07',
      '2026-12-10',
    ]);
    expect(visits.every((v) => v.time === '10:00')).toBe(true);
  });
});

describe('idempotency hashing', () => {
  it('hashes the same request the same whatever the key order, and another body differently', () => {
    expect(requestHash('POST /x', { a: 1, b: { c: 2, d: 3 } })).toBe(
      requestHash('POST /x', { b: { d: 3, c: 2 }, a: 1 }),
    );
    expect(requestHash('POST /x', { a: 1 })).not.toBe(requestHash('POST /x', { a: 2 }));
  });
});

describe('alternatives ranking', () => {
  it('puts the same therapist at the same site first, then nearest in time', () => {
    const slot = (start: number, therapistId: string, locationId: string) => ({
      start,
      end: start + 1,
      therapistId,
      locationId,
      roomId: null,
    });
    const ranked = rankNear([slot(100, 'x', 'l'), slot(900, 't', 'l'), slot(50, 't', 'other'), slot(400, 't', 'l')], {
      start: 500,
      therapistId: 't',
      locationId: 'l',
    });
    expect(ranked.map((s) => s.start)).toEqual([400, 900, 50, 100]);
  });
});

describe('default service ids', () => {
  it('are stable UUIDs per organisation and code', () => {
    const id = defaultServiceId('org-1', 'nmt-initial-60');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(defaultServiceId('org-1', 'nmt-initial-60')).toBe(id);
    expect(defaultServiceId('org-2', 'nmt-initial-60')).not.toBe(id);
  });
});
