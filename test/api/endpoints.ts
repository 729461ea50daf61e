import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/store/database.ts';
import type { World } from '../support/world.ts';
import { PASSWORD } from '../support/world.ts';

export const WHO = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'] as const;
export type Who = (typeof WHO)[number];

export interface Env {
  world: World;
  db: Database;
  app: FastifyInstance;
  /** A bearer token of an admin of the world's organisation, for setup reads. */
  adminToken: string;
  unique: () => string;
}

export interface EndpointCase {
  /** Method and route pattern exactly as registered, so coverage of every route can be checked. */
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  route: string;
  /** Which record, in words: "own site's patient", "another site's patient"… */
  record: string;
  url: (env: Env) => string | Promise<string>;
  body?: (env: Env) => unknown | Promise<unknown>;
  expect: Record<Who, number>;
  /** Text that must not appear in this caller's answer (names of records the caller may not see). */
  secrets?: (env: Env, who: Who) => string[];
  /** The request ends the caller's session: give it a token of its own. */
  consumesSession?: boolean;
}

const all = (status: number, overrides: Partial<Record<Who, number>> = {}): Record<Who, number> =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? status])) as Record<Who, number>;

/** Signed in: anonymous gets 401, everyone else `status` unless overridden. */
const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) => all(status, { anonymous: 401, ...overrides });

async function patientVersion(env: Env, id: string): Promise<number> {
  const res = await env.app.inject({ method: 'GET', url: `/api/patients/${id}`, headers: { authorization: `Bearer ${env.adminToken}` } });
  return (res.json() as { version: number }).version;
}

const newPatient = (env: Env, site: string) => ({
  givenName: 'Nina',
  familyName: `New${env.unique()}`,
  dateOfBirth: '1985-05-05',
  sexAtBirth: 'female',
  preferredLocationId: site,
});

async function insertId(env: Env, sql: string, params: unknown[]): Promise<string> {
  return (await env.db.query<{ id: string }>(sql, params))[0]!.id;
}
const roomAt = (env: Env, site: string) =>
  insertId(env, `INSERT INTO rooms (org_id, location_id, name) VALUES ($1, $2, $3) RETURNING id`, [env.world.orgId, site, `Room ${env.unique()}`]);
const closureAt = (env: Env, site: string) =>
  insertId(env, `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason) VALUES ($1, $2, '2026-12-25', '2026-12-25', 'Holiday') RETURNING id`, [env.world.orgId, site]);
const credentialOf = (env: Env, practitioner: string) =>
  insertId(env, `INSERT INTO credentials (org_id, practitioner_id, kind, type, issuer, number, expires_on) VALUES ($1, $2, 'certification', 'CNMT', 'NMT Center', 'C-77', '2028-01-01') RETURNING id`, [env.world.orgId, practitioner]);

/** Writes on a site-bound record: admins anywhere, managers at their own sites, nobody else. */
const siteWrite = (status: number, ownSite: boolean) => signedIn(403, { admin: status, otherAdmin: 404, ...(ownSite ? { manager: status } : {}) });

