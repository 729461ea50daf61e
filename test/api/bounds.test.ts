import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../src/http/routes.ts';
import type { AnyRoute } from '../../src/http/route.ts';
import { INT4_MAX } from '../../src/services/bounds.ts';
import { BACKENDS } from '../support/db.ts';
import { httpSuite } from '../support/http-suite.ts';
import { buildWorld, tokenFor, type World } from '../support/world.ts';
import { ENDPOINTS, type EndpointCase, type Env } from './endpoints.ts';

/**
 * The extremes of every number and date a route accepts, read from its own schema, sent to every
 * operation: whatever a client sends, the answer is never a 5xx. And the schema's bounds fit the
 * columns behind them (int4), so a value the schema lets through cannot overflow one.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Part = 'params' | 'query' | 'body';
type Kind = 'integer' | 'number' | 'date' | 'date-time' | 'string';
interface Leaf {
  part: Part;
  path: string[];
  kind: Kind;
  node: Json;
}

const ROUTES = apiRoutes({ db: null as never, now: () => new Date() });
const routeOf = (c: EndpointCase): AnyRoute => ROUTES.find((r) => r.method === c.method && r.url === c.route)!;
const CASES = ENDPOINTS.filter((c, i, all) => all.findIndex((o) => o.method === c.method && o.route === c.route) === i);
const INT4_MIN = -INT4_MAX - 1;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const jsonSchema = (schema: z.ZodType | undefined): Json | null =>
  schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json) : null;

/** The alternatives of a node that are not null (nullable fields and unions). */
function alternatives(node: Json): Json[] {
  const options = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  return options ? options.flatMap(alternatives) : node.type === 'null' ? [] : [node];
}

function kindOf(node: Json): Kind | null {
  if (node.type === 'integer' || node.type === 'number') return node.type;
  if (node.type === 'string') return node.format === 'date' || node.format === 'date-time' ? node.format : 'string';
  return null;
}

/**
 * The leaves under `node`. Guided by a valid value, object members are followed only where the
 * value has them and arrays through their first element, so a changed leaf sits in an otherwise
 * valid request; without one, everything is walked.
 */
/** Whether a valid value can be of this alternative (so that a union is followed where the value is). */
function fits(option: Json, value: unknown): boolean {
  if (value === undefined) return true;
  if (option.type === 'object') {
    const required = (option.required ?? []) as string[];
    return typeof value === 'object' && value !== null && !Array.isArray(value) && required.every((k) => k in value);
  }
  if (option.type === 'array') return Array.isArray(value);
  if (option.type === 'integer' || option.type === 'number') return typeof value === 'number';
  if (option.type === 'string') return typeof value === 'string';
  return true;
}

function leaves(part: Part, node: Json, path: string[], value: unknown, guided: boolean, out: Leaf[] = []): Leaf[] {
  for (const option of alternatives(node).filter((o) => !guided || fits(o, value))) {
    const kind = kindOf(option);
    if (kind) {
      out.push({ part, path, kind, node: option });
      continue;
    }
    if (option.type === 'object') {
      for (const [name, prop] of Object.entries((option.properties ?? {}) as Record<string, Json>)) {
        const inner = (value as Json | undefined)?.[name];
        const isLeaf = alternatives(prop).some((o) => kindOf(o));
        if (!guided || inner !== undefined || isLeaf) leaves(part, prop, [...path, name], inner, guided, out);
      }
      if (!guided && typeof option.additionalProperties === 'object')
        leaves(part, option.additionalProperties, [...path, '*'], undefined, guided, out);
    }
    if (option.type === 'array' && option.items) {
      const first = Array.isArray(value) ? value[0] : undefined;
      if (!guided || first !== undefined || kindOf(option.items))
        leaves(part, option.items, [...path, '0'], first, guided, out);
    }
  }
  return out;
}

const unique = <T>(values: T[]) => [...new Set(values)];
const shiftDay = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const shiftInstant = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

