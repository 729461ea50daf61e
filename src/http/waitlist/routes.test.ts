import { describe, expect, it } from 'vitest';
import { runWaitlistJobs } from '../../services/booking/offers.ts';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { buildPatient } from '../../../test/support/factories.ts';

interface Entry {
  id: string;
  patientId: string;
  status: string;
  offer: { id: string; start: string; expiresAt: string } | null;
}

describe.each(BACKENDS)('waitlist on %s', (backend) => {
  let now = new Date('2026-11-20T18:00:00Z').getTime();
  let patientC: string;

  const h = httpSuite(backend, {
    now: () => new Date(now),
    bookable: true,
    async setup() {
      patientC = await buildPatient(h.db, h.world.orgId, {
        givenName: 'Cleo',
        familyName: 'Third',
        dateOfBirth: '1970-01-01',
        email: 'cleo@example.test',
        preferredLocationId: h.world.sites.a,
      });
    },
  });
  const entries = async () => ((await h.as('admin', 'GET', '/api/waitlist')).json() as { entries: Entry[] }).entries;
  const join = (patientId: string) =>
    h.as('admin', 'POST', '/api/waitlist', {
      patientId,
      serviceCode: 'nmt-followup-60',
      locationIds: [h.world.sites.a],
      earliest: '2026-11-27',
      latest: '2026-11-27',
    });

  it('offers a freed slot first come first served with a blocking hold, passes it on at expiry, books it', async () => {
    const slot = {
      serviceCode: 'nmt-followup-60',
      start: '2026-11-27T17:00:00Z',
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    };
    const booked = await h.as('patient', 'POST', '/api/appointments', { ...slot, patientId: h.world.patients.a });
    expect(booked.statusCode).toBe(201);
    expect((await join(h.world.patients.b)).statusCode).toBe(201);
    expect((await join(patientC)).statusCode).toBe(201);

    expect(
      (await h.as('patient', 'POST', `/api/appointments/${booked.json().id}/cancel`, { reason: 'Moving away' })).json()
        .status,
    ).toBe('cancelled');
    let list = await entries();
    const first = list.find((e) => e.patientId === h.world.patients.b)!;
    expect(first).toMatchObject({
      status: 'offered',
      offer: { start: '2026-11-27T17:00:00.000Z', expiresAt: '2026-11-20T20:00:00.000Z' },
    });
    expect(list.find((e) => e.patientId === patientC)).toMatchObject({ status: 'waiting', offer: null });
    const messages = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE org_id = $1 AND kind = 'waitlist-offer'
        AND patient_id = $2`,
      [h.world.orgId, h.world.patients.b],
    );
    expect(messages[0]!.n).toBe(1);

    // The hold blocks the slot for everyone else: not offered, and not bookable.
    const free = (
      await h.as(
        'admin',
        'GET',
        `/api/availability?service=nmt-followup-60&from=2026-11-27&to=2026-11-27&therapist=${h.world.therapists.a}`,
      )
    ).json() as { slots: { start: string }[] };
    expect(free.slots.map((s) => s.start)).not.toContain('2026-11-27T17:00:00.000Z');
    expect((await h.as('admin', 'POST', '/api/appointments', { ...slot, patientId: patientC })).statusCode).toBe(409);

    // Two hours later the hold expires; the job passes the slot to the next patient.
    now += 2 * 3600_000 + 60_000;
    expect(await runWaitlistJobs({ db: h.db, now: () => new Date(now) })).toBe(1);
    list = await entries();
    expect(list.find((e) => e.patientId === h.world.patients.b)).toMatchObject({ status: 'waiting', offer: null });
    const second = list.find((e) => e.patientId === patientC)!;
    expect(second.status).toBe('offered');
    expect((await h.as('admin', 'POST', `/api/waitlist/offers/${first.offer!.id}/accept`)).statusCode).toBe(409);

    const accepted = await h.as('front_desk', 'POST', `/api/waitlist/offers/${second.offer!.id}/accept`);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ patientId: patientC, start: '2026-11-27T17:00:00.000Z', status: 'booked' });
    expect((await entries()).some((e) => e.patientId === patientC)).toBe(false);
    // Asked for, booked entries stay on the list until their dates are over; removed ones never do.
    const withBooked = (
      (await h.as('front_desk', 'GET', '/api/waitlist?include=booked')).json() as { entries: Entry[] }
    ).entries;
    expect(withBooked.find((e) => e.patientId === patientC)).toMatchObject({ status: 'booked', offer: null });
    now = new Date('2026-11-28T08:00:00Z').getTime();
    try {
      const later = ((await h.as('front_desk', 'GET', '/api/waitlist?include=booked')).json() as { entries: Entry[] })
        .entries;
      expect(later.some((e) => e.patientId === patientC)).toBe(false);
    } finally {
      now = new Date('2026-11-20T20:01:00Z').getTime();
    }
    const wrong = await h.as('front_desk', 'GET', '/api/waitlist?include=everything');
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys((wrong.json() as { error: { fields: object } }).error.fields)).toEqual(['include']);
  });

  it('lets a patient see and leave only their own entries', async () => {
    const mine = (
      await h.as('patient', 'POST', '/api/waitlist', {
        patientId: h.world.patients.a,
        serviceCode: 'nmt-followup-60',
        locationIds: [h.world.sites.a],
        earliest: '2026-12-01',
        latest: '2026-12-10',
        timeOfDay: 'morning',
      })
    ).json() as Entry;
    const theirs = (await join(h.world.patients.b)).json() as Entry;
    const seen = ((await h.as('patient', 'GET', '/api/waitlist')).json() as { entries: Entry[] }).entries;
    expect(seen.every((e) => e.patientId === h.world.patients.a)).toBe(true);
    expect((await h.as('patient', 'DELETE', `/api/waitlist/${theirs.id}`)).statusCode).toBe(403);
    expect((await h.as('patient', 'DELETE', `/api/waitlist/${mine.id}`)).statusCode).toBe(204);
    expect(
      (
        await h.as('patient', 'POST', '/api/waitlist', {
          patientId: h.world.patients.b,
          serviceCode: 'nmt-followup-60',
          locationIds: [h.world.sites.a],
          earliest: '2026-12-01',
          latest: '2026-12-10',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('judges a window on the site’s day: at 21:30 in Los Angeles (tomorrow in UTC) today still counts', async () => {
    const before = now;
    now = new Date('2026-11-20T05:30:00Z').getTime();
    try {
      const window = (day: string) => ({
        patientId: h.world.patients.b,
        serviceCode: 'nmt-followup-60',
        locationIds: [h.world.sites.a],
        earliest: day,
        latest: day,
      });
      const today = await h.as('admin', 'POST', '/api/waitlist', window('2026-11-19'));
      expect(today.statusCode).toBe(201);
      const yesterday = await h.as('admin', 'POST', '/api/waitlist', window('2026-11-18'));
      expect(yesterday.statusCode).toBe(422);
      expect(yesterday.json()).toMatchObject({ error: { fields: { latest: 'The window has already passed.' } } });
      expect((await h.as('admin', 'DELETE', `/api/waitlist/${(today.json() as Entry).id}`)).statusCode).toBe(204);
    } finally {
      now = before;
    }
  });
});
