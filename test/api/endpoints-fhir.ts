/**
 * Authorization-matrix cases for the FHIR R4 read API: the same policies as the JSON API, so a patient
 * reads only their own record, the desk no clinical notes, another organisation nothing (not found).
 */
import { finishedExportOfAdmin } from '../support/fhir-export-kit.ts';
import { seedCoverages } from '../support/fhir-coverage-kit.ts';
import { seedFhirChartExtras } from '../support/fhir-chart-seed.ts';
import { transferBundle } from '../support/fhir-import-kit.ts';
import * as charting from '../support/session-kit.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const answers = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === 'anonymous' ? 401 : status)])) as Record<Who, number>;

/** Patient A's site (A) is the manager's and the desk's; patient B's site (B) is theirs to not see. */
const onlySiteB = { manager: 403, front_desk: 403, therapist: 403, patient: 403, otherAdmin: 404 };

const notes = new WeakMap<Env, Promise<string>>();
/** A signed note of patient A, made once per matrix run. */
function signedNoteOfA(env: Env): Promise<string> {
  let note = notes.get(env);
  if (!note) {
    note = charting.ensureClearGateForA(env.db, env.world).then(() => charting.signedNote(env.db, env.world));
    notes.set(env, note);
  }
  return note;
}

const ASYNC = { prefer: 'respond-async' };

const coverages = new WeakMap<Env, Promise<string>>();
/** A coverage of patient A, made once per matrix run. */
function coverageOfA(env: Env): Promise<string> {
  let made = coverages.get(env);
  if (!made) {
    made = seedCoverages(env.db, env.world.orgId, [env.world.patients.a]).then((ids) => ids[0]!);
    coverages.set(env, made);
  }
  return made;
}

const extras = new WeakMap<Env, Promise<{ clearanceId: string; romAfter: string }>>();
/** Patient A's clearance letter and a visit's motion after treatment, made once per matrix run. */
function extrasOfA(env: Env) {
  let made = extras.get(env);
  if (!made) {
    const { world } = env;
    made = seedFhirChartExtras(
      env.db,
      world.orgId,
      { patientId: world.patients.a, therapistId: world.therapists.a, userId: world.users.admin.id },
      new Date('2026-11-12T18:00:00Z'),
    ).then(async (e) => {
      const [note] = await env.db.query<{ id: string }>(
        `SELECT session_note_id AS id FROM session_reassessments WHERE org_id = $1 AND recorded_at = $2`,
        [world.orgId, new Date('2026-11-12T18:00:00Z')],
      );
      return { clearanceId: e.clearanceId, romAfter: `${note!.id}-rom-after1` };
    });
    extras.set(env, made);
  }
  return made;
}

const other = (names: string[]) => (_env: Env, who: Who) => (who === 'admin' ? [] : names);

