import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proposePlan, safeProposePlan } from './propose.ts';
import { scheduleVisits } from './schedule.ts';
import type { PlanFactors } from './schema.ts';
import { formatDate, parseDate, weekdayOf } from '../../time/index.ts';
import { widestMinimumGap } from './spread.ts';

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const level = fc.constantFrom('low' as const, 'moderate' as const, 'high' as const);

const factorsArb: fc.Arbitrary<PlanFactors> = fc.record({
  phase: fc.constantFrom('acute' as const, 'chronic' as const, 'maintenance' as const),
  severity: fc.constantFrom('mild' as const, 'moderate' as const, 'severe' as const),
  durationWeeks: optional(fc.integer({ min: 0, max: 520 })),
  response: optional(fc.constantFrom('unknown' as const, 'poor' as const, 'partial' as const, 'good' as const)),
  demands: optional(level),
  selfCareCompliance: optional(level),
  authorizedVisits: optional(fc.integer({ min: 0, max: 40 })),
  budgetVisits: optional(fc.integer({ min: 0, max: 40 })),
  maintenanceGoal: optional(fc.constantFrom('active' as const, 'less-demanding' as const, 'preventive' as const)),
});

const day0 = parseDate('2020-01-01') ?? 0;
const dateArb = fc.integer({ min: 0, max: 3650 }).map((offset) => formatDate(day0 + offset));
const optionsArb = fc.record({
  startDate: dateArb,
  preferredDays: fc.uniqueArray(fc.constantFrom(0, 1, 2, 3, 4, 5, 6) as fc.Arbitrary<0 | 1 | 2 | 3 | 4 | 5 | 6>, {
    minLength: 1,
    maxLength: 7,
  }),
  avoidDates: fc.array(dateArb, { maxLength: 60 }),
});

describe('plan properties', () => {
  it('caps are respected and reported for any factors', () => {
    fc.assert(
      fc.property(factorsArb, (factors) => {
        const plan = proposePlan(factors);
        const caps = [factors.authorizedVisits, factors.budgetVisits].filter((c): c is number => c !== undefined);
        for (const cap of caps) expect(plan.totalVisits).toBeLessThanOrEqual(cap);
        expect(plan.totalVisits).toBe(plan.stages.reduce((sum, s) => sum + s.visits, 0));
        expect(plan.stages.every((s) => s.visits > 0)).toBe(true);
        if (plan.cappedBy) expect(plan.warnings.some((w) => w.includes('cover'))).toBe(true);
      }),
    );
  });

  it('reassessment points are 4–6 visits apart and within the plan', () => {
    fc.assert(
      fc.property(factorsArb, (factors) => {
        const plan = proposePlan(factors);
        let last = 0;
        for (const visit of plan.reassessmentAtVisits) {
          expect(visit - last).toBeGreaterThanOrEqual(4);
          expect(visit - last).toBeLessThanOrEqual(6);
          last = visit;
        }
        expect(plan.totalVisits - last).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('a more severe presentation never gets fewer visits (caps aside)', () => {
    fc.assert(
      fc.property(factorsArb, (factors) => {
        const uncapped = { ...factors, authorizedVisits: undefined, budgetVisits: undefined };
        const mild = proposePlan({ ...uncapped, severity: 'mild' }).totalVisits;
        const moderate = proposePlan({ ...uncapped, severity: 'moderate' }).totalVisits;
        const severe = proposePlan({ ...uncapped, severity: 'severe' }).totalVisits;
        expect(mild).toBeLessThanOrEqual(moderate);
        expect(moderate).toBeLessThanOrEqual(severe);
      }),
    );
  });

  it('schedules one date per visit, strictly increasing, on open preferred days', () => {
    fc.assert(
      fc.property(factorsArb, optionsArb, (factors, options) => {
        const plan = proposePlan(factors);
        const visits = scheduleVisits(plan, options);
        expect(visits).toHaveLength(plan.totalVisits);
        const avoided = new Set(options.avoidDates);
        const start = parseDate(options.startDate) ?? 0;
        let previous = start - 1;
        for (const visit of visits) {
          const day = parseDate(visit.date) ?? Number.NaN;
          expect(day).toBeGreaterThan(previous);
          expect(options.preferredDays).toContain(weekdayOf(day));
          expect(avoided.has(visit.date)).toBe(false);
          previous = day;
        }
        expect(visits.filter((v) => v.reassessment).map((v) => v.visit)).toEqual(plan.reassessmentAtVisits);
      }),
      { numRuns: 200 },
    );
  });

  it('visits of a several-a-week stage stay as far apart as the preferred days allow', () => {
    fc.assert(
      fc.property(factorsArb, optionsArb, (factors, options) => {
        const plan = proposePlan(factors);
        const visits = scheduleVisits(plan, options);
        plan.stages.forEach((stage, index) => {
          const perWeek = stage.visitsPerWeek ?? 0;
          if (perWeek < 2) return;
          const days = visits.filter((v) => v.stage === index + 1).map((v) => parseDate(v.date) ?? 0);
          const minGap = widestMinimumGap(options.preferredDays, perWeek);
          for (let i = 1; i < days.length; i++)
            expect((days[i] ?? 0) - (days[i - 1] ?? 0)).toBeGreaterThanOrEqual(minGap);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('safeProposePlan never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = safeProposePlan(input);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});
