import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { buildPatient } from '../../../test/support/factories.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { insertAppointment } from '../../../test/support/notify-kit.ts';
import { composeAgain } from '../../services/notify/render.ts';
import { listMessages } from '../../store/repos/outbox.ts';

/**
 * A single booking composes its messages from what it already holds (the patient read, the service,
 * the sites and therapists kept at the schedule stamp) instead of reading the appointment back; each
 * must read exactly as it is composed again from the stored appointment when it leaves.
 */
describe.each(BACKENDS)('the messages a booking queues, on %s', (backend) => {
  const h = httpSuite(backend, { bookable: true });
  let n = 0;

  const patient = (over: { language?: string; preferredName?: string } = {}) =>
    buildPatient(h.db, h.world.orgId, {
      givenName: 'Rosa',
      familyName: `Vega${++n}`,
      preferredLocationId: h.world.sites.a,
      email: `rosa${n}@example.test`,
      communication: { email: true, reminders: true, ...(over.language ? { language: over.language } : {}) },
    }).then(async (id) => {
      if (over.preferredName)
        await h.db.query('UPDATE patients SET preferred_name = $3 WHERE org_id = $1 AND id = $2', [
          h.world.orgId,
          id,
          over.preferredName,
        ]);
      return id;
    });

  const book = async (patientId: string, serviceCode: string, start: string) => {
    const res = await h.as('front_desk', 'POST', '/api/appointments', {
      patientId,
      serviceCode,
      start,
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    expect(res.statusCode).toBe(201);
    return listMessages(h.db, { orgId: h.world.orgId, appointmentId: (res.json() as { id: string }).id });
  };

  /** Each message as stored equals the one composed again from the appointment in the database. */
  const expectComposedAsStored = async (messages: Awaited<ReturnType<typeof book>>) => {
    for (const m of messages) {
      expect({ kind: m.kind, subject: m.subject, text: m.text, html: m.html }).toEqual({
        kind: m.kind,
        ...(await composeAgain(h.db, m)),
      });
    }
  };

  it('tells a first-time patient everything, in words that match the stored appointment', async () => {
    const messages = await book(await patient({ preferredName: 'Rosie' }), 'nmt-followup-60', '2026-11-23T17:00:00Z');
    expect(messages.map((m) => m.kind).sort()).toEqual(['confirmation', 'pre-visit', 'reminder', 'reminder']);
    expect(messages.every((m) => m.toAddress === `rosa${n}@example.test`)).toBe(true);
    await expectComposedAsStored(messages);
  });

  it('writes in Spanish to a patient who reads Spanish', async () => {
    const messages = await book(await patient({ language: 'es' }), 'nmt-followup-60', '2026-11-23T19:00:00Z');
    const confirmation = messages.find((m) => m.kind === 'confirmation')!;
    expect(confirmation.text).toMatch(/Hola/);
    await expectComposedAsStored(messages);
  });

  it('spares a returning patient the first-visit instructions, unless the service is an initial one', async () => {
    const returning = await patient();
    await insertAppointment(h.db, {
      orgId: h.world.orgId,
      patientId: returning,
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
      serviceCode: 'nmt-followup-60',
      start: new Date('2026-11-02T17:00:00Z'),
      status: 'completed',
    });
    const followUp = await book(returning, 'nmt-followup-60', '2026-11-24T17:00:00Z');
    expect(followUp.map((m) => m.kind).sort()).toEqual(['confirmation', 'reminder', 'reminder']);
    await expectComposedAsStored(followUp);
    const initial = await book(returning, 'nmt-initial-60', '2026-11-24T19:00:00Z');
    expect(initial.map((m) => m.kind)).toContain('pre-visit');
    await expectComposedAsStored(initial);
  });

  it('names the site and therapist as they are called now, the moment a manager renames them', async () => {
    const before = await book(await patient(), 'nmt-followup-60', '2026-11-25T17:00:00Z');
    await expectComposedAsStored(before);
    await h.db.query(`UPDATE locations SET name = 'Harbor Street Clinic' WHERE org_id = $1 AND id = $2`, [
      h.world.orgId,
      h.world.sites.a,
    ]);
    await h.db.query(`UPDATE therapists SET given_name = 'Marisol' WHERE org_id = $1 AND id = $2`, [
      h.world.orgId,
      h.world.therapists.a,
    ]);
    const after = await book(await patient(), 'nmt-followup-60', '2026-11-25T19:00:00Z');
    const confirmation = after.find((m) => m.kind === 'confirmation')!;
    expect(confirmation.text).toContain('Harbor Street Clinic');
    expect(confirmation.text).toContain('Marisol');
    await expectComposedAsStored(after);
  });
});
