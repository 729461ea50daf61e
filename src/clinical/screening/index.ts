// Public face of contraindication screening: answers in, decision with reasons and sources out.
export { IntakeAnswersSchema, LOCAL_ISSUE_KINDS, MEDICATION_CLASSES, unansweredQuestions } from './answers.ts';
export type {
  IntakeAnswers,
  LocalIssue,
  LocalIssueKind,
  Medication,
  MedicationClass,
  Pregnancy,
  Surgery,
  YesNoUnknown,
} from './answers.ts';
export { CONDITIONS, CONDITION_CODES, QUESTIONS, QUESTION_IDS, QUESTION_TEXT } from './questions.ts';
export type { ConditionCode, QuestionId } from './questions.ts';
export { SCREENING_RULES, floorForUnknown, screen } from './screen.ts';
export { ENDANGERMENT_SITES } from './endangerment.ts';
export { DECISION_RANK } from './types.ts';
export type {
  Decision,
  EndangermentSite,
  EvidenceTier,
  FindingDecision,
  RuleFinding,
  RuleOutcome,
  ScreeningContext,
  ScreeningResult,
  ScreeningRule,
  UnknownAnswer,
} from './types.ts';
