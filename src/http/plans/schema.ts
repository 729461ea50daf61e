import { z } from 'zod';
import { DiagnosisSchema } from '../diagnoses/schema.ts';
import { PlanBodySchema, PlanChangesSchema } from '../../services/charting/plan-document.ts';
import { PlanProposalSchema } from '../../clinical/plan/schema.ts';
import { SeriesSchema } from '../appointments/schema.ts';
import { Id, instant, Version } from '../common.ts';

export { PlanBodySchema };

/**
 * A new plan: the plan itself, and the assessment it is made from (default: the latest), whose diagnoses it carries.
 */
export const PlanCreateSchema = PlanBodySchema.extend({
  assessmentId: Id.optional().describe('The assessment the plan is made from; its diagnoses are copied to the plan'),
});

/** The factors go to the clinical core as they are; it names any bad one (422, `factors.<name>`). */
export const ProposalSchema = z.strictObject({ factors: z.record(z.string().max(40), z.unknown()) });

export const PlanUpdateSchema = PlanChangesSchema.extend({
  version: Version,
  status: z.enum(['draft', 'active', 'completed']).optional(),
});

/** What the front desk chose for one visit a series_conflict named: one of its alternatives, or leave it out. */
export const VisitChoiceSchema = z
  .strictObject({
    visit: z
      .number()
      .int()
      .min(0)
      .max(59)
      .describe('The visit number as a series_conflict gives it (0 is the first visit)'),
    start: instant('Use a date and time with its offset, e.g. 2026-12-01T09:00:00-08:00.')
      .optional()
      .describe('One of the alternatives offered for this visit'),
    locationId: Id.optional().describe("The alternative's site, when it is not the plan's"),
    skip: z.literal(true).optional().describe('Book the series without this visit'),
  })
  .refine((c) => (c.start === undefined) !== (c.skip === undefined), {
    message: 'Give either a start or skip: true.',
    path: ['start'],
  });

export const BookSchema = z.strictObject({
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time in the form HH:MM.')
    .optional()
    .describe("Local time at the site; the plan's preferred time when left out"),
  choices: z
    .array(VisitChoiceSchema)
    .max(60)
    .optional()
    .describe('Retry after a series_conflict: per conflicting visit, an alternative start or a skip'),
});

export { PlanProposalSchema };

export const TreatmentPlanSchema = z
  .object({
    id: Id,
    patientId: Id,
    status: z.enum(['draft', 'active', 'completed']),
    plan: PlanBodySchema,
    therapistId: Id.nullable(),
    locationId: Id.nullable(),
    seriesId: Id.nullable().describe('The booked series, once booked'),
    assessmentId: Id.nullable().describe('The assessment the plan was made from'),
    diagnoses: z.array(DiagnosisSchema).describe("Copied from the plan's assessment, primary first"),
    version: z.number(),
    createdBy: Id,
    createdAt: z.string(),
    updatedBy: Id,
    updatedAt: z.string(),
    can: z
      .object({
        edit: z.boolean().describe('Change the plan or move its status on'),
        book: z.boolean().describe("Book the plan's visits as one series"),
      })
      .describe('What you may do with this plan now, by the same rules the API enforces'),
  })
  .meta({ id: 'TreatmentPlan' });

export const TreatmentPlanListSchema = z.object({ plans: z.array(TreatmentPlanSchema) });

export const BookedPlanSchema = SeriesSchema.extend({ plan: TreatmentPlanSchema });
