// Runs every rule over the answers and combines the results into one decision for the visit.
import type { IntakeAnswers } from './answers.ts';
import { parseDate } from '../../time/index.ts';
import { ENDANGERMENT_SITES } from './endangerment.ts';
import { CONDITION_RULES } from './rules-conditions.ts';
import { LOCAL_RULES } from './rules-local.ts';
import { QUESTIONS, type QuestionId } from './questions.ts';
import { MEDICATION_RULES } from './rules-medications.ts';
import { SYSTEMIC_RULES } from './rules-systemic.ts';
import {
  DECISION_RANK,
  moreRestrictive,
  type Decision,
  type FindingDecision,
  type RuleFinding,
  type ScreeningContext,
  type ScreeningResult,
  type ScreeningRule,
  type UnknownAnswer,
} from './types.ts';

export const SCREENING_RULES: readonly ScreeningRule[] = [
  ...SYSTEMIC_RULES,
  ...CONDITION_RULES,
  ...LOCAL_RULES,
  ...MEDICATION_RULES,
];

/**
 * What an unanswered question does to the combined decision. A question that could stop or
 * refer the visit raises it to at least 'refer' (get the answer or a clearance first); one that
 * could only change technique or exclude a place raises it to at least 'caution' (ask before
 * treating there). An unknown never raises a visit to 'contraindicated': nothing is known to be wrong.
 */
export function floorForUnknown(gates: FindingDecision): Decision {
  return DECISION_RANK[gates] >= DECISION_RANK.refer ? 'refer' : 'caution';
}

export function screen(answers: IntakeAnswers, context: ScreeningContext): ScreeningResult {
  if (parseDate(context.today) === undefined)
    throw new RangeError(`today must be a YYYY-MM-DD date, got "${context.today}"`);
  const findings: RuleFinding[] = [];
  const rawUnknowns: UnknownAnswer[] = [];
  for (const rule of SCREENING_RULES) {
    for (const outcome of rule.evaluate(answers, context)) {
      if (outcome.kind === 'finding') findings.push(outcome.finding);
      else rawUnknowns.push(outcome.unknown);
    }
  }
  const sortedFindings = sortFindings(findings);
  const unknowns = mergeUnknowns(rawUnknowns);

  let decision: Decision = 'clear';
  for (const f of sortedFindings) decision = moreRestrictive(decision, f.decision);
  for (const u of unknowns) decision = moreRestrictive(decision, floorForUnknown(u.gates));

  return {
    decision,
    explanation: explain(decision, sortedFindings, unknowns),
    findings: sortedFindings,
    unknowns,
    avoidRegions: uniqueSorted(sortedFindings.filter((f) => f.decision === 'local').flatMap((f) => f.regions ?? [])),
    techniqueChanges: uniqueSorted(sortedFindings.flatMap((f) => f.techniqueChanges ?? [])),
    clearanceNeeded: sortedFindings.some((f) => f.clearance?.needed === true),
    standingCautions: ENDANGERMENT_SITES.map((site) => ({ ...site, regions: [...site.regions] })),
  };
}

function uniqueSorted(items: string[]): string[] {
  return [...new Set(items)].sort();
}

/** Most restrictive first, then by rule and reason, so list order in the answers never matters. */
function sortFindings(findings: RuleFinding[]): RuleFinding[] {
  const key = (f: RuleFinding) => `${f.rule}\u0000${f.reason}\u0000${(f.regions ?? []).join(',')}`;
  return [...findings].sort((a, b) => DECISION_RANK[b.decision] - DECISION_RANK[a.decision] || compare(key(a), key(b)));
}

/** One entry per question; several rules may depend on the same missing answer. */
function mergeUnknowns(unknowns: UnknownAnswer[]): UnknownAnswer[] {
  const byQuestion = new Map<string, { whys: Set<string>; gates: FindingDecision }>();
  for (const u of unknowns) {
    const entry = byQuestion.get(u.question);
    if (!entry) byQuestion.set(u.question, { whys: new Set([u.why]), gates: u.gates });
    else {
      entry.whys.add(u.why);
      if (DECISION_RANK[u.gates] > DECISION_RANK[entry.gates]) entry.gates = u.gates;
    }
  }
  return [...byQuestion.entries()]
    .map(([question, { whys, gates }]) => ({ question, why: [...whys].sort().join('; '), gates }))
    .sort((a, b) => DECISION_RANK[b.gates] - DECISION_RANK[a.gates] || compare(a.question, b.question));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The decision as a clinic worker reads it (the screen and the CLI show these lines as they are).
const MEANING: Record<Decision, string> = {
  contraindicated: 'Do not treat: no treatment until resolved or cleared',
  refer: 'Refer: consult the physician first; clearance needed before treatment',
  local: 'Treat with care: not the listed places',
  caution: 'Treat with care: with the listed technique changes',
  clear: 'Clear: no contraindication found in the answers given',
};

const TITLE_OF = new Map(SCREENING_RULES.map((rule) => [rule.id, rule.title]));

/** The question as the patient was asked it, where there is one; else the answer's field. */
function askedAs(unknown: UnknownAnswer): string {
  const id = unknown.question.startsWith('questions.') ? unknown.question.slice('questions.'.length) : '';
  return id in QUESTIONS ? QUESTIONS[id as QuestionId] : `${unknown.question}.`;
}

function explain(decision: Decision, findings: RuleFinding[], unknowns: UnknownAnswer[]): string[] {
  const lines = [`${MEANING[decision]}.`];
  const drivers = findings.filter((f) => f.decision === decision);
  for (const f of drivers) lines.push(`${TITLE_OF.get(f.rule) ?? 'A finding'}: ${f.reason}.`);
  const raising = unknowns.filter((u) => floorForUnknown(u.gates) === decision && DECISION_RANK[decision] > 0);
  if (raising.length > 0 && drivers.length === 0)
    lines.push(
      `Unanswered questions (not sure, or left blank) set this decision until answered: ` +
        `${raising.map(askedAs).join(' ')}`,
    );
  else if (raising.length > 0)
    lines.push(`Also unanswered (not sure, or left blank): ${raising.map(askedAs).join(' ')}`);
  return lines;
}
