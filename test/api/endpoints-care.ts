/**
 * Authorization-matrix cases for who may see whose chart: registering a patient at a site, the care
 * team, and every way a patient reaches a therapist (a booking, a series, a waitlist offer, a move,
 * a self-service link, a plan). A booking is refused unless the booker may already see the patient;
 * a therapist booked by someone who may charts, one with only an appointment written around the
 * booking rules does not. Each case uses patients of its own, so no case opens a chart for another.
 */
import { issueLinkToken } from '../../src/services/notify/links.ts';
import { insertEntry, insertHold } from '../../src/store/repos/waitlist.ts';
import { tokenFor } from '../support/world.ts';
import { bookable, freshStart, freshVisits } from './endpoints-booking.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';
import { buildAppointment, buildCredential, buildPatient, buildPlan, buildTherapist } from '../support/factories.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === 'anonymous' ? 401 : status)])) as Record<Who, number>;
/** Only an admin may book a patient registered at another site (otherAdmin: no such patient). */
const adminOnlyBooks = (status: number, otherAdmin = 422) => signedIn(403, { admin: status, otherAdmin });
/** Charting a session: the therapist in the patient's care alone. */
const therapistCharts = signedIn(403, { therapist: 201, otherAdmin: 404 });
const nobodyCharts = signedIn(403, { otherAdmin: 404 });

type CareTeamAnswer = { careTeam: { therapistId: string; endedOn: string | null }[]; can: { grantTo: string[] } };
/** Whether the care team the caller read names this therapist among those it may add. */
const grantable = (therapist: (env: Env) => string) => (answer: unknown, _url: string, env: Env) => ({
  can: { grant: (answer as CareTeamAnswer).can.grantTo.includes(therapist(env)) },
});
/** The current member a `…/care-team/:therapistId/end` URL names. */
const currentMember = (answer: unknown, url: string) =>
  (answer as CareTeamAnswer).careTeam.find((m) => m.endedOn === null && url.includes(`/care-team/${m.therapistId}/`));

const SERVICE = 'nmt-followup-60';
let seq = 0;

/** A new patient registered (preferred site) at site `at`, with no care relationship. */
function freshPatient(env: Env, at: 'a' | 'b'): Promise<string> {
  return buildPatient(env.db, env.world.orgId, {
    givenName: 'Fern',
    familyName: `Care${env.unique()}${++seq}`,
    dateOfBirth: '1979-04-04',
    preferredLocationId: env.world.sites[at],
  });
}

const desks = new WeakMap<Env, Promise<string>>();
/** The site A desk's token, for setup bookings "by someone who may see the patient". */
function deskToken(env: Env): Promise<string> {
  let token = desks.get(env);
  if (!token) desks.set(env, (token = tokenFor(env.app, env.world.users.front_desk.email)));
  return token;
}

