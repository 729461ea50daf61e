/** Which patients a query may touch; decided by services/policies, applied here as SQL. */
export type PatientScope =
  | { kind: 'organization' }
  | { kind: 'self'; patientId: string }
  | { kind: 'locations'; locationIds: string[] }
  | { kind: 'therapist'; therapistId: string }
  | { kind: 'none' };
