import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import { listMessages } from '../../store/repos/outbox.ts';
import {
  cancelAppointmentMessages,
  PRE_VISIT_INSTRUCTIONS,
  rescheduleAppointmentMessages,
  scheduleAppointmentMessages,
} from './index.ts';
import { booked, ensureService, insertAppointment } from '../../../test/support/notify-kit.ts';
import { buildPatient } from '../../../test/support/factories.ts';

const NOW = new Date('2026-11-20T18:00:00Z');
const HOUR = 3600_000;

describe.each(BACKENDS)('scheduling appointment messages on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let slot = 0;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    await ensureService(db, world.orgId, 'nmt-follow-up');
    await ensureService(db, world.orgId, 'nmt-initial', { isInitial: true, minutes: 90 });
  });
  afterAll(() => drop());

  /** A fresh patient (so "first visit" is under the test's control) with one appointment. */
  async function appointment(
    options: {
      start?: Date;
      service?: string;
      email?: string | null;
      communication?: object;
      completedBefore?: boolean;
    } = {},
  ) {
    const patient = await buildPatient(db, world.orgId, {
      givenName: 'Maya',
      familyName: `Quill${++slot}`,
      dateOfBirth: '1980-01-01',
      preferredLocationId: world.sites.a,
      email: options.email === undefined ? 'maya@example.test' : options.email,
      communication: (options.communication ?? { email: true, reminders: true }) as Record<string, unknown>,
    });
    const base = {
      orgId: world.orgId,
      patientId: patient,
      therapistId: world.therapists.a,
      locationId: world.sites.a,
    };
    if (options.completedBefore) {
      await insertAppointment(db, {
        ...base,
        serviceCode: 'nmt-follow-up',
        start: new Date(Date.UTC(2026, 9, 1 + (slot % 20), 17)),
        status: 'completed',
      });
    }
    const start = options.start ?? new Date(Date.UTC(2026, 11, 1, 17) + slot * 2 * HOUR);
    const input = { ...base, serviceCode: options.service ?? 'nmt-follow-up', start };
    const { id } = await insertAppointment(db, input);
    return { id, familyName: `Quill${slot}`, appointment: booked({ ...input, id }) };
  }

  it('queues a confirmation now, first-visit instructions, and reminders 48 h and 2 h before', async () => {
    const { id, appointment: a, familyName } = await appointment({ start: new Date('2026-12-01T17:00:00Z') });
    const result = await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    expect(result.skipped).toEqual([]);
    const messages = await listMessages(db, { orgId: world.orgId, appointmentId: id });
    expect(messages.map((m) => [m.kind, m.sendAt.toISOString()])).toEqual([
      ['confirmation', NOW.toISOString()],
      ['pre-visit', NOW.toISOString()],
      ['reminder', '2026-11-29T17:00:00.000Z'],
      ['reminder', '2026-12-01T15:00:00.000Z'],
    ]);
    for (const m of messages) {
      expect(m.messageId).toMatch(/^<[0-9a-f-]{36}@knotwork\.local>$/);
      expect(m.toAddress).toBe('maya@example.test');
      expect(m.status).toBe('pending');
      // The site's clock and zone, the site's address, the therapist and the service.
      expect(m.text).toContain('Tuesday, December 1, 2026 at 9:00 AM PST');
      expect(m.text).toContain('1 Main St');
      expect(m.text).toContain('Avery Therapist');
      expect(m.text).toContain('NMT follow-up');
      expect(m.text).toMatch(new RegExp(`/a/${id}\\.[0-9a-z]+\\.[A-Za-z0-9_-]{43}`));
      expect(m.text).toContain('Hello Maya,');
      expect(m.text + m.subject + (m.html ?? '')).not.toContain(familyName);
    }
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(4);
    const preVisit = messages.find((m) => m.kind === 'pre-visit')!;
    for (const line of PRE_VISIT_INSTRUCTIONS) expect(preVisit.text).toContain(line);
    expect(preVisit.text).toMatch(/15 minutes early/);
    expect(preVisit.text).toMatch(/caffeine/);
  });

  it("writes to a patient who reads Spanish in Spanish: subject, greeting, date and the reminder's words", async () => {
    const { id, appointment: a } = await appointment({
      start: new Date('2026-12-01T20:00:00Z'),
      communication: { email: true, reminders: true, language: 'es-MX' },
    });
    await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    const messages = await listMessages(db, { orgId: world.orgId, appointmentId: id });
    const reminder = messages.find((m) => m.kind === 'reminder')!;
    expect(reminder.subject).toMatch(/^Recordatorio: NMT follow-up, mar, 1 de dic/);
    expect(reminder.text).toContain('Hola, Maya:');
    expect(reminder.text).toContain('Le recordamos su cita, dentro de unas 48 horas.');
    expect(reminder.text).toContain('martes, 1 de diciembre de 2026, 12:00');
    expect(reminder.text).toContain('(60 minutos)');
    expect(reminder.text).toContain('¿Necesita cancelar o cambiar la hora?');
    expect(reminder.html).toContain('Le recordamos su cita');
    for (const m of messages) expect(m.text).not.toMatch(/Hello|Reminder|Where:|Need to cancel/);
    const preVisit = messages.find((m) => m.kind === 'pre-visit')!;
    expect(preVisit.text).toContain('Por favor llegue 15 minutos antes');
  });

  it('writes the zone abbreviation of the visit date (PDT in summer)', async () => {
    const { id, appointment: a } = await appointment({ start: new Date('2027-07-06T16:30:00Z') });
    await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    const [confirmation] = await listMessages(db, { orgId: world.orgId, appointmentId: id });
    expect(confirmation!.text).toContain('Tuesday, July 6, 2027 at 9:30 AM PDT');
  });

  it('is idempotent: scheduling twice queues nothing new', async () => {
    const { id, appointment: a } = await appointment();
    await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    const again = await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    expect(again.queued).toEqual([]);
    expect(await listMessages(db, { orgId: world.orgId, appointmentId: id })).toHaveLength(4);
  });

  it('skips reminders already in the past, and sends no pre-visit note to a returning patient', async () => {
    const { id, appointment: a } = await appointment({
      start: new Date(NOW.getTime() + 10 * HOUR),
      completedBefore: true,
    });
    const result = await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    expect(result.skipped).toEqual([{ kind: 'reminder', reason: 'in-the-past' }]);
    const kinds = (await listMessages(db, { orgId: world.orgId, appointmentId: id })).map((m) => m.kind);
    expect(kinds).toEqual(['confirmation', 'reminder']);
  });

  it('sends pre-visit instructions for an initial-consultation service even to a returning patient', async () => {
    const { id, appointment: a } = await appointment({ service: 'nmt-initial', completedBefore: true });
    await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    expect((await listMessages(db, { orgId: world.orgId, appointmentId: id })).map((m) => m.kind)).toContain(
      'pre-visit',
    );
  });

  it('follows the organisation’s reminder hours', async () => {
    await db.query(`UPDATE organizations SET settings = '{"reminders":[24]}' WHERE id = $1`, [world.orgId]);
    try {
      const { id, appointment: a } = await appointment({ completedBefore: true });
      await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
      const reminders = (await listMessages(db, { orgId: world.orgId, appointmentId: id })).filter(
        (m) => m.kind === 'reminder',
      );
      expect(reminders.map((m) => m.sendAt.getTime())).toEqual([a.start.getTime() - 24 * HOUR]);
    } finally {
      await db.query(`UPDATE organizations SET settings = '{}' WHERE id = $1`, [world.orgId]);
    }
  });

  it('respects the patient’s preferences and records every skip in the audit log', async () => {
    const noReminders = await appointment({ communication: { email: true, reminders: false } });
    const r1 = await db.transaction((tx) => scheduleAppointmentMessages(tx, noReminders.appointment, { now: NOW }));
    expect(r1.queued.map((m) => m.kind)).toEqual(['confirmation', 'pre-visit']);
    expect(r1.skipped).toEqual([
      { kind: 'reminder', reason: 'reminders-declined' },
      { kind: 'reminder', reason: 'reminders-declined' },
    ]);

    const noEmail = await appointment({ email: null });
    const r2 = await db.transaction((tx) => scheduleAppointmentMessages(tx, noEmail.appointment, { now: NOW }));
    expect(r2.queued).toEqual([]);
    expect(new Set(r2.skipped.map((s) => s.reason))).toEqual(new Set(['no-email-address']));
    const declined = await appointment({ communication: { email: false, reminders: true } });
    const r3 = await db.transaction((tx) => scheduleAppointmentMessages(tx, declined.appointment, { now: NOW }));
    expect(r3.queued).toEqual([]);
    expect(await listMessages(db, { orgId: world.orgId, appointmentId: declined.id })).toEqual([]);

    const audited = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1 AND action = 'notification.skipped'
        AND record_id = $2 AND detail->>'reason' = 'no-email-address'`,
      [world.orgId, noEmail.id],
    );
    expect(audited[0]!.n).toBe(r2.skipped.length);
  });

  it('on cancellation withdraws pending reminders and queues one notice without a self-service link', async () => {
    const { id, appointment: a } = await appointment();
    await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    await db.query(`UPDATE outbox_messages SET status = 'sent' WHERE appointment_id = $1 AND kind = 'confirmation'`, [
      id,
    ]);
    const result = await db.transaction((tx) => cancelAppointmentMessages(tx, id, world.orgId, { now: NOW }));
    expect(result.cancelled).toBe(3);
    const byKind = (await listMessages(db, { orgId: world.orgId, appointmentId: id }))
      .map((m) => `${m.kind}:${m.status}`)
      .sort();
    expect(byKind).toEqual([
      'cancellation:pending',
      'confirmation:sent',
      'pre-visit:cancelled',
      'reminder:cancelled',
      'reminder:cancelled',
    ]);
    const notice = result.queued[0]!;
    expect(notice.subject).toMatch(/^Cancelled:/);
    expect(notice.text).not.toContain('/a/');
    // A second cancellation call does not notify twice.
    const again = await db.transaction((tx) => cancelAppointmentMessages(tx, id, world.orgId, { now: NOW }));
    expect(again.queued).toEqual([]);
  });

  it('on a move to a new time replaces the reminders and tells the patient the new time', async () => {
    const { id, appointment: a } = await appointment({
      start: new Date('2026-12-10T17:00:00Z'),
      completedBefore: true,
    });
    await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    const moved = { ...a, start: new Date('2026-12-11T18:00:00Z'), end: new Date('2026-12-11T19:00:00Z') };
    await db.query('UPDATE appointments SET during = tstzrange($2, $3), blocks = tstzrange($2, $3) WHERE id = $1', [
      id,
      moved.start,
      moved.end,
    ]);
    await db.transaction((tx) => rescheduleAppointmentMessages(tx, moved, { now: NOW }));
    const pending = (await listMessages(db, { orgId: world.orgId, appointmentId: id })).filter(
      (m) => m.status === 'pending',
    );
    expect(pending.map((m) => [m.kind, m.sendAt.toISOString()])).toEqual([
      ['reschedule', NOW.toISOString()],
      ['reminder', '2026-12-09T18:00:00.000Z'],
      ['reminder', '2026-12-11T16:00:00.000Z'],
    ]);
    expect(pending[0]!.text).toContain('Friday, December 11, 2026 at 10:00 AM PST');
  });

  it('on a move replaces pre-visit instructions still waiting with ones that give the new time', async () => {
    const { id, appointment: a } = await appointment({ start: new Date('2026-12-14T17:00:00Z') });
    await db.transaction((tx) => scheduleAppointmentMessages(tx, a, { now: NOW }));
    const moved = { ...a, start: new Date('2026-12-15T17:00:00Z'), end: new Date('2026-12-15T18:00:00Z') };
    await db.query('UPDATE appointments SET during = tstzrange($2, $3), blocks = tstzrange($2, $3) WHERE id = $1', [
      id,
      moved.start,
      moved.end,
    ]);
    await db.transaction((tx) => rescheduleAppointmentMessages(tx, moved, { now: NOW }));
    const preVisits = (await listMessages(db, { orgId: world.orgId, appointmentId: id })).filter(
      (m) => m.kind === 'pre-visit',
    );
    expect(preVisits.map((m) => m.status).sort()).toEqual(['cancelled', 'pending']);
    expect(preVisits.find((m) => m.status === 'pending')!.text).toContain('Tuesday, December 15, 2026');
  });
});
