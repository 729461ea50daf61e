import { describe, expect, it } from 'vitest';
import { chiSquareOneDfPValue, normalQuantile, zForConfidence } from './distributions.ts';
import { PLACEBO, SIX_MP } from '../../../test/support/outcome-stats-fixtures.ts';
import { kaplanMeier } from './kaplan-meier.ts';
import { logRankTest } from './log-rank.ts';
import { wilsonInterval } from './wilson.ts';

/** Rounds to the decimals a published table prints. */
const round = (value: number | null | undefined, decimals: number) =>
  value === null || value === undefined ? value : Math.round(value * 10 ** decimals) / 10 ** decimals;

describe('Wilson score interval reproduces Newcombe 1998 (Stat Med 17:857–872), method 3', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f to %f', (successes, n, lower, upper) => {
    const interval = wilsonInterval(successes, n)!;
    expect(round(interval.lower, 4)).toBe(lower);
    expect(round(interval.upper, 4)).toBe(upper);
    expect(interval.estimate).toBeCloseTo(successes / n, 12);
  });

  it('has no interval for an empty group and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
  });
});

describe('normal and chi-square tails', () => {
  it('gives the 97.5% normal quantile to 7 decimals although simple-statistics’ probit alone is off by 0.003', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(zForConfidence(0.9)).toBeCloseTo(1.644853627, 7);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 7);
  });

  it('reads chi-square (1 df) tails: 3.841 → 0.05, 6.635 → 0.01', () => {
    expect(chiSquareOneDfPValue(3.841459)).toBeCloseTo(0.05, 6);
    expect(chiSquareOneDfPValue(6.634897)).toBeCloseTo(0.01, 6);
    expect(chiSquareOneDfPValue(0)).toBe(1);
  });
});

describe('Kaplan–Meier on the Freireich 6-MP leukaemia data', () => {
  // Survival and Greenwood SE as printed by R survfit, Stata sts list and Kleinbaum & Klein.
  const SIX_MP_TABLE = [
    // time, at risk, relapses, survival, SE
    [6, 21, 3, 0.8571, 0.0764],
    [7, 17, 1, 0.8067, 0.0869],
    [10, 15, 1, 0.7529, 0.0963],
    [13, 12, 1, 0.6902, 0.1068],
    [16, 11, 1, 0.6275, 0.1141],
    [22, 7, 1, 0.5378, 0.1282],
    [23, 6, 1, 0.4482, 0.1346],
  ];

  it('reproduces the product-limit estimate and Greenwood standard errors for 6-MP', () => {
    const fit = kaplanMeier(SIX_MP);
    const withRelapse = fit.points.filter((p) => p.events > 0);
    expect(
      withRelapse.map((p) => [p.time, p.atRisk, p.events, round(p.survival, 4), round(p.standardError, 4)]),
    ).toEqual(SIX_MP_TABLE);
    expect(fit.events).toBe(9);
    expect(fit.observations).toBe(21);
  });

  it('lists censored times as points of their own, with events counted before censorings at a tie', () => {
    const fit = kaplanMeier(SIX_MP);
    expect(fit.points[0]).toMatchObject({ time: 6, atRisk: 21, events: 3, censored: 1 });
    expect(fit.points.find((p) => p.time === 9)).toMatchObject({ atRisk: 16, events: 0, censored: 1 });
    expect(fit.points.find((p) => p.time === 9)!.survival).toBe(fit.points.find((p) => p.time === 7)!.survival);
    expect(fit.points.at(-1)).toMatchObject({ time: 35, atRisk: 1, censored: 1 });
  });

  it('gives the log-log intervals Stata’s sts list prints (placebo weeks 1 and 2; 6-MP week 6)', () => {
    const placebo = kaplanMeier(PLACEBO).points;
    expect([round(placebo[0]!.lower, 4), round(placebo[0]!.upper, 4)]).toEqual([0.67, 0.9753]);
    expect([round(placebo[1]!.lower, 4), round(placebo[1]!.upper, 4)]).toEqual([0.5689, 0.9239]);
    const sixMp = kaplanMeier(SIX_MP).points;
    expect([round(sixMp[0]!.lower, 4), round(sixMp[0]!.upper, 4)]).toEqual([0.6197, 0.9516]);
  });

  it('gives R survfit’s default (log) intervals and its medians: placebo 8 [4, 12], 6-MP 23 [16, not reached]', () => {
    const sixMp = kaplanMeier(SIX_MP, { transform: 'log' });
    const rows = sixMp.points.filter((p) => p.events > 0).map((p) => [round(p.lower, 3), round(p.upper, 3)]);
    expect(rows).toEqual([
      [0.72, 1],
      [0.653, 0.996],
      [0.586, 0.968],
      [0.51, 0.935],
      [0.439, 0.896],
      [0.337, 0.858],
      [0.249, 0.807],
    ]);
    expect(sixMp.median).toEqual({ value: 23, lower: 16, upper: null });
    expect(kaplanMeier(PLACEBO, { transform: 'log' }).median).toEqual({ value: 8, lower: 4, upper: 12 });
  });

  it('reads the median interval off the log-log band by default: 6-MP 23 [13, not reached], placebo 8 [4, 11]', () => {
    expect(kaplanMeier(SIX_MP).median).toEqual({ value: 23, lower: 13, upper: null });
    expect(kaplanMeier(PLACEBO).median).toEqual({ value: 8, lower: 4, upper: 11 });
  });

  it('has no interval once everyone has had the event (placebo after week 23)', () => {
    const last = kaplanMeier(PLACEBO).points.at(-1)!;
    expect(last).toMatchObject({ time: 23, survival: 0, standardError: null, lower: null, upper: null });
  });

  it('uses the midpoint when the curve rests exactly on one half (R and SAS convention)', () => {
    const fit = kaplanMeier([
      { time: 2, event: true },
      { time: 4, event: true },
      { time: 6, event: true },
      { time: 8, event: true },
    ]);
    expect(fit.median.value).toBe(5);
  });

  it('refuses negative or missing times, naming the observation', () => {
    expect(() =>
      kaplanMeier([
        { time: 1, event: true },
        { time: -2, event: false },
      ]),
    ).toThrow(/observation 2/);
    expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(/observation 1/);
  });
});

describe('log-rank test, 6-MP against placebo', () => {
  it('reproduces R survdiff: observed 9 vs 21, expected 19.25 vs 10.75, chi-square 16.8 on 1 df, p = 4.17e-5', () => {
    const result = logRankTest(SIX_MP, PLACEBO);
    expect(result.groups[0]).toMatchObject({ observations: 21, observed: 9 });
    expect(result.groups[1]).toMatchObject({ observations: 21, observed: 21 });
    expect(round(result.groups[0].expected, 2)).toBe(19.25);
    expect(round(result.groups[1].expected, 2)).toBe(10.75);
    expect(round(result.chiSquare, 2)).toBe(16.79);
    expect(result.pValue!).toBeCloseTo(4.17e-5, 7);
    expect(result.degreesOfFreedom).toBe(1);
  });

  it('has no statistic when neither group had an event', () => {
    const result = logRankTest([{ time: 3, event: false }], [{ time: 4, event: false }]);
    expect(result.chiSquare).toBeNull();
    expect(result.pValue).toBeNull();
  });
});
