/** Authorization-matrix cases for the booking routes (services, schedules, availability, appointments, waitlist). */
import { defaultServiceId, ensureServiceRow, findService } from '../../src/services/booking/catalogue.ts';
import { insertEntry, insertHold } from '../../src/store/repos/waitlist.ts';
import { makeBookable } from '../support/booking-world.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';
import { buildAppointment } from '../support/factories.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === 'anonymous' ? 401 : status)])) as Record<Who, number>;
/** Bookings of patient A at site A with therapist A: admins, the site's desk and manager, the patient. */
const bookers = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  signedIn(status, { therapist: 403, ...overrides });
const siteWrite = (status: number) => signedIn(403, { admin: status, manager: status, otherAdmin: 404 });

const ready = new WeakMap<Env, Promise<void>>();
const counters = new WeakMap<Env, { slot: number; series: number }>();

/** Makes the matrix world bookable, once per world. */
export function bookable(env: Env): Promise<void> {
  let done = ready.get(env);
  if (!done) {
    done = (async () => {
      await makeBookable(env.db, env.world);
      const service = (await findService(env.db, env.world.orgId, 'nmt-followup-60'))!;
      await ensureServiceRow(env.db, env.world.orgId, service);
    })();
    ready.set(env, done);
  }
  return done;
}

function counter(env: Env) {
  let c = counters.get(env);
  if (!c) counters.set(env, (c = { slot: 0, series: 0 }));
  return c;
}

/** The holidays the matrix itself closes its sites for (the closure cases): no fresh start falls on them. */
export const MATRIX_HOLIDAYS = { startsOn: '2026-12-24', endsOn: '2026-12-26', reason: 'Holidays' } as const;

/** A start nobody has used: six a day from 09:00 Los Angeles time, from 2026-11-23 on, skipping the holidays. */
export async function freshStart(env: Env): Promise<string> {
  await bookable(env);
  const k = counter(env).slot++;
  let day = 23 + Math.floor(k / 6);
  const isHoliday = (d: number) => {
    const date = new Date(Date.UTC(2026, 10, d)).toISOString().slice(0, 10);
    return date >= MATRIX_HOLIDAYS.startsOn && date <= MATRIX_HOLIDAYS.endsOn;
  };
  // Each fresh day after the holidays moves past them, keeping six distinct starts a day.
  for (let d = 23; d <= day; d++) if (isHoliday(d)) day++;
  return new Date(Date.UTC(2026, 10, day, 17, 0) + (k % 6) * 75 * 60_000).toISOString();
}

export async function freshVisits(env: Env) {
  await bookable(env);
  const k = counter(env).series++;
  const first = new Date(Date.UTC(2027, 0, 4 + 2 * Math.floor(k / 6))).toISOString().slice(0, 10);
  const second = new Date(Date.UTC(2027, 0, 5 + 2 * Math.floor(k / 6))).toISOString().slice(0, 10);
  const time = ['09:00', '10:15', '11:30', '12:45', '14:00', '15:15'][k % 6]!;
  return [
    { date: first, time },
    { date: second, time },
  ];
}

const bookingBody = async (env: Env) => ({
  patientId: env.world.patients.a,
  serviceCode: 'nmt-followup-60',
  start: await freshStart(env),
  therapistId: env.world.therapists.a,
  locationId: env.world.sites.a,
});

/** An appointment of patient A at site A, booked through the API by an admin. */
export async function bookedId(env: Env): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/appointments',
    headers: { authorization: `Bearer ${env.adminToken}` },
    payload: await bookingBody(env),
  });
  if (res.statusCode !== 201) throw new Error(`setup booking failed: ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** An appointment of patient A at site A, cancelled by an admin: nothing more can be done with it. */
async function cancelledId(env: Env): Promise<string> {
  const id = await bookedId(env);
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/appointments/${id}/cancel`,
    headers: { authorization: `Bearer ${env.adminToken}` },
    payload: { reason: 'Set up' },
  });
  if (res.statusCode !== 200) throw new Error(`setup cancellation failed: ${res.body}`);
  return id;
}

/** The visit each caller last opened a session note for (the body books it; the flag is read from it). */
const noteVisits = new WeakMap<Env, string>();

/** The appointment itself, read by the caller: its `can` says what the caller may do with it. */
const theAppointment = (_env: Env, url: string) => url.replace(/^(\/api\/appointments\/[^/]+)\/.*$/, '$1');

/** Patient B's appointment at site B with therapist B (written directly: Blake lacks the CNMT). */
async function otherSiteAppointment(env: Env): Promise<string> {
  const start = new Date(await freshStart(env));
  return buildAppointment(env.db, env.world.orgId, {
    patientId: env.world.patients.b,
    therapistId: env.world.therapists.b,
    locationId: env.world.sites.b,
    start,
  });
}

