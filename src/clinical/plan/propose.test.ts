import { describe, expect, it } from 'vitest';
import { PlanInputError, proposePlan, safeProposePlan } from './propose.ts';
import type { PlanFactors } from './schema.ts';

const visitsOf = (factors: PlanFactors) => proposePlan(factors).totalVisits;

describe("proposePlan: each phase has the clinic's shape", () => {
  it('acute: 2–3 visits a week for 2–3 weeks, then a weekly taper', () => {
    const plan = proposePlan({ phase: 'acute', severity: 'moderate' });
    const [intensive, taper] = plan.stages;
    expect(plan.stages).toHaveLength(2);
    expect(intensive?.visitsPerWeek).toBeGreaterThanOrEqual(2);
    expect(intensive?.visitsPerWeek).toBeLessThanOrEqual(3);
    expect(intensive?.weeks).toBeGreaterThanOrEqual(2);
    expect(intensive?.weeks).toBeLessThanOrEqual(3);
    expect(taper?.visitsPerWeek).toBe(1);
    expect(taper?.visitsPerWeek).toBeLessThan(intensive?.visitsPerWeek ?? 0);
    expect(plan.stages.every((s) => s.phase === 'acute')).toBe(true);
  });

  it('chronic: 1–2 a week for 4–6 weeks, then every 1–2 weeks, then monthly', () => {
    const plan = proposePlan({ phase: 'chronic', severity: 'moderate', durationWeeks: 20 });
    const [corrective, consolidate, monthly] = plan.stages;
    expect(plan.stages).toHaveLength(3);
    expect([1, 2]).toContain(corrective?.visitsPerWeek);
    expect(corrective?.weeks).toBeGreaterThanOrEqual(4);
    expect(corrective?.weeks).toBeLessThanOrEqual(6);
    expect([1, 2]).toContain(consolidate?.intervalWeeks);
    expect(monthly?.intervalWeeks).toBe(4);
  });

  it('maintenance: monthly when active, 6–8 weeks when less demanding, 4 a year when preventive', () => {
    const interval = (goal: PlanFactors['maintenanceGoal']) =>
      proposePlan({ phase: 'maintenance', severity: 'mild', maintenanceGoal: goal }).stages[0];
    expect(interval('active')?.intervalWeeks).toBe(4);
    expect(interval('less-demanding')?.intervalWeeks).toBe(8);
    expect(interval('preventive')).toMatchObject({ intervalWeeks: 13, visits: 4 });
  });

  it('maintenance without a goal follows the physical demands', () => {
    const stage = (demands: PlanFactors['demands']) =>
      proposePlan({ phase: 'maintenance', severity: 'mild', demands }).stages[0];
    expect(stage('high')?.intervalWeeks).toBe(4);
    expect(stage('low')?.intervalWeeks).toBe(13);
    expect(stage('moderate')?.intervalWeeks).toBe(8);
  });

  it('totalVisits is the sum of the stages', () => {
    const plan = proposePlan({ phase: 'chronic', severity: 'severe' });
    expect(plan.totalVisits).toBe(plan.stages.reduce((sum, s) => sum + s.visits, 0));
  });
});

describe('proposePlan: factors move the dose', () => {
  it('severity: severe needs more visits than mild, in every phase', () => {
    for (const phase of ['acute', 'chronic'] as const) {
      expect(visitsOf({ phase, severity: 'severe' })).toBeGreaterThan(visitsOf({ phase, severity: 'mild' }));
    }
    const acuteSevere = proposePlan({ phase: 'acute', severity: 'severe' }).stages[0];
    expect(acuteSevere?.visitsPerWeek).toBe(3);
    expect(proposePlan({ phase: 'acute', severity: 'mild' }).stages[0]).toMatchObject({ visitsPerWeek: 2, weeks: 2 });
  });

  it('heavy physical demands and poor self-care add visits; good response and diligent self-care remove them', () => {
    const base: PlanFactors = { phase: 'chronic', severity: 'moderate' };
    expect(visitsOf({ ...base, demands: 'high' })).toBeGreaterThan(visitsOf(base));
    expect(visitsOf({ ...base, selfCareCompliance: 'low' })).toBeGreaterThan(visitsOf(base));
    expect(visitsOf({ ...base, selfCareCompliance: 'high' })).toBeLessThan(visitsOf(base));
    expect(visitsOf({ ...base, response: 'good' })).toBeLessThan(visitsOf(base));
  });

  it('a long-standing chronic problem gets a heavier dose', () => {
    const base: PlanFactors = { phase: 'chronic', severity: 'moderate' };
    expect(visitsOf({ ...base, durationWeeks: 104 })).toBeGreaterThan(visitsOf({ ...base, durationWeeks: 20 }));
  });

  it('the heaviest and lightest patients stay inside the clinic ranges', () => {
    const heavy = proposePlan({
      phase: 'chronic',
      severity: 'severe',
      demands: 'high',
      selfCareCompliance: 'low',
      durationWeeks: 200,
    });
    expect(heavy.stages[0]).toMatchObject({ visitsPerWeek: 2, weeks: 6 });
    const light = proposePlan({ phase: 'chronic', severity: 'mild', selfCareCompliance: 'high', response: 'good' });
    expect(light.stages[0]).toMatchObject({ visitsPerWeek: 1, weeks: 4 });
  });

  it('a poor response proposes only the first stage, with a warning', () => {
    const plan = proposePlan({ phase: 'chronic', severity: 'moderate', response: 'poor' });
    expect(plan.stages).toHaveLength(1);
    expect(plan.warnings.join(' ')).toMatch(/poor response/i);
  });

  it('warns when the duration contradicts the phase (12-week chronic threshold)', () => {
    expect(proposePlan({ phase: 'acute', severity: 'mild', durationWeeks: 20 }).warnings.join(' ')).toMatch(
      /chronic by definition/,
    );
    expect(proposePlan({ phase: 'chronic', severity: 'mild', durationWeeks: 4 }).warnings.join(' ')).toMatch(
      /not yet chronic/,
    );
    expect(proposePlan({ phase: 'acute', severity: 'mild', durationWeeks: 12 }).warnings).toEqual([]);
  });

  it('explains itself with cited rationale', () => {
    const plan = proposePlan({ phase: 'chronic', severity: 'moderate' });
    expect(plan.rationale.join(' ')).toMatch(/REFERENCE\.md|Clinic protocol/);
    expect(plan.stages[0]?.rationale.join(' ')).toMatch(/Sherman/);
  });
});

