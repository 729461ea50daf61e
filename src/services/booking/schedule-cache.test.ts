import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { makeBookable } from '../../../test/support/booking-world.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import { actorOf } from '../../../test/support/session-kit.ts';
import { findAvailability } from './availability.ts';
import { ensureServiceRow, findService } from './catalogue.ts';
import { scheduleStamp } from './schedule-cache.ts';
import { buildAppointment } from '../../../test/support/factories.ts';

const NOW = new Date('2026-11-20T18:00:00Z');

describe.each(BACKENDS)('cached availability reads on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    await makeBookable(db, world);
  });
  afterAll(async () => drop?.());

  const stamp = () => scheduleStamp(db, world.orgId);

  it('every kind of schedule change moves the stamp; bookings do not', async () => {
    const { orgId, sites, therapists } = world;
    const previous = await stamp();
    // The service row that appointments reference: creating it is a schedule change too.
    await ensureServiceRow(db, orgId, (await findService(db, orgId, 'nmt-followup-30'))!);
    expect(await stamp()).not.toBe(previous);
    const changes: [string, string, unknown[]][] = [
      ['hours', `UPDATE locations SET hours = hours WHERE org_id = $1 AND id = $2`, [orgId, sites.a]],
      [
        'closure',
        `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason)
          VALUES ($1, $2, '2026-12-24', '2026-12-24', 'Eve')`,
        [orgId, sites.a],
      ],
      ['room', `UPDATE rooms SET name = name || '!' WHERE org_id = $1 AND location_id = $2`, [orgId, sites.b]],
      [
        'shift',
        `DELETE FROM shift_templates WHERE org_id = $1 AND therapist_id = $2 AND weekday = 0`,
        [orgId, therapists.b],
      ],
      [
        'credential',
        `UPDATE credentials SET expires_on = '2030-01-01' WHERE org_id = $1 AND therapist_id = $2`,
        [orgId, therapists.a],
      ],
      ['therapist', `UPDATE therapists SET active = active WHERE org_id = $1 AND id = $2`, [orgId, therapists.a]],
      ['service', `UPDATE services SET name = name WHERE org_id = $1`, [orgId]],
      ['settings', `UPDATE organizations SET settings = settings || '{"reminders":[24]}' WHERE id = $1`, [orgId]],
    ];
    for (const [what, sql, params] of changes) {
      const before = await stamp();
      await db.query(sql, params);
      expect(await stamp(), what).not.toBe(before);
    }
    const before = await stamp();
    await buildAppointment(db, orgId, {
      patientId: world.patients.a,
      therapistId: therapists.a,
      locationId: sites.a,
      serviceCode: 'nmt-followup-30',
      start: '2026-11-23T17:00:00Z',
      minutes: 30,
      bufferMinutes: 10,
    });
    expect(await stamp()).toBe(before);
  });

  it('a rolled-back change never leaves a stamp that a later, different state reuses', async () => {
    let inside = '';
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason)
            VALUES ($1, $2, '2027-01-01', '2027-01-01', 'x')`,
          [world.orgId, world.sites.b],
        );
        inside = await scheduleStamp(tx, world.orgId);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await db.query(
      `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason)
        VALUES ($1, $2, '2027-01-02', '2027-01-02', 'y')`,
      [world.orgId, world.sites.b],
    );
    expect(await stamp()).not.toBe(inside);
  });

  it('availability answers from the cache, yet shows a closure the moment it is saved', async () => {
    const ctx = { db, now: () => NOW };
    const desk = actorOf(world, 'front_desk');
    const query = {
      serviceCode: 'nmt-followup-60',
      from: '2026-11-23',
      to: '2026-11-24',
      locationId: world.sites.a,
      limit: 1000,
    };
    const first = await findAvailability(ctx, desk, query);
    const again = await findAvailability(ctx, desk, query);
    expect(again).toEqual(first);
    const onMonday = (r: typeof first) => r.slots.filter((s) => s.start.startsWith('2026-11-23')).length;
    expect(onMonday(first)).toBeGreaterThan(0);
    await db.query(
      `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason)
        VALUES ($1, $2, '2026-11-23', '2026-11-23', 'Flood')`,
      [world.orgId, world.sites.a],
    );
    expect(onMonday(await findAvailability(ctx, desk, query))).toBe(0);
  });
});
