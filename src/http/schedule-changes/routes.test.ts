import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { snapshot } from '../../../test/support/snapshot.ts';
import { listMessages } from '../../store/repos/outbox.ts';
import { buildAppointment } from '../../../test/support/factories.ts';

interface Conflict {
  code: string;
  message: string;
  notifiedAt: string | null;
}
interface Appointment {
  id: string;
  status: string;
  start: string;
  therapistId: string;
  locationId: string;
  conflict?: Conflict | null;
}
interface Affected {
  affected: Appointment[];
  notShown: number;
}
interface Resolved {
  visits: { appointmentId: string; outcome: string; appointment: Appointment }[];
}
interface Slot {
  start: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
}

const NOW = new Date('2026-11-20T18:00:00Z'); // Friday 10:00 in Los Angeles
const CLOSED_DAY = '2026-11-24'; // a Tuesday

describe.each(BACKENDS)('closing a day that has bookings, on %s', (backend) => {
  const v: Record<'early' | 'soon' | 'tueMorning' | 'tueAfternoon' | 'wed', string> = {
    early: '',
    soon: '',
    tueMorning: '',
    tueAfternoon: '',
    wed: '',
  };

  const h = httpSuite(backend, {
    now: () => NOW,
    bookable: true,
    async setup() {
      // Patient A's visits with Avery at site A (Los Angeles time): two within the 24-hour cancellation window.
      const starts = {
        early: '2026-11-21T16:00:00Z', // Sat 08:00
        soon: '2026-11-21T17:30:00Z', // Sat 09:30
        tueMorning: '2026-11-24T18:00:00Z', // Tue 10:00
        tueAfternoon: '2026-11-24T23:00:00Z', // Tue 15:00
        wed: '2026-11-25T18:00:00Z', // Wed 10:00
      };
      for (const [name, start] of Object.entries(starts)) {
        const res = await h.as('front_desk', 'POST', '/api/appointments', {
          patientId: h.world.patients.a,
          serviceCode: 'nmt-followup-60',
          start,
          therapistId: h.world.therapists.a,
          locationId: h.world.sites.a,
        });
        expect(res.statusCode, res.body).toBe(201);
        v[name as keyof typeof v] = (res.json() as { id: string }).id;
      }
    },
  });
  const ids = (list: { id: string }[]) => list.map((a) => a.id).sort();
  const conflictOf = async (role: 'front_desk' | 'patient', id: string) =>
    ((await h.as(role, 'GET', `/api/appointments/${id}`)).json() as Appointment).conflict;

  it('previews a closure, new hours, time off and a new week without writing, listing visits left out', async () => {
    const before = await snapshot(h.db);
    const closure = await h.as('manager', 'POST', `/api/locations/${h.world.sites.a}/closures/preview`, {
      startsOn: CLOSED_DAY,
      endsOn: CLOSED_DAY,
      reason: 'Floor repairs',
    });
    expect(closure.statusCode, closure.body).toBe(200);
    const affected = (closure.json() as Affected).affected;
    expect(ids(affected)).toEqual([v.tueMorning, v.tueAfternoon].sort());
    expect(affected[0]!.conflict).toMatchObject({
      code: 'closed',
      message: 'The clinic is closed on Tuesday, November 24 (Floor repairs).',
      notifiedAt: null,
    });

    const allWeek = Object.fromEntries(
      ['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [{ open: '08:00', close: '12:00' }]]),
    );
    const hours = (
      await h.as('manager', 'POST', `/api/locations/${h.world.sites.a}/hours/preview`, { hours: allWeek })
    ).json() as Affected;
    expect(ids(hours.affected)).toEqual([v.tueAfternoon]);
    expect(hours.affected[0]!.conflict!.message).toBe('The clinic is not open at this time on Tuesday, November 24.');

    const off = await h.as('manager', 'POST', `/api/therapists/${h.world.therapists.a}/exceptions/preview`, {
      kind: 'time-off',
      start: '2026-11-25T17:00:00Z',
      end: '2026-11-25T20:00:00Z',
      locationId: null,
      reason: 'Course',
    });
    expect(ids((off.json() as Affected).affected)).toEqual([v.wed]);
    expect((off.json() as Affected).affected[0]!.conflict!.message).toBe(
      'Avery Therapist is not working at this time on Wednesday, November 25.',
    );

    const noSaturday = [0, 1, 2, 3, 4, 5].map((weekday) => ({
      locationId: h.world.sites.a,
      weekday,
      start: '08:00',
      end: '18:00',
    }));
    const week = (
      await h.as('manager', 'POST', `/api/therapists/${h.world.therapists.a}/schedule/preview`, {
        templates: noSaturday,
      })
    ).json() as Affected;
    expect(ids(week.affected)).toEqual([v.early, v.soon].sort());

    // The same rules as saving: a bad range is refused, naming the field.
    const backwards = await h.as('manager', 'POST', `/api/locations/${h.world.sites.a}/closures/preview`, {
      startsOn: '2026-11-25',
      endsOn: '2026-11-24',
      reason: 'x',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields).toHaveProperty('endsOn');
    expect(await snapshot(h.db)).toEqual(before);
    // Each listed visit names a patient: each was audited.
    const audited = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1 AND action = 'appointment.list'
        AND detail->>'preview' = 'true'`,
      [h.world.orgId],
    );
    expect(audited[0]!.n).toBe(2 + 1 + 1 + 2);
  });

  it('once saved, visits show the conflict to the desk and the patient until resolved; others show none', async () => {
    const saved = await h.as('manager', 'POST', `/api/locations/${h.world.sites.a}/closures`, {
      startsOn: CLOSED_DAY,
      endsOn: CLOSED_DAY,
      reason: 'Floor repairs',
    });
    expect(saved.statusCode).toBe(201);
    const desk = (
      await h.as('front_desk', 'GET', `/api/appointments?location=${h.world.sites.a}&from=2026-11-21&to=2026-11-27`)
    ).json() as { appointments: Appointment[] };
    const flagged = desk.appointments.filter((a) => a.conflict);
    expect(ids(flagged)).toEqual([v.tueMorning, v.tueAfternoon].sort());
    expect(flagged.every((a) => a.status === 'booked' && a.conflict!.code === 'closed')).toBe(true);
    const own = (
      await h.as('patient', 'GET', `/api/appointments?patient=${h.world.patients.a}&from=2026-11-21&to=2026-11-27`)
    ).json() as { appointments: Appointment[] };
    expect(own.appointments.find((a) => a.id === v.tueMorning)!.conflict!.message).toBe(
      'The clinic is closed on Tuesday, November 24 (Floor repairs).',
    );
    expect(own.appointments.find((a) => a.id === v.wed)!.conflict).toBeNull();
  });

  it('emails each patient a link to a new time once per visit; a visit that fits is left; retries replay', async () => {
    const res = await h.as('front_desk', 'POST', '/api/appointments/conflicts/notify', {
      appointmentIds: [v.tueMorning, v.wed],
      note: 'Sorry for the trouble.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const outcomes = Object.fromEntries((res.json() as Resolved).visits.map((x) => [x.appointmentId, x.outcome]));
    expect(outcomes).toEqual({ [v.tueMorning]: 'queued', [v.wed]: 'fits-schedule' });
    const notice = (await listMessages(h.db, { orgId: h.world.orgId, appointmentId: v.tueMorning })).find(
      (m) => m.kind === 'visit-affected',
    )!;
    expect(notice.subject).toMatch(/^Please choose a new time: NMT follow-up \(60 min\) on Tue, Nov 24/);
    expect(notice.text).toContain('Why: The clinic is closed on Tuesday, November 24 (Floor repairs).');
    expect(notice.text).toContain('A message from the clinic: Sorry for the trouble.');
    expect(notice.text).toMatch(/choose a new time, or cancel, with this link: \S+\/a\/\S+/);
    expect((await conflictOf('front_desk', v.tueMorning))!.notifiedAt).toEqual(expect.any(String));
    expect(
      (await listMessages(h.db, { orgId: h.world.orgId, appointmentId: v.wed })).some(
        (m) => m.kind === 'visit-affected',
      ),
    ).toBe(false);

    const again = await h.as('front_desk', 'POST', '/api/appointments/conflicts/notify', {
      appointmentIds: [v.tueMorning],
    });
    expect((again.json() as Resolved).visits[0]!.outcome).toBe('already-sent');

    const headers = { 'idempotency-key': `notify-${backend}` };
    const first = await h.as(
      'front_desk',
      'POST',
      '/api/appointments/conflicts/notify',
      { appointmentIds: [v.tueAfternoon] },
      headers,
    );
    const replay = await h.as(
      'front_desk',
      'POST',
      '/api/appointments/conflicts/notify',
      { appointmentIds: [v.tueAfternoon] },
      headers,
    );
    expect((first.json() as Resolved).visits[0]!.outcome).toBe('queued');
    expect(replay.json()).toEqual(first.json());
    const audited = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1 AND action = 'appointment.notify-change'`,
      [h.world.orgId],
    );
    expect(audited[0]!.n).toBe(4);
  });

  it('the patient’s link says why and lets them move the visit; the moved visit no longer conflicts', async () => {
    const notice = (await listMessages(h.db, { orgId: h.world.orgId, appointmentId: v.tueAfternoon })).find(
      (m) => m.kind === 'visit-affected',
    )!;
    const token = /\/a\/(\S+)/.exec(notice.text)![1]!;
    const linked = await h.app.inject({ method: 'GET', url: `/api/links/${token}` });
    expect(linked.json()).toMatchObject({
      conflict: 'The clinic is closed on Tuesday, November 24 (Floor repairs).',
      canChangeOnline: true,
    });
    const moved = await h.app.inject({
      method: 'POST',
      url: `/api/links/${token}/reschedule`,
      payload: { start: '2026-11-26T23:00:00Z' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await conflictOf('patient', v.tueAfternoon)).toBeNull();
    // The notice of the old time no longer stands.
    expect((await h.app.inject({ method: 'GET', url: `/api/links/${token}` })).json()).toMatchObject({
      conflict: null,
    });
  });

  it('offers alternatives from the engine off the closed day; moving to one resolves the visit', async () => {
    const res = await h.as('front_desk', 'GET', `/api/appointments/${v.tueMorning}/alternatives`);
    expect(res.statusCode, res.body).toBe(200);
    const slots = (res.json() as { slots: Slot[] }).slots;
    expect(slots.length).toBeGreaterThan(0);
    const localDay = (iso: string) => new Date(Date.parse(iso) - 8 * 3_600_000).toISOString().slice(0, 10);
    expect(slots.every((s) => localDay(s.start) !== CLOSED_DAY)).toBe(true);
    const move = await h.as('front_desk', 'POST', `/api/appointments/${v.tueMorning}/reschedule`, {
      start: slots[0]!.start,
      therapistId: slots[0]!.therapistId,
      locationId: slots[0]!.locationId,
      reason: 'Clinic closed',
    });
    expect(move.statusCode, move.body).toBe(200);
    expect(await conflictOf('front_desk', v.tueMorning)).toBeNull();
  });

  it('in the cancellation window, a visit the clinic cannot keep may still move; cancelling is not late', async () => {
    const tooLate = await h.as('patient', 'POST', `/api/appointments/${v.soon}/reschedule`, {
      start: '2026-11-27T18:00:00Z',
      reason: 'Work',
    });
    expect(tooLate.statusCode).toBe(422);
    const off = await h.as('manager', 'POST', `/api/therapists/${h.world.therapists.a}/exceptions`, {
      kind: 'time-off',
      start: '2026-11-21T15:00:00Z',
      end: '2026-11-21T20:00:00Z',
      reason: 'Sick',
    });
    expect(off.statusCode).toBe(201);
    expect((await conflictOf('patient', v.soon))!.code).toBe('not-on-shift');
    const moved = await h.as('patient', 'POST', `/api/appointments/${v.soon}/reschedule`, {
      start: '2026-11-27T18:00:00Z',
      reason: 'Therapist away',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const cancelled = await h.as('patient', 'POST', `/api/appointments/${v.early}/cancel`, {
      reason: 'Therapist away',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
  });

  it('cancels for the clinic in one transaction: a visit the desk may not touch refuses the whole lot', async () => {
    // A visit at site B, which this front desk does not work at, made to conflict by a closure there.
    const other = await buildAppointment(h.db, h.world.orgId, {
      patientId: h.world.patients.b,
      therapistId: h.world.therapists.b,
      locationId: h.world.sites.b,
      start: '2026-11-24T18:00:00Z',
      bufferMinutes: 10,
    });
    await h.as('admin', 'POST', `/api/locations/${h.world.sites.b}/closures`, {
      startsOn: CLOSED_DAY,
      endsOn: CLOSED_DAY,
      reason: 'Power cut',
    });
    const booked = await h.as('front_desk', 'POST', '/api/appointments', {
      patientId: h.world.patients.a,
      serviceCode: 'nmt-followup-60',
      start: '2026-11-23T18:00:00Z',
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    const monday = (booked.json() as { id: string }).id;
    await h.as('manager', 'POST', `/api/locations/${h.world.sites.a}/closures`, {
      startsOn: '2026-11-23',
      endsOn: '2026-11-23',
      reason: 'Burst pipe',
    });

    const before = await snapshot(h.db);
    const refused = await h.as('front_desk', 'POST', '/api/appointments/conflicts/cancel', {
      appointmentIds: [monday, other],
      message: 'A pipe burst.',
    });
    expect(refused.statusCode).toBe(403);
    expect(await snapshot(h.db)).toEqual(before);

    const done = await h.as('front_desk', 'POST', '/api/appointments/conflicts/cancel', {
      appointmentIds: [monday],
      message: 'A pipe burst; we are very sorry.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as Resolved).visits[0]).toMatchObject({
      outcome: 'cancelled',
      appointment: { status: 'cancelled', conflict: null },
    });
    const notice = (await listMessages(h.db, { orgId: h.world.orgId, appointmentId: monday })).find(
      (m) => m.kind === 'cancellation',
    )!;
    expect(notice.text).toContain('A message from the clinic: A pipe burst; we are very sorry.');
    // A visit that fits the schedule is never cancelled this way.
    const fits = await h.as('front_desk', 'POST', '/api/appointments/conflicts/cancel', {
      appointmentIds: [v.wed],
      message: 'x',
    });
    expect((fits.json() as Resolved).visits[0]).toMatchObject({
      outcome: 'fits-schedule',
      appointment: { status: 'booked' },
    });
  });
});
