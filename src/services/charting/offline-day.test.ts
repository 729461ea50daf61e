import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildAppointment, buildService } from '../../../test/support/factories.ts';
import { actorOf, patientBehindGate, tickingContext } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import { offlineDay } from './offline-day.ts';
import { createNote } from './session.ts';

const EMPTY_NOTE = { subjective: {}, objective: {}, cptMinutes: [] };

describe.each(BACKENDS)("the therapist's day kept on a tablet, on %s", (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
  });
  afterAll(() => drop());

  it("holds today's patients with their gate and notes, nothing of yesterday, and is audited", async () => {
    const therapist = actorOf(world, 'therapist');
    const yesterday = tickingContext(db, '2026-11-19T18:00:00Z');
    const today = tickingContext(db, '2026-11-20T18:00:00Z');
    const seenYesterday = await patientBehindGate(db, world, 'clear');
    await createNote(yesterday, therapist, seenYesterday, EMPTY_NOTE);
    const seenToday = await patientBehindGate(db, world, 'contraindicated');
    const earlier = await createNote(yesterday, therapist, seenToday, EMPTY_NOTE);
    const note = await createNote(today, therapist, seenToday, { ...EMPTY_NOTE, plan: 'Twice a week' });

    const day = await offlineDay(today, therapist);
    expect(day.date).toBe('2026-11-20');
    const ids = day.patients.map((p) => p.patient.id);
    expect(ids).toContain(seenToday);
    expect(ids).not.toContain(seenYesterday);
    const kept = day.patients.find((p) => p.patient.id === seenToday)!;
    expect(kept.gate.treatmentAllowed).toBe(false);
    expect(kept.notes.map((n) => n.id)).toEqual([note.id, earlier.id]);
    const events = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1 AND action = 'offline-day.keep'`,
      [world.orgId],
    );
    expect(events[0]!.n).toBe(1);
  });

  it("keeps the services and sites My day names visits by, and only today's own visits", async () => {
    const therapist = actorOf(world, 'therapist');
    const today = tickingContext(db, '2026-11-21T16:00:00Z');
    await buildService(db, world.orgId);
    const visit = (therapistId: string, start: string) =>
      buildAppointment(db, world.orgId, { patientId: world.patients.a, therapistId, locationId: world.sites.a, start });
    const mine = await visit(world.therapists.a, '2026-11-21T18:00:00Z');
    await visit(world.therapists.a, '2026-11-22T18:00:00Z');
    await visit(world.therapists.b, '2026-11-21T20:00:00Z');

    const day = await offlineDay(today, therapist);
    expect(day.therapistId).toBe(world.therapists.a);
    expect(day.appointments.map((a) => a.id)).toEqual([mine]);
    expect(day.services.map((s) => s.code)).toContain('nmt-followup-60');
    expect(day.locations.map((l) => l.id)).toEqual(expect.arrayContaining([world.sites.a, world.sites.b]));
    expect(day.locations.map((l) => l.id)).not.toContain(world.sites.other);
    const [event] = await db.query<{ detail: { services: number; locations: number } }>(
      `SELECT detail FROM audit_events WHERE org_id = $1 AND action = 'offline-day.keep' ORDER BY id DESC LIMIT 1`,
      [world.orgId],
    );
    expect(event!.detail).toMatchObject({ date: '2026-11-21', services: day.services.length, locations: 2 });
  });

  it('is refused to anyone without a day of visits of their own', async () => {
    const ctx = tickingContext(db);
    await expect(offlineDay(ctx, actorOf(world, 'front_desk'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(offlineDay(ctx, actorOf(world, 'admin'))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
