import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeBookable } from '../../../test/support/booking-world.ts';
import { countingDatabase } from '../../../test/support/counting-db.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { SUITE_NOW } from '../../../test/support/http-suite.ts';
import { buildWorld, tokenFor, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import { buildServer } from '../server.ts';

/**
 * The desk's two busiest reads, availability and a day of the calendar, each cost the session and one statement once
 * the schedule is cached: the schedule stamp comes with the session rather than in a round trip of its own. A change
 * to the schedule still shows on the very next read, since each request's session reads the stamp afresh.
 */
describe.each(BACKENDS)('availability and the calendar read the stamp with the session (%s)', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let counted: ReturnType<typeof countingDatabase>;
  let app: FastifyInstance;
  let world: World;
  let token: string;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    counted = countingDatabase(db);
    app = await buildServer({ db: counted, now: () => SUITE_NOW });
    world = await buildWorld(db);
    await makeBookable(db, world);
    token = await tokenFor(app, world.users.front_desk.email);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });
  beforeEach(() => {
    counted.statements.length = 0;
  });

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const slotsAt = async (site: string) => {
    const res = await get(`/api/availability?service=nmt-followup-60&location=${site}&from=2026-11-23&to=2026-11-24`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { slots: { start: string }[] }).slots;
  };
  /** Statements that read the stamp, or the organisation's zone, on their own (the lanes also return the stamp). */
  const stampReads = () =>
    counted.statements.filter(
      (s) => !/FROM sessions|range_agg/.test(s) && /FROM (schedule_versions|organizations) WHERE/.test(s),
    );

  it('availability at a site: the session, then the busy lanes', async () => {
    expect((await slotsAt(world.sites.a)).length).toBeGreaterThan(0);
    counted.statements.length = 0;
    expect((await slotsAt(world.sites.a)).length).toBeGreaterThan(0);
    expect(stampReads()).toEqual([]);
    expect(counted.statements).toHaveLength(2);
    expect(counted.statements[0]).toMatch(/FROM sessions/);
    expect(counted.statements[1]).toMatch(/range_agg/);
  });

  it('a day of the calendar: the session, then the listing that writes its audit event', async () => {
    const day = `/api/appointments?location=${world.sites.a}&from=2026-11-23`;
    expect((await get(day)).statusCode).toBe(200);
    counted.statements.length = 0;
    expect((await get(day)).statusCode).toBe(200);
    expect(stampReads()).toEqual([]);
    expect(counted.statements).toHaveLength(2);
    expect(counted.statements[0]).toMatch(/FROM sessions/);
  });

  it('a closure shows on the next availability, and a changed site zone on the next calendar', async () => {
    expect((await slotsAt(world.sites.a)).length).toBeGreaterThan(0);
    // Written straight to the database, as another instance (or a manager's tool) would: triggers bump the stamp.
    await db.query(
      `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason)
       VALUES ($1, $2, '2026-11-23', '2026-11-24', 'Flooded')`,
      [world.orgId, world.sites.a],
    );
    expect(await slotsAt(world.sites.a)).toEqual([]);

    // 09:00 on the 22nd in Los Angeles (the sites' zone until now) is 06:00 on the 23rd in Auckland.
    const day = `/api/appointments?location=${world.sites.a}&from=2026-11-23&to=2026-11-23`;
    const listed = async () => ((await get(day)).json() as { appointments: { start: string }[] }).appointments;
    expect(await listed()).toEqual([]);
    const booked = await app.inject({
      method: 'POST',
      url: '/api/appointments',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': `zone-${backend}` },
      payload: {
        patientId: world.patients.a,
        serviceCode: 'nmt-followup-60',
        start: '2026-11-22T17:00:00Z',
        therapistId: world.therapists.a,
        locationId: world.sites.a,
      },
    });
    expect(booked.statusCode).toBe(201);
    expect(await listed()).toEqual([]);
    await db.query(`UPDATE locations SET time_zone = 'Pacific/Auckland' WHERE org_id = $1 AND id = $2`, [
      world.orgId,
      world.sites.a,
    ]);
    expect((await listed()).map((a) => a.start)).toEqual(['2026-11-22T17:00:00.000Z']);
  });
});
