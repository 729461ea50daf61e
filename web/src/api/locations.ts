import { request } from './http.ts';
import type { Location, LocationDetail } from './types.ts';

/**
 * The clinic's sites.
 * Every (method, OpenAPI path) called here; test/browser/api-contract.test.ts checks each against
 * the server's /api/openapi.json so the two cannot drift apart silently.
 */
export const LOCATION_OPERATIONS = [
  ['GET', '/api/locations'],
  ['GET', '/api/locations/{id}'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);

export async function listLocations(): Promise<Location[]> {
  return (await request<{ locations: Location[] }>('GET', '/api/locations')).locations;
}

export function getLocation(locationId: string): Promise<LocationDetail> {
  return request('GET', `/api/locations/${id(locationId)}`);
}
