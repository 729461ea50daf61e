/** Authorization-matrix cases for the record download (JSON and PDF): whoever opens the chart, a patient their own. */
import type { EndpointCase, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === 'anonymous' ? 401 : status)])) as Record<Who, number>;

export const PATIENT_RECORD_ENDPOINTS: EndpointCase[] = (['json', 'pdf'] as const).flatMap((format) => [
  {
    method: 'GET' as const,
    route: `/api/patients/:id/record.${format}`,
    record: "own site's patient (the patient's own record)",
    url: ({ world }) => `/api/patients/${world.patients.a}/record.${format}`,
    expect: signedIn(200, { otherAdmin: 404 }),
  },
  {
    method: 'GET' as const,
    route: `/api/patients/:id/record.${format}`,
    record: "another site's patient",
    url: ({ world }) => `/api/patients/${world.patients.b}/record.${format}?lang=es`,
    expect: signedIn(403, { admin: 200, otherAdmin: 404 }),
  },
]);
