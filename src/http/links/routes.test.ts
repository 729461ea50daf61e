import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { visitTime } from '../../services/notify/time.ts';
import { listMessages } from '../../store/repos/outbox.ts';

const NOW = new Date('2026-11-20T18:00:00Z');

describe.each(BACKENDS)('self-service links on %s', (backend) => {
  let clock = NOW;

  const h = httpSuite(backend, { now: () => clock, bookable: true });

  /** Books through the API (which queues the messages) and returns the link from the confirmation. */
  async function bookAndLink(start: string): Promise<{ id: string; token: string }> {
    const res = await h.as('front_desk', 'POST', '/api/appointments', {
      patientId: h.world.patients.a,
      serviceCode: 'nmt-followup-60',
      start,
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    const confirmation = (await listMessages(h.db, { orgId: h.world.orgId, appointmentId: id })).find(
      (m) => m.kind === 'confirmation',
    )!;
    const token = /\/a\/([^\s]+)/.exec(confirmation.text)![1]!;
    return { id, token };
  }
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, ...(payload ? { payload } : {}) });
  const kinds = async (id: string) =>
    (await listMessages(h.db, { orgId: h.world.orgId, appointmentId: id })).map((m) => `${m.kind}:${m.status}`).sort();
  const linkAudit = async (id: string) =>
    (
      await h.db.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE record_id = $1 AND actor_role = 'patient-link' ORDER BY id`,
        [id],
      )
    ).map((r) => r.action);

  it('shows the visit behind a link from the confirmation, and audits the look', async () => {
    const { id, token } = await bookAndLink('2026-12-02T17:00:00Z');
    const res = await anonymous('GET', `/api/links/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      appointmentId: id,
      status: 'booked',
      when: 'Wednesday, December 2, 2026 at 9:00 AM PST',
      therapist: 'Avery Therapist',
      cancellationNoticeHours: 24,
      canChangeOnline: true,
      changeOnlineUntil: '2026-12-01T17:00:00.000Z',
    });
    expect(res.body).not.toMatch(/Alice|Anders/);
    expect(await linkAudit(id)).toEqual(['appointment.link.read']);
  });

  it('refuses tampered, foreign and malformed tokens', async () => {
    const { token } = await bookAndLink('2026-12-02T19:00:00Z');
    const other = await bookAndLink('2026-12-03T19:00:00Z');
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    const flipped = `${id}.${expiry}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect((await anonymous('GET', `/api/links/${flipped}`)).statusCode).toBe(404);
    // A valid signature does not open another appointment, nor a later expiry.
    expect((await anonymous('GET', `/api/links/${other.id}.${expiry}.${signature}`)).statusCode).toBe(404);
    expect(
      (await anonymous('GET', `/api/links/${id}.${(parseInt(expiry, 36) + 86_400).toString(36)}.${signature}`))
        .statusCode,
    ).toBe(404);
    const malformed = await anonymous('GET', `/api/links/not-a-uuid.${expiry}.${signature}`);
    expect(malformed.statusCode).toBe(400);
    expect(Object.keys((malformed.json() as { error: { fields: object } }).error.fields)).toEqual(['id']);
  });

  it('cancels outside the policy window: the visit is cancelled, reminders withdrawn, a notice queued', async () => {
    const { id, token } = await bookAndLink('2026-12-04T17:00:00Z');
    const res = await anonymous('POST', `/api/links/${token}/cancel`, { reason: 'Feeling better' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', canChangeOnline: false });
    const row = await h.db.query<{ status: string; cancel_reason: string }>(
      'SELECT status, cancel_reason FROM appointments WHERE id = $1',
      [id],
    );
    expect(row[0]).toEqual({ status: 'cancelled', cancel_reason: 'Feeling better' });
    expect(await kinds(id)).toEqual([
      'cancellation:pending',
      'confirmation:cancelled',
      'pre-visit:cancelled',
      'reminder:cancelled',
      'reminder:cancelled',
    ]);
    expect(await linkAudit(id)).toEqual(['appointment.link.cancel']);
    const again = await anonymous('POST', `/api/links/${token}/cancel`, {});
    expect(again.statusCode).toBe(409);
  });

  it('inside the policy window refuses to cancel and says to call the clinic', async () => {
    const { id, token } = await bookAndLink('2026-11-21T17:00:00Z');
    const res = await anonymous('POST', `/api/links/${token}/cancel`, { reason: 'Something came up' });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(
      /less than 24 hours .* call the clinic/,
    );
    expect(
      (await h.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id]))[0]!.status,
    ).toBe('booked');
    expect((await anonymous('GET', `/api/links/${token}/availability`)).statusCode).toBe(409);
  });

  it('offers free times with the same therapist and site, and moves the visit to one of them', async () => {
    const { id, token } = await bookAndLink('2026-12-07T17:00:00Z');
    const offered = await anonymous('GET', `/api/links/${token}/availability`);
    expect(offered.statusCode, offered.body).toBe(200);
    const slots = (offered.json() as { slots: { start: string; therapistId: string; locationId: string }[] }).slots;
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.therapistId === h.world.therapists.a && s.locationId === h.world.sites.a)).toBe(true);
    // The worker already sent the pre-visit instructions: the move must not send them again.
    await h.db.query(
      `UPDATE outbox_messages SET status = 'sent' WHERE appointment_id = $1 AND kind IN ('confirmation', 'pre-visit')`,
      [id],
    );
    const target = slots[slots.length - 1]!;
    const when = visitTime(new Date(target.start), 'America/Los_Angeles');
    const moved = await anonymous('POST', `/api/links/${token}/reschedule`, { start: target.start });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ appointmentId: id, start: target.start, when });
    const pending = (await listMessages(h.db, { orgId: h.world.orgId, appointmentId: id })).filter(
      (m) => m.status === 'pending',
    );
    expect(pending.map((m) => m.kind).sort()).toEqual(['reminder', 'reminder', 'reschedule']);
    expect(pending.find((m) => m.kind === 'reschedule')!.text).toContain(when);
    expect(await linkAudit(id)).toEqual(['appointment.link.availability', 'appointment.link.reschedule']);
  });

  it('stops working once the visit is over', async () => {
    const { token } = await bookAndLink('2026-12-10T17:00:00Z');
    clock = new Date('2026-12-10T18:00:01Z');
    try {
      const res = await anonymous('GET', `/api/links/${token}`);
      expect(res.statusCode).toBe(404);
      expect((res.json() as { error: { message: string } }).error.message).toMatch(/expired/);
      // With a phone number on the site, the expired link says whom to call (the number is the site's, not the
      // patient's).
      await h.db.query(`UPDATE locations SET phone = '(503) 555-0100' WHERE id = $1`, [h.world.sites.a]);
      const withPhone = await anonymous('GET', `/api/links/${token}`);
      expect((withPhone.json() as { error: { message: string } }).error.message).toMatch(
        /expired.*call the clinic on \(503\) 555-0100\./,
      );
    } finally {
      clock = NOW;
    }
  });
});
