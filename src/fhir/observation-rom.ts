import type { Observation, Quantity } from '@medplum/fhirtypes';
import { compact, laterality, OBSERVATION_CATEGORY, ref, SNOMED, UCUM, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';

/** One measured motion, as an assessment, a visit's objective or its reassessment stores it. */
export interface RomMeasurement {
  joint: string;
  motion: string;
  side?: string | null;
  degrees: number;
  /** The least motion still called normal (the norms table's value, or the one the clinician gave). */
  normal?: number | null;
  painOnMotion?: boolean;
  note?: string;
}

/** Where the measurements were taken: an assessment, or a visit before or after treatment. */
export interface RomInput {
  /** The assessment's or the session note's id. */
  id: string;
  taken: 'assessment' | 'before' | 'after';
  patientId: string;
  therapistId: string | null;
  /** A calendar date (assessment) or an instant (visit). */
  effective: string;
  encounterId?: string;
  rows: readonly RomMeasurement[];
}

/** SNOMED CT 272741003 "Laterality (attribute)", as the trigger point Observations carry the side. */
const LATERALITY_ATTRIBUTE = { system: SNOMED, code: '272741003', display: 'Laterality' };

const SUFFIX: Record<RomInput['taken'], string> = { assessment: 'rom', before: 'rom-before', after: 'rom-after' };
const WHEN: Record<RomInput['taken'], string | undefined> = {
  assessment: undefined,
  before: 'Measured before treatment',
  after: 'Measured after treatment',
};

export function romObservationId(recordId: string, taken: RomInput['taken'], index: number): string {
  return `${recordId}-${SUFFIX[taken]}${index + 1}`;
}

const words = (slug: string) => slug.replace(/-/g, ' ');
const degrees = (value: number): Quantity => ({ value, unit: 'deg', system: UCUM, code: 'deg' });

/**
 * One Observation per measured motion, in degrees (UCUM `deg`). No LOINC code names a joint's
 * motion in general, so the joint and motion are coded in Knotwork's range-of-motion system
 * (`<joint>.<motion>`), the joint also as bodySite and the side as a laterality component.
 */
export function toRomObservations(ctx: FhirContext, r: RomInput): Observation[] {
  return r.rows.map((row, i) => {
    const side = laterality(row.side);
    const label = `${words(row.joint)} ${words(row.motion)}`;
    const text = `${label[0]!.toUpperCase()}${label.slice(1)}${row.side ? `, ${row.side}` : ''}`;
    return compact<Observation>({
      resourceType: 'Observation',
      id: romObservationId(r.id, r.taken, i),
      status: 'final',
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'exam', display: 'Exam' }] }],
      code: { coding: [knotworkCoding(ctx, 'range-of-motion', `${row.joint}.${row.motion}`)], text },
      subject: ref('Patient', r.patientId),
      encounter: r.encounterId ? ref('Encounter', r.encounterId) : undefined,
      effectiveDateTime: r.effective,
      performer: r.therapistId ? [ref('Practitioner', r.therapistId)] : undefined,
      valueQuantity: degrees(row.degrees),
      bodySite: {
        coding: [knotworkCoding(ctx, 'joint', row.joint)],
        text: `${words(row.joint)}${row.side ? `, ${row.side}` : ''}`,
      },
      note: [WHEN[r.taken], row.note].filter((n) => n !== undefined).map((n) => ({ text: n! })),
      referenceRange: row.normal ? [{ low: degrees(row.normal), text: `Normal: at least ${row.normal}°` }] : undefined,
      component: [
        ...(side ? [{ code: { coding: [LATERALITY_ATTRIBUTE] }, valueCodeableConcept: { coding: [side] } }] : []),
        ...(row.painOnMotion === undefined
          ? []
          : [{ code: { coding: [knotworkCoding(ctx, 'finding', 'pain-on-motion')] }, valueBoolean: row.painOnMotion }]),
      ],
    });
  });
}
