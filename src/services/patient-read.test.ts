import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase } from '../../test/support/counting-db.ts';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { actorOf } from '../../test/support/session-kit.ts';
import { seedTreatedPatient } from '../../test/support/session-seed.ts';
import { buildWorld, type World } from '../../test/support/world.ts';
import type { Database } from '../store/database.ts';
import { readPatientAudited } from '../store/repos/patients.ts';
import { auditEvents } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { ForbiddenError } from './errors.ts';
import { getPatient } from './patients.ts';
import { isAllowed, patientFacts, patientScope } from './policies.ts';

const NOW = new Date('2026-11-20T17:00:00Z');

async function readEvents(db: Database, patientId: string) {
  return db.query<{ action: string; outcome: string; actorUserId: string }>(
    `SELECT action, outcome, actor_user_id AS "actorUserId" FROM audit_events
      WHERE patient_id = $1 AND action = 'patient.read' ORDER BY id`,
    [patientId],
  );
}

describe.each(BACKENDS)('reading a patient on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  const patients: Record<string, string> = {};
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    const { orgId, sites, therapists } = world;
    patients.atA = world.patients.a;
    patients.atB = world.patients.b;
    // Preferred site B, registered at A later; care with therapist A that has ended.
    patients.registeredAtA = await seedTreatedPatient(db, orgId, sites.b, therapists.b, 'Registered');
    await db.query(
      `INSERT INTO patient_sites (org_id, patient_id, location_id, registered_at, reason)
       VALUES ($1, $2, $3, $4, 'walk-in')`,
      [orgId, patients.registeredAtA, sites.a, NOW],
    );
    patients.careEnded = await seedTreatedPatient(db, orgId, sites.b, therapists.a, 'Ended');
    await db.query(`UPDATE care_relationships SET ended_on = '2026-11-01' WHERE org_id = $1 AND patient_id = $2`, [
      orgId,
      patients.careEnded,
    ]);
    const [noSite] = await db.query<{ id: string }>(
      `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth)
       VALUES ($1, 'Nadia', 'Nowhere', '1990-01-01', 'female') RETURNING id`,
      [orgId],
    );
    patients.noSite = noSite!.id;
    for (const role of ['admin', 'manager', 'front_desk', 'therapist', 'patient'] as const) {
      actors[role] = actorOf(world, role);
    }
    actors.deskBothSites = { ...actorOf(world, 'front_desk'), locationIds: [sites.a, sites.b] };
    actors.deskNoSite = { ...actorOf(world, 'front_desk'), locationIds: [] };
    actors.therapistB = { ...actorOf(world, 'therapist'), therapistId: therapists.b };
    actors.therapistUnlinked = { ...actorOf(world, 'therapist'), therapistId: null };
    actors.patientUnlinked = { ...actorOf(world, 'patient'), patientId: null };
  });
  afterAll(() => drop());

  it("writes the read's event in its own statement exactly when the policy allows it, for every role", async () => {
    const disagreements: string[] = [];
    let allowedPairs = 0;
    for (const [who, actor] of Object.entries(actors)) {
      for (const [which, id] of Object.entries(patients)) {
        const before = (await readEvents(db, id)).length;
        const event = { action: 'patient.read', patientId: id, recordType: 'patient', recordId: id };
        const row = await readPatientAudited(db, world.orgId, id, patientScope(actor), auditEvents(actor, [event]));
        expect(row, `${which} exists`).not.toBeNull();
        const allowed = isAllowed(actor, 'patient.read', { patient: patientFacts(row!) });
        if (allowed !== row!.inScope) disagreements.push(`${who} reading ${which}`);
        if (allowed) allowedPairs++;
        expect((await readEvents(db, id)).length - before, `${who} reading ${which}`).toBe(row!.inScope ? 1 : 0);
      }
    }
    expect(disagreements).toEqual([]);
    // Both sides are exercised: some reads allowed, some not.
    expect(allowedPairs).toBeGreaterThan(5);
    expect(allowedPairs).toBeLessThan(Object.keys(actors).length * Object.keys(patients).length);
  });

  it('answers an allowed read in one statement with one allowed event, a denied one with a denied event', async () => {
    const desk = actors.front_desk!;
    const counted = countingDatabase(db);
    const ctx: ServiceContext = { db: counted, now: () => NOW };
    const id = patients.registeredAtA!;
    const before = await readEvents(db, id);
    const patient = await getPatient(ctx, desk, id);
    expect(patient).toMatchObject({ id, familyName: 'Registered' });
    expect(patient).not.toHaveProperty('siteIds');
    expect(patient).not.toHaveProperty('therapistIds');
    expect(patient).not.toHaveProperty('inScope');
    expect(counted.statements).toHaveLength(1);
    const afterAllowed = await readEvents(db, id);
    expect(afterAllowed.slice(before.length)).toEqual([
      { action: 'patient.read', outcome: 'allowed', actorUserId: desk.userId },
    ]);

    const elsewhere = patients.atB!;
    const deniedBefore = await readEvents(db, elsewhere);
    await expect(getPatient(ctx, desk, elsewhere)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await readEvents(db, elsewhere)).slice(deniedBefore.length)).toEqual([
      { action: 'patient.read', outcome: 'denied', actorUserId: desk.userId },
    ]);
  });
});
