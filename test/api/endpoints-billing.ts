/**
 * Authorization-matrix cases for the payer directory, coverages and authorizations. Insurance is the
 * desk's work: the desk, managers and admins of the patient's sites; patients read their own;
 * therapists are refused (they treat without it); another organisation finds nothing.
 */
import { buildAuthorization, buildCoverage, freshPatient, primaryCoverage, versionOf } from '../support/billing-kit.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const expect = (overrides: Partial<Record<Who, number>>): Record<Who, number> =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? 403])) as Record<Who, number>;

/** Own site's patient (A): the desk side reads and keeps, the patient reads, others are refused. */
const deskKeeps = (status: number) =>
  expect({ anonymous: 401, admin: status, manager: status, front_desk: status, otherAdmin: 404 });
const deskAndPatientRead = expect({
  anonymous: 401,
  admin: 200,
  manager: 200,
  front_desk: 200,
  patient: 200,
  otherAdmin: 404,
});
/** Another site's patient (B): only admins. */
const adminOnly = (status: number) => expect({ anonymous: 401, admin: status, otherAdmin: 404 });

interface Fixtures {
  payerId: string;
  coverageId: string;
  authorizationId: string;
}
const fixtures = new WeakMap<Env, Promise<Fixtures>>();

/** One payer, patient A's primary coverage and an authorization, made once per matrix run. */
function setUp(env: Env): Promise<Fixtures> {
  let made = fixtures.get(env);
  if (!made) {
    made = (async () => {
      const { db, world } = env;
      const { payerId, coverageId } = await primaryCoverage(
        db,
        world.orgId,
        world.patients.a,
        `Cascade ${env.unique()}`,
      );
      const authorizationId = await buildAuthorization(db, world.orgId, coverageId, {
        startsOn: '2026-11-01',
        endsOn: '2027-01-31',
      });
      return { payerId, coverageId, authorizationId };
    })();
    fixtures.set(env, made);
  }
  return made;
}

const patientCoverage = async (env: Env, site: 'a' | 'b') => {
  const { payerId } = await setUp(env);
  const patientId = await freshPatient(env.db, env.world.orgId, env.world.sites[site], `Cover${env.unique()}`);
  return { patientId, coverageId: await buildCoverage(env.db, env.world.orgId, patientId, payerId) };
};

const payerBody = (env: Env) => ({
  name: `Summit Auto ${env.unique()}`,
  kind: 'auto',
  state: 'OR',
  phone: '503-555-0199',
});

