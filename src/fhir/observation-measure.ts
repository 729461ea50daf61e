import type { Observation } from '@medplum/fhirtypes';
import { MEASURES } from '../clinical/measures/catalogue.ts';
import { compact, instant, LOINC, OBSERVATION_CATEGORY, ref, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';

export type MeasureId = 'nprs' | 'ndi' | 'odi' | 'psfs';

export interface MeasureResponseInput {
  id: string;
  patientId: string;
  measure: MeasureId;
  score: number;
  takenAt: Date;
  sessionNoteId: string | null;
  enteredRole: string;
}

/**
 * The total score's code: LOINC where the catalogue holds a confirmed code (NPRS, LOINC 72514-3
 * "Pain severity - 0-10 verbal numeric rating [Score] - Reported"), Knotwork's measure system otherwise.
 * LOINC has answer lists for the NDI items (e.g. LL3898-5), but no total-score code we could confirm
 * for NDI, ODI or PSFS, so those stay in Knotwork's own system until one is.
 */
export function measureCoding(ctx: FhirContext, measure: MeasureId) {
  const info = MEASURES[measure];
  return info.loinc ? { system: LOINC, code: info.loinc, display: info.name } : knotworkCoding(ctx, 'measure', measure);
}

/** One Observation per scored response: the total score, on the patient, from the visit it belongs to. */
export function toMeasureObservation(ctx: FhirContext, r: MeasureResponseInput): Observation {
  const info = MEASURES[r.measure];
  return compact<Observation>({
    resourceType: 'Observation',
    id: r.id,
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [measureCoding(ctx, r.measure)], text: info.name },
    subject: ref('Patient', r.patientId),
    encounter: r.sessionNoteId ? ref('Encounter', r.sessionNoteId) : undefined,
    effectiveDateTime: instant(r.takenAt),
    performer: r.enteredRole === 'patient' ? [ref('Patient', r.patientId)] : undefined,
    valueQuantity: { value: r.score, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
    derivedFrom: [ref('QuestionnaireResponse', r.id)],
    referenceRange: [{ low: { value: info.minScore }, high: { value: info.maxScore }, text: info.name }],
  });
}
