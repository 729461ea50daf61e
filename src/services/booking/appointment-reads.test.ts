import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase } from '../../../test/support/counting-db.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildAppointment, buildService } from '../../../test/support/factories.ts';
import { actorOf } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { listAppointments } from './appointment-reads.ts';

const NOW = new Date('2026-11-16T16:00:00Z');

// The calendar lists appointments and audits each one it shows; the events are written by the listing statement.
describe.each(BACKENDS)('the calendar list on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  const booked: Record<string, string> = {};

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    await buildService(db, world.orgId);
    const { sites, therapists, patients } = world;
    const visit = (patientId: string, therapistId: string, locationId: string, start: string) =>
      buildAppointment(db, world.orgId, { patientId, therapistId, locationId, start });
    booked.aMonday = await visit(patients.a, therapists.a, sites.a, '2026-11-16T17:00:00Z');
    booked.aTuesday = await visit(patients.a, therapists.a, sites.a, '2026-11-17T17:00:00Z');
    booked.bMonday = await visit(patients.b, therapists.b, sites.b, '2026-11-16T18:00:00Z');
  });
  afterAll(() => drop());

  async function listedEvents(actorId: string) {
    return db.query<{ patientId: string; recordType: string; recordId: string; outcome: string }>(
      `SELECT patient_id AS "patientId", record_type AS "recordType", record_id AS "recordId", outcome
         FROM audit_events WHERE org_id = $1 AND actor_user_id = $2 AND action = 'appointment.list'
        ORDER BY record_id`,
      [world.orgId, actorId],
    );
  }

  it('writes one event per appointment shown, in the statement that lists them', async () => {
    const desk = actorOf(world, 'front_desk');
    const counted = countingDatabase(db);
    const ctx: ServiceContext = { db: counted, now: () => NOW };
    const { appointments } = await listAppointments(ctx, desk, {
      from: '2026-11-16',
      to: '2026-11-17',
      limit: 50,
    });
    // The desk works at site A: its two visits, in time order.
    expect(appointments.map((a) => a.id)).toEqual([booked.aMonday, booked.aTuesday]);
    const writes = counted.statements.filter((sql) => sql.includes('audit_events'));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('FROM appointments a');
    const expected = [booked.aMonday!, booked.aTuesday!].sort().map((id) => ({
      patientId: world.patients.a,
      recordType: 'appointment',
      recordId: id,
      outcome: 'allowed',
    }));
    expect(await listedEvents(desk.userId)).toEqual(expected);
  });

  it('writes nothing when nothing is shown, and no more than the limit lets through', async () => {
    const admin = actorOf(world, 'admin');
    const ctx: ServiceContext = { db, now: () => NOW };
    const empty = await listAppointments(ctx, admin, { from: '2026-12-01', to: '2026-12-02', limit: 50 });
    expect(empty.appointments).toEqual([]);
    expect(await listedEvents(admin.userId)).toEqual([]);
    const first = await listAppointments(ctx, admin, { from: '2026-11-16', to: '2026-11-17', limit: 1 });
    expect(first.appointments.map((a) => a.id)).toEqual([booked.aMonday]);
    expect((await listedEvents(admin.userId)).map((e) => e.recordId)).toEqual([booked.aMonday]);
  });

  it("reads the clinic's zone and schedule stamp once, and a site's zone only when the schedule changed", async () => {
    const desk = actorOf(world, 'front_desk');
    const list = (ctx: ServiceContext) =>
      listAppointments(ctx, desk, { locationId: world.sites.a, from: '2026-11-16', to: '2026-11-17', limit: 50 });
    const counted = countingDatabase(db);
    const ctx: ServiceContext = { db: counted, now: () => NOW };
    const first = await list(ctx);
    const before = counted.statements.length;
    const again = await list(ctx);
    expect(again).toEqual(first);
    expect(again.appointments.map((a) => a.id)).toEqual([booked.aMonday, booked.aTuesday]);
    const reads = (from: number, to?: number) => {
      const done = counted.statements.slice(from, to);
      return {
        stamp: done.filter((sql) => sql.includes('schedule_versions')).length,
        zone: done.filter((sql) => sql.includes('FROM organizations')).length,
        site: done.filter((sql) => sql.includes('FROM locations')).length,
      };
    };
    // The first listing reads the site's zone (and schedules, for conflicts); the second only the zone and stamp.
    expect(reads(0, before)).toMatchObject({ stamp: 1, zone: 1, site: 2 });
    expect(reads(before)).toEqual({ stamp: 1, zone: 1, site: 0 });
    // Editing the site bumps the stamp: the site is read again.
    await db.query("UPDATE locations SET name = name || ' ' WHERE org_id = $1 AND id = $2", [
      world.orgId,
      world.sites.a,
    ]);
    const edited = counted.statements.length;
    expect(await list(ctx)).toEqual(first);
    expect(reads(edited)).toMatchObject({ stamp: 1, zone: 1, site: 2 });
  });
});
