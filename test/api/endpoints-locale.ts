/**
 * Authorization-matrix case for choosing the portal's language: a patient account keeps it on its own
 * record; staff screens have one language, so a staff account has nowhere to keep one.
 */
import type { EndpointCase, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const patientsOnly = (status: number) =>
  Object.fromEntries(WHO.map((w) => [w, w === 'anonymous' ? 401 : w === 'patient' ? status : 403])) as Record<
    Who,
    number
  >;

export const LOCALE_ENDPOINTS: EndpointCase[] = [
  {
    method: 'PUT',
    route: '/api/auth/locale',
    record: "own account's language",
    url: () => '/api/auth/locale',
    body: () => ({ locale: 'es' }),
    expect: patientsOnly(200),
  },
];
