import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/store/database.ts';
import type { SessionCan } from '../../src/services/can.ts';
import type { World } from '../support/world.ts';
import { PASSWORD } from '../support/world.ts';
import { BOOKING_ENDPOINTS, MATRIX_HOLIDAYS } from './endpoints-booking.ts';
import { NOTIFY_ENDPOINTS } from './endpoints-notify.ts';
import { RECORD_ENDPOINTS } from './endpoints-records.ts';
import { SCHEDULE_CHANGE_ENDPOINTS } from './endpoints-schedule-changes.ts';
import { CARE_ENDPOINTS } from './endpoints-care.ts';
import { OUTCOME_ENDPOINTS } from './endpoints-outcomes.ts';
import { RELIEF_ENDPOINTS } from './endpoints-relief.ts';
import { OFFLINE_ENDPOINTS } from './endpoints-offline.ts';
import { BILLING_ENDPOINTS } from './endpoints-billing.ts';
import { MONEY_ENDPOINTS } from './endpoints-money.ts';
import { MONEY_DOCUMENT_ENDPOINTS } from './endpoints-money-documents.ts';
import { PLACE_ENDPOINTS } from './endpoints-places.ts';
import { FHIR_ENDPOINTS } from './endpoints-fhir.ts';
import { LOCALE_ENDPOINTS } from './endpoints-locale.ts';
import { PUBLIC_ENDPOINTS } from './endpoints-public.ts';
import { PATIENT_RECORD_ENDPOINTS } from './endpoints-patient-record.ts';
import * as charting from '../support/session-kit.ts';
import { allNoAnswers } from '../../src/clinical/screening/fixtures.ts';

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
  /** Request headers the route needs besides the caller's token (e.g. FHIR's Prefer: respond-async). */
  headers?: Record<string, string>;
  expect: Record<Who, number>;
  /** Text that must not appear in this caller's answer (names of records the caller may not see). */
  secrets?: (env: Env, who: Who) => string[];
  /** The request ends the caller's session: give it a token of its own. */
  consumesSession?: boolean;
  /**
   * The record this action is on carries `can` flags: read it as the caller first; the flag must agree
   * with the answer (true: not refused with 403; false: 403, or 409 where the record's state forbids it).
   */
  can?: {
    flag: string;
    read: (env: Env, url: string) => string;
    find?: (answer: unknown, url: string, env: Env) => unknown;
    /** The flag also weighs the record's state, so true is never refused with 409 either. */
    weighsState?: boolean;
  };
  /**
   * The flag of the session's `can` (GET /api/auth/session) this action stands for, on a record within
   * the caller's reach: it must agree with the answer for every role (true: not 403; false: 403, or 404
   * for another organisation's record), so the web's menus and page guards cannot drift from the API.
   */
  session?: keyof SessionCan;
}

/** The plan a `/api/plans/:id…` URL names, in patient A's list of plans. */
const planInList = (answer: unknown, url: string) =>
  (answer as { plans: { id: string }[] }).plans.find((p) => url.includes(p.id));
const patientAPlans = (env: Env) => `/api/patients/${env.world.patients.a}/plans`;

const all = (status: number, overrides: Partial<Record<Who, number>> = {}): Record<Who, number> =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? status])) as Record<Who, number>;

/** Signed in: anonymous gets 401, everyone else `status` unless overridden. */
const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  all(status, { anonymous: 401, ...overrides });

