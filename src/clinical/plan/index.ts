export {
  PhaseSchema,
  PlanFactorsSchema,
  PlanProposalSchema,
  PlanStageSchema,
  ScheduleOptionsSchema,
} from './schema.ts';
export type { FieldError, Phase, PlanFactors, PlanProposal, PlanStage, ScheduleOptions } from './schema.ts';
export { PlanInputError, proposePlan, safeProposePlan } from './propose.ts';
export type { SafeResult } from './propose.ts';
export { safeScheduleVisits, scheduleVisits } from './schedule.ts';
export type { ScheduledVisit } from './schedule.ts';
export { PLAN_SOURCES } from './sources.ts';