export const BILLING_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/payers',
    record: "the organisation's payer directory",
    url: async (env) => (await setUp(env), '/api/payers'),
    expect: expect({ anonymous: 401, admin: 200, manager: 200, front_desk: 200, otherAdmin: 200 }),
    secrets: (_env, who) => (who === 'otherAdmin' ? ['Cascade'] : []),
  },
  {
    method: 'POST',
    route: '/api/payers',
    record: 'a new payer',
    url: () => '/api/payers',
    body: payerBody,
    expect: expect({ anonymous: 401, admin: 201, manager: 201, otherAdmin: 201 }),
  },
  {
    method: 'PATCH',
    route: '/api/payers/:id',
    record: 'a payer of the organisation',
    url: async (env) => `/api/payers/${(await setUp(env)).payerId}`,
    body: async (env) => ({
      ...payerBody(env),
      kind: 'commercial',
      version: await versionOf(env.db, 'payers', (await setUp(env)).payerId),
    }),
    expect: expect({ anonymous: 401, admin: 200, manager: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/coverages',
    record: "own site's patient",
    url: async (env) => (await setUp(env), `/api/patients/${env.world.patients.a}/coverages`),
    expect: deskAndPatientRead,
    can: { flag: 'readCoverage', read: (_env, url) => url.replace(/\/coverages$/, '/summary') },
    secrets: (_env, who) => (who === 'otherAdmin' ? ['XJH1234567'] : []),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/coverages',
    record: "another site's patient",
    url: (env) => `/api/patients/${env.world.patients.b}/coverages`,
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/coverages',
    record: "own site's patient, a first coverage",
    url: async (env) =>
      `/api/patients/${await freshPatient(env.db, env.world.orgId, env.world.sites.a, `New${env.unique()}`)}/coverages`,
    body: async (env) => ({
      order: 1,
      type: 'auto-pip',
      payerId: (await setUp(env)).payerId,
      memberId: 'PIP-443-221',
      relationship: 'self',
      claimNumber: 'CLM-2026-0042',
      dateOfInjury: '2026-10-02',
      state: 'OR',
      adjuster: { name: 'Jo Adjuster', phone: '503-555-0111' },
      copay: 2000,
    }),
    expect: deskKeeps(201),
    can: { flag: 'manageCoverage', read: (_env, url) => url.replace(/\/coverages$/, '/summary') },
  },
  {
    method: 'POST',
    route: '/api/patients/:id/coverages',
    record: "another site's patient",
    url: async (env) =>
      `/api/patients/${await freshPatient(env.db, env.world.orgId, env.world.sites.b, `New${env.unique()}`)}/coverages`,
    body: () => ({ order: 1, type: 'self-pay', relationship: 'self' }),
    expect: adminOnly(201),
  },
  {
    method: 'PATCH',
    route: '/api/coverages/:id',
    record: "own site's patient's coverage",
    url: async (env) => `/api/coverages/${(await setUp(env)).coverageId}`,
    body: async (env) => ({
      groupNumber: `G-${env.unique()}`,
      version: await versionOf(env.db, 'coverages', (await setUp(env)).coverageId),
    }),
    expect: deskKeeps(200),
  },
  {
    method: 'POST',
    route: '/api/coverages/:id/end',
    record: "own site's patient's coverage",
    url: async (env) => `/api/coverages/${(await patientCoverage(env, 'a')).coverageId}/end`,
    body: () => ({ version: 1, effectiveTo: '2026-11-30' }),
    expect: deskKeeps(200),
  },
  {
    method: 'POST',
    route: '/api/coverages/:id/end',
    record: "another site's patient's coverage",
    url: async (env) => `/api/coverages/${(await patientCoverage(env, 'b')).coverageId}/end`,
    body: () => ({ version: 1, effectiveTo: '2026-11-30' }),
    expect: adminOnly(200),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/authorizations',
    record: "own site's patient",
    url: async (env) => (await setUp(env), `/api/patients/${env.world.patients.a}/authorizations`),
    expect: deskAndPatientRead,
  },
  {
    method: 'GET',
    route: '/api/patients/:id/authorizations/status',
    record: "own site's patient",
    url: async (env) => (await setUp(env), `/api/patients/${env.world.patients.a}/authorizations/status`),
    expect: deskAndPatientRead,
  },
  {
    method: 'GET',
    route: '/api/patients/:id/authorizations/status',
    record: "another site's patient",
    url: (env) => `/api/patients/${env.world.patients.b}/authorizations/status`,
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    route: '/api/coverages/:id/authorizations',
    record: "own site's patient's coverage",
    url: async (env) => `/api/coverages/${(await setUp(env)).coverageId}/authorizations`,
    body: () => ({ unit: 'visits', authorized: 12, startsOn: '2026-12-01', endsOn: '2027-02-28', alertAt: 3 }),
    expect: deskKeeps(201),
  },
  {
    method: 'PATCH',
    route: '/api/authorizations/:id',
    record: "own site's patient's authorization",
    url: async (env) => `/api/authorizations/${(await setUp(env)).authorizationId}`,
    body: async (env) => ({
      alertAt: 3,
      version: await versionOf(env.db, 'authorizations', (await setUp(env)).authorizationId),
    }),
    expect: deskKeeps(200),
  },
];
