import { describe, expect, it } from 'vitest';
import type { IntakeAnswers, Medication } from './answers.ts';
import { allNoAnswers } from './fixtures.ts';
import { bleedingRiskRule, corticosteroidRule, painFeedbackRule } from './rules-medications.ts';
import type { RuleOutcome, ScreeningRule } from './types.ts';

const run = (rule: ScreeningRule, answers: IntakeAnswers): RuleOutcome[] =>
  rule.evaluate(answers, { today: '2026-06-15' });
const decisions = (outcomes: RuleOutcome[]) =>
  outcomes.map((o) => (o.kind === 'finding' ? o.finding.decision : `unknown:${o.unknown.question}`));
const taking = (...medications: Medication[]): IntakeAnswers => ({ ...allNoAnswers(), medications });
const notAsked = (): IntakeAnswers => {
  const { medications: _dropped, ...rest } = allNoAnswers();
  return rest;
};

describe('bleeding-risk', () => {
  it('an anticoagulant → caution: no deep pressure, no elbow/knuckle ischemic compression', () => {
    const [outcome] = run(bleedingRiskRule, taking({ class: 'anticoagulant', name: 'warfarin' }));
    expect(outcome?.kind === 'finding' && outcome.finding.decision).toBe('caution');
    const changes = outcome?.kind === 'finding' ? (outcome.finding.techniqueChanges ?? []) : [];
    expect(changes).toContain('no deep pressure');
    expect(changes.join(' ')).toMatch(/elbow, knuckle/);
  });
  it('antiplatelets and a bleeding disorder count too', () => {
    expect(decisions(run(bleedingRiskRule, taking({ class: 'antiplatelet' })))).toEqual(['caution']);
    const disorder = {
      ...allNoAnswers(),
      questions: { ...allNoAnswers().questions, bleedingDisorder: 'yes' as const },
    };
    expect(decisions(run(bleedingRiskRule, disorder))).toEqual(['caution']);
  });
  it('other medications → nothing', () => {
    expect(run(bleedingRiskRule, taking({ class: 'antihypertensive' }, { class: 'other', name: 'vitamin D' }))).toEqual(
      [],
    );
  });
  it('medications not asked → unknown', () => {
    expect(decisions(run(bleedingRiskRule, notAsked()))).toEqual(['unknown:medications']);
  });
});

describe('pain-feedback', () => {
  it('analgesics or muscle relaxants → caution that pain ratings are less reliable', () => {
    for (const cls of ['analgesic', 'muscle-relaxant'] as const) {
      const [outcome] = run(painFeedbackRule, taking({ class: cls }));
      expect(outcome?.kind === 'finding' && outcome.finding.reason).toMatch(/less reliable/);
    }
  });
  it('none → nothing; not asked → unknown', () => {
    expect(run(painFeedbackRule, taking())).toEqual([]);
    expect(decisions(run(painFeedbackRule, notAsked()))).toEqual(['unknown:medications']);
  });
});

describe('corticosteroid', () => {
  it('corticosteroid → caution; none → nothing; not asked → unknown', () => {
    expect(decisions(run(corticosteroidRule, taking({ class: 'corticosteroid', name: 'prednisone' })))).toEqual([
      'caution',
    ]);
    expect(run(corticosteroidRule, taking({ class: 'analgesic' }))).toEqual([]);
    expect(decisions(run(corticosteroidRule, notAsked()))).toEqual(['unknown:medications']);
  });
});