describe('proposePlan: caps', () => {
  it('authorized visits cut the later stages and say so', () => {
    const uncapped = proposePlan({ phase: 'chronic', severity: 'severe' });
    const plan = proposePlan({ phase: 'chronic', severity: 'severe', authorizedVisits: 10 });
    expect(uncapped.totalVisits).toBeGreaterThan(10);
    expect(plan.totalVisits).toBe(10);
    expect(plan.cappedBy).toBe('authorized-visits');
    expect(plan.warnings.join(' ')).toMatch(new RegExp(`needs ${uncapped.totalVisits} visits.*cover 10`));
    // The earliest, most intensive care is what is kept.
    expect(plan.stages[0]).toEqual(uncapped.stages[0]);
  });

  it('the tighter of budget and authorization wins', () => {
    expect(proposePlan({ phase: 'acute', severity: 'severe', authorizedVisits: 6, budgetVisits: 4 })).toMatchObject({
      totalVisits: 4,
      cappedBy: 'budget',
    });
    expect(proposePlan({ phase: 'acute', severity: 'severe', authorizedVisits: 3, budgetVisits: 4 })).toMatchObject({
      totalVisits: 3,
      cappedBy: 'authorized-visits',
    });
  });

  it('a cap the plan fits under changes nothing', () => {
    const plan = proposePlan({ phase: 'acute', severity: 'mild', authorizedVisits: 50 });
    expect(plan.cappedBy).toBeUndefined();
    expect(plan.warnings).toEqual([]);
  });

  it('a partially kept stage has its weeks recomputed', () => {
    const plan = proposePlan({ phase: 'acute', severity: 'severe', budgetVisits: 4 });
    expect(plan.stages).toHaveLength(1);
    expect(plan.stages[0]).toMatchObject({ visits: 4, visitsPerWeek: 3, weeks: 2 });
  });

  it('zero covered visits gives an empty plan with a warning', () => {
    const plan = proposePlan({ phase: 'chronic', severity: 'mild', budgetVisits: 0 });
    expect(plan).toMatchObject({ stages: [], totalVisits: 0, reassessmentAtVisits: [], cappedBy: 'budget' });
    expect(plan.warnings).toHaveLength(1);
  });
});

describe('proposePlan: reassessment every 4–6 visits', () => {
  it('places reassessments 4–6 visits apart, preferring stage ends', () => {
    const plan = proposePlan({ phase: 'acute', severity: 'severe' });
    // 6 intensive visits then a 2-visit taper: reassess at the end of the intensive block.
    expect(plan.reassessmentAtVisits).toEqual([6]);
    const chronic = proposePlan({ phase: 'chronic', severity: 'severe', demands: 'high' });
    let last = 0;
    for (const visit of chronic.reassessmentAtVisits) {
      expect(visit - last).toBeGreaterThanOrEqual(4);
      expect(visit - last).toBeLessThanOrEqual(6);
      last = visit;
    }
    expect(chronic.totalVisits - last).toBeLessThan(4);
  });

  it('warns when there are too few visits for a reassessment', () => {
    const plan = proposePlan({ phase: 'acute', severity: 'mild', authorizedVisits: 3 });
    expect(plan.reassessmentAtVisits).toEqual([]);
    expect(plan.warnings.join(' ')).toMatch(/too few/);
  });
});

describe('input validation', () => {
  it('safeProposePlan names each bad field and never throws', () => {
    const result = safeProposePlan({ phase: 'subacute', severity: 'mild', authorizedVisits: 2.5, durationWeeks: -1 });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.field).sort()).toEqual(['authorizedVisits', 'durationWeeks', 'phase']);
    expect(safeProposePlan(null)).toMatchObject({ ok: false });
    expect(safeProposePlan('acute')).toMatchObject({ ok: false });
  });

  it('proposePlan throws PlanInputError carrying the field errors', () => {
    expect(() => proposePlan({ phase: 'acute', severity: 'extreme' } as unknown as PlanFactors)).toThrow(
      PlanInputError,
    );
    try {
      proposePlan({ phase: 'acute', severity: 'extreme' } as unknown as PlanFactors);
    } catch (err) {
      expect((err as PlanInputError).errors[0]?.field).toBe('severity');
    }
  });
});
