/**
 * Authorization-matrix cases for the public front door: no sign-in, the same answer for everyone
 * (signed in or not), never a patient's data; and the administrators' editing of the public text.
 */
import { SAFETY_QUESTION_IDS } from '../../src/clinical/frontdoor/safety.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const everyone = (status: number) => Object.fromEntries(WHO.map((w) => [w, status])) as Record<Who, number>;
/** Administrators of any organisation edit their own; other staff and patients may not; nobody signed out. */
const admins = (status: number) =>
  Object.fromEntries(
    WHO.map((w) => [w, w === 'anonymous' ? 401 : w === 'admin' || w === 'otherAdmin' ? status : 403]),
  ) as Record<Who, number>;

async function slugOf(env: Env): Promise<string> {
  const rows = await env.db.query<{ slug: string }>('SELECT slug FROM organizations WHERE id = $1', [env.world.orgId]);
  return rows[0]!.slug;
}
const publicUrl = (path: string) => async (env: Env) => `/api/public/${await slugOf(env)}${path}`;
const answers = (yes: string[] = []) =>
  Object.fromEntries(SAFETY_QUESTION_IDS.map((id) => [id, yes.includes(id) ? 'yes' : 'no']));
/** Nothing of any patient, and no licence number, ever appears on a public page. */
const noPatients = () => ['Alice', 'Bruno', 'Olga', 'LMT-1234', '@example.test'];

export const PUBLIC_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/public/:org/sites',
    record: "the organisation's sites",
    url: publicUrl('/sites'),
    expect: everyone(200),
    secrets: noPatients,
  },
  {
    method: 'GET',
    route: '/api/public/:org/sites',
    record: 'an organisation that does not exist',
    url: () => '/api/public/no-such-clinic-anywhere/sites',
    expect: everyone(404),
  },
  {
    method: 'GET',
    route: '/api/public/:org/about',
    record: 'the what-to-expect text in Spanish',
    url: async (env) => `${await publicUrl('/about')(env)}?locale=es`,
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/organization/about/:locale',
    record: 'own organisation’s public text',
    url: () => '/api/organization/about/en',
    session: 'editPublicText',
    expect: admins(200),
  },
  {
    method: 'PUT',
    route: '/api/organization/about/:locale',
    record: 'own organisation’s public text',
    url: () => '/api/organization/about/es',
    body: () => ({ title: 'Qué esperar', sections: [{ heading: 'Su visita', body: 'Dura de 60 a 90 minutos.' }] }),
    session: 'editPublicText',
    expect: admins(200),
  },
  {
    method: 'GET',
    route: '/api/public/:org/self-check',
    record: 'the self-check list',
    url: publicUrl('/self-check'),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/public/:org/self-check',
    record: 'a self-check, answered the same way by everyone',
    url: publicUrl('/self-check'),
    body: () => ({ locale: 'es', signs: ['knots', 'stiffness'] }),
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/public/:org/safety',
    record: 'the safety questions',
    url: publicUrl('/safety'),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/public/:org/safety',
    record: 'safety answers with a fever',
    url: publicUrl('/safety'),
    body: () => ({ answers: answers(['feverOrInfection']) }),
    expect: everyone(200),
    secrets: noPatients,
  },
  {
    method: 'POST',
    route: '/api/public/:org/safety/clearance.pdf',
    record: 'a clearance request for a fever',
    url: publicUrl('/safety/clearance.pdf'),
    body: () => ({ locale: 'es', answers: answers(['feverOrInfection']) }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/public/:org/safety/clearance.pdf',
    record: 'answers that need no clearance',
    url: publicUrl('/safety/clearance.pdf'),
    body: () => ({ answers: answers() }),
    expect: everyone(409),
  },
  {
    method: 'POST',
    route: '/api/public/:org/sign-ups',
    record: 'a new sign-up (a new email each time)',
    url: publicUrl('/sign-ups'),
    body: (env) => ({
      email: `new-${env.unique()}@example.org`,
      password: 'a long enough password',
      givenName: 'Nina',
      familyName: `New${env.unique()}`,
      dateOfBirth: '1985-05-05',
      preferredLocationId: env.world.sites.a,
      locale: 'es',
    }),
    expect: everyone(201),
    secrets: noPatients,
  },
  {
    method: 'POST',
    route: '/api/public/:org/sign-ups/verify',
    record: 'a well-formed, forged link',
    url: publicUrl('/sign-ups/verify'),
    body: () => ({ token: `00000000-0000-4000-8000-000000000000.zzzzzz.${'A'.repeat(43)}` }),
    expect: everyone(404),
  },
];