async function asDesk(env: Env, method: 'POST', url: string, payload: object): Promise<Record<string, unknown>> {
  const res = await env.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${await deskToken(env)}` },
    payload,
  });
  if (res.statusCode >= 300) throw new Error(`setup ${method} ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

const seconds = new WeakMap<Env, Promise<string>>();
/** Casey: a second therapist at site A, qualified like Avery, so a visit can move between them. */
function secondTherapist(env: Env): Promise<string> {
  let id = seconds.get(env);
  if (!id) {
    id = (async () => {
      await bookable(env);
      const { orgId, sites } = env.world;
      const casey = await buildTherapist(env.db, orgId, {
        givenName: 'Casey',
        familyName: 'Second',
        locationIds: [sites.a],
      });
      await buildCredential(env.db, orgId, casey, {
        number: 'LMT-5678',
        issuedOn: '2020-01-01',
        expiresOn: '2027-12-31',
      });
      await buildCredential(env.db, orgId, casey, {
        kind: 'certification',
        type: 'CNMT',
        issuer: 'NMT Center',
        number: 'CNMT-2',
        issuedOn: '2019-01-01',
      });
      for (let weekday = 0; weekday < 7; weekday++) {
        await env.db.query(
          `INSERT INTO shift_templates (org_id, therapist_id, location_id, weekday, start_time, end_time)
            VALUES ($1, $2, $3, $4, '08:00', '18:00')`,
          [orgId, casey, sites.a, weekday],
        );
      }
      return casey;
    })();
    seconds.set(env, id);
  }
  return id;
}

/** An appointment written straight into the table: what no booking rule let through. */
async function writtenAppointment(
  env: Env,
  patientId: string,
  therapistId = env.world.therapists.a,
): Promise<{ id: string; end: Date }> {
  const start = new Date(await freshStart(env));
  const end = new Date(start.getTime() + 3_600_000);
  const id = await buildAppointment(env.db, env.world.orgId, {
    patientId,
    therapistId,
    locationId: env.world.sites.a,
    serviceCode: SERVICE,
    start,
  });
  return { id, end };
}

/** A live waitlist offer for `patientId` at site A with therapist A. */
async function offerFor(env: Env, patientId: string): Promise<string> {
  await bookable(env);
  const at = new Date('2026-11-20T18:00:00Z');
  const entry = await insertEntry(
    env.db,
    env.world.orgId,
    {
      patientId,
      serviceCode: SERVICE,
      locationIds: [env.world.sites.a],
      earliest: '2026-12-01',
      latest: '2026-12-31',
      timeOfDay: null,
    },
    env.world.users.admin.id,
    at,
  );
  const start = new Date(await freshStart(env));
  const hold = await insertHold(
    env.db,
    env.world.orgId,
    {
      waitlistEntryId: entry.id,
      patientId,
      therapistId: env.world.therapists.a,
      locationId: env.world.sites.a,
      roomId: null,
      serviceCode: SERVICE,
      start,
      end: new Date(start.getTime() + 3_600_000),
      bufferAfterMinutes: 10,
      expiresAt: new Date('2026-11-20T20:00:00Z'),
    },
    at,
  );
  return hold.id;
}

/** A one-visit plan with therapist A at a free time (inside the booking horizon). */
async function planFor(env: Env, patientId: string): Promise<string> {
  const start = new Date(await freshStart(env));
  const local = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Los_Angeles',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(start);
  const part = (type: string) => local.find((p) => p.type === type)!.value;
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const plan = {
    phase: 'acute',
    stages: [{ phase: 'acute', label: 'One visit', visitsPerWeek: 1, visits: 1, rationale: [] }],
    totalVisits: 1,
    reassessmentAtVisits: [],
    goals: [],
    integration: [],
    startDate: date,
    preferredDays: [new Date(`${date}T12:00:00Z`).getUTCDay()],
    preferredTime: `${part('hour')}:${part('minute')}`,
    therapistId: env.world.therapists.a,
    locationId: env.world.sites.a,
    serviceCode: SERVICE,
  };
  return buildPlan(env.db, env.world.orgId, {
    patientId,
    plan,
    therapistId: env.world.therapists.a,
    locationId: env.world.sites.a,
    createdBy: env.world.users.admin.id,
  });
}

/** The ways a patient of site A reaches therapist A when the site A desk (who sees them) books. */
const BOOKED_BY_DESK: Array<[string, (env: Env, patientId: string) => Promise<unknown>]> = [
  [
    'booked by the desk',
    async (env, patientId) =>
      asDesk(env, 'POST', '/api/appointments', {
        patientId,
        serviceCode: SERVICE,
        start: await freshStart(env),
        therapistId: env.world.therapists.a,
        locationId: env.world.sites.a,
      }),
  ],
  [
    'booked by the desk as a series',
    async (env, patientId) =>
      asDesk(env, 'POST', '/api/appointments/series', {
        patientId,
        serviceCode: SERVICE,
        therapistId: env.world.therapists.a,
        locationId: env.world.sites.a,
        visits: await freshVisits(env),
      }),
  ],
  [
    'whose waitlist offer the desk accepted',
    async (env, patientId) => asDesk(env, 'POST', `/api/waitlist/offers/${await offerFor(env, patientId)}/accept`, {}),
  ],
  [
    'moved by the desk from another therapist',
    async (env, patientId) => {
      const booked = await asDesk(env, 'POST', '/api/appointments', {
        patientId,
        serviceCode: SERVICE,
        start: await freshStart(env),
        therapistId: await secondTherapist(env),
        locationId: env.world.sites.a,
      });
      return asDesk(env, 'POST', `/api/appointments/${String(booked.id)}/reschedule`, {
        start: await freshStart(env),
        therapistId: env.world.therapists.a,
        reason: 'Therapist change',
      });
    },
  ],
  [
    'whose plan the desk booked',
    async (env, patientId) => asDesk(env, 'POST', `/api/plans/${await planFor(env, patientId)}/book`, {}),
  ],
];

const sessionBody = () => ({ subjective: { painToday: 5 }, cptMinutes: [{ code: '97140', minutes: 30 }] });

/** A patient of site A with an appointment with therapist A written around the booking rules. */
async function onlyWritten(env: Env): Promise<string> {
  const patientId = await freshPatient(env, 'a');
  await writtenAppointment(env, patientId);
  return patientId;
}

const letterFor = async (env: Env, patientId: string) =>
  (
    await env.db.query<{ id: string }>(
      `INSERT INTO files (org_id, patient_id, filename, content_type, size, sha256, data, uploaded_by, uploaded_at)
     VALUES ($1, $2, 'clearance.pdf', 'application/pdf', 9, repeat('b', 64), convert_to('%PDF-1.4\n', 'UTF8'), $3,
     now()) RETURNING id`,
      [env.world.orgId, patientId, env.world.users.admin.id],
    )
  )[0]!.id;

/** Patient B's full name, for an exact lookup. */
async function patientB(env: Env) {
  const rows = await env.db.query<{ givenName: string; familyName: string; dateOfBirth: string }>(
    `SELECT given_name AS "givenName", family_name AS "familyName", date_of_birth AS "dateOfBirth" FROM patients
      WHERE org_id = $1 AND id = $2`,
    [env.world.orgId, env.world.patients.b],
  );
  return rows[0]!;
}

/** A patient of site A in therapist A's care (granted directly), for ending it. */
async function inCareOfA(env: Env): Promise<string> {
  const patientId = await freshPatient(env, 'a');
  await env.db.query('INSERT INTO care_relationships (org_id, patient_id, therapist_id) VALUES ($1, $2, $3)', [
    env.world.orgId,
    patientId,
    env.world.therapists.a,
  ]);
  return patientId;
}

export const CARE_ENDPOINTS: EndpointCase[] = [
  {
    method: 'POST',
    route: '/api/patients/lookup',
    record: "another site's patient, by exact names and birth date",
    url: () => '/api/patients/lookup',
    body: async (env) => patientB(env),
    expect: signedIn(200, { therapist: 403, patient: 403 }),
    secrets: (env, who) => (who === 'otherAdmin' ? [env.world.patients.b] : []),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/sites',
    record: "another site's patient, at own site",
    url: async (env) => `/api/patients/${await freshPatient(env, 'b')}/sites`,
    body: (env) => ({ locationId: env.world.sites.a, reason: 'Moved closer to this clinic; asked by phone' }),
    expect: signedIn(201, { therapist: 403, patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/sites',
    record: "own site's patient, at another site",
    url: async (env) => `/api/patients/${await freshPatient(env, 'a')}/sites`,
    body: (env) => ({ locationId: env.world.sites.b, reason: 'Also seen at Beta' }),
    expect: signedIn(403, { admin: 201, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/care-team',
    record: "own site's patient",
    url: ({ world }) => `/api/patients/${world.patients.a}/care-team`,
    session: 'viewCareTeam',
    expect: signedIn(200, { patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/care-team',
    record: "another site's patient",
    url: ({ world }) => `/api/patients/${world.patients.b}/care-team`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
    secrets: (_env, who) => (who === 'admin' ? [] : ['Blake']),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/care-team',
    record: 'a therapist of own site',
    url: async (env) => `/api/patients/${await freshPatient(env, 'a')}/care-team`,
    body: (env) => ({ therapistId: env.world.therapists.a, reason: 'Taking over from a colleague on leave' }),
    session: 'manageCareTeam',
    can: { flag: 'grant', read: (_env, url) => url, find: grantable((env) => env.world.therapists.a) },
    expect: signedIn(403, { admin: 201, manager: 201, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/care-team',
    record: 'a therapist of another site',
    url: async (env) => `/api/patients/${await freshPatient(env, 'a')}/care-team`,
    body: (env) => ({ therapistId: env.world.therapists.b, reason: 'Second opinion' }),
    can: { flag: 'grant', read: (_env, url) => url, find: grantable((env) => env.world.therapists.b) },
    expect: signedIn(403, { admin: 201, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/care-team/:therapistId/end',
    record: "therapist A's current care",
    url: async (env) => `/api/patients/${await inCareOfA(env)}/care-team/${env.world.therapists.a}/end`,
    body: () => ({ reason: 'Treatment finished' }),
    can: { flag: 'end', read: (_env, url) => url.replace(/\/[^/]+\/end$/, ''), find: currentMember },
    expect: signedIn(403, { admin: 200, manager: 200, otherAdmin: 404 }),
  },
  // Bringing a patient registered at another site into a booking at one's own site is refused.
  {
    method: 'POST',
    route: '/api/appointments',
    record: "another site's patient, at own site",
    url: () => '/api/appointments',
    body: async (env) => ({
      patientId: await freshPatient(env, 'b'),
      serviceCode: SERVICE,
      start: await freshStart(env),
      therapistId: env.world.therapists.a,
      locationId: env.world.sites.a,
    }),
    expect: adminOnlyBooks(201),
  },
  {
    method: 'POST',
    route: '/api/appointments/series',
    record: "another site's patient, at own site",
    url: () => '/api/appointments/series',
    body: async (env) => ({
      patientId: await freshPatient(env, 'b'),
      serviceCode: SERVICE,
      therapistId: env.world.therapists.a,
      locationId: env.world.sites.a,
      visits: await freshVisits(env),
    }),
    expect: adminOnlyBooks(201),
  },
  {
    method: 'POST',
    route: '/api/waitlist',
    record: "another site's patient, for own site",
    url: async (env) => (await bookable(env), '/api/waitlist'),
    body: async (env) => ({
      patientId: await freshPatient(env, 'b'),
      serviceCode: SERVICE,
      locationIds: [env.world.sites.a],
      earliest: '2026-12-01',
      latest: '2026-12-31',
    }),
    expect: adminOnlyBooks(201),
  },
  {
    method: 'POST',
    route: '/api/waitlist/offers/:id/accept',
    record: "another site's patient's offer at own site",
    url: async (env) => `/api/waitlist/offers/${await offerFor(env, await freshPatient(env, 'b'))}/accept`,
    expect: adminOnlyBooks(201, 404),
  },
  {
    method: 'POST',
    route: '/api/appointments/:id/reschedule',
    record: "another site's patient, to another therapist",
    url: async (env) =>
      `/api/appointments/${(await writtenAppointment(env, await freshPatient(env, 'b'))).id}/reschedule`,
    body: async (env) => ({
      start: await freshStart(env),
      therapistId: await secondTherapist(env),
      reason: 'Therapist change',
    }),
    expect: adminOnlyBooks(200, 404),
  },
  {
    method: 'POST',
    route: '/api/plans/:id/book',
    record: "another site's patient's plan",
    url: async (env) => `/api/plans/${await planFor(env, await freshPatient(env, 'b'))}/book`,
    body: () => ({}),
    expect: adminOnlyBooks(201, 404),
  },
  // Booked by someone who may see the patient: the therapist booked charts.
  ...BOOKED_BY_DESK.map(([how, book]): EndpointCase => ({
    method: 'POST',
    route: '/api/patients/:id/sessions',
    record: `a patient ${how} with therapist A`,
    url: async (env) => {
      const patientId = await freshPatient(env, 'a');
      await book(env, patientId);
      return `/api/patients/${patientId}/sessions`;
    },
    body: sessionBody,
    expect: therapistCharts,
  })),
  // An appointment alone opens nothing: not to chart, nor to read the chart.
  {
    method: 'POST',
    route: '/api/patients/:id/sessions',
    record: 'a patient with only an appointment written around the booking rules',
    url: async (env) => `/api/patients/${await onlyWritten(env)}/sessions`,
    body: sessionBody,
    expect: nobodyCharts,
  },
  {
    method: 'POST',
    route: '/api/patients/:id/sessions',
    record: 'that appointment then moved through its self-service link',
    url: async (env) => {
      const patientId = await freshPatient(env, 'a');
      const written = await writtenAppointment(env, patientId);
      const token = await issueLinkToken(env.db, {
        orgId: env.world.orgId,
        appointmentId: written.id,
        patientId,
        expiresAt: written.end,
      });
      const moved = await env.app.inject({
        method: 'POST',
        url: `/api/links/${token}/reschedule`,
        payload: { start: await freshStart(env) },
      });
      if (moved.statusCode !== 200) throw new Error(`setup link move failed: ${moved.body}`);
      return `/api/patients/${patientId}/sessions`;
    },
    body: sessionBody,
    expect: nobodyCharts,
  },
  {
    method: 'GET',
    route: '/api/patients/:id',
    record: 'a patient with only an appointment written around the booking rules',
    url: async (env) => `/api/patients/${await onlyWritten(env)}`,
    expect: signedIn(200, { therapist: 403, patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/intake',
    record: 'a patient with only an appointment written around the booking rules',
    url: async (env) => `/api/patients/${await onlyWritten(env)}/intake`,
    expect: signedIn(200, { therapist: 403, patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/assessments',
    record: 'a patient with only an appointment written around the booking rules',
    url: async (env) => `/api/patients/${await onlyWritten(env)}/assessments`,
    expect: signedIn(403, { admin: 200, manager: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/sessions',
    record: 'a patient with only an appointment written around the booking rules',
    url: async (env) => `/api/patients/${await onlyWritten(env)}/sessions`,
    expect: signedIn(403, { admin: 200, manager: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/files/:id',
    record: 'the clearance letter of a patient with only a written appointment',
    url: async (env) => `/api/files/${await letterFor(env, await onlyWritten(env))}`,
    expect: signedIn(200, { therapist: 403, patient: 403, otherAdmin: 404 }),
  },
];
