import { z } from 'zod';
import { Id, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';
import { ScreeningDecisionSchema, TreatmentGateSchema } from '../clearances/schema.ts';

/**
 * The intake at the door: its shape only. The questionnaire itself (screening answers, pain map
 * against the body map, dates) is checked by the service, which answers 422 naming the path,
 * e.g. `answers.surgeries.0.date`.
 */
const section = z.record(z.string().max(60), z.unknown());
const list = (max: number) => z.array(z.unknown()).max(max);

const document = {
  questionnaire: z.literal('knotwork-intake-v1').optional(),
  answers: section,
  injuries: list(50).optional(),
  otherConditions: text(LIMIT.shortNote).optional(),
  goals: list(20).optional(),
  painStory: section.optional(),
  painMap: list(200).optional(),
};

export const IntakeSubmitSchema = z.strictObject(document);
export const IntakeDraftBodySchema = z.strictObject({ ...document, answers: section.optional() });

export const IntakeVersionParams = z.strictObject({ id: Id, version: z.coerce.number().int().min(1).max(100_000) });

const SubmittedBy = z.object({ userId: Id, role: z.string(), name: z.string().nullable() });

export const IntakeViewSchema = z
  .object({
    version: z.number().nullable().describe('Null for the draft in progress'),
    status: z.enum(['in-progress', 'completed']),
    document: z.record(z.string(), z.unknown()).describe('The intake questionnaire as it was filled in'),
    flaggedMedications: z.array(z.object({ class: z.string(), name: z.string().nullable() })),
    submittedBy: SubmittedBy,
    submittedAt: z.string(),
  })
  .meta({ id: 'IntakeView' });

export const IntakeOverviewSchema = z
  .object({
    latest: IntakeViewSchema.nullable(),
    draft: IntakeViewSchema.nullable(),
    versions: z.array(
      z.object({
        version: z.number(),
        submittedAt: z.string(),
        submittedBy: Id,
        submittedRole: z.string(),
        submittedByName: z.string().nullable(),
        decision: ScreeningDecisionSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'IntakeOverview' });

export const IntakeVersionSchema = IntakeViewSchema.extend({
  screening: z
    .object({
      decision: ScreeningDecisionSchema,
      explanation: z.array(z.string()),
      screenedFor: z.string(),
      screenedAt: z.string(),
    })
    .nullable(),
});

export const SubmittedIntakeSchema = z
  .object({
    intake: IntakeViewSchema,
    screening: z.object({
      decision: ScreeningDecisionSchema,
      explanation: z.array(z.string()),
      screenedFor: z.string(),
    }),
    gate: TreatmentGateSchema,
  })
  .meta({ id: 'SubmittedIntake' });
