import type { Observation, ObservationComponent } from '@medplum/fhirtypes';
import { muscleById, triggerPointById } from '../clinical/atlas/index.ts';
import { compact, instant, laterality, OBSERVATION_CATEGORY, ref, SNOMED, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';

export interface TriggerPointFinding {
  muscle: string;
  triggerPoint?: string;
  side: 'left' | 'right' | 'midline' | 'bilateral';
  kind: 'active' | 'latent';
  tautBand: boolean;
  localTwitch: boolean;
  jumpSign: boolean;
  referralReproduced: boolean;
  referralRegions?: string[];
  tenderness: number;
  note?: string;
}

export interface PalpationInput {
  /** The assessment the points were palpated at. */
  id: string;
  patientId: string;
  therapistId: string | null;
  assessedOn: string;
  createdAt: Date;
  triggerPoints: readonly TriggerPointFinding[];
}

/** SNOMED CT 272741003 "Laterality (attribute)": the side as a component, beside the muscle as bodySite. */
const LATERALITY_ATTRIBUTE = { system: SNOMED, code: '272741003', display: 'Laterality' };

export function triggerPointObservationId(assessmentId: string, index: number): string {
  return `${assessmentId}-tp${index + 1}`;
}

/**
 * One Observation per palpated trigger point: the muscle as bodySite (Knotwork's muscle system, the
 * atlas's ids), its laterality, active or latent as a component, the palpation signs as components.
 */
export function toTriggerPointObservations(ctx: FhirContext, a: PalpationInput): Observation[] {
  return a.triggerPoints.map((tp, i) => {
    const muscle = muscleById(tp.muscle);
    const point = tp.triggerPoint ? triggerPointById(tp.triggerPoint) : undefined;
    const side = laterality(tp.side);
    const sign = (code: string, value: boolean): ObservationComponent => ({
      code: { coding: [knotworkCoding(ctx, 'finding', code)] },
      valueBoolean: value,
    });
    return compact<Observation>({
      resourceType: 'Observation',
      id: triggerPointObservationId(a.id, i),
      status: 'final',
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'exam', display: 'Exam' }] }],
      code: { coding: [knotworkCoding(ctx, 'finding', 'trigger-point')], text: point?.label ?? 'Trigger point' },
      subject: ref('Patient', a.patientId),
      effectiveDateTime: a.assessedOn,
      issued: instant(a.createdAt),
      performer: a.therapistId ? [ref('Practitioner', a.therapistId)] : undefined,
      bodySite: {
        coding: [knotworkCoding(ctx, 'muscle', tp.muscle, muscle?.name)],
        text: `${muscle?.name ?? tp.muscle}${tp.side === 'midline' ? '' : `, ${tp.side}`}`,
      },
      note: tp.note ? [{ text: tp.note }] : undefined,
      component: [
        {
          code: { coding: [knotworkCoding(ctx, 'finding', 'trigger-point-activity')] },
          valueCodeableConcept: { coding: [knotworkCoding(ctx, 'trigger-point-activity', tp.kind)] },
        },
        ...(side ? [{ code: { coding: [LATERALITY_ATTRIBUTE] }, valueCodeableConcept: { coding: [side] } }] : []),
        {
          code: { coding: [knotworkCoding(ctx, 'finding', 'tenderness')] },
          valueInteger: tp.tenderness,
        },
        sign('taut-band', tp.tautBand),
        sign('local-twitch', tp.localTwitch),
        sign('jump-sign', tp.jumpSign),
        sign('referral-reproduced', tp.referralReproduced),
        ...(tp.referralRegions ?? []).map((region) => ({
          code: { coding: [knotworkCoding(ctx, 'finding', 'referral-reproduced')] },
          valueCodeableConcept: { coding: [knotworkCoding(ctx, 'body-region', region)] },
        })),
      ],
    });
  });
}
