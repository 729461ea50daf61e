/** Authorization-matrix cases for duplicate patients and merges, and for onboarding a therapist. */
import type { EndpointCase, Env, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === 'anonymous' ? 401 : status)])) as Record<Who, number>;

const duplicates = new WeakMap<Env, string>();

/** A fresh second record of patient A (same name and birth date, site A), remembered for the body. */
async function duplicateOfA(env: Env): Promise<string> {
  const [row] = await env.db.query<{ id: string }>(
    `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth, preferred_location_id)
     SELECT org_id, given_name, family_name, date_of_birth, sex_at_birth, preferred_location_id FROM patients
     WHERE org_id = $1 AND id = $2
     RETURNING id`,
    [env.world.orgId, env.world.patients.a],
  );
  duplicates.set(env, row!.id);
  return row!.id;
}

const onboardingBody = (env: Env, sites: string[]) => {
  const k = env.unique();
  return {
    givenName: 'Rowan',
    familyName: `Matrix${k}`,
    locationIds: sites,
    credentials: [{ kind: 'licence', type: 'LMT', issuer: 'OR', expiresOn: '2027-12-31' }],
    shifts: [{ locationId: sites[0], weekday: 2, start: '09:00', end: '13:00' }],
    signIn: { email: `rowan-${k}@example.test`, password: 'a-long-first-password' },
  };
};

export const RECORD_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/patients/:id/summary',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/summary`,
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/summary',
    record: "another site's patient",
    url: ({ world }) => `/api/patients/${world.patients.b}/summary`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/duplicates',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/duplicates`,
    expect: signedIn(200, { patient: 403, otherAdmin: 404 }),
    secrets: (_env, who) => (who === 'admin' ? [] : ['Bruno', 'Olga']),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/duplicates',
    record: "another site's patient",
    url: ({ world }) => `/api/patients/${world.patients.b}/duplicates`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
    secrets: (_env, who) => (who === 'admin' ? [] : ['Bruno']),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/merge',
    record: "a duplicate of own site's patient",
    url: async (env) => {
      await duplicateOfA(env);
      return `/api/patients/${env.world.patients.a}/merge`;
    },
    body: (env) => ({ duplicateId: duplicates.get(env) }),
    session: 'mergePatients',
    expect: signedIn(403, { admin: 200, manager: 200, otherAdmin: 404 }),
  },
  {
    // The manager works at site A only: patient B's record is not theirs to merge into.
    method: 'POST',
    route: '/api/patients/:id/merge',
    record: "into another site's patient",
    url: async (env) => {
      await duplicateOfA(env);
      return `/api/patients/${env.world.patients.b}/merge`;
    },
    body: (env) => ({ duplicateId: duplicates.get(env) }),
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
  },
  {
    // Therapist A has a sign-in already: a second one (which could sign A's notes) is refused, naming the therapist.
    method: 'POST',
    route: '/api/staff',
    record: 'a second sign-in for a therapist who has one',
    url: () => '/api/staff',
    body: (env) => ({
      email: `second-${env.unique()}@example.test`,
      displayName: 'Avery Again',
      role: 'therapist',
      password: 'a-long-first-password',
      therapistId: env.world.therapists.a,
    }),
    expect: signedIn(403, { admin: 409, manager: 409, otherAdmin: 422 }),
  },
  {
    method: 'POST',
    route: '/api/therapists/onboarding',
    record: 'a therapist at own site',
    url: () => '/api/therapists/onboarding',
    body: (env) => onboardingBody(env, [env.world.sites.a]),
    session: 'onboardTherapists',
    expect: signedIn(403, { admin: 201, manager: 201, otherAdmin: 422 }),
  },
  {
    method: 'POST',
    route: '/api/therapists/onboarding',
    record: 'a therapist at another site',
    url: () => '/api/therapists/onboarding',
    body: (env) => onboardingBody(env, [env.world.sites.b]),
    expect: signedIn(403, { admin: 201, otherAdmin: 422 }),
  },
];
