import { chiSquareOneDfPValue } from './distributions.ts';
import { SurvivalTally } from './kaplan-meier.ts';
import type { SurvivalObservation } from './kaplan-meier.ts';

export interface LogRankGroupSummary {
  observations: number;
  observed: number;
  expected: number;
}

export interface LogRankResult {
  groups: [LogRankGroupSummary, LogRankGroupSummary];
  /** Hypergeometric variance of the first group's observed − expected. */
  variance: number;
  /** (O₁ − E₁)² / V; null when no events happened, so there is nothing to compare. */
  chiSquare: number | null;
  degreesOfFreedom: 1;
  pValue: number | null;
}

/**
 * Two-group log-rank test (Mantel 1966; Peto & Peto 1972), as R's survdiff and Stata's
 * `sts test` compute it: at each event time the events are shared out in proportion to the
 * numbers at risk, O − E is summed for the first group, and its hypergeometric variance
 * Σ d·(n₁/n)(n₂/n)(n − d)/(n − 1) gives a chi-square with one degree of freedom.
 */
export function logRankTest(
  first: readonly SurvivalObservation[],
  second: readonly SurvivalObservation[],
): LogRankResult {
  const tallyOf = (group: readonly SurvivalObservation[]) => {
    const tally = new SurvivalTally();
    for (const o of group) tally.add(o.time, o.event);
    return tally;
  };
  return logRankFromTallies(tallyOf(first), tallyOf(second));
}

/**
 * The log-rank test from events and censorings counted per time: the numbers at risk at a time
 * are the group's total less everyone who ended earlier, so no follow-up is looked at twice.
 */
export function logRankFromTallies(first: SurvivalTally, second: SurvivalTally): LogRankResult {
  const times = [...new Set([...first.byTime.keys(), ...second.byTime.keys()])].sort((a, b) => a - b);
  const none = { events: 0, censored: 0 };
  let n1 = first.total;
  let n2 = second.total;
  let expectedFirst = 0;
  let expectedSecond = 0;
  let variance = 0;
  let observedFirst = 0;
  let observedSecond = 0;
  for (const t of times) {
    const a = first.byTime.get(t) ?? none;
    const b = second.byTime.get(t) ?? none;
    const d = a.events + b.events;
    if (d > 0) {
      const n = n1 + n2;
      expectedFirst += (d * n1) / n;
      expectedSecond += (d * n2) / n;
      if (n > 1) variance += (d * (n1 / n) * (n2 / n) * (n - d)) / (n - 1);
    }
    observedFirst += a.events;
    observedSecond += b.events;
    n1 -= a.events + a.censored;
    n2 -= b.events + b.censored;
  }
  const chiSquare = variance > 0 ? (observedFirst - expectedFirst) ** 2 / variance : null;
  return {
    groups: [
      { observations: first.total, observed: observedFirst, expected: expectedFirst },
      { observations: second.total, observed: observedSecond, expected: expectedSecond },
    ],
    variance,
    chiSquare,
    degreesOfFreedom: 1,
    pValue: chiSquare === null ? null : chiSquareOneDfPValue(chiSquare),
  };
}
