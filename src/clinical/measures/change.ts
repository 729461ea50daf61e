import { MEASURES } from './catalogue.ts';
import { inScoreUnits, thresholdSetFor } from './thresholds.ts';
import type { ThresholdSet } from './thresholds.ts';
import type { MeasureId } from './types.ts';
import { round1 } from './types.ts';

/** Ordered from worst to best; classification never moves down this list as improvement grows. */
export type ChangeClass = 'worse' | 'no-change' | 'beyond-mdc' | 'beyond-mcid';
export const CHANGE_CLASS_ORDER: readonly ChangeClass[] = ['worse', 'no-change', 'beyond-mdc', 'beyond-mcid'];

export interface ChangeClassification {
  /** followUp − baseline, in the measure's own unit. */
  change: number;
  /** Change in the good direction (positive = better) whatever the measure's direction. */
  improvement: number;
  /** Improvement as a percent of the room there was to improve; absent when there was none. */
  percentImprovement?: number;
  class: ChangeClass;
  threshold: ThresholdSet;
  explanation: string;
}

/**
 * Floating-point slack so an imputed 17.8 → 12.8 counts as the 5-point change it prints as.
 * Scores carry at most one decimal, so this never merges two printed values.
 */
const EPSILON = 1e-9;

const MEASUREMENT_ERROR_RULE =
  'A change smaller than the MDC is within measurement error, so it is neither a real improvement nor a real ' +
  'worsening; an MCID smaller than the MDC cannot be told apart from noise in one patient (de Vet HCW et al. ' +
  '2006, Health Qual Life Outcomes 4:54).';

/**
 * Classifies the change between two scores (MeasureScore.score units) against the
 * published thresholds:
 *  - worse: worsened by at least the MDC (by the MCID when no MDC is published);
 *  - no-change: any change inside measurement error;
 *  - beyond-mdc: improved by at least the MDC but short of the MCID;
 *  - beyond-mcid: improved by at least the MCID (absolute, or relative where the source
 *    gives one) and by at least the MDC.
 */
export function classifyChange(
  measure: MeasureId,
  baseline: number,
  followUp: number,
  options: { condition?: string } = {},
): ChangeClassification {
  const info = MEASURES[measure];
  const set = thresholdSetFor(measure, options.condition);
  const mdc = set.mdc ? inScoreUnits(set.mdc, info.maxScore) : undefined;
  const mcid = inScoreUnits(set.mcid, info.maxScore);

  const change = followUp - baseline;
  const improvement = info.higherIsWorse ? -change : change;
  const room = info.higherIsWorse ? baseline - info.minScore : info.maxScore - baseline;
  const percentImprovement = room > 0 ? (improvement / room) * 100 : undefined;

  const reaches = (limit: number) => improvement >= limit - EPSILON;
  const meetsMcid =
    reaches(mcid) ||
    (set.mcid.relative !== undefined &&
      percentImprovement !== undefined &&
      percentImprovement >= set.mcid.relative * 100 - EPSILON);
  const beyondError = mdc === undefined ? true : reaches(mdc);
  const noise = mdc ?? mcid;

  const describe =
    `${measure.toUpperCase()} ${baseline} → ${followUp} (${improvement >= 0 ? 'improved' : 'worsened'}` +
    ` by ${round1(Math.abs(improvement))})`;
  const limits =
    `MDC ${mdc ?? 'not published'}, ` +
    `MCID ${mcid}${set.mcid.relative ? ` or ${set.mcid.relative * 100}%` : ''} for ${set.population}`;

  let cls: ChangeClass;
  let why: string;
  if (improvement < 0) {
    const real = -improvement >= noise - EPSILON;
    cls = real ? 'worse' : 'no-change';
    why = real
      ? `worsening reaches the ${mdc === undefined ? 'MCID (no MDC published)' : 'MDC'}`
      : 'worsening is within measurement error';
  } else if (meetsMcid && beyondError) {
    cls = 'beyond-mcid';
    why = 'improvement reaches the MCID and exceeds measurement error';
  } else if (mdc !== undefined && beyondError) {
    cls = 'beyond-mdc';
    why = 'improvement is real (reaches the MDC) but below the MCID';
  } else {
    cls = 'no-change';
    why = meetsMcid
      ? 'improvement reaches the MCID but not the MDC, so it cannot be told from measurement error'
      : 'improvement is within measurement error';
  }

  const result: ChangeClassification = {
    change: round1(change),
    improvement: round1(improvement),
    class: cls,
    threshold: set,
    explanation: `${describe}: ${why} (${limits}). ${MEASUREMENT_ERROR_RULE}`,
  };
  if (percentImprovement !== undefined) result.percentImprovement = round1(percentImprovement);
  return result;
}
