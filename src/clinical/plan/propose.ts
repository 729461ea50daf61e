import { PlanFactorsSchema, fieldErrors } from './schema.ts';
import type { FieldError, PlanFactors, PlanProposal, PlanStage } from './schema.ts';
import { CHRONIC_AFTER_WEEKS, intensityOf } from './intensity.ts';
import { acuteStages, chronicStages, maintenanceStages } from './stages.ts';
import { applyCap, visitCapOf } from './caps.ts';
import { REASSESS_MIN_GAP, reassessmentPoints } from './reassess.ts';
import { PLAN_SOURCES } from './sources.ts';

export class PlanInputError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'PlanInputError';
  }
}

export type SafeResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Proposes a plan; never throws. Invalid factors come back as errors naming the field. */
export function safeProposePlan(input: unknown): SafeResult<PlanProposal> {
  const parsed = PlanFactorsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, value: buildProposal(parsed.data) };
}

/** Proposes a plan; throws PlanInputError on invalid factors (use safeProposePlan at boundaries). */
export function proposePlan(factors: PlanFactors): PlanProposal {
  const result = safeProposePlan(factors);
  if (!result.ok) throw new PlanInputError(result.errors);
  return result.value;
}

function phaseWarnings(factors: PlanFactors): string[] {
  const warnings: string[] = [];
  const weeks = factors.durationWeeks;
  if (weeks === undefined) return warnings;
  if (factors.phase === 'acute' && weeks > CHRONIC_AFTER_WEEKS) {
    warnings.push(
      `Symptoms for ${weeks} weeks are chronic by definition (over ${CHRONIC_AFTER_WEEKS} weeks); ` +
        `check the phase. ${PLAN_SOURCES.chronicDefinition}`,
    );
  }
  if (factors.phase === 'chronic' && weeks < CHRONIC_AFTER_WEEKS) {
    warnings.push(
      `Symptoms for ${weeks} weeks are not yet chronic by definition (over ${CHRONIC_AFTER_WEEKS} weeks); ` +
        `check the phase. ${PLAN_SOURCES.chronicDefinition}`,
    );
  }
  return warnings;
}

function buildProposal(factors: PlanFactors): PlanProposal {
  const intensity = intensityOf(factors);
  const rationale = [...intensity.reasons];
  const warnings = phaseWarnings(factors);

  let stages: PlanStage[] =
    factors.phase === 'acute'
      ? acuteStages(intensity)
      : factors.phase === 'chronic'
        ? chronicStages(intensity)
        : maintenanceStages(factors, intensity);

  if (factors.response === 'poor' && factors.phase !== 'maintenance') {
    stages = stages.slice(0, 1);
    warnings.push(
      'Poor response so far: only the first stage is proposed. Reassess, and consider a change of approach or a ' +
        'referral, before booking further.',
    );
  }

  let cappedBy: PlanProposal['cappedBy'];
  const cap = visitCapOf(factors);
  const needed = stages.reduce((sum, stage) => sum + stage.visits, 0);
  if (cap && needed > cap.limit) {
    stages = applyCap(stages, cap.limit);
    cappedBy = cap.by;
    const what = cap.by === 'budget' ? 'the budget' : 'authorized visits';
    warnings.push(
      `The plan needs ${needed} visits but ${what} cover ${cap.limit}; later stages are cut. Ask for more visits or ` +
        `plan self-care for the rest.`,
    );
  }

  const totalVisits = stages.reduce((sum, stage) => sum + stage.visits, 0);
  const reassessmentAtVisits = reassessmentPoints(stages);
  if (totalVisits > 0 && totalVisits < REASSESS_MIN_GAP) {
    warnings.push(
      `Only ${totalVisits} visit(s): too few for the 4–6 visit reassessment cycle, so no reassessment point is ` +
        `scheduled.`,
    );
  }
  rationale.push(`Reassess every 4–6 visits. ${PLAN_SOURCES.progressReport}`);

  const proposal: PlanProposal = { stages, totalVisits, reassessmentAtVisits, rationale, warnings };
  if (cappedBy) proposal.cappedBy = cappedBy;
  return proposal;
}
