import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/http/routes.ts';
import { BACKENDS } from '../support/db.ts';
import { httpSuite } from '../support/http-suite.ts';
import { errorTexts, internalNames } from '../support/internal-names.ts';
import { snapshot } from '../support/snapshot.ts';
import { tokenFor } from '../support/world.ts';
import { contractBreach } from './contract.ts';
import { ENDPOINTS, WHO, type EndpointCase, type Env, type Who } from './endpoints.ts';
import { SessionCanSchema } from '../../src/http/auth/schema.ts';
import type { SessionCan } from '../../src/services/can.ts';

/**
 * Session flags that choose what a page shows rather than unlock an action: no endpoint refuses on them
 * alone, so the matrix cannot tie them to a 403. Every other flag is tied to an endpoint case.
 */
const VIEW_FLAGS: Partial<Record<keyof SessionCan, string>> = {
  myDay: "a therapist's own day: appointments are open to all staff, scoped by the server",
  selfBook: 'booking their own visits: the desk and admins book too, for others',
  bookForPatients: 'booking for others: a patient may book their own record, so the flag says whose, not whether',
  viewCredentials: 'lists of therapists answer everyone; this says whether they carry credentials',
};

const ERROR_SHAPE = { error: { code: expect.any(String), message: expect.any(String) } };
/** The FHIR API's one error shape (application/fhir+json). */
const OUTCOME_SHAPE = {
  resourceType: 'OperationOutcome',
  issue: [
    expect.objectContaining({ severity: 'error', code: expect.any(String), details: { text: expect.any(String) } }),
  ],
};
const errorShape = (contentType: unknown) =>
  String(contentType).startsWith('application/fhir+json') ? OUTCOME_SHAPE : ERROR_SHAPE;
const SPECS = new Map(apiRoutes({ db: null as never, now: () => new Date(0) }).map((r) => [`${r.method} ${r.url}`, r]));

describe('the authorization matrix', () => {
  it('covers every API route', () => {
    const covered = new Set(ENDPOINTS.map((e) => `${e.method} ${e.route}`));
    expect([...SPECS.keys()].filter((r) => !covered.has(r))).toEqual([]);
  });

  it("ties every flag of the session's `can` to an endpoint the matrix calls, or names it a choice of view", () => {
    const flags = Object.keys(SessionCanSchema.shape) as (keyof SessionCan)[];
    const tied = new Set(ENDPOINTS.flatMap((e) => (e.session ? [e.session] : [])));
    expect(flags.filter((f) => !tied.has(f) && !VIEW_FLAGS[f])).toEqual([]);
    expect(flags.filter((f) => tied.has(f) && VIEW_FLAGS[f])).toEqual([]);
  });

  it('knows the shape of every answer: a JSON route declares its response schema, a file route its media type', () => {
    const undeclared = [...SPECS.values()]
      .filter((r) => r.status !== 204 && !r.response && !r.produces)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });
});

describe.each(BACKENDS)('authorization matrix on %s', (backend) => {
  let env: Env;
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
    },
  });

  const sessions = new Map<Who, string | null>();
  async function tokenOf(who: Who, fresh: boolean): Promise<string | null> {
    if (who === 'anonymous') return null;
    if (fresh || !sessions.has(who)) sessions.set(who, await tokenFor(suite.app, suite.world.users[who].email));
    return sessions.get(who)!;
  }

  /** The caller's `can` flag on the record, or null when the caller may not read the record at all. */
  async function canFlag(
    can: NonNullable<EndpointCase['can']>,
    url: string,
    token: string | null,
  ): Promise<boolean | null> {
    const res = await suite.app.inject({
      method: 'GET',
      url: can.read(env, url),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (res.statusCode !== 200) return null;
    const record = (can.find ? can.find(res.json(), url, env) : res.json()) as
      { can: Record<string, boolean> } | undefined;
    const value = record?.can[can.flag];
    if (typeof value !== 'boolean') throw new Error(`${can.read(env, url)} carries no can.${can.flag}`);
    return value;
  }

  /** The caller's role-wide flag from its session, or null when not signed in. */
  async function sessionFlag(flag: keyof SessionCan, token: string | null): Promise<boolean | null> {
    if (!token) return null;
    const res = await suite.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { authorization: `Bearer ${token}` },
    });
    return (res.json() as { user: { can: SessionCan } }).user.can[flag];
  }

  /** The session allows it: never refused; it does not: refused (another organisation's record is not found). */
  function agreeingSession(who: Who, flag: boolean, status: number): number | string {
    if (flag) return status === 403 ? 'anything but 403' : status;
    return status === 403 || (who === 'otherAdmin' && status === 404) ? status : '403';
  }

  /**
   * A flag and an answer agree: allowed is never refused (403, and 409 where the flag weighs the state); not allowed
   * is refused, or in a state that forbids it (409).
   */
  function agreeing(flag: boolean | null, status: number, weighsState = false): number | string {
    if (flag === true && weighsState) return status === 403 || status === 409 ? 'neither 403 nor 409' : status;
    if (flag === true) return status === 403 ? 'anything but 403' : status;
    if (flag === false) return status === 403 || status === 409 ? status : '403 or 409';
    return status >= 400 ? status : 'a refusal, for a record it may not read';
  }

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.method} ${endpoint.route} (${endpoint.record}) answers each role per policy, no leaks`, async () => {
      for (const who of WHO) {
        const token = await tokenOf(who, endpoint.consumesSession === true);
        const url = await endpoint.url(env);
        const payload = endpoint.body ? await endpoint.body(env) : undefined;
        const flag = endpoint.can ? await canFlag(endpoint.can, url, token) : undefined;
        const roleWide = endpoint.session ? await sessionFlag(endpoint.session, token) : null;
        const before = await snapshot(suite.db);
        const res = await suite.app.inject({
          method: endpoint.method,
          url,
          headers: { ...endpoint.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        expect({ who, status: res.statusCode }).toEqual({ who, status: endpoint.expect[who] });
        if (flag !== undefined)
          expect({ who, can: flag, status: res.statusCode }).toEqual({
            who,
            can: flag,
            status: agreeing(flag, res.statusCode, endpoint.can?.weighsState),
          });
        if (roleWide !== null)
          expect({ who, session: roleWide, status: res.statusCode }).toEqual({
            who,
            session: roleWide,
            status: agreeingSession(who, roleWide, res.statusCode),
          });
        const spec = SPECS.get(`${endpoint.method} ${endpoint.route}`);
        if (spec)
          expect({ who, breach: contractBreach(spec, res.statusCode, res.body) }).toEqual({ who, breach: null });
        for (const secret of endpoint.secrets?.(env, who) ?? []) {
          expect({ who, leaked: res.body.includes(secret) ? secret : null }).toEqual({ who, leaked: null });
        }
        if (endpoint.consumesSession) sessions.delete(who);
        if (res.statusCode >= 400) {
          expect(res.json()).toMatchObject(errorShape(res.headers['content-type']));
          expect({ who, internal: errorTexts(res.json()).flatMap(internalNames) }).toEqual({ who, internal: [] });
          expect(await snapshot(suite.db)).toEqual(before);
        }
      }
    });
  }
});