async function waitlistEntry(env: Env) {
  return insertEntry(
    env.db,
    env.world.orgId,
    {
      patientId: env.world.patients.a,
      serviceCode: 'nmt-followup-60',
      locationIds: [env.world.sites.a],
      earliest: '2026-12-01',
      latest: '2026-12-31',
      timeOfDay: null,
    },
    env.world.users.admin.id,
    new Date('2026-11-20T18:00:00Z'),
  );
}

async function liveOffer(env: Env): Promise<string> {
  const entry = await waitlistEntry(env);
  const start = new Date(await freshStart(env));
  const hold = await insertHold(
    env.db,
    env.world.orgId,
    {
      waitlistEntryId: entry.id,
      patientId: env.world.patients.a,
      therapistId: env.world.therapists.a,
      locationId: env.world.sites.a,
      roomId: null,
      serviceCode: 'nmt-followup-60',
      start,
      end: new Date(start.getTime() + 3_600_000),
      bufferAfterMinutes: 10,
      expiresAt: new Date('2026-11-20T20:00:00Z'),
    },
    new Date('2026-11-20T18:00:00Z'),
  );
  return hold.id;
}

const week = (env: Env) =>
  [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ locationId: env.world.sites.a, weekday, start: '08:00', end: '18:00' }));

export const BOOKING_ENDPOINTS: EndpointCase[] = [
  { method: 'GET', route: '/api/services', record: 'the catalogue', url: () => '/api/services', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/services',
    record: 'a new service',
    url: () => '/api/services',
    body: (env) => ({
      code: `svc-${env.unique()}`,
      name: 'NMT follow-up (45 min)',
      discipline: 'nmt',
      durationMinutes: 45,
    }),
    session: 'manageServices',
    expect: signedIn(403, { admin: 201, manager: 201, otherAdmin: 201 }),
  },
  {
    method: 'PATCH',
    route: '/api/services/:id',
    record: 'a default service',
    url: ({ world }) => `/api/services/${defaultServiceId(world.orgId, 'nmt-followup-30')}`,
    body: () => ({ name: 'NMT follow-up (30 minutes)' }),
    expect: signedIn(403, { admin: 200, manager: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/booking-settings',
    record: 'own organisation',
    url: () => '/api/booking-settings',
    expect: signedIn(200),
  },
  {
    method: 'PATCH',
    route: '/api/booking-settings',
    record: 'own organisation',
    url: () => '/api/booking-settings',
    body: () => ({ slotStepMinutes: 15 }),
    session: 'editBookingSettings',
    expect: signedIn(403, { admin: 200, otherAdmin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/therapists/:id/schedule',
    record: 'own site',
    url: ({ world }) => `/api/therapists/${world.therapists.a}/schedule`,
    expect: signedIn(200, { patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'PUT',
    route: '/api/therapists/:id/schedule',
    record: 'own site',
    url: async (env) => (await bookable(env), `/api/therapists/${env.world.therapists.a}/schedule`),
    body: (env) => ({ templates: week(env) }),
    can: { flag: 'edit', read: (_env, url) => url },
    expect: siteWrite(200),
  },
  {
    method: 'POST',
    route: '/api/therapists/:id/exceptions',
    record: 'own site',
    url: ({ world }) => `/api/therapists/${world.therapists.a}/exceptions`,
    body: () => ({ kind: 'time-off', start: '2027-06-07T16:00:00Z', end: '2027-06-07T20:00:00Z', reason: 'Course' }),
    expect: siteWrite(201),
  },
  {
    method: 'DELETE',
    route: '/api/therapists/:id/exceptions/:exceptionId',
    record: 'own site',
    url: async (env) => {
      const id = (
        await env.db.query<{ id: string }>(
          `INSERT INTO schedule_exceptions (org_id, therapist_id, kind, during)
            VALUES ($1, $2, 'time-off', tstzrange('2027-06-08 16:00Z', '2027-06-08 20:00Z')) RETURNING id`,
          [env.world.orgId, env.world.therapists.a],
        )
      )[0]!.id;
      return `/api/therapists/${env.world.therapists.a}/exceptions/${id}`;
    },
    expect: siteWrite(204),
  },
  {
    method: 'GET',
    route: '/api/availability',
    record: 'the next two weeks',
    url: async (env) => (await bookable(env), '/api/availability'),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/appointments',
    record: "patient A at A's site",
    url: () => '/api/appointments',
    body: bookingBody,
    expect: bookers(201, { otherAdmin: 422 }),
  },
  {
    method: 'GET',
    route: '/api/appointments',
    record: 'this week',
    url: async (env) => (await bookable(env), '/api/appointments'),
    expect: signedIn(200),
    secrets: (env, who) =>
      ['patient', 'front_desk', 'therapist', 'manager', 'otherAdmin'].includes(who) ? [env.world.patients.b] : [],
  },
  {
    method: 'GET',
    route: '/api/appointments/:id',
    record: "patient A at A's site",
    url: async (env) => `/api/appointments/${await bookedId(env)}`,
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/appointments/:id',
    record: "patient B at B's site",
    url: async (env) => `/api/appointments/${await otherSiteAppointment(env)}`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/appointments/series',
    record: "patient A at A's site",
    url: () => '/api/appointments/series',
    body: async (env) => ({
      patientId: env.world.patients.a,
      serviceCode: 'nmt-followup-60',
      therapistId: env.world.therapists.a,
      locationId: env.world.sites.a,
      visits: await freshVisits(env),
    }),
    expect: bookers(201, { otherAdmin: 422 }),
  },
  {
    method: 'POST',
    route: '/api/appointments/:id/reschedule',
    record: "patient A at A's site",
    url: async (env) => `/api/appointments/${await bookedId(env)}/reschedule`,
    body: async (env) => ({ start: await freshStart(env), reason: 'Work' }),
    can: { flag: 'move', read: theAppointment, weighsState: true },
    expect: bookers(200, { otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/appointments/:id/cancel',
    record: "patient A at A's site",
    url: async (env) => `/api/appointments/${await bookedId(env)}/cancel`,
    body: () => ({ reason: 'Travel' }),
    can: { flag: 'cancel', read: theAppointment, weighsState: true },
    expect: bookers(200, { otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/appointments/:id/cancel',
    record: "patient A's cancelled appointment",
    url: async (env) => `/api/appointments/${await cancelledId(env)}/cancel`,
    body: () => ({ reason: 'Travel' }),
    can: { flag: 'cancel', read: theAppointment, weighsState: true },
    expect: bookers(409, { otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/appointments/:id/status',
    record: 'patient A with therapist A',
    url: async (env) => `/api/appointments/${await bookedId(env)}/status`,
    body: () => ({ status: 'arrived' }),
    can: { flag: 'markArrived', read: theAppointment, weighsState: true },
    expect: signedIn(200, { patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/appointments/:id/status',
    record: 'patient A with therapist A, not yet arrived',
    url: async (env) => `/api/appointments/${await bookedId(env)}/status`,
    body: () => ({ status: 'completed' }),
    can: { flag: 'complete', read: theAppointment, weighsState: true },
    expect: signedIn(409, { patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/appointments/:id/status',
    record: 'patient A with therapist A, before its start',
    url: async (env) => `/api/appointments/${await bookedId(env)}/status`,
    body: () => ({ status: 'no_show' }),
    // The desk marks no-shows; before the start it is told to wait (422), never refused the right.
    can: { flag: 'noShow', read: theAppointment, weighsState: true },
    expect: signedIn(422, { therapist: 403, patient: 403, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/sessions',
    record: "one of patient A's visits with therapist A",
    url: ({ world }) => `/api/patients/${world.patients.a}/sessions`,
    body: async (env) => {
      const appointmentId = await bookedId(env);
      noteVisits.set(env, appointmentId);
      return { appointmentId, subjective: {}, objective: {}, cptMinutes: [] };
    },
    can: { flag: 'startNote', read: (env) => `/api/appointments/${noteVisits.get(env)}`, weighsState: true },
    expect: signedIn(403, { therapist: 201, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/waitlist',
    record: "patient A at A's site",
    url: async (env) => (await bookable(env), '/api/waitlist'),
    body: (env) => ({
      patientId: env.world.patients.a,
      serviceCode: 'nmt-followup-60',
      locationIds: [env.world.sites.a],
      earliest: '2026-12-01',
      latest: '2026-12-31',
    }),
    expect: bookers(201, { otherAdmin: 422 }),
  },
  {
    method: 'GET',
    route: '/api/waitlist',
    record: 'open entries',
    url: () => '/api/waitlist',
    expect: signedIn(200, { therapist: 403 }),
  },
  {
    method: 'GET',
    route: '/api/waitlist',
    record: 'open and booked entries',
    url: () => '/api/waitlist?include=booked',
    expect: signedIn(200, { therapist: 403 }),
  },
  {
    method: 'DELETE',
    route: '/api/waitlist/:id',
    record: "patient A at A's site",
    url: async (env) => (await bookable(env), `/api/waitlist/${(await waitlistEntry(env)).id}`),
    expect: bookers(204, { otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/waitlist/offers/:id/accept',
    record: "patient A's live offer",
    url: async (env) => `/api/waitlist/offers/${await liveOffer(env)}/accept`,
    expect: bookers(201, { otherAdmin: 404 }),
  },
];