export const ENDPOINTS: EndpointCase[] = [
  { method: 'GET', route: '/api/health', record: 'none', url: () => '/api/health', expect: all(200) },
  {
    method: 'POST', route: '/api/auth/login', record: 'a valid sign-in', url: () => '/api/auth/login',
    body: ({ world }) => ({ email: world.users.front_desk.email, password: PASSWORD }), expect: all(200),
  },
  {
    method: 'POST', route: '/api/auth/token', record: 'a valid sign-in', url: () => '/api/auth/token',
    body: ({ world }) => ({ email: world.users.therapist.email, password: PASSWORD }), expect: all(200),
  },
  { method: 'GET', route: '/api/auth/session', record: 'own session', url: () => '/api/auth/session', expect: signedIn(200) },
  { method: 'POST', route: '/api/auth/logout', record: 'own session', url: () => '/api/auth/logout', expect: signedIn(204), consumesSession: true },
  {
    method: 'POST', route: '/api/auth/password', record: 'own account (wrong current password)', url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'definitely-wrong', newPassword: 'another-long-password' }), expect: signedIn(422),
  },
  { method: 'GET', route: '/api/organization', record: 'own organisation', url: () => '/api/organization', expect: signedIn(200) },
  {
    method: 'PATCH', route: '/api/organization', record: 'own organisation', url: () => '/api/organization',
    body: ({ world }) => ({ name: `Renamed ${world.orgId.slice(0, 8)}` }), expect: signedIn(403, { admin: 200, otherAdmin: 200 }),
  },
  {
    method: 'GET', route: '/api/patients', record: 'search', url: () => '/api/patients', expect: signedIn(200, { patient: 403 }),
    secrets: (_env, who) => (who === 'admin' ? ['Olga'] : who === 'otherAdmin' ? ['Alice', 'Bruno'] : ['Bruno', 'Olga']),
  },
  {
    method: 'GET', route: '/api/patients/:id', record: "own site's patient", url: ({ world }) => `/api/patients/${world.patients.a}`,
    expect: signedIn(200, { otherAdmin: 404 }), secrets: (_env, who) => (who === 'otherAdmin' || who === 'anonymous' ? ['Alice'] : []),
  },
  {
    method: 'GET', route: '/api/patients/:id', record: "another site's patient", url: ({ world }) => `/api/patients/${world.patients.b}`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }), secrets: (_env, who) => (who === 'admin' ? [] : ['Bruno', '0202']),
  },
  {
    method: 'POST', route: '/api/patients', record: 'at own site', url: () => '/api/patients',
    body: (env) => newPatient(env, env.world.sites.a),
    expect: signedIn(201, { therapist: 403, patient: 403, otherAdmin: 422 }),
  },
  {
    method: 'POST', route: '/api/patients', record: 'at another site', url: () => '/api/patients',
    body: (env) => newPatient(env, env.world.sites.b),
    expect: signedIn(403, { admin: 201, otherAdmin: 422 }),
  },
  {
    method: 'PATCH', route: '/api/patients/:id', record: "own site's patient", url: ({ world }) => `/api/patients/${world.patients.a}`,
    body: async (env) => ({ version: await patientVersion(env, env.world.patients.a), pronouns: 'she/her' }),
    expect: signedIn(200, { therapist: 403, otherAdmin: 404 }), secrets: (_env, who) => (['otherAdmin', 'anonymous', 'therapist'].includes(who) ? ['Alice'] : []),
  },
  {
    method: 'PATCH', route: '/api/patients/:id', record: "another site's patient", url: ({ world }) => `/api/patients/${world.patients.b}`,
    body: async (env) => ({ version: await patientVersion(env, env.world.patients.b), pronouns: 'he/him' }),
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }), secrets: (_env, who) => (who === 'admin' ? [] : ['Bruno']),
  },
  { method: 'GET', route: '/api/staff', record: 'list', url: () => '/api/staff', expect: signedIn(200, { patient: 403 }) },
  {
    method: 'POST', route: '/api/staff', record: 'desk account at own site', url: () => '/api/staff',
    body: (env) => ({ email: `desk-${env.unique()}@example.test`, displayName: 'New Desk', role: 'front_desk', password: 'a-long-first-password', locationIds: [env.world.sites.a] }),
    expect: signedIn(403, { admin: 201, manager: 201, otherAdmin: 422 }),
  },
  {
    method: 'POST', route: '/api/staff', record: 'desk account at another site', url: () => '/api/staff',
    body: (env) => ({ email: `desk-${env.unique()}@example.test`, displayName: 'New Desk', role: 'front_desk', password: 'a-long-first-password', locationIds: [env.world.sites.b] }),
    expect: signedIn(403, { admin: 201, otherAdmin: 422 }),
  },
  {
    method: 'GET', route: '/api/staff/:id', record: 'a desk colleague at own site', url: ({ world }) => `/api/staff/${world.users.front_desk.id}`,
    expect: signedIn(200, { patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'PATCH', route: '/api/staff/:id', record: 'a desk colleague at own site', url: ({ world }) => `/api/staff/${world.users.front_desk.id}`,
    body: () => ({ displayName: 'Dee Desk' }), expect: signedIn(403, { admin: 200, manager: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET', route: '/api/audit', record: 'the log', url: () => '/api/audit', expect: signedIn(403, { admin: 200, otherAdmin: 200 }),
    secrets: (_env, who) => (who === 'admin' ? [] : ['Alice', 'Bruno']),
  },
  { method: 'GET', route: '/api/locations', record: 'list', url: () => '/api/locations', expect: signedIn(200) },
  {
    method: 'POST', route: '/api/locations', record: 'a new site', url: () => '/api/locations',
    body: (env) => ({ name: 'New Site', slug: `new-${env.unique()}`, address: { line1: '9 Elm St', city: 'Salem', state: 'OR', postalCode: '97301' }, timeZone: 'America/Los_Angeles' }),
    expect: signedIn(403, { admin: 201, otherAdmin: 201 }),
  },
  { method: 'GET', route: '/api/locations/:id', record: 'own site', url: ({ world }) => `/api/locations/${world.sites.a}`, expect: signedIn(200, { otherAdmin: 404 }) },
  { method: 'PATCH', route: '/api/locations/:id', record: 'own site', url: ({ world }) => `/api/locations/${world.sites.a}`, body: () => ({ phone: '503-555-0100' }), expect: siteWrite(200, true) },
  { method: 'PATCH', route: '/api/locations/:id', record: 'another site', url: ({ world }) => `/api/locations/${world.sites.b}`, body: () => ({ phone: '503-555-0199' }), expect: siteWrite(200, false) },
  {
    method: 'POST', route: '/api/locations/:id/closures', record: 'own site', url: ({ world }) => `/api/locations/${world.sites.a}/closures`,
    body: () => ({ startsOn: '2026-12-24', endsOn: '2026-12-26', reason: 'Holidays' }), expect: siteWrite(201, true),
  },
  {
    method: 'POST', route: '/api/locations/:id/closures', record: 'another site', url: ({ world }) => `/api/locations/${world.sites.b}/closures`,
    body: () => ({ startsOn: '2026-12-24', endsOn: '2026-12-26', reason: 'Holidays' }), expect: siteWrite(201, false),
  },
  {
    method: 'DELETE', route: '/api/locations/:id/closures/:closureId', record: 'own site',
    url: async (env) => `/api/locations/${env.world.sites.a}/closures/${await closureAt(env, env.world.sites.a)}`, expect: siteWrite(204, true),
  },
  {
    method: 'POST', route: '/api/locations/:id/rooms', record: 'own site', url: ({ world }) => `/api/locations/${world.sites.a}/rooms`,
    body: (env) => ({ name: `Room ${env.unique()}` }), expect: siteWrite(201, true),
  },
  {
    method: 'PATCH', route: '/api/rooms/:id', record: 'a room at another site', url: async (env) => `/api/rooms/${await roomAt(env, env.world.sites.b)}`,
    body: () => ({ active: false }), expect: siteWrite(200, false),
  },
  {
    method: 'PATCH', route: '/api/rooms/:id', record: 'a room at own site', url: async (env) => `/api/rooms/${await roomAt(env, env.world.sites.a)}`,
    body: () => ({ active: false }), expect: siteWrite(200, true),
  },
  {
    method: 'GET', route: '/api/practitioners', record: 'list', url: () => '/api/practitioners', expect: signedIn(200),
    secrets: (_env, who) => (who === 'patient' || who === 'otherAdmin' ? ['LMT-1234'] : []),
  },
  {
    method: 'POST', route: '/api/practitioners', record: 'at own site', url: () => '/api/practitioners',
    body: ({ world }) => ({ givenName: 'Noa', familyName: 'Newhire', locationIds: [world.sites.a] }),
    expect: { ...siteWrite(201, true), otherAdmin: 422 },
  },
  {
    method: 'GET', route: '/api/practitioners/:id', record: 'own site', url: ({ world }) => `/api/practitioners/${world.practitioners.a}`,
    expect: signedIn(200, { otherAdmin: 404 }), secrets: (_env, who) => (who === 'patient' || who === 'otherAdmin' ? ['LMT-1234'] : []),
  },
  { method: 'PATCH', route: '/api/practitioners/:id', record: 'own site', url: ({ world }) => `/api/practitioners/${world.practitioners.a}`, body: () => ({ bio: 'Trigger points.' }), expect: siteWrite(200, true) },
  { method: 'PATCH', route: '/api/practitioners/:id', record: 'another site', url: ({ world }) => `/api/practitioners/${world.practitioners.b}`, body: () => ({ bio: 'Trigger points.' }), expect: siteWrite(200, false) },
  {
    method: 'POST', route: '/api/practitioners/:id/credentials', record: 'own site', url: ({ world }) => `/api/practitioners/${world.practitioners.a}/credentials`,
    body: () => ({ kind: 'certification', type: 'CNMT', issuer: 'NMT Center', expiresOn: '2028-06-30' }), expect: siteWrite(201, true),
  },
  {
    method: 'PATCH', route: '/api/credentials/:id', record: 'own site', url: async (env) => `/api/credentials/${await credentialOf(env, env.world.practitioners.a)}`,
    body: () => ({ expiresOn: '2029-01-01' }), expect: siteWrite(200, true),
  },
  {
    method: 'DELETE', route: '/api/credentials/:id', record: 'another site', url: async (env) => `/api/credentials/${await credentialOf(env, env.world.practitioners.b)}`,
    expect: siteWrite(204, false),
  },
  {
    method: 'POST', route: '/api/practitioners/:id/continuing-education', record: 'own site', url: ({ world }) => `/api/practitioners/${world.practitioners.a}/continuing-education`,
    body: () => ({ periodStart: '2025-01-01', periodEnd: '2026-12-31', hoursRequired: 24, hoursCompleted: 12 }), expect: siteWrite(201, true),
  },
];
