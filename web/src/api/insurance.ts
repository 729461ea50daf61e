import type { z } from 'zod';
import type {
  AuthorizationBody,
  AuthorizationListSchema,
  AuthorizationSchema,
  CoverageBody,
  CoverageListSchema,
  CoverageSchema,
  PayerListSchema,
} from '../../../src/http/billing/schema.ts';
import { create, request } from './http.ts';

/**
 * A patient's insurance at the desk: the payer directory, coverages and authorizations.
 * Every (method, OpenAPI path) called here; test/browser/api-contract.test.ts checks each against
 * the server's /api/openapi.json.
 */
export const INSURANCE_OPERATIONS = [
  ['GET', '/api/payers'],
  ['GET', '/api/patients/{id}/coverages'],
  ['POST', '/api/patients/{id}/coverages'],
  ['GET', '/api/patients/{id}/authorizations'],
  ['POST', '/api/coverages/{id}/authorizations'],
] as const satisfies readonly (readonly [string, string])[];

export type Payer = z.infer<typeof PayerListSchema>['payers'][number];
export type Coverage = z.infer<typeof CoverageSchema>;
export type CoverageCreate = z.input<typeof CoverageBody>;
export type Authorization = z.infer<typeof AuthorizationSchema>;
export type AuthorizationCreate = z.input<typeof AuthorizationBody>;

const id = (value: string) => encodeURIComponent(value);

export async function listPayers(signal?: AbortSignal): Promise<Payer[]> {
  return (await request<z.infer<typeof PayerListSchema>>('GET', '/api/payers', undefined, { signal })).payers;
}

export async function listCoverages(patientId: string, signal?: AbortSignal): Promise<Coverage[]> {
  const path = `/api/patients/${id(patientId)}/coverages`;
  return (await request<z.infer<typeof CoverageListSchema>>('GET', path, undefined, { signal })).coverages;
}

export function createCoverage(patientId: string, coverage: CoverageCreate, key: string): Promise<Coverage> {
  return create(`/api/patients/${id(patientId)}/coverages`, coverage, key);
}

export async function listAuthorizations(patientId: string, signal?: AbortSignal): Promise<Authorization[]> {
  const path = `/api/patients/${id(patientId)}/authorizations`;
  return (await request<z.infer<typeof AuthorizationListSchema>>('GET', path, undefined, { signal })).authorizations;
}

export function createAuthorization(
  coverageId: string,
  authorization: AuthorizationCreate,
  key: string,
): Promise<Authorization> {
  return create(`/api/coverages/${id(coverageId)}/authorizations`, authorization, key);
}
