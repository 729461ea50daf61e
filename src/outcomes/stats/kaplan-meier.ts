import { zForConfidence } from './distributions.ts';
import { survivalMedian } from './survival-median.ts';
import type { SurvivalMedian } from './survival-median.ts';

/**
 * One follow-up: `time` is when it ended (for Knotwork, a session number) and `event` says
 * whether the thing counted happened then (the first meaningful improvement) or the follow-up
 * stopped without it (censored: discharged, dropped out, or still in care).
 */
export interface SurvivalObservation {
  time: number;
  event: boolean;
}

/**
 * How the pointwise interval is built from Greenwood's variance:
 *  - 'log-log' (the default, and Stata's): on log(−log S), back-transformed — never outside
 *    [0, 1] and well behaved in the tails (Kalbfleisch & Prentice 1980; Borgan & Liestøl 1990);
 *  - 'log': on log S (R survfit's default), capped at 1;
 *  - 'plain': S ± z·SE, clipped to [0, 1] (Greenwood's original; poor near 0 and 1).
 */
export type IntervalTransform = 'log-log' | 'log' | 'plain';
export const INTERVAL_TRANSFORMS: readonly IntervalTransform[] = ['log-log', 'log', 'plain'];

export interface KaplanMeierPoint {
  time: number;
  /** Followed at this time: ended here or later. Events come before censorings at a tied time. */
  atRisk: number;
  events: number;
  censored: number;
  /** Estimated share not yet having the event just after `time`. */
  survival: number;
  /** Greenwood standard error of `survival`; null once the curve reaches 0. */
  standardError: number | null;
  /** Pointwise confidence limits; null where the transform is undefined (survival 0). */
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeierEstimate {
  points: KaplanMeierPoint[];
  median: SurvivalMedian;
  transform: IntervalTransform;
  confidence: number;
  observations: number;
  events: number;
}

export interface KaplanMeierOptions {
  transform?: IntervalTransform;
  confidence?: number;
}

/**
 * Kaplan–Meier product-limit estimate (Kaplan & Meier 1958) with Greenwood's variance
 * Var(S) = S² Σ dᵢ / (nᵢ(nᵢ − dᵢ)) (Greenwood 1926) and pointwise intervals on the chosen
 * transform. Every distinct time (event or censoring) gets a point, so the table can be drawn as
 * the usual step curve with its censoring marks.
 */
export function kaplanMeier(
  observations: readonly SurvivalObservation[],
  options: KaplanMeierOptions = {},
): KaplanMeierEstimate {
  const tally = new SurvivalTally();
  observations.forEach((o, index) => {
    if (!Number.isFinite(o.time) || o.time < 0) {
      throw new RangeError(`observation ${index + 1}: the time must be a number of 0 or more, got ${o.time}`);
    }
    tally.add(o.time, o.event);
  });
  return kaplanMeierFromTally(tally, options);
}

/**
 * Events and censorings counted by time. Building the estimate from counts lets a report over
 * hundreds of thousands of episodes skip one object per episode.
 */
export class SurvivalTally {
  readonly byTime = new Map<number, { events: number; censored: number }>();
  total = 0;

  add(time: number, event: boolean): void {
    if (event) this.addCounts(time, 1, 0);
    else this.addCounts(time, 0, 1);
  }

  /** Adds many follow-ups ending at one time at once (a report counts them per session first). */
  addCounts(time: number, events: number, censored: number): void {
    if (events + censored === 0) return;
    let entry = this.byTime.get(time);
    if (!entry) {
      entry = { events: 0, censored: 0 };
      this.byTime.set(time, entry);
    }
    entry.events += events;
    entry.censored += censored;
    this.total += events + censored;
  }
}

export function kaplanMeierFromTally(tally: SurvivalTally, options: KaplanMeierOptions = {}): KaplanMeierEstimate {
  const transform = options.transform ?? 'log-log';
  const confidence = options.confidence ?? 0.95;
  const z = zForConfidence(confidence);
  const times = [...tally.byTime.keys()].sort((a, b) => a - b);

  let atRisk = tally.total;
  let survival = 1;
  let greenwoodSum = 0; // Σ d/(n(n−d)); Infinity once everyone left has had the event
  let totalEvents = 0;
  const points: KaplanMeierPoint[] = [];
  for (const time of times) {
    const { events, censored } = tally.byTime.get(time)!;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwoodSum += atRisk === events ? Infinity : events / (atRisk * (atRisk - events));
      totalEvents += events;
    }
    const { lower, upper } = pointwiseInterval(survival, greenwoodSum, z, transform);
    points.push({
      time,
      atRisk,
      events,
      censored,
      survival,
      standardError: survival === 0 ? null : survival * Math.sqrt(greenwoodSum),
      lower,
      upper,
    });
    atRisk -= events + censored;
  }

  return {
    points,
    median: survivalMedian(points),
    transform,
    confidence,
    observations: tally.total,
    events: totalEvents,
  };
}

function pointwiseInterval(
  survival: number,
  greenwoodSum: number,
  z: number,
  transform: IntervalTransform,
): { lower: number | null; upper: number | null } {
  if (survival === 0) return { lower: null, upper: null };
  // Before the first event there is no uncertainty to show: everyone is still "surviving".
  if (greenwoodSum === 0) return { lower: survival, upper: survival };
  switch (transform) {
    case 'plain': {
      const se = survival * Math.sqrt(greenwoodSum);
      return { lower: Math.max(0, survival - z * se), upper: Math.min(1, survival + z * se) };
    }
    case 'log': {
      const spread = z * Math.sqrt(greenwoodSum);
      return { lower: survival * Math.exp(-spread), upper: Math.min(1, survival * Math.exp(spread)) };
    }
    case 'log-log': {
      if (survival === 1) return { lower: 1, upper: 1 };
      const spread = (z * Math.sqrt(greenwoodSum)) / Math.abs(Math.log(survival));
      return { lower: survival ** Math.exp(spread), upper: survival ** Math.exp(-spread) };
    }
  }
}
