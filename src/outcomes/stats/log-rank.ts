import { chiSquareOneDfPValue } from './distributions.ts';
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
  const eventTimes = [...new Set([...first, ...second].filter((o) => o.event).map((o) => o.time))].sort(
    (a, b) => a - b,
  );
  const atRisk = (group: readonly SurvivalObservation[], t: number) => group.filter((o) => o.time >= t).length;
  const eventsAt = (group: readonly SurvivalObservation[], t: number) =>
    group.filter((o) => o.event && o.time === t).length;

  let expectedFirst = 0;
  let expectedSecond = 0;
  let variance = 0;
  for (const t of eventTimes) {
    const n1 = atRisk(first, t);
    const n2 = atRisk(second, t);
    const n = n1 + n2;
    const d = eventsAt(first, t) + eventsAt(second, t);
    expectedFirst += (d * n1) / n;
    expectedSecond += (d * n2) / n;
    if (n > 1) variance += (d * (n1 / n) * (n2 / n) * (n - d)) / (n - 1);
  }
  const observedFirst = first.filter((o) => o.event).length;
  const observedSecond = second.filter((o) => o.event).length;
  const chiSquare = variance > 0 ? (observedFirst - expectedFirst) ** 2 / variance : null;
  return {
    groups: [
      { observations: first.length, observed: observedFirst, expected: expectedFirst },
      { observations: second.length, observed: observedSecond, expected: expectedSecond },
    ],
    variance,
    chiSquare,
    degreesOfFreedom: 1,
    pValue: chiSquare === null ? null : chiSquareOneDfPValue(chiSquare),
  };
}
