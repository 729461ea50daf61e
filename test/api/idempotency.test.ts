/**
 * One tap, one record: every create route (and every other write that takes a key), sent twice at
 * the same moment with one Idempotency-Key, writes exactly what one request writes and answers both
 * with the same answer. The list of routes comes from the server itself, so a new create without
 * the mechanism fails here.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/http/routes.ts';
import { isIdempotent } from '../../src/http/route.ts';
import { runDueJobs } from '../../src/services/housekeeping.ts';
import { enqueueJob } from '../../src/store/repos/jobs.ts';
import { BACKENDS } from '../support/db.ts';
import { httpSuite } from '../support/http-suite.ts';
import { LETTER_PDF } from '../support/pdf.ts';
import { dataTables } from '../support/snapshot.ts';
import { tokenFor } from '../support/world.ts';
import { bookable, bookedId } from './endpoints-booking.ts';
import { ENDPOINTS, WHO, type EndpointCase, type Env, type Who } from './endpoints.ts';
import { buildPlan } from '../support/factories.ts';

const ROUTES = apiRoutes({ db: null as never, now: () => new Date() });
const CREATES = ROUTES.filter((r) => r.method === 'POST' && r.status === 201).map((r) => `${r.method} ${r.url}`);
/** Every route that takes a key, with the status of its answer: the creates and the writes that opt in. */
const KEYED = new Map(ROUTES.filter(isIdempotent).map((r) => [`${r.method} ${r.url}`, r.status ?? 200]));

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

