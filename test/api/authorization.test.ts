import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { apiRoutes } from '../../src/http/routes.ts';
import type { Database } from '../../src/store/database.ts';
import { BACKENDS, createTestDatabase } from '../support/db.ts';
import { errorTexts, internalNames } from '../support/internal-names.ts';
import { snapshot } from '../support/snapshot.ts';
import { buildWorld, tokenFor, type World } from '../support/world.ts';
import { ENDPOINTS, WHO, type Env, type Who } from './endpoints.ts';

const ERROR_SHAPE = { error: { code: expect.any(String), message: expect.any(String) } };

describe('the authorization matrix', () => {
  it('covers every API route', () => {
    const ctx = { db: null as never, now: () => new Date() };
    const routes = apiRoutes(ctx).map((r) => `${r.method} ${r.url}`);
    const covered = new Set(ENDPOINTS.map((e) => `${e.method} ${e.route}`));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });
});

describe.each(BACKENDS)('authorization matrix on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let world: World;
  let env: Env;
  let counter = 0;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    app = await buildServer({ db, now: () => new Date('2026-11-20T18:00:00Z') });
    world = await buildWorld(db);
    env = { world, db, app, adminToken: await tokenFor(app, world.users.admin.email), unique: () => `${Date.now().toString(36)}${++counter}` };
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const sessions = new Map<Who, string | null>();
  async function tokenOf(who: Who, fresh: boolean): Promise<string | null> {
    if (who === 'anonymous') return null;
    if (fresh || !sessions.has(who)) sessions.set(who, await tokenFor(app, world.users[who].email));
    return sessions.get(who)!;
  }

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.method} ${endpoint.route} (${endpoint.record}) answers each role as the policy says, and leaks nothing`, async () => {
      for (const who of WHO) {
        const token = await tokenOf(who, endpoint.consumesSession === true);
        const url = await endpoint.url(env);
        const payload = endpoint.body ? await endpoint.body(env) : undefined;
        const before = await snapshot(db);
        const res = await app.inject({
          method: endpoint.method,
          url,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        expect({ who, status: res.statusCode }).toEqual({ who, status: endpoint.expect[who] });
        for (const secret of endpoint.secrets?.(env, who) ?? []) {
          expect({ who, leaked: res.body.includes(secret) ? secret : null }).toEqual({ who, leaked: null });
        }
        if (endpoint.consumesSession) sessions.delete(who);
        if (res.statusCode >= 400) {
          expect(res.json()).toMatchObject(ERROR_SHAPE);
          expect({ who, internal: errorTexts(res.json()).flatMap(internalNames) }).toEqual({ who, internal: [] });
          expect(await snapshot(db)).toEqual(before);
        }
      }
    });
  }
});
