import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { visit } from '../../test/support/duplicate-chart.ts';
import { buildWorld, type World } from '../../test/support/world.ts';
import type { Database } from '../store/database.ts';
import { actorOf } from '../../test/support/session-kit.ts';
import type { ServiceContext } from './context.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import { patientSummary } from './patient-summary.ts';
import { buildPlan } from '../../test/support/factories.ts';

describe.each(BACKENDS)("the patient's page as a hub on %s", (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  const ids = { past: '', mine: '', colleague: '', note: '' };

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = { db, now: () => new Date('2026-11-20T18:00:00Z') };
    const a = world.patients.a;
    ids.past = await visit(db, world, a, '2026-11-10T17:00:00Z', '2026-11-10T18:00:00Z');
    await db.query(`UPDATE appointments SET status = 'completed' WHERE id = $1`, [ids.past]);
    ids.mine = await visit(db, world, a, '2026-11-24T17:00:00Z', '2026-11-24T18:00:00Z');
    ids.colleague = await visit(db, world, a, '2026-11-25T17:00:00Z', '2026-11-25T18:00:00Z', world.therapists.b);
    ids.note = (
      await db.query<{ id: string }>(
        `INSERT INTO session_notes (org_id, patient_id, appointment_id, therapist_id, status, signed_at, signed_by,
          created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'signed', '2026-11-10T18:30Z', $5, $5, '2026-11-10T17:05Z', '2026-11-10T18:30Z')
       RETURNING id`,
        [world.orgId, a, ids.past, world.therapists.a, world.users.therapist.id],
      )
    )[0]!.id;
    await buildPlan(db, world.orgId, {
      patientId: a,
      status: 'active',
      plan: { phase: 'acute', totalVisits: 4, startDate: '2026-11-02', reassessmentAtVisits: [2, 4] },
      therapistId: world.therapists.a,
      locationId: world.sites.a,
      createdBy: world.users.therapist.id,
      at: new Date('2026-11-01T10:00:00Z'),
    });
  });
  afterAll(() => drop());

  const summary = (role: Parameters<typeof actorOf>[1], id = world.patients.a) =>
    patientSummary(ctx, actorOf(world, role), id);

  it('shows clinicians the visits, the plan’s progress and the notes', async () => {
    const s = await summary('admin');
    expect(s.visits.upcoming.map((v) => v.id)).toEqual([ids.mine, ids.colleague]);
    expect(s.visits.past.map((v) => [v.id, v.noteId])).toEqual([[ids.past, ids.note]]);
    expect(s.plan).toMatchObject({
      status: 'active',
      phase: 'acute',
      totalVisits: 4,
      visitsDone: 1,
      visitsBooked: 2,
      nextReassessmentAt: 2,
    });
    expect(s.notes?.map((n) => n.id)).toEqual([ids.note]);
    expect(s.can).toEqual({ book: true, readNotes: true, merge: true, readCoverage: true, manageCoverage: true });
  });

  it('shows the front desk visits and plan but no clinical notes, not even which visit has one', async () => {
    const s = await summary('front_desk');
    expect(s.visits.upcoming).toHaveLength(2);
    expect(s.visits.past[0]!.noteId).toBeNull();
    expect(s.notes).toBeNull();
    expect(s.plan?.visitsDone).toBe(1);
    expect(s.can).toEqual({ book: true, readNotes: false, merge: false, readCoverage: true, manageCoverage: true });
  });

  it('shows a therapist only their own visits with the patient, and no Book', async () => {
    const s = await summary('therapist');
    expect(s.visits.upcoming.map((v) => v.id)).toEqual([ids.mine]);
    expect(s.notes?.map((n) => n.id)).toEqual([ids.note]);
    expect(s.can.book).toBe(false);
    // Insurance is the desk's: a therapist sees no Insurance section.
    expect(s.can).toMatchObject({ readCoverage: false, manageCoverage: false });
  });

  it('shows the patient their own visits and plan, without notes', async () => {
    const s = await summary('patient');
    expect(s.visits.upcoming).toHaveLength(2);
    expect(s.notes).toBeNull();
    expect(s.can).toEqual({ book: true, readNotes: false, merge: false, readCoverage: true, manageCoverage: false });
  });

  it('refuses (and audits) what the viewer may not see; another organisation finds nothing', async () => {
    expect(await summary('front_desk', world.patients.b).catch((e: unknown) => e)).toBeInstanceOf(ForbiddenError);
    expect(await summary('patient', world.patients.b).catch((e: unknown) => e)).toBeInstanceOf(ForbiddenError);
    expect(await summary('otherAdmin').catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
    const events = await db.query<{ outcome: string }>(
      `SELECT outcome FROM audit_events WHERE action = 'patient.summary' AND patient_id = $1`,
      [world.patients.b],
    );
    expect(events.map((e) => e.outcome)).toEqual(['denied', 'denied']);
  });

  it('counts a plan without a start date from the day it was written in the organisation’s zone', async () => {
    const b = world.patients.b;
    // Seen at 15:00 on 19 November in Los Angeles; the plan written at 21:30 that evening (already 20 November in UTC).
    const seen = await visit(db, world, b, '2026-11-19T23:00:00Z', '2026-11-19T23:55:00Z', world.therapists.b);
    await db.query(`UPDATE appointments SET status = 'completed' WHERE id = $1`, [seen]);
    await buildPlan(db, world.orgId, {
      patientId: b,
      status: 'active',
      plan: { phase: 'acute', totalVisits: 6 },
      therapistId: world.therapists.b,
      locationId: world.sites.b,
      createdBy: world.users.admin.id,
      at: new Date('2026-11-20T05:30:00Z'),
    });
    expect((await summary('admin', b)).plan?.visitsDone).toBe(1);
  });
});
