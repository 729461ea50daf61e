/**
 * One tap, one record: every create route, sent twice at the same moment with one Idempotency-Key,
 * creates exactly what one request creates and answers both with the same answer. The list of
 * create routes comes from the server itself, so a new create without the mechanism fails here.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/http/routes.ts';
import { isIdempotent } from '../../src/http/route.ts';
import { buildServer } from '../../src/http/server.ts';
import { runDueJobs } from '../../src/services/housekeeping.ts';
import { enqueueJob } from '../../src/store/repos/jobs.ts';
import type { Database } from '../../src/store/database.ts';
import { BACKENDS, createTestDatabase } from '../support/db.ts';
import { dataTables } from '../support/snapshot.ts';
import { buildWorld, tokenFor } from '../support/world.ts';
import { bookable } from './endpoints-booking.ts';
import { ENDPOINTS, WHO, type EndpointCase, type Env, type Who } from './endpoints.ts';

const ROUTES = apiRoutes({ db: null as never, now: () => new Date() });
const CREATES = ROUTES.filter((r) => r.method === 'POST' && r.status === 201).map((r) => `${r.method} ${r.url}`);

interface Request {
  url: string;
  payload?: string | Buffer | object;
  headers?: Record<string, string>;
}

/** How to create one record through a route: who asks and what they send (set up afresh each call). */
interface CreateCase {
  who: Exclude<Who, 'anonymous'>;
  request: (env: Env) => Promise<Request>;
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x41), Buffer.from('\n%%EOF\n')]);