/** What to send for a leaf: its bounds, just past them, and what its column or calendar cannot hold. */
function extremes(leaf: Leaf): unknown[] {
  const n = leaf.node;
  if (leaf.kind === 'integer' || leaf.kind === 'number') {
    const min = n.minimum ?? n.exclusiveMinimum ?? -MAX_SAFE;
    const max = n.maximum ?? n.exclusiveMaximum ?? MAX_SAFE;
    const wild =
      leaf.kind === 'integer' ? [INT4_MAX + 1, INT4_MIN - 1, MAX_SAFE, -MAX_SAFE, 1e21] : [1e308, -1e308, min + 0.5];
    return unique([min, max, min - 1, max + 1, ...wild]);
  }
  if (leaf.kind === 'date') {
    const values = ['0001-01-01', '9999-12-31', '1000-01-01', '2999-12-31'];
    if (n.formatMinimum) values.push(n.formatMinimum, shiftDay(n.formatMinimum, -1));
    if (n.formatMaximum) values.push(n.formatMaximum, shiftDay(n.formatMaximum, 1));
    return unique(values);
  }
  if (leaf.kind === 'date-time') {
    const values = [
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '9999-12-31T23:59:59-12:00',
      '0001-01-01T00:00:00+14:00',
    ];
    if (n.formatMinimum) values.push(n.formatMinimum, shiftInstant(n.formatMinimum, -1000));
    if (n.formatMaximum) values.push(n.formatMaximum, shiftInstant(n.formatMaximum, 1000));
    return unique(values);
  }
  return [];
}

function setAt(target: Json, path: string[], value: unknown): Json {
  const copy = structuredClone(target ?? {});
  let node: Json = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else node = node[key] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
  });
  return copy;
}

function withQuery(url: string, name: string, value: unknown): string {
  const parsed = new URL(url, 'http://localhost');
  parsed.searchParams.set(name, String(value));
  return `${parsed.pathname}${parsed.search}`;
}

function withParam(url: string, pattern: string, name: string, value: unknown): string {
  const at = pattern.split('/').indexOf(`:${name}`);
  const segments = url.split('?')[0]!.split('/');
  segments[at] = encodeURIComponent(String(value));
  return segments.join('/') + (url.includes('?') ? `?${url.split('?')[1]}` : '');
}

