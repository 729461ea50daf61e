import { create, request } from './http.ts';
import type { StaffCreate, StaffMember } from './types.ts';

/**
 * Staff accounts.
 * Every (method, OpenAPI path) called here; test/browser/api-contract.test.ts checks each against
 * the server's /api/openapi.json so the two cannot drift apart silently.
 */
export const STAFF_OPERATIONS = [
  ['GET', '/api/staff'],
  ['POST', '/api/staff'],
] as const satisfies readonly (readonly [string, string])[];

export async function listStaff(): Promise<StaffMember[]> {
  return (await request<{ staff: StaffMember[] }>('GET', '/api/staff')).staff;
}

export function createStaff(fields: StaffCreate, key: string): Promise<StaffMember> {
  return create<StaffMember>('/api/staff', fields, key);
}
