// Sessions kept between requests (session-memory.ts): the memory's own rules, then two servers on one PostgreSQL
// database, as two instances are, each with its own pool, listener and memory. The memory needs the database's
// notifications, which only PostgreSQL sends; PGlite servers read every session (checked last).
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../http/server.ts';
import type { ChangeChannel, ChangeHandlers, Database } from '../../store/database.ts';
import { databaseWhenOpen } from '../../store/deferred.ts';
import { openPostgres } from '../../store/postgres.ts';
import { readScheduleStamp } from '../../store/repos/schedule-versions.ts';
import type { SessionActorRow } from '../../store/repos/sign-ins.ts';
import { countingDatabase } from '../../../test/support/counting-db.ts';
import { createTestDatabase } from '../../../test/support/db.ts';
import { until } from '../../../test/support/instances.ts';
import { buildWorld, tokenFor, type World } from '../../../test/support/world.ts';
import { rememberSessions, SessionMemory } from './session-memory.ts';
import { authenticate } from './sessions.ts';

const NOW = new Date('2026-11-20T18:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

const row = (orgId: string, expiresAt = later(3_600_000)) =>
  ({ sessionId: 's', orgId, lastSeenAt: NOW, expiresAt, locationIds: [] }) as unknown as SessionActorRow;

describe('a memory of sessions', () => {
  it('keeps a session only while it listens, and only when no change was heard since the read began', () => {
    const memory = new SessionMemory(30_000, 3);
    memory.keep('t', row('org'), memory.generation(), NOW);
    expect(memory.find('t', NOW)).toBeUndefined();
    memory.setListening(true);
    const before = memory.generation();
    memory.heard('another org');
    memory.keep('t', row('org'), before, NOW);
    expect(memory.find('t', NOW)).toBeUndefined();
    memory.keep('t', row('org'), memory.generation(), NOW);
    expect(memory.find('t', later(1000))?.orgId).toBe('org');
    memory.setListening(false);
    expect(memory.find('t', later(1000))).toBeUndefined();
  });

  it('forgets a session when its organisation changes, when it ends, and after a while however quiet', () => {
    const memory = new SessionMemory(30_000, 3);
    memory.setListening(true);
    memory.keep('a', row('org'), memory.generation(), NOW);
    memory.keep('b', row('other'), memory.generation(), NOW);
    memory.heard('org');
    expect(memory.find('a', NOW)).toBeUndefined();
    expect(memory.find('b', NOW)?.orgId).toBe('other');
    expect(memory.find('b', later(30_000))).toBeUndefined();
    memory.keep('c', row('org', later(5_000)), memory.generation(), NOW);
    expect(memory.find('c', later(4_999))?.orgId).toBe('org');
    expect(memory.find('c', later(5_000))).toBeUndefined();
    // A clock set back does not make a kept session younger.
    memory.keep('d', row('org'), memory.generation(), NOW);
    expect(memory.find('d', later(-1))).toBeUndefined();
  });

  it('keeps at most its bound, the longest kept going first', () => {
    const memory = new SessionMemory(30_000, 2);
    memory.setListening(true);
    for (const t of ['a', 'b', 'c']) memory.keep(t, row('org'), memory.generation(), NOW);
    expect(memory.size).toBe(2);
    expect(memory.find('a', NOW)).toBeUndefined();
    expect(memory.find('c', NOW)?.orgId).toBe('org');
  });
});

interface Instance {
  db: Database & { statements: string[] };
  app: FastifyInstance;
  memory: SessionMemory;
  /** Each time the memory was told it listens (true) or lost its listener (false). */
  listening: boolean[];
  stop: () => void;
}

/** A server on its own pool of the database at `url`, keeping sessions. */
async function instance(url: string): Promise<Instance> {
  const own = await openPostgres(url, { relistenAfterMs: 20 });
  const listening: boolean[] = [];
  const db = Object.assign(countingDatabase(own), {
    listen: (channel: ChangeChannel, handlers: ChangeHandlers) =>
      own.listen!(channel, {
        heard: handlers.heard,
        listening: (on) => {
          listening.push(on);
          handlers.listening(on);
        },
      }),
  });
  const remembered = rememberSessions(db)!;
  const app = await buildServer({ db, now: () => NOW, sessions: remembered.memory });
  await until(async () => (remembered.memory.isListening ? true : undefined), 'the listener');
  return { db, app, memory: remembered.memory, listening, stop: remembered.stop };
}

const sessionReads = (statements: string[]) => statements.filter((s) => s.includes('s.token_hash = $1')).length;

describe('servers keeping sessions on PostgreSQL', () => {
  let drop: () => Promise<void>;
  let url: string;
  let world: World;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    const created = await createTestDatabase('postgres');
    drop = created.drop;
    url = created.url!;
    world = await buildWorld(created.db);
    [a, b] = [await instance(url), await instance(url)];
  });

  afterAll(async () => {
    for (const i of [a, b]) {
      i?.stop();
      await i?.app.close();
      await i?.db.close();
    }
    await drop?.();
  });

  const get = (i: Instance, token: string, path = `/api/patients/${world.patients.a}`) =>
    i.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } });

  it('reads a session once, then serves its requests without reading it again', async () => {
    // Signed in on the one server: the other has never read the session.
    const token = await tokenFor(a.app, world.users.admin.email);
    b.db.statements.length = 0;
    expect((await get(b, token)).statusCode).toBe(200);
    expect((await get(b, token)).statusCode).toBe(200);
    expect((await get(b, token)).statusCode).toBe(200);
    expect(sessionReads(b.db.statements)).toBe(1);
    // Each read is still audited: one event per request.
    const [{ n }] = (await a.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1 AND action = 'patient.read' AND patient_id = $2`,
      [world.orgId, world.patients.a],
    )) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('gives a kept session no schedule stamp: availability reads the current one, whoever changed it', async () => {
    const token = await tokenFor(a.app, world.users.front_desk.email);
    const ctx = { db: b.db, now: () => NOW, sessions: b.memory };
    const stamp = await readScheduleStamp(b.db, world.orgId);
    const read = await authenticate(ctx, token, null);
    expect(read?.actor.scheduleStamp).toBe(stamp);
    const kept = await authenticate(ctx, token, null);
    expect(kept?.actor).toMatchObject({ userId: world.users.front_desk.id, orgId: world.orgId });
    expect(kept?.actor.scheduleStamp).toBeUndefined();
  });

  it('refuses a signed-out session at once where it signed out, and on the other server once it hears', async () => {
    const token = await tokenFor(a.app, world.users.front_desk.email);
    expect((await get(a, token, '/api/auth/session')).statusCode).toBe(200);
    expect((await get(b, token, '/api/auth/session')).statusCode).toBe(200);
    expect(b.memory.size).toBeGreaterThan(0);
    const out = await a.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBeLessThan(300);
    expect((await get(a, token, '/api/auth/session')).statusCode).toBe(401);
    await until(async () => (b.memory.size === 0 ? true : undefined), 'the other server to hear the sign-out');
    expect((await get(b, token, '/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses an account disabled through this server at once; hears a change made in the database', async () => {
    const token = await tokenFor(a.app, world.users.manager.email);
    const admin = await tokenFor(a.app, world.users.admin.email);
    expect((await get(a, token, '/api/auth/session')).statusCode).toBe(200);
    await a.db.query(`UPDATE users SET display_name = 'Maxine Manager' WHERE org_id = $1 AND id = $2`, [
      world.orgId,
      world.users.manager.id,
    ]);
    await until(async () => {
      const session = await get(a, token, '/api/auth/session');
      return (session.json() as { user: { displayName: string } }).user.displayName === 'Maxine Manager'
        ? true
        : undefined;
    }, 'the rename to be heard');
    const disabled = await a.app.inject({
      method: 'PATCH',
      url: `/api/staff/${world.users.manager.id}`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await get(a, token, '/api/auth/session')).statusCode).toBe(401);
  });

  it('forgets on a schedule change, a new site for the user, a zone, and a patient account language', async () => {
    const token = await tokenFor(a.app, world.users.patient.email);
    const changes: [string, unknown[]][] = [
      [
        `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason)
          VALUES ($1, $2, '2027-01-04', '2027-01-04', 'Training day')`,
        [world.orgId, world.sites.a],
      ],
      [
        'INSERT INTO user_locations (org_id, user_id, location_id) VALUES ($1, $2, $3)',
        [world.orgId, world.users.front_desk.id, world.sites.b],
      ],
      [`UPDATE organizations SET time_zone = 'America/Los_Angeles' WHERE id = $1`, [world.orgId]],
      [
        `UPDATE patients SET communication = communication || '{"language": "es"}' WHERE org_id = $1 AND id = $2`,
        [world.orgId, world.patients.a],
      ],
    ];
    for (const [sql, params] of changes) {
      // The listener may still be hearing the earlier change: asked again until the session stays kept.
      await until(async () => {
        expect((await get(a, token, '/api/auth/session')).statusCode).toBe(200);
        return a.memory.size > 0 ? true : undefined;
      }, 'the session to be kept');
      await a.db.query(sql, params);
      await until(async () => (a.memory.size === 0 ? true : undefined), 'the change to be heard');
    }
  });

  it('forgets every session when its listener is lost, and keeps them again once it listens again', async () => {
    const token = await tokenFor(b.app, world.users.admin.email);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'knotwork listener'`,
      );
    } finally {
      await admin.end();
    }
    await until(async () => (b.listening.includes(false) ? true : undefined), 'the listener to be lost');
    await until(async () => (b.listening.at(-1) === true ? true : undefined), 'the listener to be back');
    expect(b.listening).toEqual([true, false, true]);
    b.db.statements.length = 0;
    for (let i = 0; i < 3; i++) expect((await get(b, token)).statusCode).toBe(200);
    expect(sessionReads(b.db.statements)).toBe(1);
  });
});

describe('a server on PGlite', () => {
  it('cannot listen, so keeps no session, even while its database opens', async () => {
    const { db, drop } = await createTestDatabase('pglite');
    try {
      expect(db.listen).toBeUndefined();
      expect(rememberSessions(db)).toBeUndefined();
      expect(rememberSessions(databaseWhenOpen('pglite', Promise.resolve(db)))).toBeUndefined();
    } finally {
      await drop();
    }
  });
});

describe('a server on PostgreSQL whose database is still opening', () => {
  it('listens once the database is open', async () => {
    const { drop, url } = await createTestDatabase('postgres');
    let release!: () => void;
    const opened = new Promise<void>((resolve) => (release = resolve));
    const opening = opened.then(() => openPostgres(url!));
    const remembered = rememberSessions(databaseWhenOpen('postgres', opening))!;
    try {
      expect(remembered.memory.isListening).toBe(false);
      release();
      await until(async () => (remembered.memory.isListening ? true : undefined), 'the listener');
    } finally {
      remembered.stop();
      await (await opening).close();
      await drop();
    }
  });
});
