import { describe, expect, it } from 'vitest';
import type { IntakeAnswers } from './answers.ts';
import { allNoAnswers } from './fixtures.ts';
import type { QuestionId } from './questions.ts';
import {
  activeCancerRule,
  cancerHistoryRule,
  contagiousSkinRule,
  diabeticNeuropathyRule,
  epilepsyRule,
  neurologicalSignsRule,
  osteoporosisRule,
  pregnancyRule,
  unexplainedPainRule,
} from './rules-conditions.ts';
import type { RuleOutcome, ScreeningRule } from './types.ts';

const run = (rule: ScreeningRule, answers: IntakeAnswers): RuleOutcome[] =>
  rule.evaluate(answers, { today: '2026-06-15' });
const decisions = (outcomes: RuleOutcome[]) =>
  outcomes.map((o) => (o.kind === 'finding' ? o.finding.decision : `unknown:${o.unknown.question}`));
const answering = (values: Partial<Record<QuestionId, 'yes' | 'no' | 'unknown' | undefined>>): IntakeAnswers => {
  const answers = allNoAnswers();
  const questions = { ...answers.questions, ...values };
  for (const [key, value] of Object.entries(values)) if (value === undefined) delete questions[key as QuestionId];
  return { ...answers, questions };
};

describe.each([
  ['cancer-active', activeCancerRule, 'activeCancer', 'refer'],
  ['cancer-history', cancerHistoryRule, 'cancerHistory', 'caution'],
  ['contagious-skin', contagiousSkinRule, 'contagiousSkin', 'contraindicated'],
  ['epilepsy', epilepsyRule, 'epilepsy', 'caution'],
  ['neurological-signs', neurologicalSignsRule, 'neurologicalSigns', 'refer'],
  ['unexplained-pain', unexplainedPainRule, 'unexplainedPain', 'refer'],
] as const)('%s', (_id, rule, question, decision) => {
  it(`yes → ${decision}`, () => expect(decisions(run(rule, answering({ [question]: 'yes' })))).toEqual([decision]));
  it('no → nothing', () => expect(run(rule, answering({ [question]: 'no' }))).toEqual([]));
  it('unknown or missing → unknown', () => {
    expect(decisions(run(rule, answering({ [question]: 'unknown' })))).toEqual([`unknown:questions.${question}`]);
    expect(decisions(run(rule, answering({ [question]: undefined })))).toEqual([`unknown:questions.${question}`]);
  });
});

describe('referring rules ask for clearance, caution rules change technique', () => {
  it('active cancer names the oncology team; epilepsy lists technique changes', () => {
    const [cancer] = run(activeCancerRule, answering({ activeCancer: 'yes' }));
    expect(cancer?.kind === 'finding' && cancer.finding.clearance).toEqual({
      needed: true,
      scope: expect.stringContaining('oncology'),
    });
    const [seizure] = run(epilepsyRule, answering({ epilepsy: 'yes' }));
    expect(seizure?.kind === 'finding' && seizure.finding.techniqueChanges?.length).toBeGreaterThan(0);
  });
});

describe('osteoporosis', () => {
  it('diagnosed without fragility fracture → caution; with one → refer', () => {
    expect(decisions(run(osteoporosisRule, answering({ osteoporosis: 'yes' })))).toEqual(['caution']);
    expect(decisions(run(osteoporosisRule, answering({ osteoporosis: 'yes', fragilityFracture: 'yes' })))).toEqual([
      'refer',
    ]);
  });
  it('a fragility fracture without a diagnosis still refers (bone never evaluated)', () => {
    expect(decisions(run(osteoporosisRule, answering({ fragilityFracture: 'yes' })))).toEqual(['refer']);
  });
  it('diagnosed, fracture question skipped → caution plus an unknown that gates refer', () => {
    const outcomes = run(osteoporosisRule, answering({ osteoporosis: 'yes', fragilityFracture: undefined }));
    expect(decisions(outcomes)).toEqual(['caution', 'unknown:questions.fragilityFracture']);
    expect(outcomes[1]?.kind === 'unknown' && outcomes[1].unknown.gates).toBe('refer');
  });
  it('no and no → nothing; an unasked fracture question does not matter once osteoporosis is no', () => {
    expect(run(osteoporosisRule, answering({}))).toEqual([]);
    expect(run(osteoporosisRule, answering({ fragilityFracture: undefined }))).toEqual([]);
  });
});

describe('pregnancy', () => {
  const pregnant = (pregnancy: IntakeAnswers['pregnancy']) =>
    decisions(run(pregnancyRule, { ...allNoAnswers(), pregnancy }));
  it('first trimester → refer; later, not high risk → caution with positioning', () => {
    expect(pregnant({ status: 'yes', trimester: 1, highRisk: 'no' })).toEqual(['refer']);
    expect(pregnant({ status: 'yes', trimester: 2, highRisk: 'no' })).toEqual(['caution']);
    const [later] = run(pregnancyRule, {
      ...allNoAnswers(),
      pregnancy: { status: 'yes', trimester: 3, highRisk: 'no' },
    });
    expect(later?.kind === 'finding' && later.finding.techniqueChanges?.join(' ')).toMatch(/side-lying/);
  });
  it('high risk → refer in any trimester', () => {
    expect(pregnant({ status: 'yes', trimester: 3, highRisk: 'yes' })).toEqual(['refer']);
  });
  it('no or not applicable → nothing', () => {
    expect(pregnant({ status: 'no' })).toEqual([]);
    expect(pregnant({ status: 'not-applicable' })).toEqual([]);
  });
  it('status missing or unknown, trimester or risk missing → unknowns that gate refer', () => {
    expect(pregnant(undefined)).toEqual(['unknown:pregnancy.status']);
    expect(pregnant({ status: 'unknown' })).toEqual(['unknown:pregnancy.status']);
    expect(pregnant({ status: 'yes', highRisk: 'no' })).toEqual(['unknown:pregnancy.trimester']);
    expect(pregnant({ status: 'yes', trimester: 2 })).toEqual(['caution', 'unknown:pregnancy.highRisk']);
  });
});

describe('diabetes-neuropathy', () => {
  it('diabetes with neuropathy → caution about reduced sensation', () => {
    const outcomes = run(diabeticNeuropathyRule, answering({ diabetes: 'yes', neuropathy: 'yes' }));
    expect(decisions(outcomes)).toEqual(['caution']);
    expect(outcomes[0]?.kind === 'finding' && outcomes[0].finding.reason).toMatch(/diabetes with neuropathy/);
  });
  it('diabetes without neuropathy → nothing; neuropathy unknown → unknown', () => {
    expect(run(diabeticNeuropathyRule, answering({ diabetes: 'yes', neuropathy: 'no' }))).toEqual([]);
    expect(decisions(run(diabeticNeuropathyRule, answering({ diabetes: 'yes', neuropathy: 'unknown' })))).toEqual([
      'unknown:questions.neuropathy',
    ]);
  });
  it('diabetes skipped → unknown; listed diabetes and neuropathy conditions count as yes', () => {
    expect(decisions(run(diabeticNeuropathyRule, answering({ diabetes: undefined })))).toEqual([
      'unknown:questions.diabetes',
    ]);
    const listed = { ...allNoAnswers(), conditions: ['diabetes-type-1', 'peripheral-neuropathy'] } as IntakeAnswers;
    expect(decisions(run(diabeticNeuropathyRule, listed))).toEqual(['caution']);
  });
});
