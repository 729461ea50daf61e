import { create, request, withQuery } from './http.ts';
import type {
  AuditPage,
  AuditQuery,
  Location,
  LocationDetail,
  Patient,
  PatientPage,
  PatientUpdate,
  Therapist,
  TherapistDetail,
  Session,
  StaffCreate,
  StaffMember,
} from './types.ts';

/**
 * Every (method, OpenAPI path) the client calls; test/browser/api-contract.test.ts checks each
 * against the server's /api/openapi.json so the two cannot drift apart silently.
 */
export const API_OPERATIONS = [
  ['POST', '/api/auth/login'],
  ['GET', '/api/auth/session'],
  ['POST', '/api/auth/logout'],
  ['POST', '/api/auth/password'],
  ['GET', '/api/patients'],
  ['POST', '/api/patients'],
  ['GET', '/api/patients/{id}'],
  ['PATCH', '/api/patients/{id}'],
  ['GET', '/api/locations'],
  ['GET', '/api/locations/{id}'],
  ['GET', '/api/therapists'],
  ['GET', '/api/therapists/{id}'],
  ['GET', '/api/staff'],
  ['POST', '/api/staff'],
  ['GET', '/api/audit'],
  ['GET', '/api/organization'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);

/** `organization`: only when a first try answered 409 organization_required (one password, several clinics). */
export function login(email: string, password: string, organization?: string): Promise<Session> {
  return request('POST', '/api/auth/login', organization ? { email, password, organization } : { email, password }, {
    quiet401: true,
  });
}

/** The current session, or null when signed out. */
export async function getSession(): Promise<Session | null> {
  try {
    return await request<Session>('GET', '/api/auth/session', undefined, { quiet401: true });
  } catch (err) {
    if ((err as { status?: number }).status === 401) return null;
    throw err;
  }
}

export function logout(): Promise<void> {
  return request('POST', '/api/auth/logout', undefined, { quiet401: true });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request('POST', '/api/auth/password', { currentPassword, newPassword });
}

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

export async function listLocations(): Promise<Location[]> {
  return (await request<{ locations: Location[] }>('GET', '/api/locations')).locations;
}

export function getLocation(locationId: string): Promise<LocationDetail> {
  return request('GET', `/api/locations/${id(locationId)}`);
}

export async function listTherapists(): Promise<Therapist[]> {
  return (await request<{ therapists: Therapist[] }>('GET', '/api/therapists')).therapists;
}

export function getTherapist(therapistId: string): Promise<TherapistDetail> {
  return request('GET', `/api/therapists/${id(therapistId)}`);
}

export async function listStaff(): Promise<StaffMember[]> {
  return (await request<{ staff: StaffMember[] }>('GET', '/api/staff')).staff;
}

export function createStaff(fields: StaffCreate, key: string): Promise<StaffMember> {
  return create<StaffMember>('/api/staff', fields, key);
}

export function listAuditEvents(query: AuditQuery): Promise<AuditPage> {
  return request('GET', withQuery('/api/audit', { ...query }));
}
