/** Authorization-matrix cases for schedule changes over booked visits: previews and what the desk does about them. */
import { bookable, bookedId } from './endpoints-booking.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === 'anonymous' ? 401 : status)])) as Record<Who, number>;
/** Previews are for whoever may make the change: admins, and managers of the site. */
const managers = (ownSite: boolean) =>
  signedIn(403, { admin: 200, ...(ownSite ? { manager: 200 } : {}), otherAdmin: 404 });
/** Telling patients and cancelling for the clinic: the desk and managers of the site, admins. */
const desk = signedIn(200, { therapist: 403, patient: 403, otherAdmin: 404 });

const allWeek = () =>
  Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [{ open: '09:00', close: '17:00' }]]));

export const SCHEDULE_CHANGE_ENDPOINTS: EndpointCase[] = [
  {
    method: 'POST',
    route: '/api/locations/:id/closures/preview',
    record: 'own site',
    url: async (env: Env) => (await bookable(env), `/api/locations/${env.world.sites.a}/closures/preview`),
    body: () => ({ startsOn: '2026-11-24', endsOn: '2026-11-25', reason: 'Floor repairs' }),
    expect: managers(true),
  },
  {
    method: 'POST',
    route: '/api/locations/:id/closures/preview',
    record: 'another site',
    url: ({ world }) => `/api/locations/${world.sites.b}/closures/preview`,
    body: () => ({ startsOn: '2026-11-24', endsOn: '2026-11-24', reason: 'Power cut' }),
    expect: managers(false),
  },
  {
    method: 'POST',
    route: '/api/locations/:id/hours/preview',
    record: 'own site',
    url: async (env: Env) => (await bookable(env), `/api/locations/${env.world.sites.a}/hours/preview`),
    body: () => ({ hours: allWeek() }),
    expect: managers(true),
  },
  {
    method: 'POST',
    route: '/api/therapists/:id/exceptions/preview',
    record: 'own site',
    url: async (env: Env) => (await bookable(env), `/api/therapists/${env.world.therapists.a}/exceptions/preview`),
    body: () => ({ kind: 'time-off', start: '2026-11-24T16:00:00Z', end: '2026-11-24T20:00:00Z', reason: 'Course' }),
    expect: managers(true),
  },
  {
    method: 'POST',
    route: '/api/therapists/:id/schedule/preview',
    record: 'own site',
    url: async (env: Env) => (await bookable(env), `/api/therapists/${env.world.therapists.a}/schedule/preview`),
    body: (env) => ({
      templates: [1, 2, 3].map((weekday) => ({ locationId: env.world.sites.a, weekday, start: '09:00', end: '17:00' })),
    }),
    expect: managers(true),
  },
  {
    method: 'POST',
    route: '/api/appointments/conflicts/notify',
    record: "patient A at A's site",
    url: () => '/api/appointments/conflicts/notify',
    body: async (env) => ({ appointmentIds: [await bookedId(env)], note: 'Sorry for the trouble.' }),
    session: 'frontDeskCalendar',
    expect: desk,
  },
  {
    method: 'POST',
    route: '/api/appointments/conflicts/cancel',
    record: "patient A at A's site",
    url: () => '/api/appointments/conflicts/cancel',
    body: async (env) => ({ appointmentIds: [await bookedId(env)], message: 'The clinic is closed that day.' }),
    expect: desk,
  },
  {
    method: 'GET',
    route: '/api/appointments/:id/alternatives',
    record: "patient A at A's site",
    url: async (env) => `/api/appointments/${await bookedId(env)}/alternatives`,
    can: { flag: 'move', read: (_env, url) => url.replace(/\/alternatives$/, ''), weighsState: true },
    expect: signedIn(200, { therapist: 403, otherAdmin: 404 }),
  },
];