describe('input schemas', () => {
  it('bound every number and date a client can send, and no whole number past an int4 column', () => {
    const unbounded: string[] = [];
    for (const r of ROUTES) {
      for (const part of ['params', 'query', 'body'] as const) {
        const schema = jsonSchema(r[part]);
        if (!schema) continue;
        for (const leaf of leaves(part, schema, [], undefined, false)) {
          const n = leaf.node;
          const where = `${r.method} ${r.url} ${part}.${leaf.path.join('.')}`;
          const bounded = n.const !== undefined || n.enum !== undefined;
          if (leaf.kind === 'integer' && !bounded) {
            const ceiling = n.format === 'int64' ? MAX_SAFE : INT4_MAX;
            if (!(n.maximum <= ceiling) || !(n.minimum >= (n.format === 'int64' ? -MAX_SAFE : INT4_MIN)))
              unbounded.push(`${where}: ${n.minimum}..${n.maximum}`);
          }
          if (leaf.kind === 'number' && !bounded && !(Number.isFinite(n.minimum) && Number.isFinite(n.maximum)))
            unbounded.push(`${where}: ${n.minimum}..${n.maximum}`);
          if ((leaf.kind === 'date' || leaf.kind === 'date-time') && !(n.formatMinimum && n.formatMaximum))
            unbounded.push(`${where}: no date range`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });
});

describe.each(BACKENDS)('the extremes of every schema on %s', (backend) => {
  let env: Env;
  let token: string;
  let counter = 0;

  /** Each operation gets an organisation of its own: an accepted extreme (a closure over every
   * date, the longest booking notice) must not make the next operation's valid request fail. */
  async function useWorld(world: World) {
    token = await tokenFor(suite.app, world.users.admin.email);
    env = {
      world,
      db: suite.db,
      app: suite.app,
      adminToken: token,
      unique: () => `${Date.now().toString(36)}${++counter}`,
    };
  }
  const freshWorld = async () => useWorld(await buildWorld(suite.db));

  const suite = httpSuite(backend, { setup: (s) => useWorld(s.world) });

  async function send(c: EndpointCase, url: string, payload: unknown) {
    return suite.app.inject({
      method: c.method,
      url,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  for (const c of CASES) {
    const r = routeOf(c);
    if (!r.body && !r.query && !r.params) continue;

    it(`${c.method} ${c.route}: never a 5xx for extreme numbers and dates, nor for a NUL in any text`, async () => {
      if (c.method !== 'GET') await freshWorld();
      const url = await c.url(env);
      const body = c.body ? ((await c.body(env)) as Json) : undefined;
      const parts: [Part, Json | null, unknown][] = [
        ['params', jsonSchema(r.params), undefined],
        ['query', jsonSchema(r.query), undefined],
        ['body', jsonSchema(r.body), body],
      ];
      const all = parts.flatMap(([part, schema, value]) => (schema ? leaves(part, schema, [], value, true) : []));
      const placed = (leaf: Leaf, value: unknown): [string, unknown] => {
        if (leaf.part === 'query') return [withQuery(url, leaf.path[0]!, value), body];
        if (leaf.part === 'params') return [withParam(url, c.route, leaf.path[0]!, value), body];
        return [url, setAt(body ?? {}, leaf.path, value)];
      };
      const failures: string[] = [];
      const check = async (label: string, target: string, payload: unknown, expectStatus?: (s: number) => boolean) => {
        const res = await send(c, target, payload);
        const shaped = res.statusCode < 400 || (res.json() as { error?: { code?: unknown } }).error?.code !== undefined;
        if (res.statusCode >= 500 || !shaped || (expectStatus && !expectStatus(res.statusCode)))
          failures.push(`${label} → ${res.statusCode} ${res.body.slice(0, 160)}`);
        return res;
      };

      for (const leaf of all.filter((l) => l.kind !== 'string' && !(l.part === 'params' && l.path[0] === 'id'))) {
        for (const value of extremes(leaf)) {
          const [target, payload] = placed(leaf, value);
          await check(`${leaf.part}.${leaf.path.join('.')}=${value}`, target, payload);
        }
      }
      // Date ranges: the widest the schema allows, and wider.
      for (const part of ['query', 'body'] as const) {
        const dates = all.filter((l) => l.part === part && (l.kind === 'date' || l.kind === 'date-time'));
        if (dates.length < 2) continue;
        for (const [low, high] of [
          ['formatMinimum', 'formatMaximum'],
          ['0001', '9999'],
        ]) {
          let target = url;
          let payload: unknown = body;
          dates.forEach((leaf, i) => {
            const edge = i === 0 ? low! : high!;
            const value = edge.startsWith('format')
              ? leaf.node[edge]
              : leaf.kind === 'date'
                ? `${edge}-${edge === '0001' ? '01-01' : '12-31'}`
                : `${edge}-${edge === '0001' ? '01-01T00:00:00Z' : '12-31T23:59:59Z'}`;
            if (part === 'query') target = withQuery(target, leaf.path[0]!, value);
            else payload = setAt(payload as Json, leaf.path, value);
          });
          await check(`${part} dates from ${low} to ${high}`, target, payload);
        }
      }
      // A NUL in any text is refused at the door, naming the field.
      for (const leaf of all.filter((l) => l.kind === 'string')) {
        const [target, payload] = placed(leaf, 'a\u0000b');
        const res = await check(`${leaf.part}.${leaf.path.join('.')} with NUL`, target, payload, (s) => s === 400);
        const field = leaf.part === 'body' ? leaf.path.join('.') : leaf.path[0]!;
        if (res.statusCode === 400 && !Object.keys(res.json().error.fields ?? {}).includes(field))
          failures.push(`${field} with NUL not named: ${res.body.slice(0, 160)}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('refuses a NUL in a search, a filename and the address itself', async () => {
    const search = await suite.app.inject({
      method: 'GET',
      url: '/api/patients?q=a%00b',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(search.statusCode).toBe(400);
    expect(search.json().error.fields).toHaveProperty('q');
    const path = await suite.app.inject({
      method: 'GET',
      url: '/api/patients/%00',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(path.statusCode).toBe(400);
    const boundary = 'nulboundary';
    const form = [
      `--${boundary}\r\nContent-Disposition: form-data; name="physician"\r\n\r\nDr. A\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="letter"; filename="a\u0000.pdf"\r\nContent-Type: ` +
        `application/pdf\r\n\r\n%PDF-1.4\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const upload = await suite.app.inject({
      method: 'POST',
      url: `/api/patients/${env.world.patients.a}/clearances`,
      payload: Buffer.from(form),
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(upload.statusCode).toBe(400);
    expect(upload.json().error.fields).toHaveProperty('letter');
  });
});
