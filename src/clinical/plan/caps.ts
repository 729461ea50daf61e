import type { PlanFactors, PlanProposal, PlanStage } from './schema.ts';

export interface VisitCap {
  limit: number;
  by: NonNullable<PlanProposal['cappedBy']>;
}

/** The tighter of the authorized-visit and budget limits; authorization wins a tie. */
export function visitCapOf(factors: PlanFactors): VisitCap | undefined {
  const caps: VisitCap[] = [];
  if (factors.authorizedVisits !== undefined) caps.push({ limit: factors.authorizedVisits, by: 'authorized-visits' });
  if (factors.budgetVisits !== undefined) caps.push({ limit: factors.budgetVisits, by: 'budget' });
  return caps.reduce<VisitCap | undefined>(
    (tightest, cap) => (!tightest || cap.limit < tightest.limit ? cap : tightest),
    undefined,
  );
}

function withVisits(stage: PlanStage, visits: number): PlanStage {
  const weeks = stage.visitsPerWeek ? Math.ceil(visits / stage.visitsPerWeek) : visits * (stage.intervalWeeks ?? 1);
  return { ...stage, visits, weeks, rationale: [...stage.rationale, `Cut to ${visits} visit(s) by the visit cap.`] };
}

/** Keeps the earliest visits (the most intensive care) and drops what the cap does not cover. */
export function applyCap(stages: PlanStage[], limit: number): PlanStage[] {
  const kept: PlanStage[] = [];
  let remaining = limit;
  for (const stage of stages) {
    if (remaining <= 0) break;
    if (stage.visits <= remaining) {
      kept.push(stage);
      remaining -= stage.visits;
    } else {
      kept.push(withVisits(stage, remaining));
      remaining = 0;
    }
  }
  return kept;
}
