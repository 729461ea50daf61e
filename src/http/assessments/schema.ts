import { z } from 'zod';
import { Id, IsoDate, Version } from '../common.ts';

/**
 * Assessment bodies at the door: their shape only. The findings (pain map on the body map,
 * posture vocabulary, ROM against the norms, strength 0–5, trigger points against the atlas)
 * are checked by the service, which answers 422 naming the path, e.g. `findings.triggerPoints.0.muscle`.
 */
const Findings = z.record(z.string().max(40), z.unknown());

export const AssessmentCreateSchema = z.strictObject({
  assessedOn: IsoDate.optional(),
  appointmentId: Id.nullable().optional(),
  findings: Findings,
});

export const AssessmentUpdateSchema = z.strictObject({
  version: Version,
  assessedOn: IsoDate.optional(),
  findings: Findings.optional().describe('Sections given replace the stored ones; the others are kept.'),
});

export const AssessmentSchema = z
  .object({
    id: Id, patientId: Id, appointmentId: Id.nullable(), assessedOn: z.string(), practitionerId: Id.nullable(),
    findings: z.record(z.string(), z.unknown()).describe('Pain map, posture, ROM, strength, palpated trigger points, the five elements'),
    version: z.number(), createdBy: Id, createdAt: z.string(), updatedBy: Id, updatedAt: z.string(),
  })
  .meta({ id: 'Assessment' });

export const AssessmentListSchema = z.object({ assessments: z.array(AssessmentSchema) });

export const MuscleSuggestionsSchema = z.object({
  assessmentId: Id,
  suggestions: z.array(z.object({
    muscle: z.string(), name: z.string(), side: z.string(), score: z.number(), reasons: z.array(z.unknown()), text: z.string(),
    confirmed: z.boolean().describe('Found on palpation'),
  })),
});
