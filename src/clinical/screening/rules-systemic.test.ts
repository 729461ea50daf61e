import { describe, expect, it } from 'vitest';
import type { IntakeAnswers } from './answers.ts';
import { allNoAnswers } from './fixtures.ts';
import {
  bloodClotRule,
  bloodPressureRule,
  clotHistoryRule,
  feverRule,
  pulmonaryEmbolismRule,
  stableHeartRule,
  strokeRule,
  unstableHeartRule,
} from './rules-systemic.ts';
import type { QuestionId } from './questions.ts';
import type { RuleOutcome, ScreeningRule } from './types.ts';

const today = '2026-06-15';
const run = (rule: ScreeningRule, answers: IntakeAnswers): RuleOutcome[] => rule.evaluate(answers, { today });
const decisions = (outcomes: RuleOutcome[]) =>
  outcomes.map((o) => (o.kind === 'finding' ? o.finding.decision : `unknown:${o.unknown.question}`));
const withAnswer = (question: QuestionId, value: 'yes' | 'no' | 'unknown' | undefined): IntakeAnswers => {
  const answers = allNoAnswers();
  answers.questions = { ...answers.questions, [question]: value };
  if (value === undefined) delete answers.questions[question];
  return answers;
};

describe.each([
  ['dvt', bloodClotRule, 'bloodClot', 'contraindicated'],
  ['pulmonary-embolism', pulmonaryEmbolismRule, 'pulmonaryEmbolism', 'contraindicated'],
  ['clot-history', clotHistoryRule, 'clotHistory', 'refer'],
  ['unstable-cardiac', unstableHeartRule, 'unstableHeart', 'contraindicated'],
  ['heart-disease', stableHeartRule, 'heartDisease', 'caution'],
] as const)('%s (yes/no question)', (_id, rule, question, decision) => {
  it(`yes → ${decision}, with a source`, () => {
    const [outcome, ...rest] = run(rule, withAnswer(question, 'yes'));
    expect(rest).toEqual([]);
    expect(outcome?.kind).toBe('finding');
    if (outcome?.kind !== 'finding') return;
    expect(outcome.finding.decision).toBe(decision);
    expect(outcome.finding.source.length).toBeGreaterThan(20);
  });
  it('no → nothing', () => {
    expect(run(rule, withAnswer(question, 'no'))).toEqual([]);
  });
  it.each(['unknown', undefined] as const)('%s → reported unknown, gating %s', (value) => {
    const outcomes = run(rule, withAnswer(question, value));
    expect(outcomes).toEqual([
      { kind: 'unknown', unknown: expect.objectContaining({ question: `questions.${question}`, gates: decision }) },
    ]);
  });
});

describe('listed conditions answer their question', () => {
  it('a listed DVT is a yes even when the box says no', () => {
    const answers = allNoAnswers();
    answers.conditions = ['deep-vein-thrombosis'];
    const [outcome] = run(bloodClotRule, answers);
    expect(outcome?.kind === 'finding' && outcome.finding.reason).toContain('deep-vein-thrombosis');
  });
});

describe('fever-infection', () => {
  it('38.0 °C is fever (threshold inclusive), 37.9 °C is not', () => {
    expect(decisions(run(feverRule, { ...allNoAnswers(), temperatureC: 38.0 }))).toEqual(['contraindicated']);
    expect(run(feverRule, { ...allNoAnswers(), temperatureC: 37.9 })).toEqual([]);
  });
  it('a fever reading wins over an answer of no', () => {
    const answers = { ...withAnswer('feverOrInfection', 'no'), temperatureC: 39.1 };
    expect(decisions(run(feverRule, answers))).toEqual(['contraindicated']);
  });
  it('answered yes without a reading → contraindicated', () => {
    const answers = withAnswer('feverOrInfection', 'yes');
    delete answers.temperatureC;
    expect(decisions(run(feverRule, answers))).toEqual(['contraindicated']);
  });
  it('a normal temperature does not answer the infection question', () => {
    const outcomes = run(feverRule, { ...withAnswer('feverOrInfection', undefined), temperatureC: 36.5 });
    expect(decisions(outcomes)).toEqual(['unknown:questions.feverOrInfection']);
  });
});

describe('blood-pressure (ACC/AHA 2017 bands)', () => {
  const at = (systolic: number, diastolic: number) =>
    decisions(run(bloodPressureRule, { ...allNoAnswers(), bloodPressure: { systolic, diastolic } }));
  it('crisis is strictly above 180 and/or 120', () => {
    expect(at(181, 100)).toEqual(['contraindicated']);
    expect(at(150, 121)).toEqual(['contraindicated']);
    expect(at(180, 120)).toEqual(['refer']);
  });
  it('stage 2 (>= 140 or >= 90) → refer; stage 1 → caution; below → nothing', () => {
    expect(at(140, 70)).toEqual(['refer']);
    expect(at(120, 90)).toEqual(['refer']);
    expect(at(139, 89)).toEqual(['caution']);
    expect(at(130, 70)).toEqual(['caution']);
    expect(at(129, 79)).toEqual([]);
  });
  it('known hypertension without a reading: caution plus an unknown reading gating contraindicated', () => {
    const answers = withAnswer('highBloodPressure', 'yes');
    delete answers.bloodPressure;
    const outcomes = run(bloodPressureRule, answers);
    expect(decisions(outcomes)).toEqual(['caution', 'unknown:bloodPressure']);
    expect(outcomes[1]?.kind === 'unknown' && outcomes[1].unknown.gates).toBe('contraindicated');
  });
  it('no reading and the question skipped → unknown, never read as normal', () => {
    const answers = withAnswer('highBloodPressure', undefined);
    delete answers.bloodPressure;
    expect(decisions(run(bloodPressureRule, answers))).toEqual(['unknown:questions.highBloodPressure']);
  });
  it('no reading and no hypertension → nothing', () => {
    const answers = allNoAnswers();
    delete answers.bloodPressure;
    expect(run(bloodPressureRule, answers)).toEqual([]);
  });
});

describe('stroke-tia (90-day window from today)', () => {
  const strokeOn = (date: string | undefined) => {
    const answers = withAnswer('strokeOrTia', 'yes');
    if (date) answers.lastStrokeOrTiaDate = date;
    return decisions(run(strokeRule, answers));
  };
  it('day 90 is inside the window, day 91 is not', () => {
    expect(strokeOn('2026-03-17')).toEqual(['contraindicated']); // 90 days before 2026-06-15
    expect(strokeOn('2026-03-16')).toEqual(['caution']); // 91 days
    expect(strokeOn('2026-06-15')).toEqual(['contraindicated']); // today
  });
  it('yes without a date, or a date after today → unknown date gating contraindicated', () => {
    expect(strokeOn(undefined)).toEqual(['unknown:lastStrokeOrTiaDate']);
    expect(strokeOn('2026-06-16')).toEqual(['unknown:lastStrokeOrTiaDate']);
  });
  it('no → nothing; skipped → unknown', () => {
    expect(run(strokeRule, withAnswer('strokeOrTia', 'no'))).toEqual([]);
    expect(decisions(run(strokeRule, withAnswer('strokeOrTia', undefined)))).toEqual(['unknown:questions.strokeOrTia']);
  });
});
