import type { CarePlan, Goal, GoalTarget } from '@medplum/fhirtypes';
import { compact, instant, LOINC, meta, ref, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';
import { conditionId } from './condition.ts';
import { measureCoding } from './observation-measure.ts';

export type PlanGoal =
  | { kind: 'nprs'; baseline?: number; target: number; byVisit?: number }
  | { kind: 'psfs'; activity: string; baseline?: number; target: number; byVisit?: number }
  | { kind: 'rom'; joint: string; motion: string; side?: 'left' | 'right'; targetDegrees: number; byVisit?: number };

export interface PlanInput {
  id: string;
  patientId: string;
  status: 'draft' | 'active' | 'completed';
  plan: { phase?: string; totalVisits?: number; startDate?: string; goals?: PlanGoal[] };
  therapistId: string | null;
  assessmentId: string | null;
  diagnoses: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function goalId(planId: string, index: number): string {
  return `${planId}-g${index + 1}`;
}

/** Goal.lifecycleStatus follows the plan: a draft's goals are proposed, a finished plan's completed. */
const GOAL_STATUS = { draft: 'proposed', active: 'active', completed: 'completed' } as const;

const by = (goal: PlanGoal) => (goal.byVisit ? ` by visit ${goal.byVisit}` : '');

function describe(goal: PlanGoal): string {
  switch (goal.kind) {
    case 'nprs':
      return `Pain at or below ${goal.target} out of 10${by(goal)}`;
    case 'psfs':
      return `${goal.activity}: ability ${goal.target} out of 10${by(goal)}`;
    case 'rom':
      return `${goal.side ? `${goal.side} ` : ''}${goal.joint} ${goal.motion} to ${goal.targetDegrees}°${by(goal)}`;
  }
}

function target(ctx: FhirContext, goal: PlanGoal): GoalTarget {
  switch (goal.kind) {
    case 'nprs':
      return { measure: { coding: [{ system: LOINC, code: '72514-3' }] }, detailInteger: goal.target };
    case 'psfs':
      return { measure: { coding: [measureCoding(ctx, 'psfs')] }, detailInteger: goal.target };
    case 'rom':
      return {
        measure: { coding: [knotworkCoding(ctx, 'finding', 'range-of-motion')] },
        detailQuantity: {
          value: goal.targetDegrees,
          unit: 'degrees',
          system: 'http://unitsofmeasure.org',
          code: 'deg',
        },
      };
  }
}

export function toGoals(ctx: FhirContext, p: PlanInput): Goal[] {
  return (p.plan.goals ?? []).map((goal, i) =>
    compact<Goal>({
      resourceType: 'Goal',
      id: goalId(p.id, i),
      lifecycleStatus: GOAL_STATUS[p.status],
      description: { text: describe(goal) },
      subject: ref('Patient', p.patientId),
      startDate: p.plan.startDate,
      target: [target(ctx, goal)],
      expressedBy: p.therapistId ? ref('Practitioner', p.therapistId) : undefined,
      addresses: p.assessmentId ? p.diagnoses.map((code) => ref('Condition', conditionId(p.assessmentId!, code))) : [],
    }),
  );
}

/** The treatment plan: its phase, how many visits, the diagnoses it treats and its goals. */
export function toCarePlan(ctx: FhirContext, p: PlanInput): CarePlan {
  const goals = p.plan.goals ?? [];
  return compact<CarePlan>({
    resourceType: 'CarePlan',
    id: p.id,
    meta: meta(p.updatedAt, p.version),
    status: p.status,
    intent: 'plan',
    category: p.plan.phase ? [{ coding: [knotworkCoding(ctx, 'plan-phase', p.plan.phase)] }] : undefined,
    title: p.plan.totalVisits ? `${p.plan.totalVisits} visits` : undefined,
    subject: ref('Patient', p.patientId),
    period: p.plan.startDate ? { start: p.plan.startDate } : undefined,
    created: instant(p.createdAt),
    author: p.therapistId ? ref('Practitioner', p.therapistId) : undefined,
    addresses: p.assessmentId ? p.diagnoses.map((code) => ref('Condition', conditionId(p.assessmentId!, code))) : [],
    goal: goals.map((_, i) => ref('Goal', goalId(p.id, i))),
  });
}
