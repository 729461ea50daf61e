import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { countAppointments } from '../../../test/support/booking-world.ts';

interface Slot {
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
}

const NOW = new Date('2026-11-20T18:00:00Z'); // Friday 10:00 in Los Angeles

describe.each(BACKENDS)('booking API on %s', (backend) => {
  const h = httpSuite(backend, { now: () => NOW, bookable: true });

  const booking = (start: string, over: Record<string, unknown> = {}) => ({
    patientId: h.world.patients.a,
    serviceCode: 'nmt-followup-60',
    start,
    therapistId: h.world.therapists.a,
    locationId: h.world.sites.a,
    ...over,
  });

  it('offers only qualified therapists, inside hours and shifts, and refuses ranges over 31 days', async () => {
    const res = await h.as('patient', 'GET', '/api/availability?service=nmt-followup-60&from=2026-11-23&to=2026-11-24');
    expect(res.statusCode).toBe(200);
    const slots = (res.json() as { slots: Slot[] }).slots;
    expect(slots.length).toBeGreaterThan(0);
    // Blake holds no CNMT: never offered for NMT.
    expect(new Set(slots.map((s) => s.therapistId))).toEqual(new Set([h.world.therapists.a]));
    for (const s of slots) {
      const local = new Date(new Date(s.start).getTime() - 8 * 3600_000).toISOString().slice(11, 16);
      const localEnd = new Date(new Date(s.end).getTime() - 8 * 3600_000).toISOString().slice(11, 16);
      expect(local >= '08:00' && localEnd <= '18:00').toBe(true);
    }
    const tooLong = await h.as(
      'patient',
      'GET',
      '/api/availability?service=nmt-followup-60&from=2026-11-23&to=2026-12-24',
    );
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.fields).toHaveProperty('to');
  });

  it('books, then answers a taken slot with 409 slot_unavailable and alternatives, same therapist first', async () => {
    const first = await h.as('front_desk', 'POST', '/api/appointments', booking('2026-11-25T17:00:00Z'));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'booked',
      start: '2026-11-25T17:00:00.000Z',
      end: '2026-11-25T18:00:00.000Z',
      roomId: h.rooms.roomsA[0],
    });
    const again = await h.as(
      'admin',
      'POST',
      '/api/appointments',
      booking('2026-11-25T17:00:00Z', { patientId: h.world.patients.b }),
    );
    expect(again.statusCode).toBe(409);
    const body = again.json() as { error: { code: string }; alternatives: Slot[] };
    expect(body.error.code).toBe('slot_unavailable');
    expect(body.alternatives.length).toBeGreaterThan(0);
    expect(body.alternatives.length).toBeLessThanOrEqual(5);
    expect(body.alternatives[0]).toMatchObject({ therapistId: h.world.therapists.a, locationId: h.world.sites.a });
    // The nearest free start after the booking and its 10-minute turnover is 18:15Z.
    expect(body.alternatives.map((s) => s.start)).toContain('2026-11-25T18:15:00.000Z');
  });

  it('refuses an unqualified therapist with 422 not_qualified naming the missing credential', async () => {
    const res = await h.as(
      'admin',
      'POST',
      '/api/appointments',
      booking('2026-11-25T18:00:00Z', {
        therapistId: h.world.therapists.b,
        locationId: h.world.sites.b,
        patientId: h.world.patients.b,
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'not_qualified',
      fields: { therapistId: 'missing: a neuromuscular therapy certification (CNMT)' },
    });
  });

  it('names an expired licence by its date', async () => {
    await h.db.query(
      `UPDATE credentials SET expires_on = '2026-11-26' WHERE org_id = $1 AND therapist_id = $2 AND type = 'LMT'`,
      [h.world.orgId, h.world.therapists.a],
    );
    try {
      const res = await h.as('admin', 'POST', '/api/appointments', booking('2026-11-27T17:00:00Z'));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields.therapistId).toMatch(/LMT expired on 2026-11-26/);
    } finally {
      await h.db.query(
        `UPDATE credentials SET expires_on = '2027-12-31' WHERE org_id = $1 AND therapist_id = $2 AND type = 'LMT'`,
        [h.world.orgId, h.world.therapists.a],
      );
    }
  });

  it('replays a retried create with the same Idempotency-Key, and refuses the key with another body', async () => {
    const key = { 'idempotency-key': `key-${backend}-1` };
    const before = await countAppointments(h.db, h.world.orgId);
    const first = await h.as('patient', 'POST', '/api/appointments', booking('2026-11-26T17:00:00Z'), key);
    const retry = await h.as('patient', 'POST', '/api/appointments', booking('2026-11-26T17:00:00Z'), key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await countAppointments(h.db, h.world.orgId)).toBe(before + 1);
    const other = await h.as('patient', 'POST', '/api/appointments', booking('2026-11-26T20:00:00Z'), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    // A refusal is remembered too: the retry of a 409 is the same 409.
    const taken = { 'idempotency-key': `key-${backend}-2` };
    const refused = await h.as(
      'admin',
      'POST',
      '/api/appointments',
      booking('2026-11-26T17:00:00Z', { patientId: h.world.patients.b }),
      taken,
    );
    const refusedAgain = await h.as(
      'admin',
      'POST',
      '/api/appointments',
      booking('2026-11-26T17:00:00Z', { patientId: h.world.patients.b }),
      taken,
    );
    expect([refused.statusCode, refusedAgain.statusCode]).toEqual([409, 409]);
    expect(refusedAgain.json()).toEqual(refused.json());
  });

  it('keeps a key per user: the same key from another account books its own visit', async () => {
    // Sign-in reads what is kept under the key with the session: only the signed-in user's answer counts.
    const key = { 'idempotency-key': `shared-${backend}` };
    const desk = await h.as('front_desk', 'POST', '/api/appointments', booking('2026-11-27T17:00:00Z'), key);
    const admin = await h.as(
      'admin',
      'POST',
      '/api/appointments',
      booking('2026-11-27T19:00:00Z', { patientId: h.world.patients.b }),
      key,
    );
    expect([desk.statusCode, admin.statusCode]).toEqual([201, 201]);
    expect(admin.headers['idempotent-replayed']).toBeUndefined();
    expect(admin.json().id).not.toBe(desk.json().id);
    const deskAgain = await h.as('front_desk', 'POST', '/api/appointments', booking('2026-11-27T17:00:00Z'), key);
    expect(deskAgain.headers['idempotent-replayed']).toBe('true');
    expect(deskAgain.json()).toEqual(desk.json());
  });

  it('of 10 simultaneous creates for one slot exactly one wins; the rest get 409', async () => {
    const patients = [h.world.patients.a, h.world.patients.b];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.as('admin', 'POST', '/api/appointments', booking('2026-11-30T19:00:00Z', { patientId: patients[i % 2] })),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('slot_unavailable');
    const overlaps = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointments a JOIN appointments b ON a.id < b.id AND a.org_id = b.org_id
        AND a.therapist_id = b.therapist_id
        WHERE a.org_id = $1 AND a.occupies AND b.occupies AND a.blocks && b.blocks`,
      [h.world.orgId],
    );
    expect(overlaps[0]!.n).toBe(0);
  });

  it('reschedules atomically: a taken target leaves the old time booked; a free one releases it', async () => {
    const mine = (await h.as('admin', 'POST', '/api/appointments', booking('2026-12-01T17:00:00Z'))).json() as {
      id: string;
    };
    const blocker = await h.as(
      'admin',
      'POST',
      '/api/appointments',
      booking('2026-12-01T20:00:00Z', { patientId: h.world.patients.b }),
    );
    expect(blocker.statusCode).toBe(201);
    const refused = await h.as('patient', 'POST', `/api/appointments/${mine.id}/reschedule`, {
      start: '2026-12-01T20:00:00Z',
      reason: 'Work meeting',
    });
    expect(refused.statusCode).toBe(409);
    expect((await h.as('admin', 'GET', `/api/appointments/${mine.id}`)).json().start).toBe('2026-12-01T17:00:00.000Z');
    const moved = await h.as('patient', 'POST', `/api/appointments/${mine.id}/reschedule`, {
      start: '2026-12-01T22:00:00Z',
      reason: 'Work meeting',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ start: '2026-12-01T22:00:00.000Z', version: 2 });
    const free = (
      await h.as(
        'admin',
        'GET',
        `/api/availability?service=nmt-followup-60&from=2026-12-01&to=2026-12-01&therapist=${h.world.therapists.a}`,
      )
    ).json() as { slots: Slot[] };
    expect(free.slots.map((s) => s.start)).toContain('2026-12-01T17:00:00.000Z');
  });

  it('cancels: a late cancellation inside the 24-hour window, an ordinary one before it', async () => {
    const soon = (await h.as('admin', 'POST', '/api/appointments', booking('2026-11-21T17:00:00Z'))).json() as {
      id: string;
    };
    const later = (await h.as('admin', 'POST', '/api/appointments', booking('2026-12-02T17:00:00Z'))).json() as {
      id: string;
    };
    const late = await h.as('patient', 'POST', `/api/appointments/${soon.id}/cancel`, { reason: 'Feeling unwell' });
    expect(late.json()).toMatchObject({ status: 'late_cancel', cancelReason: 'Feeling unwell' });
    const early = await h.as('patient', 'POST', `/api/appointments/${later.id}/cancel`, { reason: 'Travel' });
    expect(early.json()).toMatchObject({ status: 'cancelled' });
    expect(
      (await h.as('patient', 'POST', `/api/appointments/${later.id}/cancel`, { reason: 'Twice' })).statusCode,
    ).toBe(409);
    // The cancelled time can be booked again.
    expect(
      (
        await h.as(
          'admin',
          'POST',
          '/api/appointments',
          booking('2026-12-02T17:00:00Z', { patientId: h.world.patients.b }),
        )
      ).statusCode,
    ).toBe(201);
  });

  it('moves status only along the state machine, and only for those allowed', async () => {
    const appt = (await h.as('admin', 'POST', '/api/appointments', booking('2026-12-03T17:00:00Z'))).json() as {
      id: string;
    };
    const url = `/api/appointments/${appt.id}/status`;
    expect((await h.as('patient', 'POST', url, { status: 'arrived' })).statusCode).toBe(403);
    expect((await h.as('therapist', 'POST', url, { status: 'in_session' })).statusCode).toBe(409);
    expect((await h.as('therapist', 'POST', url, { status: 'arrived' })).json().status).toBe('arrived');
    expect((await h.as('therapist', 'POST', url, { status: 'in_session' })).json().status).toBe('in_session');
    expect((await h.as('therapist', 'POST', url, { status: 'completed' })).json().status).toBe('completed');
    expect((await h.as('front_desk', 'POST', url, { status: 'cancelled' })).statusCode).toBe(409);
    const future = (await h.as('admin', 'POST', '/api/appointments', booking('2026-12-03T20:00:00Z'))).json() as {
      id: string;
    };
    expect(
      (await h.as('front_desk', 'POST', `/api/appointments/${future.id}/status`, { status: 'no_show' })).statusCode,
    ).toBe(422);
  });

  it('scopes the calendar: the therapist their own, the desk its sites, the patient their own', async () => {
    await h.as(
      'admin',
      'POST',
      '/api/appointments',
      booking('2026-12-04T18:00:00Z', { therapistId: h.world.therapists.a, patientId: h.world.patients.b }),
    );
    const range = '/api/appointments?from=2026-11-20&to=2026-12-20';
    const ids = async (role: Parameters<typeof h.as>[0]) =>
      ((await h.as(role, 'GET', range)).json() as { appointments: { patientId: string; therapistId: string }[] })
        .appointments;
    expect((await ids('patient')).every((a) => a.patientId === h.world.patients.a)).toBe(true);
    expect((await ids('therapist')).every((a) => a.therapistId === h.world.therapists.a)).toBe(true);
    const admin = await ids('admin');
    expect(admin.some((a) => a.patientId === h.world.patients.b)).toBe(true);
    expect((await ids('patient')).length).toBeLessThan(admin.length);
    const audited = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1 AND action = 'appointment.list'`,
      [h.world.orgId],
    );
    expect(audited[0]!.n).toBeGreaterThan(0);
  });

  describe.each([
    ['2026-03-08', '15:00', '01:00'], // spring forward: 08:00 PDT is 15:00Z, 18:00 PDT is 01:00Z next day
    ['2026-11-01', '16:00', '02:00'], // fall back: 08:00 PST is 16:00Z, 18:00 PST is 02:00Z
  ])('on the DST day %s', (day, firstUtc, lastEndUtc) => {
    // A world of its own whose clock stands early in that month.
    const early = httpSuite(backend, { now: () => new Date(`${day.slice(0, 8)}01T12:00:00Z`), bookable: true });

    it('computes slots in the site’s own zone', async () => {
      const res = await early.as('admin', 'GET', `/api/availability?service=nmt-followup-60&from=${day}&to=${day}`);
      const slots = (res.json() as { slots: Slot[] }).slots;
      expect(slots[0]!.start.slice(11, 16)).toBe(firstUtc);
      expect(slots[slots.length - 1]!.end.slice(11, 16)).toBe(lastEndUtc);
      // 08:00–18:00 local holds 37 starts of a 60-minute session on a 15-minute grid, DST or not.
      expect(slots.length).toBe(37);
      const booked = await early.as('admin', 'POST', '/api/appointments', {
        patientId: early.world.patients.a,
        serviceCode: 'nmt-followup-60',
        start: slots[4]!.start,
        therapistId: early.world.therapists.a,
        locationId: early.world.sites.a,
      });
      expect(booked.statusCode).toBe(201);
    });
  });
});
