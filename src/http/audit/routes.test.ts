import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, tokenFor, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';

describe.each(BACKENDS)('audit log API on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let world: World;
  let admin: string;
  const now = new Date('2026-11-20T18:00:00Z');

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    app = await buildServer({ db, now: () => now });
    world = await buildWorld(db);
    admin = await tokenFor(app, world.users.admin.email);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  type Page = { events: { id: number; action: string; actorEmail: string; patientId: string | null; outcome: string; at: string }[]; nextBefore: number | null };
  const browse = async (query: string): Promise<Page> => {
    const res = await app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('filters by actor email or id, patient, action prefix and outcome', async () => {
    const desk = await tokenFor(app, world.users.front_desk.email);
    await app.inject({ method: 'GET', url: `/api/patients/${world.patients.a}`, headers: { authorization: `Bearer ${desk}` } });
    await app.inject({ method: 'GET', url: `/api/patients/${world.patients.b}`, headers: { authorization: `Bearer ${desk}` } });

    const byEmail = await browse(`actor=${encodeURIComponent(world.users.front_desk.email.toUpperCase())}&action=patient.`);
    expect(byEmail.events.map((e) => e.patientId).sort()).toEqual([world.patients.a, world.patients.b].sort());
    expect(byEmail.events.every((e) => e.actorEmail === world.users.front_desk.email)).toBe(true);
    const byId = await browse(`actor=${world.users.front_desk.id}&action=patient.read`);
    expect(byId.events).toHaveLength(2);
    const denied = await browse(`actor=${world.users.front_desk.id}&outcome=denied`);
    expect(denied.events.map((e) => e.patientId)).toEqual([world.patients.b]);
    const onePatient = await browse(`patient=${world.patients.a}&action=patient.read`);
    expect(onePatient.events.every((e) => e.patientId === world.patients.a)).toBe(true);
  });

  it('filters by whole days on the clinic clock', async () => {
    // Audit times are the database's own clock; place two events either side of Oregon's midnight.
    const insert = (action: string, at: string) =>
      db.query(`INSERT INTO audit_events (org_id, actor_user_id, actor_role, action, outcome, at) VALUES ($1, $2, 'front_desk', $3, 'allowed', $4)`, [
        world.orgId, world.users.front_desk.id, action, at,
      ]);
    await insert('test.late-on-the-20th', '2026-11-21T07:30:00Z'); // 23:30 PST on the 20th
    await insert('test.early-on-the-21st', '2026-11-21T08:30:00Z'); // 00:30 PST on the 21st
    const the20th = await browse('from=2026-11-20&to=2026-11-20&action=test.');
    const the21st = await browse('from=2026-11-21&to=2026-11-21&action=test.');
    expect(the20th.events.map((e) => e.action)).toEqual(['test.late-on-the-20th']);
    expect(the21st.events.map((e) => e.action)).toEqual(['test.early-on-the-21st']);
    const instant = await browse(`from=${encodeURIComponent('2026-11-21T08:00:00Z')}&action=test.`);
    expect(instant.events.map((e) => e.action)).toEqual(['test.early-on-the-21st']);
  });

  it('pages newest first with nextBefore', async () => {
    const first = await browse('limit=2');
    expect(first.events).toHaveLength(2);
    expect(first.events[0]!.id).toBeGreaterThan(first.events[1]!.id);
    const second = await browse(`limit=2&before=${first.nextBefore}`);
    expect(second.events[0]!.id).toBeLessThan(first.events[1]!.id);
  });

  it('records that the log itself was read', async () => {
    await browse('limit=1');
    const rows = await db.query(`SELECT 1 FROM audit_events WHERE action = 'audit.browse' AND actor_user_id = $1`, [world.users.admin.id]);
    expect(rows.length).toBeGreaterThan(0);
  });
});