export const FHIR_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/fhir/R4/metadata',
    record: 'the capability statement',
    url: () => '/fhir/R4/metadata',
    expect: answers(200, { anonymous: 200 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type/:id',
    record: "own site's patient",
    url: (env) => `/fhir/R4/Patient/${env.world.patients.a}`,
    expect: answers(200, { otherAdmin: 404 }),
    secrets: (_env, who) => (who === 'otherAdmin' || who === 'anonymous' ? ['Alice'] : []),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type/:id',
    record: "another site's patient",
    url: (env) => `/fhir/R4/Patient/${env.world.patients.b}`,
    expect: answers(200, onlySiteB),
    secrets: other(['Bruno']),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type/:id',
    record: "a visit (session note) of own site's patient",
    url: async (env) => `/fhir/R4/Encounter/${await signedNoteOfA(env)}`,
    expect: answers(200, { front_desk: 403, patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type',
    record: "a search by another site's patient's name",
    url: () => '/fhir/R4/Patient?name=Bruno',
    expect: answers(200),
    secrets: other(['Bruno']),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type',
    record: "observations of own site's patient",
    url: (env) => `/fhir/R4/Observation?patient=Patient/${env.world.patients.a}`,
    expect: answers(200, { otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type',
    record: "observations of another site's patient",
    url: (env) => `/fhir/R4/Observation?patient=${env.world.patients.b}`,
    expect: answers(200, onlySiteB),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type',
    record: "the audit log of own site's patient",
    url: (env) => `/fhir/R4/AuditEvent?patient=${env.world.patients.a}`,
    expect: answers(403, { admin: 200, otherAdmin: 200 }),
    secrets: (_env, who) => (who === 'otherAdmin' ? ['Alice'] : []),
  },
  {
    method: 'GET',
    route: '/fhir/R4/Patient/:id/$everything',
    record: "own site's patient",
    url: (env) => `/fhir/R4/Patient/${env.world.patients.a}/$everything`,
    expect: answers(200, { otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/Patient/:id/$everything',
    record: "another site's patient",
    url: (env) => `/fhir/R4/Patient/${env.world.patients.b}/$everything`,
    expect: answers(200, onlySiteB),
    secrets: other(['Bruno']),
  },
  // Coverage and bulk export: insurance is the desk's (never a therapist's); only admins export, and
  // managers their own site's patients; an export is seen by the one who asked only.
  {
    method: 'GET',
    route: '/fhir/R4/:type/:id',
    record: "a coverage of own site's patient",
    url: async (env) => `/fhir/R4/Coverage/${await coverageOfA(env)}`,
    expect: answers(200, { therapist: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/$export',
    record: 'the whole organisation',
    url: () => '/fhir/R4/$export',
    headers: ASYNC,
    expect: answers(403, { admin: 202, otherAdmin: 202 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/Patient/$export',
    record: "every patient's records",
    url: () => '/fhir/R4/Patient/$export?_type=Patient',
    headers: ASYNC,
    expect: answers(403, { admin: 202, otherAdmin: 202 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/Group/:id/$export',
    record: "own site's patients",
    url: (env) => `/fhir/R4/Group/${env.world.sites.a}/$export`,
    headers: ASYNC,
    expect: answers(403, { admin: 202, manager: 202, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/$export-status/:id',
    record: "the admin's finished export",
    url: async (env) => `/fhir/R4/$export-status/${await finishedExportOfAdmin(env.db, env.world)}`,
    expect: answers(404, { admin: 200 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/$export-file/:id/:type/:part',
    record: "a file of the admin's finished export",
    url: async (env) => `/fhir/R4/$export-file/${await finishedExportOfAdmin(env.db, env.world)}/Patient/1`,
    expect: answers(404, { admin: 200 }),
    secrets: (_env, who) => (who === 'admin' ? [] : ['Alice']),
  },
  {
    method: 'DELETE',
    route: '/fhir/R4/$export-status/:id',
    record: "the admin's finished export",
    url: async (env) => `/fhir/R4/$export-status/${await finishedExportOfAdmin(env.db, env.world, true)}`,
    expect: answers(404, { admin: 202 }),
  },
  // Import adds sites, therapists and payers: an administrator's work (each into their own organisation).
  {
    method: 'POST',
    route: '/fhir/R4',
    record: 'a transaction Bundle of a patient, their coverage and visit, and the directory they name',
    url: () => '/fhir/R4',
    body: (env) => transferBundle(env.unique()),
    headers: { 'content-type': 'application/fhir+json' },
    expect: answers(403, { admin: 200, otherAdmin: 200 }),
  },
  {
    method: 'POST',
    route: '/fhir/R4/',
    record: 'a transaction Bundle posted to the base with its trailing slash',
    url: () => '/fhir/R4/',
    body: (env) => transferBundle(env.unique()),
    headers: { 'content-type': 'application/fhir+json' },
    expect: answers(403, { admin: 200, otherAdmin: 200 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type/:id',
    record: "a clearance letter of own site's patient",
    url: async (env) => `/fhir/R4/DocumentReference/${(await extrasOfA(env)).clearanceId}`,
    expect: answers(200, { otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type/:id',
    record: "range of motion after a visit of own site's patient",
    url: async (env) => `/fhir/R4/Observation/${(await extrasOfA(env)).romAfter}`,
    expect: answers(200, { front_desk: 403, patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type',
    record: "documents of another site's patient",
    url: (env) => `/fhir/R4/DocumentReference?patient=${env.world.patients.b}`,
    expect: answers(200, onlySiteB),
  },
  {
    method: 'GET',
    route: '/fhir/R4/:type',
    record: "appointments with their patients included (another site's stay unseen)",
    url: () => '/fhir/R4/Appointment?_include=Appointment:patient',
    expect: answers(200),
    secrets: other(['Bruno']),
  },
];
