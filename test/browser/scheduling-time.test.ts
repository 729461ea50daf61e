import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Appointment, Slot, WeeklySchedule } from '../../web/src/api/scheduling.ts';
import type { Location, Therapist } from '../../web/src/api/types.ts';
import { buildDay, shiftsOn } from '../../web/src/pages/schedule/dayModel.ts';
import { applyPicks, previewSeries } from '../../web/src/pages/schedule/seriesPlan.ts';
import { addDays, clockLabel, mondayOf, wallClock, instantAt } from '../../web/src/pages/schedule/time.ts';

const LA = 'America/Los_Angeles';

describe('site wall clock ↔ instant', () => {
  it('reads 9 am in Los Angeles as 17:00 UTC in winter and 16:00 UTC in summer', () => {
    expect(new Date(instantAt('2026-11-27', 9 * 60, LA)).toISOString()).toBe('2026-11-27T17:00:00.000Z');
    expect(new Date(instantAt('2026-07-01', 9 * 60, LA)).toISOString()).toBe('2026-07-01T16:00:00.000Z');
  });

  it('handles the DST weeks: the missing 2:30 am reads as 3:30 am, the repeated 1:30 am is the first one', () => {
    expect(new Date(instantAt('2026-03-08', 150, LA)).toISOString()).toBe('2026-03-08T10:30:00.000Z');
    expect(new Date(instantAt('2026-11-01', 90, LA)).toISOString()).toBe('2026-11-01T08:30:00.000Z');
    // A day of the spring change has 23 hours, the autumn one 25.
    expect(instantAt('2026-03-09', 0, LA) - instantAt('2026-03-08', 0, LA)).toBe(23 * 3_600_000);
    expect(instantAt('2026-11-02', 0, LA) - instantAt('2026-11-01', 0, LA)).toBe(25 * 3_600_000);
  });

  it('round-trips every quarter hour of every day in two years (except the spring gap)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 730 }),
        fc.integer({ min: 0, max: 95 }),
        fc.constantFrom(LA, 'America/New_York', 'Europe/London', 'UTC'),
        (day, quarter, zone) => {
          const date = addDays('2026-01-01', day);
          const minutes = quarter * 15;
          const back = wallClock(instantAt(date, minutes, zone), zone);
          const inGap = back.date !== date || back.minutes !== minutes;
          if (inGap)
            expect(back.minutes - minutes).toBe(60); // only a skipped hour may move a time, by that hour
          else expect(back).toEqual({ date, minutes });
        },
      ),
    );
  });

  it('names times and weeks as people say them', () => {
    expect(clockLabel(555)).toBe('9:15 am');
    expect(clockLabel(720)).toBe('12 pm');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });
});

const site: Location = {
  id: 's1',
  name: 'Knotwork Test',
  slug: 'test',
  phone: null,
  timeZone: LA,
  active: true,
  rooms: [],
  address: { line1: '1 Main St', line2: null, city: 'Portland', state: 'OR', postalCode: '97201', country: 'US' },
  hours: { 5: [{ open: '08:00', close: '18:00' }] },
  can: { manage: false, addStaff: false, registerPatients: false },
};
const therapist = (id: string): Therapist => ({ id, name: id, discipline: 'nmt', locationIds: ['s1'] });
const appointment = (
  id: string,
  therapistId: string,
  start: string,
  end: string,
  status: Appointment['status'] = 'booked',
): Appointment => ({
  id,
  patientId: 'p',
  therapistId,
  locationId: 's1',
  roomId: null,
  serviceCode: 'nmt-followup-60',
  serviceName: 'NMT follow-up (60 min)',
  status,
  start,
  end,
  bufferAfterMinutes: 10,
  seriesId: null,
  notes: null,
  cancelReason: null,
  version: 1,
  createdAt: start,
  updatedAt: start,
  sessionNoteId: null,
  can: {
    move: false,
    cancel: false,
    markArrived: false,
    undoArrived: false,
    startSession: false,
    complete: false,
    noShow: false,
    resolveConflict: false,
    startNote: false,
    openNote: false,
  },
});

describe('the day calendar model', () => {
  const schedule: WeeklySchedule = {
    therapistId: 'a',
    can: { edit: false },
    templates: [
      { id: 't', locationId: 's1', weekday: 5, start: '09:00', end: '17:00', validFrom: null, validTo: null },
    ],
    exceptions: [
      {
        id: 'x',
        therapistId: 'a',
        kind: 'time-off',
        locationId: null,
        start: '2026-11-27T20:00:00Z',
        end: '2026-11-27T21:00:00Z',
        reason: null,
      },
    ],
  };

  it('cuts time off out of the shift, read in the site zone', () => {
    expect(shiftsOn(schedule, 's1', '2026-11-27', LA)).toEqual([
      { from: 540, to: 720 },
      { from: 780, to: 1020 },
    ]);
    expect(shiftsOn(schedule, 's1', '2026-11-26', LA)).toEqual([]);
  });

  it('shows working therapists only, places visits on the wall clock and hides cancelled ones unless asked', () => {
    const appointments = [
      appointment('v1', 'a', '2026-11-27T17:00:00Z', '2026-11-27T18:00:00Z'),
      appointment('v2', 'a', '2026-11-27T19:00:00Z', '2026-11-27T19:30:00Z', 'cancelled'),
    ];
    const input = {
      date: '2026-11-27',
      location: site,
      therapists: [therapist('a'), therapist('b')],
      schedules: new Map([['a', schedule]]),
      appointments,
    };
    const day = buildDay({ ...input, showCancelled: false });
    expect(day.columns.map((c) => c.therapist.id)).toEqual(['a']);
    expect(day.columns[0]!.placed.map((p) => [p.appointment.id, p.from, p.to])).toEqual([['v1', 540, 600]]);
    expect([day.start, day.end]).toEqual([480, 1080]);
    expect(buildDay({ ...input, showCancelled: true }).columns[0]!.placed).toHaveLength(2);
  });
});

describe('the series preview', () => {
  it('asks the clinical scheduler for the dates and keeps the time', () => {
    const result = previewSeries({
      startDate: '2026-11-30',
      visitsPerWeek: 2,
      count: 4,
      preferredDays: [1, 4],
      time: '10:00',
    });
    expect(result).toEqual({
      ok: true,
      visits: [
        { visit: 1, date: '2026-11-30', time: '10:00' },
        { visit: 2, date: '2026-12-03', time: '10:00' },
        { visit: 3, date: '2026-12-07', time: '10:00' },
        { visit: 4, date: '2026-12-10', time: '10:00' },
      ],
    });
  });

  it('names the field when no preferred day is chosen', () => {
    const result = previewSeries({
      startDate: '2026-11-30',
      visitsPerWeek: 2,
      count: 4,
      preferredDays: [],
      time: '10:00',
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.errors).toHaveProperty('preferredDays');
  });

  it('replaces a conflicting visit with the picked alternative, as the site clock reads it', () => {
    const slot: Slot = {
      start: '2026-12-04T18:30:00Z',
      end: '2026-12-04T19:30:00Z',
      therapistId: 'a',
      locationId: 's1',
      roomId: null,
    };
    const visits = [
      { visit: 1, date: '2026-11-30', time: '10:00' },
      { visit: 2, date: '2026-12-03', time: '10:00' },
    ];
    expect(applyPicks(visits, new Map([[2, slot]]), LA)).toEqual([
      visits[0],
      { visit: 2, date: '2026-12-04', time: '10:30' },
    ]);
  });
});
