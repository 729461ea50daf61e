import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildServer, type ServerOptions } from '../../src/http/server.ts';
import type { Database } from '../../src/store/database.ts';
import { makeBookable } from './booking-world.ts';
import { createTestDatabase, type Backend } from './db.ts';
import { buildWorld, tokenFor, type World, type WorldRole } from './world.ts';

/** The instant every HTTP suite's clock stands at unless it brings its own: 10:00 in Los Angeles. */
export const SUITE_NOW = new Date('2026-11-20T18:00:00Z');

type Rooms = Awaited<ReturnType<typeof makeBookable>>;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpSuite {
  readonly db: Database;
  readonly app: FastifyInstance;
  readonly world: World;
  /** The rooms of a `bookable` suite's sites (see makeBookable). */
  readonly rooms: Rooms;
  /** Bearer tokens of the roles named in `signIn`, filled before the first test. */
  readonly tokens: Record<string, string>;
  /** Sends a request as `role`, signing it in on first use. */
  as(
    role: WorldRole,
    method: Method,
    url: string,
    payload?: object,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/**
 * One HTTP test suite: a fresh database of `backend`, the test world (bookable if asked), a server whose clock reads
 * `now`, and the tokens of the roles in `signIn`; all closed and dropped after the suite.
 * Call it inside the suite's `describe`; read its fields from hooks and tests, not at collection.
 */
export function httpSuite(
  backend: Backend,
  options: {
    now?: () => Date;
    sleep?: (ms: number) => Promise<void>;
    signIn?: readonly WorldRole[];
    /** How the server is built beyond its clock (a trusted proxy, the error log). */
    server?: ServerOptions;
    /** Opens the world's sites and therapists' hours for booking (makeBookable). */
    bookable?: boolean;
    setup?: (suite: HttpSuite) => Promise<void>;
  } = {},
): HttpSuite {
  let drop: (() => Promise<void>) | undefined;
  const state = {} as { db: Database; app: FastifyInstance; world: World; rooms: Rooms };
  const tokens: Record<string, string> = {};
  const suite: HttpSuite = {
    get db() {
      return state.db;
    },
    get app() {
      return state.app;
    },
    get world() {
      return state.world;
    },
    get rooms() {
      return state.rooms;
    },
    tokens,
    async as(role, method, url, payload, headers = {}) {
      tokens[role] ??= await tokenFor(state.app, state.world.users[role].email);
      return state.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${tokens[role]}`, ...headers },
        ...(payload ? { payload } : {}),
      });
    },
  };
  beforeAll(async () => {
    let db: Database;
    ({ db, drop } = await createTestDatabase(backend));
    state.db = db;
    state.app = await buildServer(
      {
        db,
        now: options.now ?? (() => SUITE_NOW),
        ...(options.sleep ? { sleep: options.sleep } : {}),
      },
      options.server,
    );
    state.world = await buildWorld(db);
    if (options.bookable) state.rooms = await makeBookable(db, state.world);
    for (const role of options.signIn ?? []) tokens[role] = await tokenFor(state.app, state.world.users[role].email);
    await options.setup?.(suite);
  });
  afterAll(async () => {
    await state.app?.close();
    await drop?.();
  });
  return suite;
}
