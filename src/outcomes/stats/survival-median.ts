/**
 * Median time to the event, with an interval read off the pointwise confidence band
 * (Brookmeyer & Crowley 1982, in the form R's survfit and SAS LIFETEST use):
 *  - the median is the first time the curve is at or below 0.5; when the curve sits exactly on
 *    0.5 until a later drop, the midpoint of that flat stretch (the convention of R and SAS);
 *  - the lower limit is the first time the band's lower edge is at or below 0.5 (the most
 *    pessimistic curve crosses first), the upper limit the first time its upper edge is; each is
 *    null when that edge never gets there ("not reached").
 * With the log-log band this is the interval the Kaplan–Meier report prints by default.
 */

export interface SurvivalMedian {
  value: number | null;
  lower: number | null;
  upper: number | null;
}

interface BandPoint {
  time: number;
  survival: number;
  lower: number | null;
  upper: number | null;
}

/** Survival products can land a hair off 0.5 (e.g. 0.49999999999999994). */
const TOLERANCE = 1e-9;

export function survivalMedian(points: readonly BandPoint[]): SurvivalMedian {
  const times = points.map((p) => p.time);
  // Where survival reached 0 the band is undefined, but the curve is at 0: count it as below.
  const edge = (value: number | null, survival: number) => value ?? (survival === 0 ? 0 : null);
  return {
    value: firstCrossing(
      times,
      points.map((p) => p.survival),
    ),
    lower: firstCrossing(
      times,
      points.map((p) => edge(p.lower, p.survival)),
    ),
    upper: firstCrossing(
      times,
      points.map((p) => edge(p.upper, p.survival)),
    ),
  };
}

function firstCrossing(times: readonly number[], values: ReadonlyArray<number | null>, level = 0.5): number | null {
  const at = values.findIndex((v) => v !== null && v <= level + TOLERANCE);
  if (at < 0) return null;
  const value = values[at]!;
  const time = times[at]!;
  if (Math.abs(value - level) > TOLERANCE) return time;
  const drop = values.findIndex((v, i) => i > at && v !== null && v < level - TOLERANCE);
  return drop < 0 ? time : (time + times[drop]!) / 2;
}
