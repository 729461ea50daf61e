/** Authorization-matrix cases for calendar feeds, appointment .ics files and self-service links. */
import { createHash, randomBytes } from 'node:crypto';
import { findService, ensureServiceRow } from '../../src/services/booking/catalogue.ts';
import { issueLinkToken } from '../../src/services/notify/links.ts';
import { makeBookable } from '../support/booking-world.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';
import { buildAppointment } from '../support/factories.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const everyone = (status: number) => Object.fromEntries(WHO.map((w) => [w, status])) as Record<Who, number>;
const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === 'anonymous' ? 401 : status)])) as Record<Who, number>;

const ready = new WeakMap<Env, Promise<void>>();
const slots = new WeakMap<Env, { far: number; soon: number }>();

/** Bookable once per world, whichever matrix file gets there first. */
function bookable(env: Env): Promise<void> {
  let done = ready.get(env);
  if (!done) {
    done = (async () => {
      const shifts = await env.db.query('SELECT 1 FROM shift_templates WHERE org_id = $1 LIMIT 1', [env.world.orgId]);
      if (shifts.length === 0) await makeBookable(env.db, env.world);
      await ensureServiceRow(env.db, env.world.orgId, (await findService(env.db, env.world.orgId, 'nmt-followup-60'))!);
    })();
    ready.set(env, done);
  }
  return done;
}

/**
 * Starts nobody else uses: "far" ones six a day from 09:00 Los Angeles time from 2027-02-01 (the
 * booking cases use November and January), "soon" ones from half an hour after the matrix clock
 * (2026-11-20 10:00 Los Angeles), all inside the 24-hour cancellation policy. Every one lies within
 * the therapist's shift (08:00–18:00): a visit the schedule no longer allows may be cancelled late.
 */
async function start(env: Env, kind: 'far' | 'soon'): Promise<Date> {
  await bookable(env);
  let c = slots.get(env);
  if (!c) slots.set(env, (c = { far: 0, soon: 0 }));
  const k = c[kind]++;
  if (kind === 'soon' && k > 6) throw new Error('Seven visits a day fit the shift: use another day for more.');
  const day = kind === 'far' ? Date.UTC(2027, 1, 1 + Math.floor(k / 6), 17) : Date.UTC(2026, 10, 20, 18, 30);
  return new Date(day + (kind === 'far' ? (k % 6) * 75 : k * 65) * 60_000);
}

async function appointment(env: Env, kind: 'far' | 'soon', who: 'a' | 'b' = 'a'): Promise<{ id: string; end: Date }> {
  const begins = await start(env, kind);
  const end = new Date(begins.getTime() + 3_600_000);
  const id = await buildAppointment(env.db, env.world.orgId, {
    patientId: env.world.patients[who],
    therapistId: env.world.therapists[who],
    locationId: env.world.sites[who],
    start: begins,
  });
  return { id, end };
}

async function linkUrl(env: Env, kind: 'far' | 'soon', suffix = ''): Promise<string> {
  const a = await appointment(env, kind);
  const token = await issueLinkToken(env.db, {
    orgId: env.world.orgId,
    appointmentId: a.id,
    patientId: env.world.patients.a,
    expiresAt: a.end,
  });
  return `/api/links/${token}${suffix}`;
}

/** A manager account of site A whose sign-in has been disabled. */
async function disabledManager(env: Env): Promise<string> {
  const rows = await env.db.query<{ id: string }>(
    `INSERT INTO users (org_id, email, display_name, role, password_hash, disabled_at)
      VALUES ($1, $2, 'Gone Manager', 'manager', 'not-a-hash', now()) RETURNING id`,
    [env.world.orgId, `gone-${env.unique()}@example.test`],
  );
  await env.db.query('INSERT INTO user_locations (org_id, user_id, location_id) VALUES ($1, $2, $3)', [
    env.world.orgId,
    rows[0]!.id,
    env.world.sites.a,
  ]);
  return rows[0]!.id;
}

/** A feed row with a token we know (the service would only ever show it once). */
async function feed(
  env: Env,
  kind: 'therapist' | 'site',
  subjectId: string,
  createdBy = env.world.users.admin.id,
): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const rows = await env.db.query<{ id: string }>(
    `INSERT INTO calendar_feeds (org_id, kind, subject_id, token_hash, created_by) VALUES ($1, $2, $3, $4, $5)
      RETURNING id`,
    [env.world.orgId, kind, subjectId, createHash('sha256').update(token).digest('hex'), createdBy],
  );
  return { id: rows[0]!.id, token };
}