async function patientVersion(env: Env, id: string): Promise<number> {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/patients/${id}`,
    headers: { authorization: `Bearer ${env.adminToken}` },
  });
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
  insertId(env, `INSERT INTO rooms (org_id, location_id, name) VALUES ($1, $2, $3) RETURNING id`, [
    env.world.orgId,
    site,
    `Room ${env.unique()}`,
  ]);
const closureAt = (env: Env, site: string) =>
  insertId(
    env,
    `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason)
      VALUES ($1, $2, '2026-12-25', '2026-12-25', 'Holiday') RETURNING id`,
    [env.world.orgId, site],
  );
const credentialOf = (env: Env, therapist: string) =>
  insertId(
    env,
    `INSERT INTO credentials (org_id, therapist_id, kind, type, issuer, number, expires_on)
      VALUES ($1, $2, 'certification', 'CNMT', 'NMT Center', 'C-77', '2028-01-01') RETURNING id`,
    [env.world.orgId, therapist],
  );

/** A therapist without a sign-in yet, working at `site`. */
async function therapistWithoutAccount(env: Env, site: string): Promise<string> {
  const id = await insertId(
    env,
    `INSERT INTO therapists (org_id, given_name, family_name) VALUES ($1, 'Nova', $2) RETURNING id`,
    [env.world.orgId, `New${env.unique()}`],
  );
  await env.db.query('INSERT INTO therapist_locations (org_id, therapist_id, location_id) VALUES ($1, $2, $3)', [
    env.world.orgId,
    id,
    site,
  ]);
  return id;
}

/** An event of the other organisation that carries this organisation's patient and desk ids. */
const foreignIdsInOtherLog = (env: Env) =>
  env.db.query(
    `INSERT INTO audit_events (org_id, actor_user_id, actor_role, action, outcome, patient_id)
      VALUES ($1, $2, 'admin', 'test.foreign-ids', 'allowed', $3)`,
    [env.world.otherOrgId, env.world.users.front_desk.id, env.world.patients.a],
  );

/** Writes on a site-bound record: admins anywhere, managers at their own sites, nobody else. */
const siteWrite = (status: number, ownSite: boolean) =>
  signedIn(403, { admin: status, otherAdmin: 404, ...(ownSite ? { manager: status } : {}) });

// Charting: intake, the screening gate, clearances, assessments, plans.
const asAdmin = (env: Env, method: 'POST' | 'PUT', url: string, payload: object) =>
  env.app.inject({ method, url, headers: { authorization: `Bearer ${env.adminToken}` }, payload });
const CLEAR_ANSWERS = {
  questions: allNoAnswers().questions,
  conditions: [],
  medications: [],
  surgeries: [],
  pregnancy: { status: 'not-applicable' },
  bloodPressure: { systolic: 118, diastolic: 76 },
  temperatureC: 36.8,
  localIssues: [],
};
/** Patient A gets a new intake version; `fever` makes it contraindicated (treatment blocked). */
async function intakeFor(env: Env, fever: boolean): Promise<void> {
  const res = await asAdmin(env, 'POST', `/api/patients/${env.world.patients.a}/intake`, {
    answers: { ...CLEAR_ANSWERS, temperatureC: fever ? 38.6 : 36.8 },
  });
  if (res.statusCode !== 201) throw new Error(`intake setup failed: ${res.body}`);
}
const letterOf = (env: Env) =>
  insertId(
    env,
    `INSERT INTO files (org_id, patient_id, filename, content_type, size, sha256, data, uploaded_by, uploaded_at)
     VALUES ($1, $2, 'letter.pdf', 'application/pdf', 9, repeat('a', 64), convert_to('%PDF-1.4\n', 'UTF8'), $3, now())
     RETURNING id`,
    [env.world.orgId, env.world.patients.a, env.world.users.admin.id],
  );
const assessmentOf = (env: Env) =>
  insertId(
    env,
    `INSERT INTO assessments (org_id, patient_id, assessed_on, therapist_id, findings, created_by, created_at,
      updated_by, updated_at)
     VALUES ($1, $2, '2026-11-20', $3,
     '{"painMap":[{"region":"temple-right","intensity":6}],"rom":[],"triggerPoints":[]}', $4, now(), $4, now())
     RETURNING id`,
    [env.world.orgId, env.world.patients.a, env.world.therapists.a, env.world.users.therapist.id],
  );
const planBodyFor = (env: Env) => ({
  phase: 'acute',
  stages: [{ phase: 'acute', label: 'Settle the pain', visitsPerWeek: 2, visits: 4 }],
  totalVisits: 4,
  reassessmentAtVisits: [4],
  goals: [{ kind: 'nprs', target: 3 }],
  startDate: '2026-12-07',
  preferredDays: [1, 4],
  therapistId: env.world.therapists.a,
  locationId: env.world.sites.a,
  serviceCode: 'nmt-followup-60',
});
const planOf = (env: Env) =>
  insertId(
    env,
    `INSERT INTO treatment_plans (org_id, patient_id, plan, therapist_id, location_id, created_by, created_at,
      updated_by, updated_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, now(), $6, now()) RETURNING id`,
    // Starts beyond the booking horizon (90 days), so it can never be booked whatever shifts other cases add.
    [
      env.world.orgId,
      env.world.patients.a,
      JSON.stringify({ ...planBodyFor(env), startDate: '2027-09-06', integration: [], preferredTime: '10:00' }),
      env.world.therapists.a,
      env.world.sites.a,
      env.world.users.therapist.id,
    ],
  );
/** Therapists, managers and admins read assessments; the desk and patients do not. */
const clinicalRead = signedIn(200, { front_desk: 403, patient: 403, otherAdmin: 404 });
/** Only the treating therapist charts. */
const therapistWrite = (status: number) => signedIn(403, { therapist: status, otherAdmin: 404 });

const CHART_INTAKE_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/patients/:id/intake',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/intake`,
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/intake',
    record: "another site's patient",
    url: ({ world }) => `/api/patients/${world.patients.b}/intake`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/intake/:version',
    record: "own site's patient, version 1",
    url: async (env) => {
      await intakeFor(env, false);
      return `/api/patients/${env.world.patients.a}/intake/1`;
    },
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'PUT',
    route: '/api/patients/:id/intake/draft',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/intake/draft`,
    body: () => ({ goals: ['walk the dog again'], otherConditions: 'asthma' }),
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/intake',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/intake`,
    body: () => ({
      answers: CLEAR_ANSWERS,
      goals: ['sleep through the night'],
      painMap: [{ region: 'temple-right', intensity: 5 }],
    }),
    session: 'fillIntake',
    expect: signedIn(201, { otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/intake',
    record: "another site's patient",
    url: ({ world }) => `/api/patients/${world.patients.b}/intake`,
    body: () => ({ answers: CLEAR_ANSWERS }),
    expect: signedIn(403, { admin: 201, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/gate',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/gate`,
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/gate/override',
    record: 'a contraindicated intake',
    url: ({ world }) => `/api/patients/${world.patients.a}/gate/override`,
    body: async (env) => {
      await intakeFor(env, true);
      return { reason: 'Temperature re-taken: 36.9 C' };
    },
    expect: signedIn(403, { admin: 201, manager: 201, otherAdmin: 404 }),
    can: { flag: 'override', read: (_env, url) => url.replace(/\/override$/, '') },
  },
  {
    // JSON carries no letter: whoever may record a clearance is told to attach it (multipart is tested beside the
    // route).
    method: 'POST',
    route: '/api/patients/:id/clearances',
    record: 'a form without its letter',
    url: ({ world }) => `/api/patients/${world.patients.a}/clearances`,
    body: () => ({ physician: 'Dr. Rivera', clearedOn: '2026-11-19', scope: 'Massage cleared' }),
    expect: signedIn(422, { patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/files/:id',
    record: "own site's patient's letter",
    url: async (env) => `/api/files/${await letterOf(env)}`,
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/assessments',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/assessments`,
    session: 'chart',
    expect: clinicalRead,
  },
  {
    method: 'POST',
    route: '/api/patients/:id/assessments',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/assessments`,
    body: () => ({
      findings: { painMap: [{ region: 'temple-right', intensity: 6 }], posture: { findings: ['forward-head'] } },
    }),
    expect: therapistWrite(201),
  },
  {
    method: 'GET',
    route: '/api/assessments/:id',
    record: "own site's patient",
    url: async (env) => `/api/assessments/${await assessmentOf(env)}`,
    expect: clinicalRead,
  },
  {
    method: 'PATCH',
    route: '/api/assessments/:id',
    record: "own site's patient",
    url: async (env) => `/api/assessments/${await assessmentOf(env)}`,
    body: () => ({ version: 1, findings: { notes: 'Tender over the right upper trapezius.' } }),
    expect: therapistWrite(200),
  },
  {
    method: 'GET',
    route: '/api/assessments/:id/suggestions',
    record: "own site's patient",
    url: async (env) => `/api/assessments/${await assessmentOf(env)}/suggestions`,
    expect: clinicalRead,
  },
  {
    method: 'POST',
    route: '/api/patients/:id/plans/proposal',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/plans/proposal`,
    body: () => ({ factors: { phase: 'acute', severity: 'moderate' } }),
    expect: therapistWrite(200),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/plans',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/plans`,
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/plans',
    record: "another site's patient",
    url: ({ world }) => `/api/patients/${world.patients.b}/plans`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/plans',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/plans`,
    body: planBodyFor,
    expect: therapistWrite(201),
  },
  {
    method: 'PATCH',
    route: '/api/plans/:id',
    record: "own site's patient",
    url: async (env) => `/api/plans/${await planOf(env)}`,
    body: () => ({ version: 1, goals: [{ kind: 'nprs', target: 2 }] }),
    expect: therapistWrite(200),
    can: { flag: 'edit', read: patientAPlans, find: planInList },
  },
  {
    // The plan lies beyond the booking horizon: only those who may book get as far as the 409.
    method: 'POST',
    route: '/api/plans/:id/book',
    record: 'a plan in an unbookable week',
    url: async (env) => `/api/plans/${await planOf(env)}/book`,
    body: () => ({}),
    expect: signedIn(409, { therapist: 403, otherAdmin: 404 }),
    can: { flag: 'book', read: patientAPlans, find: planInList },
  },
];

export const ENDPOINTS: EndpointCase[] = [
  { method: 'GET', route: '/api/health', record: 'none', url: () => '/api/health', expect: all(200) },
  {
    method: 'POST',
    route: '/api/auth/login',
    record: 'a valid sign-in',
    url: () => '/api/auth/login',
    body: ({ world }) => ({ email: world.users.front_desk.email, password: PASSWORD }),
    expect: all(200),
  },
  {
    method: 'POST',
    route: '/api/auth/token',
    record: 'a valid sign-in',
    url: () => '/api/auth/token',
    body: ({ world }) => ({ email: world.users.therapist.email, password: PASSWORD }),
    expect: all(200),
  },
  {
    method: 'GET',
    route: '/api/auth/session',
    record: 'own session',
    url: () => '/api/auth/session',
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    record: 'own session',
    url: () => '/api/auth/logout',
    expect: signedIn(204),
    consumesSession: true,
  },
  {
    method: 'POST',
    route: '/api/auth/password',
    record: 'own account (wrong current password)',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'definitely-wrong', newPassword: 'another-long-password' }),
    expect: signedIn(422),
  },
  {
    method: 'GET',
    route: '/api/organization',
    record: 'own organisation',
    url: () => '/api/organization',
    expect: signedIn(200),
  },
  {
    method: 'PATCH',
    route: '/api/organization',
    record: 'own organisation',
    url: () => '/api/organization',
    body: ({ world }) => ({ name: `Renamed ${world.orgId.slice(0, 8)}` }),
    expect: signedIn(403, { admin: 200, otherAdmin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/patients',
    record: 'search',
    url: () => '/api/patients',
    session: 'searchPatients',
    expect: signedIn(200, { patient: 403 }),
    secrets: (_env, who) =>
      who === 'admin' ? ['Olga'] : who === 'otherAdmin' ? ['Alice', 'Bruno'] : ['Bruno', 'Olga'],
  },
  {
    method: 'GET',
    route: '/api/patients/:id',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}`,
    expect: signedIn(200, { otherAdmin: 404 }),
    secrets: (_env, who) => (who === 'otherAdmin' || who === 'anonymous' ? ['Alice'] : []),
  },
  {
    method: 'GET',
    route: '/api/patients/:id',
    record: "another site's patient",
    url: ({ world }) => `/api/patients/${world.patients.b}`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
    secrets: (_env, who) => (who === 'admin' ? [] : ['Bruno', '0202']),
  },
  {
    method: 'POST',
    route: '/api/patients',
    record: 'at own site',
    url: () => '/api/patients',
    body: (env) => newPatient(env, env.world.sites.a),
    session: 'registerPatient',
    expect: signedIn(201, { therapist: 403, patient: 403, otherAdmin: 422 }),
  },
  {
    method: 'POST',
    route: '/api/patients',
    record: 'at another site',
    url: () => '/api/patients',
    body: (env) => newPatient(env, env.world.sites.b),
    expect: signedIn(403, { admin: 201, otherAdmin: 422 }),
  },
  {
    method: 'PATCH',
    route: '/api/patients/:id',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}`,
    body: async (env) => ({ version: await patientVersion(env, env.world.patients.a), pronouns: 'she/her' }),
    session: 'editPatient',
    expect: signedIn(200, { therapist: 403, otherAdmin: 404 }),
    secrets: (_env, who) => (['otherAdmin', 'anonymous', 'therapist'].includes(who) ? ['Alice'] : []),
  },
  {
    method: 'PATCH',
    route: '/api/patients/:id',
    record: "another site's patient",
    url: ({ world }) => `/api/patients/${world.patients.b}`,
    body: async (env) => ({ version: await patientVersion(env, env.world.patients.b), pronouns: 'he/him' }),
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
    secrets: (_env, who) => (who === 'admin' ? [] : ['Bruno']),
  },
  {
    method: 'GET',
    route: '/api/staff',
    record: 'list',
    url: () => '/api/staff',
    expect: signedIn(200, { patient: 403 }),
  },
  {
    method: 'POST',
    route: '/api/staff',
    record: 'desk account at own site',
    url: () => '/api/staff',
    body: (env) => ({
      email: `desk-${env.unique()}@example.test`,
      displayName: 'New Desk',
      role: 'front_desk',
      password: 'a-long-first-password',
      locationIds: [env.world.sites.a],
    }),
    session: 'manageStaff',
    expect: signedIn(403, { admin: 201, manager: 201, otherAdmin: 422 }),
  },
  {
    method: 'POST',
    route: '/api/staff',
    record: 'desk account at another site',
    url: () => '/api/staff',
    body: (env) => ({
      email: `desk-${env.unique()}@example.test`,
      displayName: 'New Desk',
      role: 'front_desk',
      password: 'a-long-first-password',
      locationIds: [env.world.sites.b],
    }),
    expect: signedIn(403, { admin: 201, otherAdmin: 422 }),
  },
  {
    // Managers (and administrators) are added by an administrator only, even at a manager's own site.
    method: 'POST',
    route: '/api/staff',
    record: 'manager account at own site',
    url: () => '/api/staff',
    body: (env) => ({
      email: `manager-${env.unique()}@example.test`,
      displayName: 'New Manager',
      role: 'manager',
      password: 'a-long-first-password',
      locationIds: [env.world.sites.a],
    }),
    session: 'addManagers',
    expect: signedIn(403, { admin: 201, otherAdmin: 422 }),
  },
  {
    // A therapist account takes its sites from the therapist record, so a manager may add one at their own sites only.
    method: 'POST',
    route: '/api/staff',
    record: 'therapist account for a therapist at own site',
    url: () => '/api/staff',
    body: async (env) => ({
      email: `t-${env.unique()}@example.test`,
      displayName: 'Nova New',
      role: 'therapist',
      password: 'a-long-first-password',
      therapistId: await therapistWithoutAccount(env, env.world.sites.a),
    }),
    expect: signedIn(403, { admin: 201, manager: 201, otherAdmin: 422 }),
  },
  {
    method: 'POST',
    route: '/api/staff',
    record: 'therapist account for a therapist at another site',
    url: () => '/api/staff',
    body: async (env) => ({
      email: `t-${env.unique()}@example.test`,
      displayName: 'Nova New',
      role: 'therapist',
      password: 'a-long-first-password',
      therapistId: await therapistWithoutAccount(env, env.world.sites.b),
    }),
    expect: signedIn(403, { admin: 201, otherAdmin: 422 }),
  },
  {
    method: 'GET',
    route: '/api/staff/:id',
    record: 'a desk colleague at own site',
    url: ({ world }) => `/api/staff/${world.users.front_desk.id}`,
    expect: signedIn(200, { patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'PATCH',
    route: '/api/staff/:id',
    record: 'a desk colleague at own site',
    url: ({ world }) => `/api/staff/${world.users.front_desk.id}`,
    body: () => ({ displayName: 'Dee Desk' }),
    can: { flag: 'edit', read: (_env, url) => url },
    expect: signedIn(403, { admin: 200, manager: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/audit',
    record: 'the log',
    url: () => '/api/audit',
    session: 'viewAudit',
    expect: signedIn(403, { admin: 200, otherAdmin: 200 }),
    secrets: (_env, who) => (who === 'admin' ? [] : ['Alice', 'Bruno']),
  },
  // Filters with this organisation's ids and names: another organisation's administrator finds
  // nothing named, even where its own log holds those ids (as it once did after such a filter).
  ...[
    { record: "filtered by a patient's id", query: (w: Env['world']) => `patient=${w.patients.a}` },
    { record: "filtered by a staff member's id", query: (w: Env['world']) => `actor=${w.users.front_desk.id}` },
    {
      record: "filtered by a staff member's email",
      query: (w: Env['world']) => `actor=${encodeURIComponent(w.users.front_desk.email)}`,
    },
    { record: "filtered by a patient's and a staff member's name", query: () => 'patient=Alice&actor=Dee' },
  ].map(({ record, query }): EndpointCase => ({
    method: 'GET',
    route: '/api/audit',
    record,
    url: async (env) => {
      await foreignIdsInOtherLog(env);
      return `/api/audit?${query(env.world)}`;
    },
    expect: signedIn(403, { admin: 200, otherAdmin: 200 }),
    secrets: (env, who) => (who === 'admin' ? [] : ['Alice', 'Anders', 'Dee Desk', env.world.users.front_desk.email]),
  })),
  { method: 'GET', route: '/api/locations', record: 'list', url: () => '/api/locations', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/locations',
    record: 'a new site',
    url: () => '/api/locations',
    body: (env) => ({
      name: 'New Site',
      slug: `new-${env.unique()}`,
      address: { line1: '9 Elm St', city: 'Salem', state: 'OR', postalCode: '97301' },
      timeZone: 'America/Los_Angeles',
    }),
    expect: signedIn(403, { admin: 201, otherAdmin: 201 }),
  },
  {
    method: 'GET',
    route: '/api/locations/:id',
    record: 'own site',
    url: ({ world }) => `/api/locations/${world.sites.a}`,
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'PATCH',
    route: '/api/locations/:id',
    record: 'own site',
    url: ({ world }) => `/api/locations/${world.sites.a}`,
    body: () => ({ phone: '503-555-0100' }),
    can: { flag: 'manage', read: (_env, url) => url },
    expect: siteWrite(200, true),
  },
  {
    method: 'PATCH',
    route: '/api/locations/:id',
    record: 'another site',
    url: ({ world }) => `/api/locations/${world.sites.b}`,
    body: () => ({ phone: '503-555-0199' }),
    can: { flag: 'manage', read: (_env, url) => url },
    expect: siteWrite(200, false),
  },
  {
    method: 'POST',
    route: '/api/locations/:id/closures',
    record: 'own site',
    url: ({ world }) => `/api/locations/${world.sites.a}/closures`,
    body: () => ({ ...MATRIX_HOLIDAYS }),
    session: 'manageSchedules',
    expect: siteWrite(201, true),
  },
  {
    method: 'POST',
    route: '/api/locations/:id/closures',
    record: 'another site',
    url: ({ world }) => `/api/locations/${world.sites.b}/closures`,
    body: () => ({ ...MATRIX_HOLIDAYS }),
    expect: siteWrite(201, false),
  },
  {
    method: 'DELETE',
    route: '/api/locations/:id/closures/:closureId',
    record: 'own site',
    url: async (env) => `/api/locations/${env.world.sites.a}/closures/${await closureAt(env, env.world.sites.a)}`,
    expect: siteWrite(204, true),
  },
  {
    method: 'POST',
    route: '/api/locations/:id/rooms',
    record: 'own site',
    url: ({ world }) => `/api/locations/${world.sites.a}/rooms`,
    body: (env) => ({ name: `Room ${env.unique()}` }),
    expect: siteWrite(201, true),
  },
  {
    method: 'PATCH',
    route: '/api/rooms/:id',
    record: 'a room at another site',
    url: async (env) => `/api/rooms/${await roomAt(env, env.world.sites.b)}`,
    body: () => ({ active: false }),
    expect: siteWrite(200, false),
  },
  {
    method: 'PATCH',
    route: '/api/rooms/:id',
    record: 'a room at own site',
    url: async (env) => `/api/rooms/${await roomAt(env, env.world.sites.a)}`,
    body: () => ({ active: false }),
    expect: siteWrite(200, true),
  },
  {
    method: 'GET',
    route: '/api/therapists',
    record: 'list',
    url: () => '/api/therapists',
    expect: signedIn(200),
    secrets: (_env, who) => (who === 'patient' || who === 'otherAdmin' ? ['LMT-1234'] : []),
  },
  {
    method: 'POST',
    route: '/api/therapists',
    record: 'at own site',
    url: () => '/api/therapists',
    body: ({ world }) => ({ givenName: 'Noa', familyName: 'Newhire', locationIds: [world.sites.a] }),
    expect: { ...siteWrite(201, true), otherAdmin: 422 },
  },
  {
    method: 'GET',
    route: '/api/therapists/:id',
    record: 'own site',
    url: ({ world }) => `/api/therapists/${world.therapists.a}`,
    expect: signedIn(200, { otherAdmin: 404 }),
    secrets: (_env, who) => (who === 'patient' || who === 'otherAdmin' ? ['LMT-1234'] : []),
  },
  {
    method: 'PATCH',
    route: '/api/therapists/:id',
    record: 'own site',
    url: ({ world }) => `/api/therapists/${world.therapists.a}`,
    body: () => ({ bio: 'Trigger points.' }),
    expect: siteWrite(200, true),
  },
  {
    method: 'PATCH',
    route: '/api/therapists/:id',
    record: 'another site',
    url: ({ world }) => `/api/therapists/${world.therapists.b}`,
    body: () => ({ bio: 'Trigger points.' }),
    expect: siteWrite(200, false),
  },
  {
    method: 'POST',
    route: '/api/therapists/:id/credentials',
    record: 'own site',
    url: ({ world }) => `/api/therapists/${world.therapists.a}/credentials`,
    body: () => ({ kind: 'certification', type: 'CNMT', issuer: 'NMT Center', expiresOn: '2028-06-30' }),
    expect: siteWrite(201, true),
  },
  {
    method: 'PATCH',
    route: '/api/credentials/:id',
    record: 'own site',
    url: async (env) => `/api/credentials/${await credentialOf(env, env.world.therapists.a)}`,
    body: () => ({ expiresOn: '2029-01-01' }),
    expect: siteWrite(200, true),
  },
  {
    method: 'DELETE',
    route: '/api/credentials/:id',
    record: 'another site',
    url: async (env) => `/api/credentials/${await credentialOf(env, env.world.therapists.b)}`,
    expect: siteWrite(204, false),
  },
  {
    method: 'POST',
    route: '/api/therapists/:id/continuing-education',
    record: 'own site',
    url: ({ world }) => `/api/therapists/${world.therapists.a}/continuing-education`,
    body: () => ({ periodStart: '2025-01-01', periodEnd: '2026-12-31', hoursRequired: 24, hoursCompleted: 12 }),
    expect: siteWrite(201, true),
  },
  // Charting part B: session notes, steps, reassessment, measures, home care, signing (patient A, therapist A).
  {
    method: 'POST',
    route: '/api/patients/:id/sessions',
    record: 'a patient the therapist treats',
    url: ({ world }) => `/api/patients/${world.patients.a}/sessions`,
    body: () => ({ subjective: { painToday: 6 }, cptMinutes: [{ code: '97140', minutes: 30 }] }),
    session: 'writeNotes',
    expect: signedIn(403, { therapist: 201, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/sessions',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/sessions`,
    expect: signedIn(200, { front_desk: 403, patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/sessions/:id',
    record: 'a draft note',
    url: async ({ db, world }) =>
      `/api/sessions/${await charting.draftNote(db, world, world.patients.a, 'Secret-finding-7')}`,
    expect: signedIn(200, { front_desk: 403, patient: 403, otherAdmin: 404 }),
    secrets: (_env, who) =>
      ['front_desk', 'patient', 'otherAdmin', 'anonymous'].includes(who) ? ['Secret-finding-7'] : [],
  },
  {
    method: 'PATCH',
    route: '/api/sessions/:id',
    record: 'a draft note',
    url: async ({ db, world }) => `/api/sessions/${await charting.draftNote(db, world)}`,
    body: () => ({ version: 1, plan: 'Twice weekly for 3 weeks.' }),
    expect: signedIn(403, { therapist: 200, otherAdmin: 404 }),
    can: { flag: 'edit', read: (_env, url) => url },
  },
  {
    method: 'PATCH',
    route: '/api/sessions/:id',
    record: 'a signed note',
    url: async ({ db, world }) => `/api/sessions/${await charting.signedNote(db, world)}`,
    body: () => ({ version: 2, plan: 'Changed after signing.' }),
    expect: signedIn(403, { therapist: 409, otherAdmin: 404 }),
    can: { flag: 'edit', read: (_env, url) => url },
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/steps',
    record: 'a cleared patient',
    url: async ({ db, world }) => {
      await charting.ensureClearGateForA(db, world);
      return `/api/sessions/${await charting.draftNote(db, world)}/steps`;
    },
    body: () => ({
      muscle: 'upper-trapezius',
      side: 'left',
      region: 'suprascapular-left',
      technique: 'ischemic-compression-finger',
      holdSeconds: 20,
      painRating: 6,
    }),
    expect: signedIn(403, { therapist: 201, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/steps',
    record: 'a contraindicated patient without clearance',
    url: async ({ db, world }) =>
      `/api/sessions/` +
      `${await charting.draftNote(db, world, await charting.patientBehindGate(db, world, 'contraindicated'))}/steps`,
    body: () => ({
      muscle: 'upper-trapezius',
      side: 'left',
      region: 'suprascapular-left',
      technique: 'ischemic-compression-finger',
    }),
    expect: signedIn(403, { therapist: 422, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/steps',
    record: 'a local-avoid region',
    url: async ({ db, world }) =>
      `/api/sessions/` +
      `${await charting.draftNote(db, world, await charting.patientBehindGate(db, world, 'local-upper-back'))}/steps`,
    body: () => ({
      muscle: 'middle-trapezius',
      side: 'midline',
      region: 'upper-back',
      technique: 'ischemic-compression-finger',
    }),
    expect: signedIn(403, { therapist: 422, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/reassessment',
    record: 'a draft note',
    url: async ({ db, world }) => `/api/sessions/${await charting.draftNote(db, world)}/reassessment`,
    body: () => ({ painAfter: 3, rom: [{ joint: 'cervical', motion: 'rotation', side: 'left', degrees: 70 }] }),
    expect: signedIn(403, { therapist: 201, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/sessions/:id/comparison',
    record: 'a draft note',
    url: async ({ db, world }) => `/api/sessions/${await charting.draftNote(db, world)}/comparison`,
    expect: signedIn(200, { front_desk: 403, patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/sign',
    record: "the treating therapist's draft",
    url: async ({ db, world }) => `/api/sessions/${await charting.draftNote(db, world)}/sign`,
    expect: signedIn(403, { therapist: 200, otherAdmin: 404 }),
    can: { flag: 'sign', read: (_env, url) => url.replace(/\/sign$/, '') },
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/amendments',
    record: 'a signed note',
    url: async ({ db, world }) => `/api/sessions/${await charting.signedNote(db, world)}/amendments`,
    body: () => ({ reason: 'Wrong frequency written', changes: { plan: 'Twice weekly.' } }),
    expect: signedIn(403, { therapist: 201, otherAdmin: 404 }),
    can: { flag: 'amend', read: (_env, url) => url.replace(/\/amendments$/, '') },
  },
  {
    method: 'GET',
    route: '/api/sessions/:id/history',
    record: 'a signed note',
    url: async ({ db, world }) => `/api/sessions/${await charting.signedNote(db, world)}/history`,
    expect: signedIn(200, { front_desk: 403, patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/measures',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/measures`,
    body: () => ({ measure: 'nprs', answers: [5] }),
    session: 'fillMeasures',
    expect: signedIn(201, { admin: 403, manager: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/measures',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/measures`,
    session: 'readMeasures',
    expect: signedIn(200, { front_desk: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/measures/due',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/measures/due`,
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/home-care/generate',
    record: 'a draft note',
    url: async ({ db, world }) => `/api/sessions/${await charting.draftNote(db, world)}/home-care/generate`,
    expect: signedIn(403, { therapist: 200, otherAdmin: 404 }),
  },
  {
    method: 'PUT',
    route: '/api/sessions/:id/home-care',
    record: 'generated home care',
    url: async ({ db, world }) => `/api/sessions/${await charting.noteWithHomeCare(db, world, false)}/home-care`,
    body: () => ({
      hydration: 'Drink 2 extra glasses of water today.',
      soreness: 'Sore for a day or so.',
      fatigue: 'You may feel tired.',
      stretches: [
        {
          muscle: 'upper-trapezius',
          muscleName: 'Upper trapezius',
          title: 'Shoulder ridge release',
          steps: ['Tilt your ear away for 30 s.'],
        },
      ],
      activityChanges: [],
      callClinicIf: ['You have a fever.'],
      notes: null,
      sources: [],
    }),
    expect: signedIn(403, { therapist: 200, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/home-care/send',
    record: 'generated home care',
    url: async ({ db, world }) => `/api/sessions/${await charting.noteWithHomeCare(db, world, false)}/home-care/send`,
    expect: signedIn(403, { therapist: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/home-care',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/home-care`,
    expect: signedIn(200, { front_desk: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/sessions/:id/home-care.pdf',
    record: 'sent home care',
    url: async ({ db, world }) => `/api/sessions/${await charting.noteWithHomeCare(db, world, true)}/home-care.pdf`,
    expect: signedIn(200, { front_desk: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/sessions/:id/home-care.pdf',
    record: 'home care not sent yet',
    url: async ({ db, world }) => `/api/sessions/${await charting.noteWithHomeCare(db, world, false)}/home-care.pdf`,
    expect: signedIn(200, { front_desk: 403, patient: 403, otherAdmin: 404 }),
  },
  ...BOOKING_ENDPOINTS,
  ...NOTIFY_ENDPOINTS,
  ...SCHEDULE_CHANGE_ENDPOINTS,
  ...CHART_INTAKE_ENDPOINTS,
  ...RECORD_ENDPOINTS,
  ...CARE_ENDPOINTS,
  ...OUTCOME_ENDPOINTS,
  ...RELIEF_ENDPOINTS,
  ...OFFLINE_ENDPOINTS,
  ...FHIR_ENDPOINTS,
  ...BILLING_ENDPOINTS,
  ...MONEY_ENDPOINTS,
  ...MONEY_DOCUMENT_ENDPOINTS,
  ...PLACE_ENDPOINTS,
  ...LOCALE_ENDPOINTS,
  ...PUBLIC_ENDPOINTS,
  ...PATIENT_RECORD_ENDPOINTS,
];
