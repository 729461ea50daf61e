import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('a note belongs to its visit, on %s', (backend) => {
  const h = httpSuite(backend, { bookable: true });

  async function book(start: string): Promise<string> {
    const res = await h.as('front_desk', 'POST', '/api/appointments', {
      patientId: h.world.patients.a,
      serviceCode: 'nmt-followup-60',
      start,
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const appointment = async (id: string) =>
    (await h.as('front_desk', 'GET', `/api/appointments/${id}`)).json() as {
      status: string;
      sessionNoteId: string | null;
    };
  const statusEvents = async (id: string) =>
    (
      await h.db.query<{ detail: Record<string, string>; role: string }>(
        `SELECT detail, actor_role AS role FROM audit_events WHERE org_id = $1 AND action = 'appointment.status'
          AND record_id = $2 ORDER BY id`,
        [h.world.orgId, id],
      )
    ).map((e) => ({ from: e.detail.from, to: e.detail.to, because: e.detail.because ?? null, role: e.role }));

  it('undoes an arrival recorded by mistake (audited), and only an arrival', async () => {
    const id = await book('2026-11-23T17:00:00Z');
    expect(
      (await h.as('front_desk', 'POST', `/api/appointments/${id}/status`, { status: 'arrived' })).json().status,
    ).toBe('arrived');
    const undone = await h.as('front_desk', 'POST', `/api/appointments/${id}/status`, { status: 'booked' });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().status).toBe('booked');
    expect((await h.as('front_desk', 'POST', `/api/appointments/${id}/status`, { status: 'booked' })).statusCode).toBe(
      409,
    );
    expect((await h.as('patient', 'POST', `/api/appointments/${id}/status`, { status: 'arrived' })).statusCode).toBe(
      403,
    );
    expect(await statusEvents(id)).toEqual([
      { from: 'booked', to: 'arrived', because: null, role: 'front_desk' },
      { from: 'arrived', to: 'booked', because: null, role: 'front_desk' },
    ]);
  });

  it('opening the note from the visit links them and starts the visit; signing it completes the visit', async () => {
    const id = await book('2026-11-24T17:00:00Z');
    await h.as('front_desk', 'POST', `/api/appointments/${id}/status`, { status: 'arrived' });
    const opened = await h.as('therapist', 'POST', `/api/patients/${h.world.patients.a}/sessions`, {
      appointmentId: id,
      subjective: {},
      objective: {},
      cptMinutes: [],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const note = opened.json() as { id: string; appointmentId: string };
    expect(note.appointmentId).toBe(id);
    expect(await appointment(id)).toMatchObject({ status: 'in_session', sessionNoteId: note.id });
    const day = (await h.as('therapist', 'GET', '/api/appointments?from=2026-11-24&to=2026-11-24')).json() as {
      appointments: { id: string; sessionNoteId: string | null }[];
    };
    expect(day.appointments.find((a) => a.id === id)?.sessionNoteId).toBe(note.id);

    const again = await h.as('therapist', 'POST', `/api/patients/${h.world.patients.a}/sessions`, {
      appointmentId: id,
      subjective: {},
      objective: {},
      cptMinutes: [],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toHaveProperty('appointmentId');

    expect((await h.as('therapist', 'POST', `/api/sessions/${note.id}/sign`, {})).statusCode).toBe(200);
    expect(await appointment(id)).toMatchObject({ status: 'completed', sessionNoteId: note.id });
    expect(await statusEvents(id)).toEqual([
      { from: 'booked', to: 'arrived', because: null, role: 'front_desk' },
      { from: 'arrived', to: 'in_session', because: 'session-note.create', role: 'therapist' },
      { from: 'in_session', to: 'completed', because: 'session-note.sign', role: 'therapist' },
    ]);
  });

  it('a visit nobody marked arrived is completed by signing its note; a walk-in note touches no visit', async () => {
    const id = await book('2026-11-25T17:00:00Z');
    const note = (
      await h.as('therapist', 'POST', `/api/patients/${h.world.patients.a}/sessions`, {
        appointmentId: id,
        subjective: {},
        objective: {},
        cptMinutes: [],
      })
    ).json() as { id: string };
    expect((await appointment(id)).status).toBe('in_session');
    await h.as('therapist', 'POST', `/api/sessions/${note.id}/sign`, {});
    expect((await appointment(id)).status).toBe('completed');

    const other = await book('2026-11-25T19:00:00Z');
    const walkIn = (
      await h.as('therapist', 'POST', `/api/patients/${h.world.patients.a}/sessions`, {
        subjective: {},
        objective: {},
        cptMinutes: [],
      })
    ).json() as { id: string };
    await h.as('therapist', 'POST', `/api/sessions/${walkIn.id}/sign`, {});
    expect(await appointment(other)).toMatchObject({ status: 'booked', sessionNoteId: null });
  });

  it('refuses a note for a cancelled visit or another patient’s, naming the visit in plain words', async () => {
    const cancelled = await book('2026-11-26T17:00:00Z');
    await h.as('front_desk', 'POST', `/api/appointments/${cancelled}/cancel`, { reason: 'Patient is unwell' });
    const refused = await h.as('therapist', 'POST', `/api/patients/${h.world.patients.a}/sessions`, {
      appointmentId: cancelled,
      subjective: {},
      objective: {},
      cptMinutes: [],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      message: expect.stringMatching(/cancelled or missed/),
      fields: { appointmentId: expect.any(String) },
    });
    expect((await appointment(cancelled)).sessionNoteId).toBeNull();

    const mine = await book('2026-11-26T19:00:00Z');
    const wrongPatient = await h.as('therapist', 'POST', `/api/patients/${h.world.patients.b}/sessions`, {
      appointmentId: mine,
      subjective: {},
      objective: {},
      cptMinutes: [],
    });
    expect([403, 422]).toContain(wrongPatient.statusCode);
    expect((await appointment(mine)).status).toBe('booked');
  });
});
