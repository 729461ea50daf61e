import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../src/http/routes.ts';
import type { AnyRoute } from '../../src/http/route.ts';
import { BACKENDS } from '../support/db.ts';
import { httpSuite } from '../support/http-suite.ts';
import { errorTexts, internalNames } from '../support/internal-names.ts';
import { snapshot } from '../support/snapshot.ts';
import { ENDPOINTS, type EndpointCase, type Env } from './endpoints.ts';

type Json = Record<string, unknown>;
const ROUTES = apiRoutes({ db: null as never, now: () => new Date() });
const routeOf = (c: EndpointCase): AnyRoute => ROUTES.find((r) => r.method === c.method && r.url === c.route)!;

function jsonSchema(schema: z.ZodType | undefined): Json | null {
  return schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json) : null;
}

/** The JSON type of a property, looking through `nullable` (anyOf with null). */
function baseType(prop: Json): string | undefined {
  if (typeof prop.type === 'string') return prop.type;
  const options = (prop.anyOf ?? prop.oneOf) as Json[] | undefined;
  return options?.map(baseType).find((t) => t && t !== 'null');
}

function stringBounded(prop: Json): boolean {
  if (prop.maxLength !== undefined || prop.enum || prop.const !== undefined || prop.format || prop.pattern) return true;
  const options = (prop.anyOf ?? prop.oneOf) as Json[] | undefined;
  return options ? options.every((o) => o.type === 'null' || stringBounded(o)) : false;
}

function maxLengthOf(prop: Json): number | undefined {
  if (typeof prop.maxLength === 'number') return prop.maxLength;
  const options = (prop.anyOf ?? prop.oneOf) as Json[] | undefined;
  return options?.map(maxLengthOf).find((n) => n !== undefined);
}

const WRONG: Record<string, unknown> = {
  string: 12345,
  number: 'not-a-number',
  integer: 'not-a-number',
  boolean: 'yes',
  array: 'not-a-list',
  object: 'not-an-object',
};
const INJECTIONS = ["Robert'); DROP TABLE patients;--", '<script>alert(1)</script>', '${7*7}{{7*7}}', '\u202Eevil'];

/** One case per route that an administrator of the organisation may call successfully. */
const CASES = ENDPOINTS.filter((c, i, all) => all.findIndex((o) => o.method === c.method && o.route === c.route) === i);

describe('input schemas', () => {
  it('bound every string a client can send', () => {
    const unbounded: string[] = [];
    for (const r of ROUTES) {
      for (const [part, schema] of [
        ['body', r.body],
        ['query', r.query],
      ] as const) {
        const walk = (node: Json | null, path: string) => {
          if (!node) return;
          const props = (node.properties ?? {}) as Record<string, Json>;
          for (const [name, prop] of Object.entries(props)) {
            const type = baseType(prop);
            if (type === 'string' && !stringBounded(prop))
              unbounded.push(`${r.method} ${r.url} ${part}.${path}${name}`);
            if (type === 'object')
              walk((prop.anyOf as Json[] | undefined)?.find((o) => o.type === 'object') ?? prop, `${path}${name}.`);
          }
        };
        walk(jsonSchema(schema), '');
      }
    }
    expect(unbounded).toEqual([]);
  });
});

