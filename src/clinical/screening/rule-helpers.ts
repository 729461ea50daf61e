// Small builders so each rule file reads as data: question, decision, reason, source.
import { answerTo, type IntakeAnswers } from './answers.ts';
import { QUESTIONS, type QuestionId } from './questions.ts';
import type { EvidenceTier, FindingDecision, RuleFinding, RuleOutcome, ScreeningRule, UnknownAnswer } from './types.ts';

export function found(finding: RuleFinding): RuleOutcome {
  return { kind: 'finding', finding };
}

export function notKnown(unknown: UnknownAnswer): RuleOutcome {
  return { kind: 'unknown', unknown };
}

/** The unknown entry for a yes/no question that was skipped or answered 'unknown'. */
export function unansweredQuestion(
  answers: IntakeAnswers,
  question: QuestionId,
  gates: FindingDecision,
  consequence: string,
): RuleOutcome {
  const how = answers.questions?.[question] === 'unknown' ? 'answered "not sure"' : 'not answered';
  return notKnown({
    question: `questions.${question}`,
    why: `"${QUESTIONS[question]}" ${how}; a yes would mean ${consequence}`,
    gates,
  });
}

/** 'yes' / 'no' / 'unknown' for a question, folding listed conditions in as 'yes'. */
export function ask(
  answers: IntakeAnswers,
  question: QuestionId,
): { value: 'yes' | 'no' | 'unknown'; because: string } {
  const answer = answerTo(answers, question);
  if (answer.value === 'yes') {
    const because =
      answer.fromConditions.length > 0
        ? `condition listed: ${answer.fromConditions.join(', ')}`
        : `answered yes to "${QUESTIONS[question]}"`;
    return { value: 'yes', because };
  }
  return { value: answer.value === 'no' ? 'no' : 'unknown', because: '' };
}

export interface YesNoRuleSpec {
  id: string;
  title: string;
  question: QuestionId;
  decision: FindingDecision;
  evidence: EvidenceTier;
  source: string;
  /** Why a 'yes' leads to the decision, in plain words. */
  why: string;
  techniqueChanges?: string[];
  clearanceScope?: string;
}

/** A rule driven by one yes/no question: yes → finding, no → nothing, anything else → unknown. */
export function yesNoRule(spec: YesNoRuleSpec): ScreeningRule {
  return {
    id: spec.id,
    title: spec.title,
    decision: spec.decision,
    evidence: spec.evidence,
    source: spec.source,
    evaluate(answers) {
      const answer = ask(answers, spec.question);
      if (answer.value === 'no') return [];
      if (answer.value === 'unknown')
        return [unansweredQuestion(answers, spec.question, spec.decision, `${spec.decision} (${spec.title})`)];
      const finding: RuleFinding = {
        rule: spec.id,
        decision: spec.decision,
        reason: `${answer.because}: ${spec.why}`,
        source: spec.source,
      };
      if (spec.techniqueChanges) finding.techniqueChanges = [...spec.techniqueChanges];
      if (spec.clearanceScope) finding.clearance = { needed: true, scope: spec.clearanceScope };
      return [found(finding)];
    },
  };
}