function letterForm(physician: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----knotwork-idempotency';
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(field('physician', physician) + field('clearedOn', '2026-11-19') + field('scope', 'Massage cleared')),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="letter"; filename="letter.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const planWeeks = new WeakMap<Env, number>();
/** A two-visit draft plan of patient A in a week nobody else books, at 16:30 (after the matrix's slots). */
async function bookablePlan(env: Env): Promise<string> {
  await bookable(env);
  const week = planWeeks.get(env) ?? 0;
  planWeeks.set(env, week + 1);
  const monday = new Date(Date.UTC(2027, 0, 11 + 7 * week)).toISOString().slice(0, 10);
  const plan = {
    phase: 'acute', stages: [{ phase: 'acute', label: 'Settle the pain', visitsPerWeek: 2, visits: 2 }], totalVisits: 2, reassessmentAtVisits: [2],
    goals: [], integration: [], startDate: monday, preferredDays: [1, 4], preferredTime: '16:30',
    therapistId: env.world.practitioners.a, locationId: env.world.sites.a, serviceCode: 'nmt-followup-60',
  };
  const rows = await env.db.query<{ id: string }>(
    `INSERT INTO treatment_plans (org_id, patient_id, plan, practitioner_id, location_id, created_by, created_at, updated_by, updated_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, now(), $6, now()) RETURNING id`,
    [env.world.orgId, env.world.patients.a, JSON.stringify(plan), env.world.practitioners.a, env.world.sites.a, env.world.users.therapist.id],
  );
  return rows[0]!.id;
}

/** Routes whose matrix cases never reach a 201 (a letter needs multipart; the matrix's plan is unbookable). */
const SPECIAL: Record<string, CreateCase> = {
  'POST /api/patients/:id/clearances': {
    who: 'admin',
    request: async (env) => ({ url: `/api/patients/${env.world.patients.a}/clearances`, ...letterForm(`Dr. ${env.unique()}`) }),
  },
  'POST /api/plans/:id/book': {
    who: 'front_desk',
    request: async (env) => ({ url: `/api/plans/${await bookablePlan(env)}/book`, payload: {} }),
  },
};

/** A case from the authorization matrix in which some role creates the record. */
function fromMatrix(route: string): CreateCase | null {
  for (const c of ENDPOINTS.filter((e: EndpointCase) => `${e.method} ${e.route}` === route)) {
    const who = WHO.find((w): w is Exclude<Who, 'anonymous'> => w !== 'anonymous' && c.expect[w] === 201);
    if (who) return { who, request: async (env) => ({ url: await c.url(env), ...(c.body ? { payload: (await c.body(env)) as object } : {}) }) };
  }
  return null;
}

const caseOf = (route: string): CreateCase | null => SPECIAL[route] ?? fromMatrix(route);

describe('creates', () => {
  it('every create route takes an Idempotency-Key and has a case that creates through it', () => {
    expect(CREATES.length).toBeGreaterThan(20);
    // A create may not opt out of the key.
    expect(ROUTES.filter((r) => CREATES.includes(`${r.method} ${r.url}`) && !isIdempotent(r)).map((r) => r.url)).toEqual([]);
    expect(CREATES.filter((route) => caseOf(route) === null)).toEqual([]);
  });
});

describe.each(BACKENDS)('one Idempotency-Key, one record, on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let env: Env;
  let tables: string[];
  const tokens = new Map<string, string>();
  let counter = 0;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    app = await buildServer({ db, now: () => new Date('2026-11-20T18:00:00Z') });
    const world = await buildWorld(db);
    env = { world, db, app, adminToken: await tokenFor(app, world.users.admin.email), unique: () => `${Date.now().toString(36)}${++counter}` };
    tables = (await dataTables(db)).filter((t) => t !== 'idempotency_keys');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of tables) out[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
    return out;
  }
  const added = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(tables.filter((t) => after[t] !== before[t]).map((t) => [t, after[t]! - before[t]!]));

  async function send(who: Who, request: Request, key?: string) {
    if (!tokens.has(who)) tokens.set(who, await tokenFor(app, env.world.users[who as Exclude<Who, 'anonymous' | 'otherAdmin'>].email));
    const headers = { authorization: `Bearer ${tokens.get(who)}`, ...request.headers, ...(key ? { 'idempotency-key': key } : {}) };
    return app.inject({ method: 'POST', url: request.url, headers, ...(request.payload === undefined ? {} : { payload: request.payload }) });
  }

  for (const route of CREATES) {
    it(`${route}: two requests at once with one key create one record and get the same answer`, async () => {
      const c = caseOf(route)!;
      const key = randomUUID();

      // A first create warms up what happens once per organisation or patient (a secret, a task).
      expect((await send(c.who, await c.request(env))).statusCode).toBe(201);

      const request = await c.request(env);
      const before = await counts();
      const [first, second] = await Promise.all([send(c.who, request, key), send(c.who, request, key)]);
      expect([first.statusCode, second.statusCode], first.body).toEqual([201, 201]);
      expect(second.json()).toEqual(first.json());
      const twice = added(before, await counts());

      // The same create once, without a key: what one request adds.
      const reference = await c.request(env);
      const beforeOne = await counts();
      expect((await send(c.who, reference)).statusCode).toBe(201);
      const once = added(beforeOne, await counts());
      expect(Object.keys(once).length).toBeGreaterThan(0);
      expect(twice).toEqual(once);

      // A later retry is answered from what was kept; the key with another request is refused in words.
      const afterAll = await counts();
      const retry = await send(c.who, request, key);
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toEqual(first.json());
      const differs = JSON.stringify([reference.url, reference.payload]) !== JSON.stringify([request.url, request.payload]);
      if (differs) {
        const reused = await send(c.who, reference, key);
        expect(reused.statusCode).toBe(422);
        expect(reused.json().error.code).toBe('idempotency_key_reused');
        expect(reused.json().error.message).toMatch(/Idempotency-Key was already used for a different request/);
        expect(Object.keys(reused.json().error.fields)).toEqual(['Idempotency-Key']);
      }
      expect(added(afterAll, await counts())).toEqual({});
    });
  }

  it('forgets keys a day old when housekeeping runs, and keeps younger ones', async () => {
    const { orgId, users } = env.world;
    const keep = `young-${env.unique()}`;
    const forget = `old-${env.unique()}`;
    await db.query(
      `INSERT INTO idempotency_keys (org_id, user_id, key, request_hash, status, response, created_at)
       VALUES ($1, $2, $3, 'h', 201, '{}', '2026-11-20T12:00:00Z'), ($1, $2, $4, 'h', 201, '{}', '2026-11-18T12:00:00Z')`,
      [orgId, users.admin.id, keep, forget],
    );
    const now = new Date('2026-11-20T18:00:00Z');
    await enqueueJob(db, { kind: 'purge-expired-sessions', runAt: now, dedupeKey: `purge-test-${env.unique()}` });
    expect(await runDueJobs({ db, now: () => now })).toBeGreaterThan(0);
    const left = await db.query<{ key: string }>('SELECT key FROM idempotency_keys WHERE org_id = $1 AND key = ANY($2)', [orgId, [keep, forget]]);
    expect(left.map((r) => r.key)).toEqual([keep]);
  });
});
