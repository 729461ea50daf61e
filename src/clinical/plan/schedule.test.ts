import { describe, expect, it } from 'vitest';
import { proposePlan } from './propose.ts';
import { safeScheduleVisits, scheduleVisits } from './schedule.ts';
import type { PlanProposal } from './schema.ts';
import { parseDate, weekdayOf } from '../../time/index.ts';

const weekday = (date: string) => weekdayOf(parseDate(date) ?? Number.NaN);
const dayGap = (a: string, b: string) => (parseDate(b) ?? 0) - (parseDate(a) ?? 0);

function planOf(stages: PlanProposal['stages'], reassessmentAtVisits: number[] = []): PlanProposal {
  return {
    stages,
    totalVisits: stages.reduce((s, x) => s + x.visits, 0),
    reassessmentAtVisits,
    rationale: [],
    warnings: [],
  };
}

describe('scheduleVisits', () => {
  it('spreads 2 visits a week on Mon–Fri three or more days apart', () => {
    const plan = planOf([{ phase: 'acute', label: 'a', visitsPerWeek: 2, weeks: 3, visits: 6, rationale: [] }]);
    // 2026-03-02 is a Monday.
    const dates = scheduleVisits(plan, { startDate: '2026-03-02', preferredDays: [1, 2, 3, 4, 5] }).map((v) => v.date);
    expect(dates).toEqual(['2026-03-02', '2026-03-05', '2026-03-09', '2026-03-12', '2026-03-16', '2026-03-19']);
  });

  it('puts 3 visits a week on Mon/Wed/Fri when all weekdays are preferred', () => {
    const plan = planOf([{ phase: 'acute', label: 'a', visitsPerWeek: 3, weeks: 1, visits: 3, rationale: [] }]);
    const dates = scheduleVisits(plan, { startDate: '2026-03-02', preferredDays: [1, 2, 3, 4, 5] }).map((v) => v.date);
    expect(dates.map(weekday)).toEqual([1, 3, 5]);
  });

  it('keeps the weekday for a 2-week interval and moves a closed day to the next preferred day', () => {
    const plan = planOf([{ phase: 'chronic', label: 'c', intervalWeeks: 2, weeks: 8, visits: 4, rationale: [] }]);
    const dates = scheduleVisits(plan, {
      startDate: '2026-03-03', // Tuesday
      preferredDays: [2, 4],
      avoidDates: ['2026-03-17'],
    }).map((v) => v.date);
    expect(dates).toEqual(['2026-03-03', '2026-03-19', '2026-03-31', '2026-04-14']);
    expect(dates.filter((d) => d !== '2026-03-19').every((d) => weekday(d) === 2)).toBe(true);
  });

  it('starts on the first preferred day on or after the start date', () => {
    const plan = planOf([{ phase: 'maintenance', label: 'm', intervalWeeks: 4, weeks: 8, visits: 2, rationale: [] }]);
    const visits = scheduleVisits(plan, { startDate: '2026-03-02', preferredDays: [6] });
    expect(visits.map((v) => v.date)).toEqual(['2026-03-07', '2026-04-04']);
  });

  it('starts a new stage one interval after the last visit of the previous stage', () => {
    const plan = proposePlan({ phase: 'acute', severity: 'severe' });
    const visits = scheduleVisits(plan, { startDate: '2026-03-02', preferredDays: [1, 3, 5] });
    const lastIntensive = visits.filter((v) => v.stage === 1).at(-1);
    const firstTaper = visits.find((v) => v.stage === 2);
    expect(lastIntensive && firstTaper && dayGap(lastIntensive.date, firstTaper.date)).toBe(7);
    expect(firstTaper?.phase).toBe('acute');
  });

  it("marks the plan's reassessment visits", () => {
    const plan = proposePlan({ phase: 'chronic', severity: 'moderate' });
    const visits = scheduleVisits(plan, { startDate: '2026-03-02', preferredDays: [1] });
    expect(visits.filter((v) => v.reassessment).map((v) => v.visit)).toEqual(plan.reassessmentAtVisits);
    expect(visits.map((v) => v.visit)).toEqual(visits.map((_, i) => i + 1));
  });

  it('with only two adjacent preferred days still never books two visits on one day', () => {
    const plan = planOf([{ phase: 'acute', label: 'a', visitsPerWeek: 3, weeks: 2, visits: 6, rationale: [] }]);
    const dates = scheduleVisits(plan, { startDate: '2026-03-02', preferredDays: [1, 2] }).map((v) => v.date);
    expect(new Set(dates).size).toBe(6);
    expect(dates.every((d) => [1, 2].includes(weekday(d)))).toBe(true);
  });

  it('an empty plan schedules nothing', () => {
    expect(scheduleVisits(planOf([]), { startDate: '2026-03-02', preferredDays: [1] })).toEqual([]);
  });

  it('rejects bad options with errors that name the field', () => {
    const plan = proposePlan({ phase: 'acute', severity: 'mild' });
    const result = safeScheduleVisits(plan, { startDate: '2026-02-30', preferredDays: [], avoidDates: ['tomorrow'] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.field).sort()).toEqual(['avoidDates.0', 'preferredDays', 'startDate']);
    const badPlan = safeScheduleVisits({ stages: 'none' }, { startDate: '2026-03-02', preferredDays: [1] });
    expect(badPlan.ok).toBe(false);
    if (!badPlan.ok) expect(badPlan.errors.every((e) => e.field.startsWith('plan'))).toBe(true);
    expect(() => scheduleVisits(plan, { startDate: 'soon', preferredDays: [1] })).toThrow(/startDate/);
  });
});
