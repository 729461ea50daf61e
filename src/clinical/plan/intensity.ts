import type { PlanFactors } from './schema.ts';
import { PLAN_SOURCES } from './sources.ts';

/** Symptoms lasting longer than this are chronic by the ICD-11 definition (Treede 2015). */
export const CHRONIC_AFTER_WEEKS = 12;
/** Our convention: a problem older than a year counts as long-standing and needs more visits. */
export const LONG_STANDING_WEEKS = 52;

export interface Intensity {
  /** 0 (lightest) … 3 (heaviest); picks a row of each phase's dosing table. */
  score: 0 | 1 | 2 | 3;
  reasons: string[];
}

/**
 * Folds the clinic's plan factors into one intensity score. The clinic names the factors but not
 * their weights, so each factor moves the score by one step (clinic convention): more severe,
 * longer-standing, more physically demanding lives and poor self-care need more visits; a good
 * response so far or diligent self-care need fewer.
 */
export function intensityOf(factors: PlanFactors): Intensity {
  const reasons: string[] = [];
  let score = { mild: 0, moderate: 1, severe: 2 }[factors.severity];
  reasons.push(`Severity ${factors.severity}: starting intensity ${score} of 3.`);
  if (factors.phase === 'chronic' && (factors.durationWeeks ?? 0) >= LONG_STANDING_WEEKS) {
    score += 1;
    reasons.push(`Long-standing problem (${factors.durationWeeks} weeks): one step more intensive.`);
  }
  if (factors.demands === 'high') {
    score += 1;
    reasons.push('High physical demands at work or in daily life: one step more intensive.');
  }
  if (factors.selfCareCompliance === 'low') {
    score += 1;
    reasons.push('Low self-care compliance: one step more intensive, since progress between visits is slower.');
  } else if (factors.selfCareCompliance === 'high') {
    score -= 1;
    reasons.push('High self-care compliance: one step less intensive.');
  }
  if (factors.response === 'good') {
    score -= 1;
    reasons.push('Good response so far: one step less intensive.');
  }
  const clamped = Math.max(0, Math.min(3, score)) as Intensity['score'];
  reasons.push(`Intensity ${clamped} of 3 (${PLAN_SOURCES.clinicFactors})`);
  return { score: clamped, reasons };
}
