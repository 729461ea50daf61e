import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAppointments, makeBookable } from '../../../test/support/booking-world.ts';
import { BACKENDS, createTestDatabase, type Backend } from '../../../test/support/db.ts';
import { SUITE_NOW } from '../../../test/support/http-suite.ts';
import { insertAppointment } from '../../../test/support/notify-kit.ts';
import { buildWorld, tokenFor, type World } from '../../../test/support/world.ts';
import type { Database, Queryable } from '../../store/database.ts';
import { buildServer } from '../server.ts';

/**
 * What one booking costs the database, and what happens when it loses a race at the last moment.
 * Every statement is a round trip and CPU on both sides: the count is the booking's budget.
 */
function bookingServer(backend: Backend) {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let app: FastifyInstance;
  let token: string;
  /** Every statement the server sent, BEGIN and COMMIT aside. */
  const statements: string[] = [];
  /** Runs once, just before the next appointment insert goes to the database. */
  let beforeInsert: (() => Promise<void>) | null = null;

  /**
   * The database as the server sees it, recording each statement. A transaction's own handle is
   * observed in place, so what the process keeps per database is still found from inside it.
   */
  function observed(inner: Database): Database {
    const watch = async (sql: string) => {
      statements.push(sql);
      if (beforeInsert && sql.includes('INSERT INTO appointments')) {
        const run = beforeInsert;
        beforeInsert = null;
        await run();
      }
    };
    const watched = <Q extends Queryable>(q: Q): Q => {
      const query = q.query.bind(q);
      q.query = async <T>(sql: string, params?: readonly unknown[]) => {
        await watch(sql);
        return query<T>(sql, params);
      };
      return q;
    };
    return {
      kind: inner.kind,
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        await watch(sql);
        return inner.query<T>(sql, params);
      },
      exec: (sql) => inner.exec(sql),
      transaction: (fn) => inner.transaction((tx) => fn(watched(tx))),
      close: () => inner.close(),
    };
  }

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    app = await buildServer({ db: observed(db), now: () => SUITE_NOW });
    world = await buildWorld(db);
    await makeBookable(db, world);
    token = await tokenFor(app, world.users.front_desk.email);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  let keyNo = 0;
  const book = (start: string, patientId = world.patients.a) =>
    app.inject({
      method: 'POST',
      url: '/api/appointments',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': `trip-${backend}-${++keyNo}` },
      payload: {
        patientId,
        serviceCode: 'nmt-followup-60',
        start,
        therapistId: world.therapists.a,
        locationId: world.sites.a,
      },
    });

  return {
    book,
    statements,
    get db() {
      return db;
    },
    get world() {
      return world;
    },
    raceAtInsert(run: () => Promise<void>) {
      beforeInsert = run;
    },
  };
}

describe.each(BACKENDS)('one booking and the database, on %s', (backend) => {
  const h = bookingServer(backend);

  it('books with a key in seven statements besides BEGIN and COMMIT, once the schedule is known', async () => {
    // The first bookings store the service's row (a schedule change) and read the schedule at the new stamp.
    expect((await h.book('2026-11-24T17:00:00Z')).statusCode).toBe(201);
    expect((await h.book('2026-11-24T18:15:00Z')).statusCode).toBe(201);
    h.statements.length = 0;
    expect((await h.book('2026-11-24T19:30:00Z')).statusCode).toBe(201);
    const kinds = h.statements.map((sql) => sql.replace(/\s+/g, ' ').trim().slice(0, 60));
    // Session with the key's kept answer, patient with the schedule stamp, busy time, appointment, grants with
    // every audit event, messages, the key with its answer.
    expect(kinds, kinds.join('\n')).toHaveLength(7);
  });
});

// Two transactions racing needs two connections: PGlite has one, so the race is PostgreSQL's alone.
describe('a booking that loses the race for its time at the insert, on postgres', () => {
  const h = bookingServer('postgres');

  it('answers 409 with alternatives, not an error, when a concurrent booking wins the time at the insert', async () => {
    // A first booking stores the service's row, which the other request's appointment refers to.
    expect((await h.book('2026-11-24T17:00:00Z')).statusCode).toBe(201);
    const start = '2026-11-25T17:00:00Z';
    const before = await countAppointments(h.db, h.world.orgId);
    // Another request takes the time between this one's check and its insert, and both inserts waited on each
    // other: PostgreSQL picks this one as the deadlock's victim (its exclusion check can deadlock).
    h.raceAtInsert(async () => {
      await insertAppointment(h.db, {
        orgId: h.world.orgId,
        patientId: h.world.patients.b,
        therapistId: h.world.therapists.a,
        locationId: h.world.sites.a,
        serviceCode: 'nmt-followup-60',
        start: new Date(start),
      });
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    const res = await h.book(start);
    expect(res.statusCode, res.body).toBe(409);
    const body = res.json() as { error: { code: string }; alternatives: { start: string }[] };
    expect(body.error.code).toBe('slot_unavailable');
    expect(body.alternatives.length).toBeGreaterThan(0);
    expect(body.alternatives.map((a) => a.start)).not.toContain(new Date(start).toISOString());
    expect(await countAppointments(h.db, h.world.orgId)).toBe(before + 1);
  });
});
