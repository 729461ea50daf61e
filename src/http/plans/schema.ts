import { z } from 'zod';
import { PlanBodySchema, PlanChangesSchema } from '../../services/charting/plan-document.ts';

export { PlanBodySchema };

/** The factors go to the clinical core as they are; it names any bad one (422, `factors.<name>`). */
export const ProposalSchema = z.strictObject({ factors: z.record(z.string().max(40), z.unknown()) });

export const PlanUpdateSchema = PlanChangesSchema.extend({
  version: z.number().int().min(1).describe('The version you read; a newer stored version is a 409.'),
  status: z.enum(['draft', 'active', 'completed']).optional(),
});

export const BookSchema = z.strictObject({
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time in the form HH:MM.').optional().describe("Local time at the site; the plan's preferred time when left out"),
});
