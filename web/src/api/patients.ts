import { request, withQuery } from './http.ts';
import type { Patient, PatientPage, PatientUpdate } from './types.ts';

/**
 * Finding, reading and correcting patient records.
 * Every (method, OpenAPI path) called here; test/browser/api-contract.test.ts checks each against
 * the server's /api/openapi.json so the two cannot drift apart silently.
 */
export const PATIENT_OPERATIONS = [
  ['GET', '/api/patients'],
  ['POST', '/api/patients'],
  ['GET', '/api/patients/{id}'],
  ['PATCH', '/api/patients/{id}'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);

export function searchPatients(
  query: { q?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<PatientPage> {
  return request('GET', withQuery('/api/patients', query), undefined, { signal });
}

export function getPatient(patientId: string): Promise<Patient> {
  return request('GET', `/api/patients/${id(patientId)}`);
}

export function updatePatient(patientId: string, changes: PatientUpdate): Promise<Patient> {
  return request('PATCH', `/api/patients/${id(patientId)}`, changes);
}
