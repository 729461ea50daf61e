import { z } from 'zod';
import { PhaseSchema } from '../../clinical/plan/index.ts';
import { IsoDate } from '../bounds.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

/** A treatment plan as the therapist keeps it: the clinical proposal, edited, plus goals and booking wishes. */

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = IsoDate;
const slug = z.string().regex(/^[a-z][a-z-]{0,39}$/, 'use lower-case words joined by hyphens, e.g. lateral-flexion');

export const PlanStageInputSchema = z.strictObject({
  phase: PhaseSchema,
  label: text(100),
  visitsPerWeek: z.number().int().min(1).max(7).optional(),
  intervalWeeks: z.number().int().min(1).max(52).optional(),
  weeks: z.number().int().min(0).max(520).optional(),
  visits: z.number().int().min(0).max(200),
  rationale: z.array(text(500)).max(20).default([]),
});

export const GoalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('nprs'),
    baseline: z.number().int().min(0).max(10).optional(),
    target: z.number().int().min(0).max(10),
    byVisit: z.number().int().min(1).max(200).optional(),
  }),
  z.strictObject({
    kind: z.literal('psfs'),
    activity: text(LIMIT.planActivity),
    baseline: z.number().min(0).max(10).optional(),
    target: z.number().min(0).max(10),
    byVisit: z.number().int().min(1).max(200).optional(),
  }),
  z.strictObject({
    kind: z.literal('rom'),
    joint: slug,
    motion: slug,
    side: z.enum(['left', 'right']).optional(),
    targetDegrees: z.number().min(0).max(360),
    byVisit: z.number().int().min(1).max(200).optional(),
  }),
]);

export const IntegrationSchema = z.strictObject({
  service: z.enum(['chiropractic', 'acupuncture', 'corrective-exercise']),
  note: text(LIMIT.planNote),
});

const planFields = {
  phase: PhaseSchema,
  stages: z.array(PlanStageInputSchema).min(1).max(6),
  totalVisits: z.number().int().min(1).max(200),
  reassessmentAtVisits: z.array(z.number().int().min(1).max(200)).max(50),
  goals: z.array(GoalSchema).max(20),
  integration: z.array(IntegrationSchema).max(10),
  startDate: isoDate,
  preferredDays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  /** Local time at the site for each booked visit, HH:MM. */
  preferredTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time in the form HH:MM.'),
  therapistId: z.uuid(),
  locationId: z.uuid(),
  serviceCode: z.string().regex(/^[a-z0-9-]{2,40}$/, 'Use a service code, e.g. nmt-60.'),
};

export const PlanBodySchema = z.strictObject({
  ...planFields,
  reassessmentAtVisits: planFields.reassessmentAtVisits.default([]),
  goals: planFields.goals.default([]),
  integration: planFields.integration.default([]),
  preferredTime: planFields.preferredTime.default('10:00'),
});
/** For edits: every field optional and no defaults, so a field left out keeps its stored value. */
export const PlanChangesSchema = z.strictObject(planFields).partial();
export type PlanBody = z.output<typeof PlanBodySchema>;

/** Rules across fields: the stages add up to the total, and reassessments fall inside the plan. */
export function planConsistency(plan: PlanBody): Record<string, string> {
  const fields: Record<string, string> = {};
  const sum = plan.stages.reduce((n, s) => n + s.visits, 0);
  if (sum !== plan.totalVisits) fields.totalVisits = `The stages add up to ${sum} visits, not ${plan.totalVisits}.`;
  plan.reassessmentAtVisits.forEach((v, i) => {
    if (v > plan.totalVisits)
      fields[`reassessmentAtVisits.${i}`] = `Visit ${v} is after the last visit (${plan.totalVisits}).`;
  });
  plan.goals.forEach((g, i) => {
    if (g.byVisit !== undefined && g.byVisit > plan.totalVisits)
      fields[`goals.${i}.byVisit`] = `Visit ${g.byVisit} is after the last visit.`;
  });
  plan.stages.forEach((s, i) => {
    if (s.visits > 0 && s.visitsPerWeek === undefined && s.intervalWeeks === undefined) {
      fields[`stages.${i}.visitsPerWeek`] = 'Give visits per week or an interval in weeks.';
    }
  });
  return fields;
}
