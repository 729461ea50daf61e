import type { Observation } from '@medplum/fhirtypes';
import { instant, LOINC, OBSERVATION_CATEGORY, ref, UCUM } from './base.ts';

/**
 * The readings the desk takes at intake, as the FHIR R4 vital-signs profile asks
 * (http://hl7.org/fhir/R4/observation-vitalsigns.html): category vital-signs, the profile's LOINC
 * codes (85354-9 blood pressure panel with 8480-6 systolic and 8462-4 diastolic; 8310-5 body
 * temperature) and UCUM units (mm[Hg], Cel).
 */
export interface VitalsInput {
  /** The intake response the readings came with. */
  id: string;
  patientId: string;
  takenAt: Date;
  bloodPressure?: { systolic: number; diastolic: number };
  temperatureC?: number;
}

const VITALS_PROFILE = 'http://hl7.org/fhir/StructureDefinition/vitalsigns';
const BP_PROFILE = 'http://hl7.org/fhir/StructureDefinition/bp';
const TEMP_PROFILE = 'http://hl7.org/fhir/StructureDefinition/bodytemp';
const VITAL_SIGNS = [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }] }];

const mmHg = (value: number) => ({ value, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' });

export function toVitalsObservations(v: VitalsInput): Observation[] {
  const common = {
    resourceType: 'Observation' as const,
    status: 'final' as const,
    category: VITAL_SIGNS,
    subject: ref('Patient', v.patientId),
    effectiveDateTime: instant(v.takenAt),
  };
  const out: Observation[] = [];
  if (v.bloodPressure) {
    out.push({
      ...common,
      id: `${v.id}-bp`,
      meta: { profile: [VITALS_PROFILE, BP_PROFILE] },
      code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel' }], text: 'Blood pressure' },
      component: [
        {
          code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] },
          valueQuantity: mmHg(v.bloodPressure.systolic),
        },
        {
          code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] },
          valueQuantity: mmHg(v.bloodPressure.diastolic),
        },
      ],
    });
  }
  if (v.temperatureC !== undefined) {
    out.push({
      ...common,
      id: `${v.id}-temp`,
      meta: { profile: [VITALS_PROFILE, TEMP_PROFILE] },
      code: { coding: [{ system: LOINC, code: '8310-5', display: 'Body temperature' }], text: 'Temperature' },
      valueQuantity: { value: v.temperatureC, unit: 'C', system: UCUM, code: 'Cel' },
    });
  }
  return out;
}