function letterForm(physician: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----knotwork-idempotency';
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(field('physician', physician) + field('clearedOn', '2026-11-19') + field('scope', 'Massage cleared')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="letter"; filename="letter.pdf"\r\nContent-Type: ` +
        `application/pdf\r\n\r\n`,
    ),
    LETTER_PDF,
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
    phase: 'acute',
    stages: [{ phase: 'acute', label: 'Settle the pain', visitsPerWeek: 2, visits: 2 }],
    totalVisits: 2,
    reassessmentAtVisits: [2],
    goals: [],
    integration: [],
    startDate: monday,
    preferredDays: [1, 4],
    preferredTime: '16:30',
    therapistId: env.world.therapists.a,
    locationId: env.world.sites.a,
    serviceCode: 'nmt-followup-60',
  };
  return buildPlan(env.db, env.world.orgId, {
    patientId: env.world.patients.a,
    plan,
    therapistId: env.world.therapists.a,
    locationId: env.world.sites.a,
    createdBy: env.world.users.therapist.id,
  });
}

/** A visit of patient A that the schedule no longer allows: booked, then its therapist takes the time off. */
async function visitWithConflict(env: Env): Promise<string> {
  const headers = { authorization: `Bearer ${env.adminToken}` };
  const visit = await bookedId(env);
  const { start, end } = (
    await env.app.inject({ method: 'GET', url: `/api/appointments/${visit}`, headers })
  ).json() as { start: string; end: string };
  const off = await env.app.inject({
    method: 'POST',
    url: `/api/therapists/${env.world.therapists.a}/exceptions`,
    headers,
    payload: { kind: 'time-off', start, end, locationId: null, reason: 'Course' },
  });
  if (off.statusCode !== 201) throw new Error(`setup time off failed: ${off.body}`);
  return visit;
}

/**
 * Routes whose matrix cases never write (a letter needs multipart; the matrix's plan is unbookable;
 * the matrix's visits fit the schedule, so telling or cancelling would change nothing).
 */
const SPECIAL: Record<string, CreateCase> = {
  'POST /api/patients/:id/clearances': {
    who: 'admin',
    request: async (env) => ({
      url: `/api/patients/${env.world.patients.a}/clearances`,
      ...letterForm(`Dr. ${env.unique()}`),
    }),
  },
  'POST /api/appointments/conflicts/notify': {
    who: 'front_desk',
    request: async (env) => ({
      url: '/api/appointments/conflicts/notify',
      payload: { appointmentIds: [await visitWithConflict(env)], note: 'Sorry for the trouble.' },
    }),
  },
  'POST /api/appointments/conflicts/cancel': {
    who: 'front_desk',
    request: async (env) => ({
      url: '/api/appointments/conflicts/cancel',
      payload: { appointmentIds: [await visitWithConflict(env)], message: 'The clinic is closed that day.' },
    }),
  },
  'POST /api/plans/:id/book': {
    who: 'front_desk',
    request: async (env) => ({ url: `/api/plans/${await bookablePlan(env)}/book`, payload: {} }),
  },
};

/** A case from the authorization matrix in which some role gets the route's answer (201 for a create). */
function fromMatrix(route: string): CreateCase | null {
  const status = KEYED.get(route) ?? 201;
  for (const c of ENDPOINTS.filter((e: EndpointCase) => `${e.method} ${e.route}` === route)) {
    const who = WHO.find((w): w is Exclude<Who, 'anonymous'> => w !== 'anonymous' && c.expect[w] === status);
    if (who)
      return {
        who,
        request: async (env) => ({
          url: await c.url(env),
          ...(c.body ? { payload: (await c.body(env)) as object } : {}),
        }),
      };
  }
  return null;
}

const caseOf = (route: string): CreateCase | null => SPECIAL[route] ?? fromMatrix(route);

describe('creates', () => {
  it('every create route takes an Idempotency-Key and has a case that creates through it', () => {
    expect(CREATES.length).toBeGreaterThan(20);
    // A create may not opt out of the key.
    expect(
      ROUTES.filter((r) => CREATES.includes(`${r.method} ${r.url}`) && !isIdempotent(r)).map((r) => r.url),
    ).toEqual([]);
    expect(CREATES.filter((route) => caseOf(route) === null)).toEqual([]);
    // So does every other write that takes a key.
    expect([...KEYED.keys()].filter((route) => caseOf(route) === null)).toEqual([]);
    expect([...KEYED.keys()].filter((route) => !route.startsWith('POST '))).toEqual([]);
  });
});

describe.each(BACKENDS)('one Idempotency-Key, one record, on %s', (backend) => {
  let env: Env;
  let tables: string[];
  const tokens = new Map<string, string>();
  let counter = 0;

  const suite = httpSuite(backend, {
    signIn: ['admin'],
    async setup() {
      env = {
        world: suite.world,
        db: suite.db,
        app: suite.app,
        adminToken: suite.tokens.admin!,
        unique: () => `${Date.now().toString(36)}${++counter}`,
      };
      tables = (await dataTables(suite.db)).filter((t) => t !== 'idempotency_keys');
    },
  });

  /**
   * Rows in each data table. A write that is not a create may add none (a merge moves rows): its
   * audit events count too, every write being audited (a replay's own event left out).
   */
  async function counts(withAudit = false): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of tables)
      out[table] = (await suite.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
    if (withAudit) {
      out.audit_events = (
        await suite.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_events WHERE action <> 'request.replay'`,
        )
      )[0]!.n;
    }
    return out;
  }
  const added = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(
      Object.keys(after)
        .filter((t) => after[t] !== before[t])
        .map((t) => [t, after[t]! - before[t]!]),
    );

  async function send(who: Who, request: Request, key?: string) {
    if (!tokens.has(who))
      tokens.set(
        who,
        await tokenFor(suite.app, env.world.users[who as Exclude<Who, 'anonymous' | 'otherAdmin'>].email),
      );
    const headers = {
      authorization: `Bearer ${tokens.get(who)}`,
      ...request.headers,
      ...(key ? { 'idempotency-key': key } : {}),
    };
    return suite.app.inject({
      method: 'POST',
      url: request.url,
      headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
  }

  for (const [route, status] of KEYED) {
    it(`${route}: two requests at once with one key write once and get the same answer`, async () => {
      const c = caseOf(route)!;
      const key = randomUUID();
      const count = () => counts(status !== 201);

      // A first create warms up what happens once per organisation or patient (a secret, a task).
      expect((await send(c.who, await c.request(env))).statusCode).toBe(status);

      const request = await c.request(env);
      const before = await count();
      const [first, second] = await Promise.all([send(c.who, request, key), send(c.who, request, key)]);
      expect([first.statusCode, second.statusCode], first.body).toEqual([status, status]);
      expect(second.json()).toEqual(first.json());
      const twice = added(before, await count());

      // The same create once, without a key: what one request adds.
      const reference = await c.request(env);
      const beforeOne = await count();
      expect((await send(c.who, reference)).statusCode).toBe(status);
      const once = added(beforeOne, await count());
      expect(Object.keys(once).length).toBeGreaterThan(0);
      expect(twice).toEqual(once);

      // A later retry is answered from what was kept; the key with another request is refused in words.
      const afterAll = await count();
      const retry = await send(c.who, request, key);
      expect(retry.statusCode).toBe(status);
      expect(retry.json()).toEqual(first.json());
      const differs =
        JSON.stringify([reference.url, reference.payload]) !== JSON.stringify([request.url, request.payload]);
      if (differs) {
        const reused = await send(c.who, reference, key);
        expect(reused.statusCode).toBe(422);
        expect(reused.json().error.code).toBe('idempotency_key_reused');
        expect(reused.json().error.message).toMatch(/Idempotency-Key was already used for a different request/);
        expect(Object.keys(reused.json().error.fields)).toEqual(['Idempotency-Key']);
      }
      expect(added(afterAll, await count())).toEqual({});
    });
  }

  it('forgets keys a day old when housekeeping runs, and keeps younger ones', async () => {
    const { orgId, users } = env.world;
    const keep = `young-${env.unique()}`;
    const forget = `old-${env.unique()}`;
    await suite.db.query(
      `INSERT INTO idempotency_keys (org_id, user_id, key, request_hash, status, response, created_at)
       VALUES ($1, $2, $3, 'h', 201, '{}', '2026-11-20T12:00:00Z'), ($1, $2, $4, 'h', 201, '{}',
       '2026-11-18T12:00:00Z')`,
      [orgId, users.admin.id, keep, forget],
    );
    const now = new Date('2026-11-20T18:00:00Z');
    await enqueueJob(suite.db, { kind: 'purge-expired-sessions', runAt: now, dedupeKey: `purge-test-${env.unique()}` });
    expect(await runDueJobs({ db: suite.db, now: () => now })).toBeGreaterThan(0);
    const left = await suite.db.query<{ key: string }>(
      'SELECT key FROM idempotency_keys WHERE org_id = $1 AND key = ANY($2)',
      [orgId, [keep, forget]],
    );
    expect(left.map((r) => r.key)).toEqual([keep]);
  });
});
