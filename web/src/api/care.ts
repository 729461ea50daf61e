import type { z } from 'zod';
import type {
  CareTeamSchema,
  LookupResultSchema,
  LookupSchema,
  RegisterSiteResultSchema,
} from '../../../src/http/care/schema.ts';
import { create, request } from './http.ts';

// Types come from the care routes' own zod schemas.
export type CareTeam = z.infer<typeof CareTeamSchema>;
export type CareMember = CareTeam['careTeam'][number];
export type PatientLookup = z.input<typeof LookupSchema>;
export type LookupMatch = z.infer<typeof LookupResultSchema>['matches'][number];
export type SiteRegistration = z.infer<typeof RegisterSiteResultSchema>;

/** Every (method, OpenAPI path) this module calls; checked by test/browser/api-contract.test.ts. */
export const CARE_OPERATIONS = [
  ['POST', '/api/patients/lookup'],
  ['POST', '/api/patients/{id}/sites'],
  ['GET', '/api/patients/{id}/care-team'],
  ['POST', '/api/patients/{id}/care-team'],
  ['POST', '/api/patients/{id}/care-team/{therapistId}/end'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);

export async function lookupPatient(query: PatientLookup): Promise<LookupMatch[]> {
  return (await request<{ matches: LookupMatch[] }>('POST', '/api/patients/lookup', query)).matches;
}

export function registerAtSite(
  patientId: string,
  body: { locationId: string; reason: string },
  key: string,
): Promise<SiteRegistration> {
  return create(`/api/patients/${id(patientId)}/sites`, body, key);
}

export function getCareTeam(patientId: string, signal?: AbortSignal): Promise<CareTeam> {
  return request('GET', `/api/patients/${id(patientId)}/care-team`, undefined, { signal });
}

export function grantCare(
  patientId: string,
  body: { therapistId: string; reason: string },
  key: string,
): Promise<CareTeam> {
  return create(`/api/patients/${id(patientId)}/care-team`, body, key);
}

export function endCare(patientId: string, therapistId: string, reason: string): Promise<CareTeam> {
  return request('POST', `/api/patients/${id(patientId)}/care-team/${id(therapistId)}/end`, { reason });
}
