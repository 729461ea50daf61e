import type { z } from 'zod';
import type { SessionCanSchema, SessionSchema, SessionUserSchema } from '../../../src/http/auth/schema.ts';
import type {
  PatientCreateSchema,
  PatientPageSchema,
  PatientSchema,
  PatientUpdateSchema,
} from '../../../src/http/patients/schema.ts';
import type { ClosureSchema, LocationDetailSchema, LocationSchema } from '../../../src/http/locations/schema.ts';
import type {
  CredentialSchema,
  TherapistDetailSchema,
  PublicTherapistSchema,
  StaffTherapistSchema,
} from '../../../src/http/therapists/schema.ts';
import type { StaffCreateSchema, StaffMemberSchema } from '../../../src/http/staff/schema.ts';

// Types of the routes that exist come from the server's own zod schemas.
export type Session = z.infer<typeof SessionSchema>;
export type SessionUser = z.infer<typeof SessionUserSchema>;
/** What the user may do anywhere in their reach, from the server's policies. */
export type SessionCan = z.infer<typeof SessionCanSchema>;
export type Patient = z.infer<typeof PatientSchema>;
export type PatientPage = z.infer<typeof PatientPageSchema>;
export type PatientCreate = z.input<typeof PatientCreateSchema>;
export type PatientUpdate = z.input<typeof PatientUpdateSchema>;

export type Location = z.infer<typeof LocationSchema>;
export type LocationDetail = z.infer<typeof LocationDetailSchema>;
export type Closure = z.infer<typeof ClosureSchema>;
export type Credential = z.infer<typeof CredentialSchema>;
export type CredentialStatus = Credential['status'];
/** What staff see of a therapist in a list (with credential summaries). */
export type StaffTherapist = z.infer<typeof StaffTherapistSchema>;
/** What patients see: name, discipline and sites only. */
export type PublicTherapist = z.infer<typeof PublicTherapistSchema>;
export type Therapist = StaffTherapist | PublicTherapist;
export type TherapistDetail = z.infer<typeof TherapistDetailSchema> | PublicTherapist;
export type StaffMember = z.infer<typeof StaffMemberSchema>;
export type StaffCreate = z.input<typeof StaffCreateSchema>;

export function hasCredentials<T extends Therapist | TherapistDetail>(
  p: T,
): p is Extract<T, { credentialStatus: unknown }> {
  return 'credentialStatus' in p;
}

// Routes without a schema module yet: written by hand from the agreed shapes.
export interface AuditEvent {
  id: string | number;
  at: string;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: 'allowed' | 'denied';
  patientId: string | null;
  patientName: string | null;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  /** What else the event recorded, e.g. a search's kind and result count. */
  detail?: Record<string, unknown>;
}

export interface AuditQuery {
  actor?: string;
  patient?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  before?: string;
  limit?: number;
}

export interface AuditPage {
  events: AuditEvent[];
  nextBefore: string | null;
}