describe.each(BACKENDS)('bad input on %s', (backend) => {
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

  async function send(c: EndpointCase, url: string, payload: unknown, raw = false) {
    return suite.app.inject({
      method: c.method,
      url,
      headers: {
        ...c.headers,
        authorization: `Bearer ${suite.tokens.admin}`,
        ...(raw ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  }

  /** Sends a bad request and checks: a 4xx in the one error shape, naming `field`, and no data changed. */
  async function expectRefused(c: EndpointCase, url: string, payload: unknown, field: string | null, raw = false) {
    const before = await snapshot(suite.db);
    const res = await send(c, url, payload, raw);
    const label = `${c.method} ${url} ${JSON.stringify(payload)?.slice(0, 120)}`;
    expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, label).toBeLessThan(500);
    const body = res.json() as { error: { code: string; message: string; fields?: Record<string, string> } };
    expect(body.error, label).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    // What a person reads names no schema path, id, validator wording or file.
    expect(errorTexts(body).flatMap(internalNames), `${label} → ${JSON.stringify(body.error)}`).toEqual([]);
    if (field) {
      const keys = Object.keys(body.error.fields ?? {});
      expect(
        keys.some((k) => k === field || k.startsWith(`${field}.`)),
        `${label} → ${JSON.stringify(body.error)}`,
      ).toBe(true);
    }
    expect(await snapshot(suite.db), label).toEqual(before);
  }

  for (const c of CASES) {
    const r = routeOf(c);
    if (!r.body && !r.query && !r.params) continue;
    it(`${c.method} ${c.route}: wrong, missing, too long, unknown, hostile input is a 4xx naming it`, async () => {
      const url = await c.url(env);
      if (r.params) {
        const bad = url.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, "1' OR '1'='1");
        if (bad !== url) await expectRefused(c, bad, c.body ? await c.body(env) : undefined, 'id');
        else {
          // A parameter that is not an id (an organisation's slug, a language): the first one is mangled.
          const pattern = c.route.split('/');
          const at = pattern.findIndex((p) => p.startsWith(':'));
          const [path, query] = url.split('?');
          const parts = path!.split('/');
          parts[at] = encodeURIComponent("1' OR '1'='1");
          const mangled = `${parts.join('/')}${query ? `?${query}` : ''}`;
          await expectRefused(c, mangled, c.body ? await c.body(env) : undefined, pattern[at]!.slice(1));
        }
      }
      if (r.query) {
        const schema = jsonSchema(r.query)!;
        // A case's URL may already carry the query it needs; the bad parameter joins it.
        const q = url.includes('?') ? '&' : '?';
        await expectRefused(c, `${url}${q}unexpectedParam=1`, undefined, 'unexpectedParam');
        for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
          const max = maxLengthOf(prop);
          const type = baseType(prop);
          if (type === 'number' || type === 'integer') await expectRefused(c, `${url}${q}${name}=abc`, undefined, name);
          if (max) await expectRefused(c, `${url}${q}${name}=${'x'.repeat(max + 1)}`, undefined, name);
          if (prop.format === 'uuid' || prop.format === 'date-time')
            await expectRefused(
              c,
              `${url}${q}${name}=${encodeURIComponent("'; DROP TABLE users;--")}`,
              undefined,
              name,
            );
        }
      }
      if (r.body) {
        const schema = jsonSchema(r.body)!;
        const valid = (await c.body!(env)) as Json;
        await expectRefused(c, url, undefined, null);
        await expectRefused(c, url, '{"not json', null, true);
        await expectRefused(c, url, [valid], null);
        await expectRefused(c, url, { ...valid, unexpectedField: 'x' }, 'unexpectedField');
        for (const name of (schema.required as string[] | undefined) ?? []) {
          const { [name]: _drop, ...rest } = { ...((await c.body!(env)) as Json) };
          await expectRefused(c, url, rest, name);
        }
        for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
          const type = baseType(prop);
          if (type && WRONG[type] !== undefined)
            await expectRefused(c, url, { ...((await c.body!(env)) as Json), [name]: WRONG[type] }, name);
          const max = maxLengthOf(prop);
          if (type === 'string' && max)
            await expectRefused(c, url, { ...((await c.body!(env)) as Json), [name]: 'x'.repeat(max + 1) }, name);
          if (type === 'string') {
            for (const hostile of INJECTIONS) {
              const res = await send(c, url, { ...((await c.body!(env)) as Json), [name]: hostile });
              expect(res.statusCode, `${c.method} ${url} ${name}=${hostile}`).toBeLessThan(500);
            }
          }
        }
      }
      // The database is intact after all of it.
      expect((await suite.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patients'))[0]!.n).toBeGreaterThan(0);
    });
  }
});