export const NOTIFY_ENDPOINTS: EndpointCase[] = [
  {
    method: 'POST',
    route: '/api/calendars',
    record: "therapist A's feed",
    url: () => '/api/calendars',
    body: ({ world }) => ({ kind: 'therapist', subjectId: world.therapists.a }),
    expect: signedIn(403, { admin: 201, manager: 201, therapist: 201, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/calendars',
    record: "another site's feed",
    url: () => '/api/calendars',
    body: ({ world }) => ({ kind: 'site', subjectId: world.sites.b }),
    expect: signedIn(403, { admin: 201, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/calendars',
    record: 'list',
    url: () => '/api/calendars',
    expect: signedIn(200, { patient: 403 }),
  },
  {
    method: 'DELETE',
    route: '/api/calendars/:id',
    record: "own site's feed",
    url: async (env) => `/api/calendars/${(await feed(env, 'site', env.world.sites.a)).id}`,
    expect: signedIn(403, { admin: 204, manager: 204, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/cal/:token.ics',
    record: "therapist A's feed (the token is the credential)",
    url: async (env) => {
      await appointment(env, 'far');
      return `/cal/${(await feed(env, 'therapist', env.world.therapists.a)).token}.ics`;
    },
    expect: everyone(200),
    secrets: () => ['Alice', 'Anders'],
  },
  {
    // Feeds follow their creator's scope at every fetch: a disabled account's feed answers nothing.
    method: 'GET',
    route: '/cal/:token.ics',
    record: "site A's feed whose creator was disabled",
    url: async (env) => {
      await appointment(env, 'far');
      return `/cal/${(await feed(env, 'site', env.world.sites.a, await disabledManager(env))).token}.ics`;
    },
    expect: everyone(404),
    secrets: () => ['VCALENDAR', 'A.A.'],
  },
  {
    // The manager of site A holds a feed of site B (from before a move): it shows none of B's visits.
    method: 'GET',
    route: '/cal/:token.ics',
    record: "site B's feed held by site A's manager",
    url: async (env) => {
      await appointment(env, 'far', 'b');
      return `/cal/${(await feed(env, 'site', env.world.sites.b, env.world.users.manager.id)).token}.ics`;
    },
    expect: everyone(200),
    secrets: () => ['B.B.', 'Blake'],
  },
  {
    method: 'GET',
    route: '/api/appointments/:id/ics',
    record: "own site's appointment",
    url: async (env) => `/api/appointments/${(await appointment(env, 'far')).id}/ics`,
    expect: signedIn(200, { otherAdmin: 404 }),
    secrets: () => ['Anders'],
  },
  {
    method: 'GET',
    route: '/api/appointments/:id/ics',
    record: "another site's appointment",
    url: async (env) => `/api/appointments/${(await appointment(env, 'far', 'b')).id}/ics`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
    secrets: () => ['Bruno', 'Berg'],
  },
  {
    method: 'GET',
    route: '/api/links/:token',
    record: 'a valid link',
    url: (env) => linkUrl(env, 'far'),
    expect: everyone(200),
    secrets: () => ['Anders', 'Alice'],
  },
  {
    method: 'POST',
    route: '/api/links/:token/cancel',
    record: 'a visit a week away',
    url: (env) => linkUrl(env, 'far', '/cancel'),
    body: () => ({ reason: 'Feeling better' }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/links/:token/cancel',
    record: 'a visit tomorrow, inside the policy',
    url: (env) => linkUrl(env, 'soon', '/cancel'),
    body: () => ({ reason: 'Something came up' }),
    expect: everyone(409),
  },
  {
    method: 'GET',
    route: '/api/links/:token/availability',
    record: 'a valid link',
    url: (env) => linkUrl(env, 'far', '/availability'),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/links/:token/reschedule',
    record: 'to a free time',
    url: (env) => linkUrl(env, 'far', '/reschedule'),
    body: async (env) => ({ start: (await start(env, 'far')).toISOString() }),
    expect: everyone(200),
  },
];
