import { z } from 'zod';
import { isIsoDate } from '../../time/index.ts';

export const PhaseSchema = z.enum(['acute', 'chronic', 'maintenance']);
export type Phase = z.infer<typeof PhaseSchema>;

const Level = z.enum(['low', 'moderate', 'high']);
const VisitCount = z.number().int().min(0).max(1000);

export const PlanFactorsSchema = z.object({
  phase: PhaseSchema,
  severity: z.enum(['mild', 'moderate', 'severe']),
  durationWeeks: z.number().min(0).max(5200).optional(),
  response: z.enum(['unknown', 'poor', 'partial', 'good']).optional(),
  /** Physical demands of work and life. */
  demands: Level.optional(),
  selfCareCompliance: Level.optional(),
  authorizedVisits: VisitCount.optional(),
  budgetVisits: VisitCount.optional(),
  maintenanceGoal: z.enum(['active', 'less-demanding', 'preventive']).optional(),
});
export type PlanFactors = z.infer<typeof PlanFactorsSchema>;

export const PlanStageSchema = z.object({
  phase: PhaseSchema,
  label: z.string(),
  visitsPerWeek: z.number().int().min(1).max(7).optional(),
  intervalWeeks: z.number().int().min(1).max(52).optional(),
  weeks: z.number().int().min(0).optional(),
  visits: z.number().int().min(0).max(1000),
  rationale: z.array(z.string()),
});
export type PlanStage = z.infer<typeof PlanStageSchema>;

export const PlanProposalSchema = z.object({
  stages: z.array(PlanStageSchema),
  totalVisits: z.number().int().min(0),
  /** Visit numbers (1-based) at which to reassess, every 4–6 visits. */
  reassessmentAtVisits: z.array(z.number().int().min(1)),
  cappedBy: z.enum(['authorized-visits', 'budget']).optional(),
  rationale: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type PlanProposal = z.infer<typeof PlanProposalSchema>;

const CalendarDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });
const Weekday = z.union([
  z.literal(0),
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
]);

export const ScheduleOptionsSchema = z.object({
  startDate: CalendarDate,
  /** 0 = Sunday … 6 = Saturday. */
  preferredDays: z.array(Weekday).min(1, { message: 'choose at least one preferred day' }),
  /** Closures and other days with no visits. */
  avoidDates: z.array(CalendarDate).max(5000).optional(),
});
export type ScheduleOptions = z.infer<typeof ScheduleOptionsSchema>;

export interface FieldError {
  field: string;
  message: string;
}

/** Turns zod issues into errors that name the field (dotted path, e.g. `avoidDates.2`). */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part) => String(part)).join('.');
    const field = [prefix, path].filter((part) => part !== '').join('.');
    return { field: field === '' ? '(input)' : field, message: issue.message };
  });
}
