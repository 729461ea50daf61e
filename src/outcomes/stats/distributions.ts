import { errorFunction, probit } from 'simple-statistics';

/**
 * The two distribution functions the outcomes statistics need, built on simple-statistics.
 *
 * simple-statistics' `errorFunction` is the Chebyshev approximation of erfc (relative error below
 * 1.2e-7 everywhere), so `1 − errorFunction(x)` keeps its precision far into the tail. Its
 * `probit` is only good to about three decimals (probit(0.975) = 1.9572 against 1.95996), which
 * would move published confidence limits in the fourth decimal, so we polish it with Newton steps
 * on the accurate CDF.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** P(Z ≤ z) for a standard normal Z. */
export function standardNormalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return z >= 0 ? 1 - upperTail(z) : upperTail(-z);
}

/** P(Z > z) for z ≥ 0, without the cancellation of 1 − CDF. */
function upperTail(z: number): number {
  return 0.5 * (1 - errorFunction(z / Math.SQRT2));
}

/** The z with P(Z ≤ z) = p, to about 5e-8 (the precision of the erfc approximation underneath). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1 is needed, got ${p}`);
  let z = probit(p);
  for (let step = 0; step < 3; step++) {
    const density = Math.exp((-z * z) / 2) / SQRT_2PI;
    if (density === 0) break;
    z -= (standardNormalCdf(z) - p) / density;
  }
  return z;
}

/** The two-sided critical value for a confidence level: 0.95 → 1.959964. */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`a confidence level strictly between 0 and 1 is needed, got ${confidence}`);
  }
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * P(X ≥ x) for a chi-square variable with one degree of freedom: X = Z², so the tail is
 * P(|Z| ≥ √x) = erfc(√(x/2)).
 */
export function chiSquareOneDfPValue(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('the chi-square statistic is not a number');
  if (x <= 0) return 1;
  return Math.min(1, Math.max(0, 1 - errorFunction(Math.sqrt(x / 2))));
}
