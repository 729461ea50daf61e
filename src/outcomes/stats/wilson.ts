import { zForConfidence } from './distributions.ts';

/** A share with its confidence interval; all three numbers are fractions between 0 and 1. */
export interface ProportionInterval {
  numerator: number;
  denominator: number;
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
  method: 'wilson';
}

/**
 * Wilson score interval (Wilson 1927), without continuity correction: method 3 of Newcombe 1998
 * (Stat Med 17:857–872), the interval Brown, Cai & DasGupta 2001 (Stat Sci 16:101–133) recommend
 * for small n. Unlike the textbook p ± z·√(p(1−p)/n) it never leaves [0, 1] and does not collapse
 * to zero width at 0/n or n/n — which matters for a clinic's small groups.
 *
 * Returns null for an empty denominator: there is no share to estimate.
 */
export function wilsonInterval(numerator: number, denominator: number, confidence = 0.95): ProportionInterval | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || numerator > denominator) {
    throw new RangeError(`a count of successes 0…n and a whole n are needed, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) return null;
  const z = zForConfidence(confidence);
  const n = denominator;
  const p = numerator / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0/n and n/n the formula gives exactly 0 or 1 in real arithmetic; pin them so rounding
  // cannot push a limit past the estimate.
  const lower = numerator === 0 ? 0 : Math.max(0, centre - halfWidth);
  const upper = numerator === n ? 1 : Math.min(1, centre + halfWidth);
  return { numerator, denominator, estimate: p, lower, upper, confidence, method: 'wilson' };
}
