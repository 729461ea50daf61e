import type { z } from 'zod';
import type {
  MergeResultSchema,
  PatientSummarySchema,
  PossibleDuplicatesSchema,
} from '../../../src/http/patients/schema.ts';
import type { OnboardedSchema, OnboardingSchema } from '../../../src/http/therapists/onboarding-schema.ts';
import { ApiError, create, request } from './http.ts';
import type { Patient, PatientCreate } from './types.ts';

export type PatientSummary = z.infer<typeof PatientSummarySchema>;
export type VisitLine = PatientSummary['visits']['upcoming'][number];
export type PossibleDuplicates = z.infer<typeof PossibleDuplicatesSchema>;
export type DuplicateMatch = PossibleDuplicates['matches'][number];
export type MergeResult = z.infer<typeof MergeResultSchema>;
export type Onboarding = z.input<typeof OnboardingSchema>;
export type Onboarded = z.infer<typeof OnboardedSchema>;

/**
 * Every (method, OpenAPI path) this module calls; checked against /api/openapi.json by
 * test/browser/api-contract.test.ts.
 */
export const RECORD_OPERATIONS = [
  ['GET', '/api/patients/{id}/summary'],
  ['GET', '/api/patients/{id}/duplicates'],
  ['POST', '/api/patients/{id}/merge'],
  ['POST', '/api/therapists/onboarding'],
  ['GET', '/api/patients/{id}/record.pdf'],
  ['GET', '/api/patients/{id}/record.json'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);

/** The patient's record to download: the PDF in the page's language, or the same data as JSON. */
export const recordUrl = (patientId: string, format: 'pdf' | 'json', lang: 'en' | 'es') =>
  `/api/patients/${id(patientId)}/record.${format}?lang=${lang}`;

/** The registration was answered with possible matches: nothing is saved until the desk decides. */
export class PossibleDuplicate extends ApiError {
  constructor(
    err: ApiError,
    readonly found: PossibleDuplicates,
  ) {
    super(err.status, err.code, err.message, err.fields, err.payload);
    this.name = 'PossibleDuplicate';
  }
}

/** Registers a patient; a 409 possible_duplicate becomes a PossibleDuplicate with the matches. */
export async function registerPatient(
  fields: PatientCreate,
  confirmNotDuplicate: boolean,
  key: string,
): Promise<Patient> {
  try {
    return await create<Patient>('/api/patients', { ...fields, confirmNotDuplicate }, key);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'possible_duplicate')
      throw new PossibleDuplicate(err, err.payload as PossibleDuplicates);
    throw err;
  }
}

/** Where a merged record now lives (when the reader may open it), read from a 404 patient_merged. */
export function mergedInto(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.code !== 'patient_merged') return null;
  return (err.payload as { mergedInto?: string | null } | null)?.mergedInto ?? null;
}

export function patientSummary(patientId: string, signal?: AbortSignal): Promise<PatientSummary> {
  return request('GET', `/api/patients/${id(patientId)}/summary`, undefined, { signal });
}

export function duplicatesOf(patientId: string, signal?: AbortSignal): Promise<PossibleDuplicates> {
  return request('GET', `/api/patients/${id(patientId)}/duplicates`, undefined, { signal });
}

/** The key (one per intent) makes a retry after a lost answer return the first merge's answer. */
export function mergeIntoPatient(survivorId: string, duplicateId: string, key: string): Promise<MergeResult> {
  return create(`/api/patients/${id(survivorId)}/merge`, { duplicateId }, key);
}

export function onboardTherapist(body: Onboarding, key: string): Promise<Onboarded> {
  return create('/api/therapists/onboarding', body, key);
}

export const REASON_WORDS: Record<DuplicateMatch['reasons'][number], string> = {
  'name-and-birth-date': 'same name and date of birth',
  email: 'same email',
  phone: 'same phone number',
};
