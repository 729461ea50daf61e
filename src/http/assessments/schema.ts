import { z } from 'zod';
import { Id, IsoDate, Version } from '../common.ts';
import { DiagnosisSchema } from '../diagnoses/schema.ts';

/**
 * Assessment bodies at the door: their shape only. The findings (pain map on the body map,
 * posture vocabulary, ROM against the norms, strength 0–5, trigger points against the atlas)
 * are checked by the service, which answers 422 naming the path, e.g. `findings.triggerPoints.0.muscle`.
 */
const Findings = z.record(z.string().max(40), z.unknown());

/** ICD-10-CM codes (any spelling: m5450, M54.50); the service checks each against the clinic's list. */
const Diagnoses = z.array(z.string().max(12)).max(12).describe("ICD-10-CM codes from the clinic's list, primary first");

export const AssessmentCreateSchema = z.strictObject({
  assessedOn: IsoDate.optional(),
  appointmentId: Id.nullable().optional(),
  findings: Findings,
  diagnoses: Diagnoses.optional(),
});

export const AssessmentUpdateSchema = z.strictObject({
  version: Version,
  assessedOn: IsoDate.optional(),
  findings: Findings.optional().describe('Sections given replace the stored ones; the others are kept.'),
  diagnoses: Diagnoses.optional().describe('Replaces the stored list when given'),
});

export const AssessmentSchema = z
  .object({
    id: Id,
    patientId: Id,
    appointmentId: Id.nullable(),
    assessedOn: z.string(),
    therapistId: Id.nullable(),
    findings: z
      .record(z.string(), z.unknown())
      .describe('Pain map, posture, ROM, strength, palpated trigger points, the five elements'),
    diagnoses: z.array(DiagnosisSchema).describe('Primary first'),
    version: z.number(),
    createdBy: Id,
    createdAt: z.string(),
    updatedBy: Id,
    updatedAt: z.string(),
  })
  .meta({ id: 'Assessment' });

export const AssessmentListSchema = z.object({ assessments: z.array(AssessmentSchema) });

export const MuscleSuggestionsSchema = z.object({
  assessmentId: Id,
  suggestions: z.array(
    z.object({
      muscle: z.string(),
      name: z.string(),
      side: z.string(),
      score: z.number(),
      reasons: z.array(z.unknown()),
      text: z.string(),
      confirmed: z.boolean().describe('Found on palpation'),
    }),
  ),
});
