import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { chartEverything, duplicateOfA, patientReferences, visit } from '../../test/support/duplicate-chart.ts';
import { buildWorld, type World } from '../../test/support/world.ts';
import type { Database } from '../store/database.ts';
import { MERGE_PLAN, OTHER_PATIENT_REFERENCES } from '../store/repos/patient-merge.ts';
import { seedScreenedIntake } from '../../test/support/session-seed.ts';
import { actorOf, intakeDocument, tickingContext } from '../../test/support/session-kit.ts';
import type { ServiceContext } from './context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { MergeClashError, mergePatients } from './patient-merge.ts';
import { PatientMergedError } from './patient-duplicates.ts';
import { getPatient, searchPatients } from './patients.ts';

const HISTORY: readonly string[] = MERGE_PLAN.kept;

describe.each(BACKENDS)('merging duplicate patients on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  const count = async (table: string, column: string, id: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id]))[0]!.n;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
  });
  afterAll(() => drop());

  it('knows what to do with every table that refers to a patient (a new one must be added to the plan)', async () => {
    const planned = new Set<string>(
      [...MERGE_PLAN.moved, ...MERGE_PLAN.special, ...MERGE_PLAN.kept].map((t) => `${t}.patient_id`),
    );
    for (const r of OTHER_PATIENT_REFERENCES) planned.add(`${r.table}.${r.column}`);
    const found = (await patientReferences(db)).map((r) => `${r.table}.${r.column}`);
    expect(found.filter((r) => !planned.has(r))).toEqual([]);
    expect([...planned].filter((r) => !found.includes(r))).toEqual([]);
  });

  it('has every table that holds a moving patient id refuse new rows for a merged record', async () => {
    const guarded = await db.query<{ table: string }>(
      `SELECT c.relname AS "table" FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
        WHERE g.tgname = 'refuse_merged_patient' AND NOT g.tgisinternal`,
    );
    // Screening results and overrides hang off an intake version, which is guarded.
    const cascaded = ['screening_results', 'gate_overrides'];
    const moving = [...MERGE_PLAN.moved, ...MERGE_PLAN.special].filter((t) => !cascaded.includes(t));
    expect(guarded.map((g) => g.table).sort()).toEqual([...moving].sort());
  });

  it('moves every record of the duplicate to the survivor at once and keeps the duplicate as a tombstone', async () => {
    const dup = await duplicateOfA(db, world);
    await chartEverything(db, world, dup);
    await seedScreenedIntake(
      db,
      world.orgId,
      world.patients.a,
      world.users.admin.id,
      intakeDocument('clear'),
      new Date('2026-10-15T10:00:00Z'),
    );
    const references = (await patientReferences(db)).filter(
      (r) => !HISTORY.includes(r.table) && r.table !== 'patients',
    );
    // The fixture covers every table, so "nothing is left behind" below means something.
    for (const r of references)
      expect({ table: r.table, before: (await count(r.table, r.column, dup)) > 0 }).toEqual({
        table: r.table,
        before: true,
      });
    await getPatient(ctx, actorOf(world, 'admin'), dup); // an access to the duplicate, which the log must keep naming

    const result = await mergePatients(ctx, actorOf(world, 'manager'), world.patients.a, dup);

    expect(result.patient.id).toBe(world.patients.a);
    expect(result.moved).toMatchObject({
      appointments: 1,
      session_notes: 2,
      intake_responses: 2,
      care_relationships: 2,
      patient_sites: 1,
      users: 1,
    });
    const sites = await db.query<{ location_id: string }>(
      'SELECT location_id FROM patient_sites WHERE org_id = $1 AND patient_id = $2',
      [world.orgId, world.patients.a],
    );
    expect(sites.map((s) => s.location_id)).toContain(world.sites.b);
    for (const r of references)
      expect({ table: r.table, left: await count(r.table, r.column, dup) }).toEqual({ table: r.table, left: 0 });
    expect(await count('audit_events', 'patient_id', dup)).toBeGreaterThan(0);

    // Intake versions of both records, numbered by when they were submitted; screening and override follow.
    const versions = await db.query<{ version: number; submitted_at: Date; decision: string }>(
      `SELECT i.version, i.submitted_at, s.decision FROM intake_responses i
         JOIN screening_results s ON s.org_id = i.org_id AND s.patient_id = i.patient_id
         AND s.intake_version = i.version
        WHERE i.org_id = $1 AND i.patient_id = $2 ORDER BY i.version`,
      [world.orgId, world.patients.a],
    );
    expect(versions.map((v) => [v.version, v.submitted_at.toISOString().slice(0, 10)])).toEqual([
      [1, '2026-10-01'],
      [2, '2026-10-15'],
      [3, '2026-11-10'],
    ]);
    const [override] = await db.query<{ intake_version: number }>(
      'SELECT intake_version FROM gate_overrides WHERE org_id = $1 AND patient_id = $2',
      [world.orgId, world.patients.a],
    );
    expect(override!.intake_version).toBe(3);
    const [task] = await db.query<{ intake_version: number }>(
      'SELECT intake_version FROM clinical_tasks WHERE org_id = $1 AND patient_id = $2',
      [world.orgId, world.patients.a],
    );
    expect(task!.intake_version).toBe(3);
    const [clearance] = await db.query<{ intake_version: number }>(
      'SELECT intake_version FROM clearances WHERE org_id = $1 AND patient_id = $2',
      [world.orgId, world.patients.a],
    );
    expect(clearance!.intake_version).toBe(1);
    // Therapist A treated both: one relationship, from the earlier start; therapist B's came along.
    const care = await db.query<{ therapist_id: string }>(
      'SELECT therapist_id FROM care_relationships WHERE org_id = $1 AND patient_id = $2 ORDER BY therapist_id',
      [world.orgId, world.patients.a],
    );
    expect(care.map((c) => c.therapist_id).sort()).toEqual([world.therapists.a, world.therapists.b].sort());
    // The signed note is still signed, unchanged but for whose it is.
    const [signed] = await db.query<{ status: string; assessment: string }>(
      `SELECT status, assessment FROM session_notes WHERE patient_id = $1 AND status = 'signed'`,
      [world.patients.a],
    );
    expect(signed).toEqual({ status: 'signed', assessment: 'Signed before the merge' });

    const [tombstone] = await db.query<{ merged_into: string }>('SELECT merged_into FROM patients WHERE id = $1', [
      dup,
    ]);
    expect(tombstone!.merged_into).toBe(world.patients.a);
    const err = await getPatient(ctx, actorOf(world, 'front_desk'), dup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PatientMergedError);
    expect((err as PatientMergedError).extra.mergedInto).toBe(world.patients.a);
    const found = await searchPatients(ctx, actorOf(world, 'admin'), { q: '1980-02-03', page: 1, pageSize: 50 });
    expect(found.patients.map((p) => p.id)).not.toContain(dup);

    const events = await db.query<{ action: string; patient_id: string; actor_user_id: string }>(
      `SELECT action, patient_id, actor_user_id FROM audit_events WHERE org_id = $1
        AND action IN ('patient.merge', 'patient.merged-away') AND outcome = 'allowed'`,
      [world.orgId],
    );
    expect(events.map((e) => [e.action, e.patient_id]).sort()).toEqual(
      [
        ['patient.merge', world.patients.a],
        ['patient.merged-away', dup],
      ].sort(),
    );
    expect(new Set(events.map((e) => e.actor_user_id))).toEqual(new Set([world.users.manager.id]));

    // A retry of the same merge answers the same survivor and moves nothing more.
    const again = await mergePatients(ctx, actorOf(world, 'manager'), world.patients.a, dup);
    expect(again).toMatchObject({ mergedId: dup, moved: {} });
    // The tombstone cannot be merged into anything else.
    const other = await duplicateOfA(db, world);
    expect(await mergePatients(ctx, actorOf(world, 'admin'), other, dup).catch((e: unknown) => e)).toBeInstanceOf(
      ConflictError,
    );
  });

  it('refuses a merge when both records have a visit at the same time, and changes nothing', async () => {
    const dup = await duplicateOfA(db, world);
    await visit(db, world, world.patients.a, '2026-12-14T17:00:00Z', '2026-12-14T18:00:00Z');
    await visit(db, world, dup, '2026-12-14T17:30:00Z', '2026-12-14T18:30:00Z', world.therapists.b);
    const err = await mergePatients(ctx, actorOf(world, 'admin'), world.patients.a, dup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MergeClashError);
    expect((err as MergeClashError).extra.clashes).toHaveLength(1);
    expect(await count('appointments', 'patient_id', dup)).toBe(1);
    expect(await count('care_relationships', 'patient_id', dup)).toBe(2);
    expect(
      (await db.query<{ merged_into: string | null }>('SELECT merged_into FROM patients WHERE id = $1', [dup]))[0]!
        .merged_into,
    ).toBeNull();
  });

  it('is for managers and admins of both records’ sites only; every refusal is audited and moves nothing', async () => {
    const dup = await duplicateOfA(db, world);
    for (const role of ['front_desk', 'therapist', 'patient'] as const) {
      expect(
        await mergePatients(ctx, actorOf(world, role), world.patients.a, dup).catch((e: unknown) => e),
      ).toBeInstanceOf(ForbiddenError);
    }
    // The manager works at site A only: patient B (site B) is not theirs to merge, either way round.
    expect(
      await mergePatients(ctx, actorOf(world, 'manager'), world.patients.b, dup).catch((e: unknown) => e),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await mergePatients(ctx, actorOf(world, 'manager'), dup, world.patients.b).catch((e: unknown) => e),
    ).toBeInstanceOf(ForbiddenError);
    // Another organisation's admin finds neither record.
    expect(
      await mergePatients(ctx, actorOf(world, 'otherAdmin'), world.patients.a, dup).catch((e: unknown) => e),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await mergePatients(ctx, actorOf(world, 'admin'), world.patients.a, world.patients.otherOrg).catch(
        (e: unknown) => e,
      ),
    ).toBeInstanceOf(ValidationError);
    expect(await mergePatients(ctx, actorOf(world, 'admin'), dup, dup).catch((e: unknown) => e)).toBeInstanceOf(
      ValidationError,
    );
    const denied = await db.query(
      `SELECT 1 FROM audit_events WHERE org_id = $1 AND action = 'patient.merge' AND outcome = 'denied'`,
      [world.orgId],
    );
    expect(denied.length).toBeGreaterThanOrEqual(5);
    expect(await count('care_relationships', 'patient_id', dup)).toBe(2);
  });
});
