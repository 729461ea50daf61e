// Shapes shared by the screening rules and the combiner.
import type { IntakeAnswers } from './answers.ts';

/** What the clinic may do this visit, from least to most restrictive. */
export type Decision = 'clear' | 'caution' | 'local' | 'refer' | 'contraindicated';
export type FindingDecision = Exclude<Decision, 'clear'>;

/** Higher is more restrictive; the combined decision is the maximum over findings (and unknowns). */
export const DECISION_RANK: Readonly<Record<Decision, number>> = {
  clear: 0,
  caution: 1,
  local: 2,
  refer: 3,
  contraindicated: 4,
};

export function moreRestrictive(a: Decision, b: Decision): Decision {
  return DECISION_RANK[a] >= DECISION_RANK[b] ? a : b;
}

/** How strong the support for a rule is: a clinical guideline or study, or textbook consensus only. */
export type EvidenceTier = 'guideline' | 'study' | 'consensus';

export interface RuleFinding {
  rule: string;
  decision: FindingDecision;
  reason: string;
  /**
   * What in the answers set the finding off, in plain words (e.g. "takes ibuprofen (a pain killer)"), where one thing
   * did.
   */
  trigger?: string;
  source: string;
  /** Body-map region ids this finding is about (for `local`: not to be treated). */
  regions?: string[];
  techniqueChanges?: string[];
  clearance?: { needed: boolean; scope: string };
}

/** A question whose answer is missing or 'unknown' although a rule depends on it. */
export interface UnknownAnswer {
  /** Field path in the answers document, e.g. `questions.bloodClot` or `pregnancy.trimester`. */
  question: string;
  why: string;
  /** The most restrictive decision the answer could lead to. */
  gates: FindingDecision;
}

export interface ScreeningContext {
  /** The visit date, YYYY-MM-DD; the caller supplies it (no clock in clinical code). */
  today: string;
}

export type RuleOutcome = { kind: 'finding'; finding: RuleFinding } | { kind: 'unknown'; unknown: UnknownAnswer };

export interface ScreeningRule {
  id: string;
  title: string;
  /** The most restrictive decision this rule can produce. */
  decision: FindingDecision;
  evidence: EvidenceTier;
  source: string;
  evaluate(answers: IntakeAnswers, context: ScreeningContext): RuleOutcome[];
}

export interface EndangermentSite {
  site: string;
  regions: string[];
  structures: string;
}

export interface ScreeningResult {
  decision: Decision;
  /** One sentence per reason the combined decision is what it is. */
  explanation: string[];
  findings: RuleFinding[];
  unknowns: UnknownAnswer[];
  /** Regions of every `local` finding: do not treat there. */
  avoidRegions: string[];
  techniqueChanges: string[];
  clearanceNeeded: boolean;
  /** Sites that always call for care, whoever the patient is; they never change the decision. */
  standingCautions: EndangermentSite[];
}
