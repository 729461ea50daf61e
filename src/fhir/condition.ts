import type { Condition } from '@medplum/fhirtypes';
import { lookupDiagnosis } from '../clinical/diagnoses/index.ts';
import { compact, ICD10CM, instant, ref, type FhirContext } from './base.ts';

export interface DiagnosedInput {
  /** The assessment the diagnoses were made at. */
  id: string;
  patientId: string;
  therapistId: string | null;
  appointmentId: string | null;
  assessedOn: string;
  createdAt: Date;
  /** ICD-10-CM codes, primary first. */
  diagnoses: string[];
}

/** A Condition's id: its assessment's id and the code (ids allow letters, digits, '-' and '.'). */
export function conditionId(assessmentId: string, code: string): string {
  return `${assessmentId}-${code}`;
}

/** One Condition per ICD-10-CM code of an assessment, the primary one ranked first. */
export function toConditions(ctx: FhirContext, a: DiagnosedInput): Condition[] {
  return a.diagnoses.map((code, i) => {
    const known = lookupDiagnosis(code);
    return compact<Condition>({
      resourceType: 'Condition',
      id: conditionId(a.id, code),
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      verificationStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
      },
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-category',
              code: 'encounter-diagnosis',
            },
          ],
        },
      ],
      code: {
        coding: [{ system: ICD10CM, code, ...(known ? { display: known.title } : {}) }],
        text: known?.plainName ?? code,
      },
      subject: ref('Patient', a.patientId),
      onsetDateTime: a.assessedOn,
      recordedDate: instant(a.createdAt),
      recorder: a.therapistId ? ref('Practitioner', a.therapistId) : undefined,
      note: i === 0 && a.diagnoses.length > 1 ? [{ text: 'Primary diagnosis.' }] : undefined,
    });
  });
}
