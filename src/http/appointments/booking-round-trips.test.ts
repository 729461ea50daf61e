import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAppointments, makeBookable } from '../../../test/support/booking-world.ts';
import { BACKENDS, createTestDatabase, type Backend } from '../../../test/support/db.ts';
import { SUITE_NOW } from '../../../test/support/http-suite.ts';
import { insertAppointment } from '../../../test/support/notify-kit.ts';
import { buildWorld, tokenFor, type World } from '../../../test/support/world.ts';
import type { Database, Queryable } from '../../store/database.ts';
import { requestHash } from '../../services/idempotency.ts';
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
  /** Transactions the server opened. */
  let transactions = 0;
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
      transaction: (fn) => {
        transactions++;
        return inner.transaction((tx) => fn(watched(tx)));
      },
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
  const payload = (start: string, patientId: string) => ({
    patientId,
    serviceCode: 'nmt-followup-60',
    start,
    therapistId: world.therapists.a,
    locationId: world.sites.a,
  });
  const book = (start: string, patientId = world.patients.a, key = `trip-${backend}-${++keyNo}`) =>
    app.inject({
      method: 'POST',
      url: '/api/appointments',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
      payload: payload(start, patientId),
    });

  return {
    book,
    payload,
    statements,
    get transactions() {
      return transactions;
    },
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

  it('books with a key in four statements and no transaction, once the schedule is known', async () => {
    // The first bookings store the service's row (a schedule change) and read the schedule at the new stamp.
    expect((await h.book('2026-11-24T17:00:00Z')).statusCode).toBe(201);
    expect((await h.book('2026-11-24T18:15:00Z')).statusCode).toBe(201);
    h.statements.length = 0;
    const opened = h.transactions;
    const before = await countAppointments(h.db, h.world.orgId);
    const res = await h.book('2026-11-24T19:30:00Z');
    expect(res.statusCode, res.body).toBe(201);
    const kinds = h.statements.map((sql) => sql.replace(/\s+/g, ' ').trim().slice(0, 60));
    // Session with the key's kept answer, patient with the schedule stamp, busy time, and one statement writing
    // the appointment, its grants, every audit event, its messages and the key with its answer.
    expect(kinds, kinds.join('\n')).toHaveLength(4);
    expect(h.transactions).toBe(opened);
    expect(await countAppointments(h.db, h.world.orgId)).toBe(before + 1);
    // What was written is what was answered.
    const booked = res.json() as { id: string; start: string; end: string; status: string };
    const [stored] = await h.db.query<{ id: string; status: string; start: Date; end: Date }>(
      'SELECT id, status, lower(during) AS start, upper(during) AS "end" FROM appointments WHERE id = $1',
      [booked.id],
    );
    expect(stored).toEqual({
      id: booked.id,
      status: booked.status,
      start: new Date(booked.start),
      end: new Date(booked.end),
    });
  });

  it('writes nothing when another request with its key was answered first, and gives that answer', async () => {
    const before = await countAppointments(h.db, h.world.orgId);
    const messagesBefore = await h.db.query('SELECT id FROM outbox_messages');
    const key = `together-${backend}`;
    const payload = h.payload('2026-11-24T20:45:00Z', h.world.patients.a);
    const kept = { id: 'the-answer-kept-first', status: 'booked' };
    // The other request ends between this one's check and its write: this one's statement finds the key answered.
    h.raceAtInsert(async () => {
      await h.db.query(
        `INSERT INTO idempotency_keys (org_id, user_id, key, request_hash, status, response, created_at)
         VALUES ($1, $2, $3, $4, 201, $5::jsonb, now())`,
        [
          h.world.orgId,
          h.world.users.front_desk.id,
          key,
          requestHash('POST /api/appointments', payload),
          JSON.stringify(kept),
        ],
      );
    });
    const res = await h.book('2026-11-24T20:45:00Z', h.world.patients.a, key);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual(kept);
    expect(await countAppointments(h.db, h.world.orgId)).toBe(before);
    expect(await h.db.query('SELECT id FROM outbox_messages')).toHaveLength(messagesBefore.length);
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
