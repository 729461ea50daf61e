import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTERVAL_TRANSFORMS, kaplanMeier } from './kaplan-meier.ts';
import type { SurvivalObservation } from './kaplan-meier.ts';
import { logRankTest } from './log-rank.ts';
import { wilsonInterval } from './wilson.ts';

/** Session-number follow-ups: small whole times so ties are common, as in the clinic's data. */
const observation = fc.record({ time: fc.integer({ min: 0, max: 12 }), event: fc.boolean() });
const cohort = fc.array(observation, { minLength: 1, maxLength: 60 });
const transform = fc.constantFrom(...INTERVAL_TRANSFORMS);

describe('Kaplan–Meier properties', () => {
  it('survival never increases from one point to the next and stays in [0, 1]', () => {
    fc.assert(
      fc.property(cohort, (data) => {
        const { points } = kaplanMeier(data);
        let previous = 1;
        for (const p of points) {
          expect(p.survival).toBeLessThanOrEqual(previous + 1e-12);
          expect(p.survival).toBeGreaterThanOrEqual(0);
          previous = p.survival;
        }
      }),
    );
  });

  it('every pointwise interval contains its estimate and stays in [0, 1], whatever the transform', () => {
    fc.assert(
      fc.property(cohort, transform, (data, how) => {
        for (const p of kaplanMeier(data, { transform: how }).points) {
          if (p.lower === null || p.upper === null) {
            expect(p.survival).toBe(0);
            continue;
          }
          expect(p.lower).toBeGreaterThanOrEqual(0);
          expect(p.upper).toBeLessThanOrEqual(1);
          expect(p.lower).toBeLessThanOrEqual(p.survival + 1e-12);
          expect(p.upper).toBeGreaterThanOrEqual(p.survival - 1e-12);
        }
      }),
    );
  });

  it('the median interval contains the median', () => {
    fc.assert(
      fc.property(cohort, transform, (data, how) => {
        const { value, lower, upper } = kaplanMeier(data, { transform: how }).median;
        if (value === null) return;
        if (lower !== null) expect(lower).toBeLessThanOrEqual(value);
        if (upper !== null) expect(upper).toBeGreaterThanOrEqual(value);
      }),
    );
  });

  it('censoring an event removes exactly one event, leaves earlier survival alone and never lowers it later', () => {
    fc.assert(
      fc.property(cohort, fc.nat(), (data, pick) => {
        const eventIndexes = data.flatMap((o, i) => (o.event ? [i] : []));
        if (eventIndexes.length === 0) return;
        const index = eventIndexes[pick % eventIndexes.length]!;
        const changedTime = data[index]!.time;
        const censoredData: SurvivalObservation[] = data.map((o, i) => (i === index ? { ...o, event: false } : o));
        const before = kaplanMeier(data);
        const after = kaplanMeier(censoredData);
        expect(after.events).toBe(before.events - 1);
        const survivalAt = (fit: typeof before, t: number) => fit.points.find((p) => p.time === t)!.survival;
        for (const p of before.points) {
          if (p.time < changedTime) expect(survivalAt(after, p.time)).toBe(p.survival);
          else expect(survivalAt(after, p.time)).toBeGreaterThanOrEqual(p.survival - 1e-12);
        }
      }),
    );
  });

  it('counts every observation once: at-risk falls by the events and censorings of each point', () => {
    fc.assert(
      fc.property(cohort, (data) => {
        const { points } = kaplanMeier(data);
        expect(points[0]!.atRisk).toBe(data.length);
        points.forEach((p, i) => {
          const next = points[i + 1];
          if (next) expect(next.atRisk).toBe(p.atRisk - p.events - p.censored);
          else expect(p.events + p.censored).toBe(p.atRisk);
        });
      }),
    );
  });
});

describe('log-rank and Wilson properties', () => {
  it('the log-rank statistic is non-negative and does not depend on which group comes first', () => {
    fc.assert(
      fc.property(cohort, cohort, (a, b) => {
        const ab = logRankTest(a, b);
        const ba = logRankTest(b, a);
        if (ab.chiSquare === null) {
          expect(ba.chiSquare).toBeNull();
          return;
        }
        expect(ab.chiSquare).toBeGreaterThanOrEqual(0);
        expect(ba.chiSquare!).toBeCloseTo(ab.chiSquare, 9);
        expect(ab.pValue!).toBeGreaterThanOrEqual(0);
        expect(ab.pValue!).toBeLessThanOrEqual(1);
        expect(ab.groups[0].observed + ab.groups[1].observed).toBeCloseTo(
          ab.groups[0].expected + ab.groups[1].expected,
          9,
        );
      }),
    );
  });

  it('the Wilson interval contains the observed share and stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (n, k) => {
        const successes = k % (n + 1);
        const interval = wilsonInterval(successes, n)!;
        expect(interval.lower).toBeGreaterThanOrEqual(0);
        expect(interval.upper).toBeLessThanOrEqual(1);
        expect(interval.lower).toBeLessThanOrEqual(interval.estimate);
        expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
      }),
    );
  });
});
