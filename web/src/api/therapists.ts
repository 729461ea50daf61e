import { request } from './http.ts';
import type { Therapist, TherapistDetail } from './types.ts';

/**
 * The therapists, as each role may see them.
 * Every (method, OpenAPI path) called here; test/browser/api-contract.test.ts checks each against
 * the server's /api/openapi.json so the two cannot drift apart silently.
 */
export const THERAPIST_OPERATIONS = [
  ['GET', '/api/therapists'],
  ['GET', '/api/therapists/{id}'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);

export async function listTherapists(): Promise<Therapist[]> {
  return (await request<{ therapists: Therapist[] }>('GET', '/api/therapists')).therapists;
}

export function getTherapist(therapistId: string): Promise<TherapistDetail> {
  return request('GET', `/api/therapists/${id(therapistId)}`);
}
