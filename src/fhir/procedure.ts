import type { Extension, Procedure } from '@medplum/fhirtypes';
import { muscleById } from '../clinical/atlas/index.ts';
import { compact, instant, laterality, ref, UCUM, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';

export interface TreatmentStepInput {
  id: string;
  sessionNoteId: string;
  seq: number;
  muscle: string;
  triggerPoint: string | null;
  side: 'left' | 'right' | 'midline';
  technique: string;
  durationSeconds: number | null;
  holdSeconds: number | null;
  painRating: number | null;
  releaseAchieved: boolean | null;
  recordedAt: Date;
}

export interface StepVisit {
  patientId: string;
  therapistId: string;
  status: 'draft' | 'signed';
}

/** Where Knotwork's own extensions are defined: under the organisation's canonical base. */
export function extensionUrl(ctx: FhirContext, name: string): string {
  return `${ctx.base}/StructureDefinition/${name}`;
}

/**
 * One treatment step: the technique as code, the muscle as body site, the hold in seconds and the
 * pain the patient reported (1–10) as extensions, whether the point released as the outcome.
 */
export function toProcedure(ctx: FhirContext, step: TreatmentStepInput, visit: StepVisit): Procedure {
  const muscle = muscleById(step.muscle);
  const side = laterality(step.side);
  const extension: Extension[] = [
    ...(step.holdSeconds !== null
      ? [
          {
            url: extensionUrl(ctx, 'hold-seconds'),
            valueQuantity: { value: step.holdSeconds, unit: 's', system: UCUM, code: 's' },
          },
        ]
      : []),
    ...(step.painRating !== null
      ? [{ url: extensionUrl(ctx, 'pain-during-treatment'), valueInteger: step.painRating }]
      : []),
  ];
  return compact<Procedure>({
    resourceType: 'Procedure',
    id: step.id,
    extension,
    status: visit.status === 'signed' ? 'completed' : 'in-progress',
    code: { coding: [knotworkCoding(ctx, 'technique', step.technique)] },
    subject: ref('Patient', visit.patientId),
    encounter: ref('Encounter', step.sessionNoteId),
    performedDateTime: instant(step.recordedAt),
    performer: [{ actor: ref('Practitioner', visit.therapistId) }],
    bodySite: [
      {
        coding: [knotworkCoding(ctx, 'muscle', step.muscle, muscle?.name)],
        text: `${muscle?.name ?? step.muscle}${side && step.side !== 'midline' ? `, ${step.side}` : ''}`,
      },
    ],
    outcome: step.releaseAchieved === null ? undefined : { text: step.releaseAchieved ? 'Released' : 'Not released' },
  });
}
