import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBookable } from '../../../test/support/booking-world.ts';
import { countingDatabase } from '../../../test/support/counting-db.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { SUITE_NOW } from '../../../test/support/http-suite.ts';
import { actorOf } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import { findAvailability } from './availability.ts';

/**
 * An actor whose session came without the schedule stamp (a session a server keeps between requests, a link, a
 * job) reads availability in one statement once warm: the schedule is taken at the last stamp the server saw, and
 * the busy lanes' statement returns the current stamp to check it by. A change since is read again at once.
 */
describe.each(BACKENDS)('availability at the last stamp seen, checked by the lanes (%s)', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let counted: ReturnType<typeof countingDatabase>;
  let world: World;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    counted = countingDatabase(db);
    world = await buildWorld(db);
    await makeBookable(db, world);
  });
  afterAll(() => drop());

  const slots = async () => {
    const actor = actorOf(world, 'front_desk');
    expect(actor.scheduleStamp).toBeUndefined();
    counted.statements.length = 0;
    const found = await findAvailability({ db: counted, now: () => SUITE_NOW }, actor, {
      serviceCode: 'nmt-followup-60',
      locationId: world.sites.a,
      from: '2026-11-23',
      to: '2026-11-24',
      limit: 500,
    });
    return found.slots;
  };
  const lanesRead = () => counted.statements.filter((s) => /range_agg/.test(s)).length;
  const stampReadAlone = () => counted.statements.filter((s) => /^SELECT version::text/.test(s)).length;

  it('reads the stamp alone only the first time; then the lanes are the only statement', async () => {
    expect((await slots()).length).toBeGreaterThan(0);
    expect(stampReadAlone()).toBe(1);
    const first = await slots();
    expect(first.length).toBeGreaterThan(0);
    expect(counted.statements).toHaveLength(1);
    expect(lanesRead()).toBe(1);
  });

  it('a closure written elsewhere shows on the next read, which reads again at the new stamp', async () => {
    expect((await slots()).length).toBeGreaterThan(0);
    // Straight to the database, as another instance would: the triggers bump the stamp, nothing tells this server.
    await db.query(
      `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason)
       VALUES ($1, $2, '2026-11-23', '2026-11-24', 'Flooded')`,
      [world.orgId, world.sites.a],
    );
    expect(await slots()).toEqual([]);
    expect(lanesRead()).toBe(2);
    expect(stampReadAlone()).toBe(0);
    // And the new stamp is the one tried next: one statement again.
    expect(await slots()).toEqual([]);
    expect(counted.statements).toHaveLength(1);
  });
});
