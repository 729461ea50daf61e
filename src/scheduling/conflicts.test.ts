import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBookable } from './bookable.ts';
import { findScheduleConflicts, type ScheduledVisit } from './conflicts.ts';
import { makeSite, makeTherapist, weekdayHours } from '../../test/support/scheduling-fixtures.ts';
import { zonedWallTimeToInstant } from '../time/zones.ts';
import { DEFAULT_SERVICES } from './services.ts';

const LA = 'America/Los_Angeles';
const at = (date: string, time: string) => zonedWallTimeToInstant(date, time, LA);
const week = [1, 2, 3, 4, 5].map((weekday) => ({
  locationId: 'site',
  weekday: weekday as 1,
  start: '08:00',
  end: '18:00',
}));
const site = makeSite({ locationId: 'site' });
const therapist = makeTherapist({ therapistId: 'ana', templates: week });
// Tuesday 2026-12-08, 10:00–11:00 and 17:30–18:30 local time.
const morning: ScheduledVisit = {
  id: 'm',
  start: at('2026-12-08', '10:00'),
  end: at('2026-12-08', '11:00'),
  therapistId: 'ana',
  locationId: 'site',
};
const late: ScheduledVisit = {
  id: 'l',
  start: at('2026-12-08', '16:30'),
  end: at('2026-12-08', '17:30'),
  therapistId: 'ana',
  locationId: 'site',
};

describe('visits the schedule no longer allows', () => {
  it('finds none while the schedule still holds them', () => {
    expect(
      findScheduleConflicts([morning, late], { sites: [site], therapists: [therapist], orgTimeZone: LA }).size,
    ).toBe(0);
  });

  it('a closure over the day conflicts every visit that day, with the closure’s reason', () => {
    const closed = { ...site, closures: [{ startsOn: '2026-12-07', endsOn: '2026-12-08', reason: 'Floor repairs' }] };
    const found = findScheduleConflicts([morning, late], { sites: [closed], therapists: [therapist], orgTimeZone: LA });
    expect(found.get('m')).toEqual({ code: 'closed', date: '2026-12-08', closureReason: 'Floor repairs' });
    expect(found.get('l')).toEqual({ code: 'closed', date: '2026-12-08', closureReason: 'Floor repairs' });
  });

  it('shorter hours conflict only the visits outside them; a day without hours conflicts all', () => {
    const shorter = { ...site, hours: weekdayHours('08:00', '17:00') };
    const found = findScheduleConflicts([morning, late], {
      sites: [shorter],
      therapists: [therapist],
      orgTimeZone: LA,
    });
    expect([...found.keys()]).toEqual(['l']);
    expect(found.get('l')!.code).toBe('outside-hours');
    const noTuesday = { ...site, hours: weekdayHours('08:00', '18:00', [1, 3, 4, 5]) };
    expect(
      findScheduleConflicts([morning, late], { sites: [noTuesday], therapists: [therapist], orgTimeZone: LA }).size,
    ).toBe(2);
  });

  it('time off or a changed week takes the therapist off shift; time off at another site does not', () => {
    const away = {
      ...therapist,
      exceptions: [{ kind: 'time-off' as const, start: at('2026-12-08', '09:00'), end: at('2026-12-08', '12:00') }],
    };
    expect([...findScheduleConflicts([morning, late], { sites: [site], therapists: [away], orgTimeZone: LA })]).toEqual(
      [['m', { code: 'not-on-shift', date: '2026-12-08' }]],
    );
    const elsewhere = {
      ...therapist,
      exceptions: [
        {
          kind: 'time-off' as const,
          locationId: 'other',
          start: at('2026-12-08', '09:00'),
          end: at('2026-12-08', '12:00'),
        },
      ],
    };
    expect(findScheduleConflicts([morning], { sites: [site], therapists: [elsewhere], orgTimeZone: LA }).size).toBe(0);
    const mornings = { ...therapist, templates: week.map((t) => ({ ...t, end: '13:00' })) };
    expect([
      ...findScheduleConflicts([morning, late], { sites: [site], therapists: [mornings], orgTimeZone: LA }).keys(),
    ]).toEqual(['l']);
    expect(findScheduleConflicts([morning], { sites: [site], therapists: [], orgTimeZone: LA }).get('m')!.code).toBe(
      'not-on-shift',
    );
  });

  it('a visit at a site no longer active is closed on its date in the organisation’s zone, not UTC’s', () => {
    // 17:30 in Los Angeles on Tuesday 8 December is already Wednesday 9 December in UTC.
    const evening = { ...late, start: at('2026-12-08', '17:30'), end: at('2026-12-08', '18:30') };
    const found = findScheduleConflicts([evening], { sites: [], therapists: [therapist], orgTimeZone: LA });
    expect(found.get('l')).toEqual({ code: 'closed', date: '2026-12-08' });
  });

  it('agrees with booking: a visit conflicts exactly when booking it afresh fails for hours, closure or shift', () => {
    const service = DEFAULT_SERVICES.find((s) => s.code === 'nmt-followup-60')!;
    const window = { now: at('2026-11-01', '00:00'), minNoticeMinutes: 0, horizonDays: 365 };
    const schedule = fc.record({
      open: fc.constantFrom('07:00', '08:00', '09:00', '12:00'),
      close: fc.constantFrom('12:00', '15:00', '17:00', '18:00'),
      shiftEnd: fc.constantFrom('11:00', '14:00', '18:00'),
      closedDay: fc.option(fc.constantFrom('2026-12-07', '2026-12-08', '2026-12-09'), { nil: null }),
      startMinutes: fc.integer({ min: 6 * 4, max: 19 * 4 }).map((q) => q * 15),
    });
    fc.assert(
      fc.property(schedule, (s) => {
        const siteNow = {
          ...site,
          hours: weekdayHours(s.open, s.close),
          closures: s.closedDay ? [{ startsOn: s.closedDay, endsOn: s.closedDay }] : [],
        };
        const ana = { ...therapist, templates: week.map((t) => ({ ...t, end: s.shiftEnd })) };
        const start = at('2026-12-08', '00:00') + s.startMinutes * 60_000;
        const visit = { id: 'v', start, end: start + 60 * 60_000, therapistId: 'ana', locationId: 'site' };
        const conflict = findScheduleConflicts([visit], { sites: [siteNow], therapists: [ana], orgTimeZone: LA }).get(
          'v',
        );
        const verdict = checkBookable({ service, start, therapistId: 'ana', locationId: 'site' }, window, {
          sites: [siteNow],
          therapists: [ana],
          busy: [],
        });
        const refusedForSchedule =
          !verdict.ok && verdict.reasons.some((r) => ['closed', 'outside-hours', 'not-on-shift'].includes(r.code));
        expect(conflict !== undefined).toBe(refusedForSchedule);
      }),
      { numRuns: 300 },
    );
  });
});
