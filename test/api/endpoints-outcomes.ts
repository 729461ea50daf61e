/**
 * Authorization-matrix cases for the outcomes report: therapists, managers and admins read it
 * (each scoped: own episodes, own sites, the organisation); the desk and patients do not. The
 * secrets are names of groups outside the caller's scope, which must never appear in its answer.
 */
import { seedOutcomeRows } from '../support/outcome-rows.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === 'anonymous' ? 401 : status)])) as Record<Who, number>;
const seeded = new WeakMap<Env, Promise<void>>();
/** Episodes at both sites, once per world, so every group outside a caller's scope has a name to leak. */
async function withRows(env: Env, url: string): Promise<string> {
  if (!seeded.has(env)) seeded.set(env, seedOutcomeRows(env.db, env.world));
  await seeded.get(env);
  return url;
}

const readers = signedIn(200, { front_desk: 403, patient: 403 });

/** What each caller must not read: another site's name, another therapist's name, another organisation's sites. */
function outsideScope(_env: Env, who: Who): string[] {
  if (who === 'manager') return ['Beta', 'Blake'];
  if (who === 'therapist') return ['Beta', 'Blake'];
  if (who === 'otherAdmin') return ['Alpha', 'Beta', 'Avery', 'Blake'];
  return [];
}

export const OUTCOME_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/outcomes',
    record: 'the report',
    url: (env) => withRows(env, '/api/outcomes'),
    session: 'viewOutcomes',
    expect: readers,
    secrets: outsideScope,
  },
  {
    method: 'GET',
    route: '/api/outcomes',
    record: 'the report by site',
    url: (env) => withRows(env, '/api/outcomes?by=site&from=2026-01-01&to=2026-12-31'),
    expect: readers,
    secrets: outsideScope,
  },
  {
    method: 'GET',
    route: '/api/outcomes.csv',
    record: 'the claim table',
    url: (env) => withRows(env, '/api/outcomes.csv'),
    expect: readers,
    secrets: outsideScope,
  },
  {
    method: 'GET',
    route: '/api/outcomes.csv',
    record: 'the site table',
    url: (env) => withRows(env, '/api/outcomes.csv?table=site'),
    expect: readers,
    secrets: outsideScope,
  },
  // Without the groups the request is refused before anyone's access is looked at.
  {
    method: 'GET',
    route: '/api/outcomes/compare',
    record: 'no groups named',
    url: () => '/api/outcomes/compare',
    expect: signedIn(400),
  },
  {
    method: 'GET',
    route: '/api/outcomes/compare',
    record: 'two sites',
    url: (env) => withRows(env, `/api/outcomes/compare?by=site&a=${env.world.sites.a}&b=${env.world.sites.b}`),
    expect: readers,
    secrets: outsideScope,
  },
];
