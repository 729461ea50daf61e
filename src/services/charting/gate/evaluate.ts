import {
  floorForUnknown,
  QUESTIONS,
  SCREENING_RULES,
  type QuestionId,
  type ScreeningResult,
} from '../../../clinical/screening/index.ts';

/**
 * How a screening result becomes a yes/no for treatment. Our reading of the clinic’s rules:
 * - `contraindicated` and `refer` both block treatment until a physician clearance covers every
 *   blocking reason (or a manager/admin overrides, with a reason). The screening core itself defines
 *   refer as "consult the physician first; clearance needed before treatment", so letting a refer
 *   visit go ahead on a task alone would contradict the rule that produced it.
 * - A clearance covers the blocking reasons that stood when it was recorded. A later intake version
 *   with the same reasons stays cleared; a new reason needs a new clearance.
 * - `local` and `caution` never block; they travel with the gate as regions and technique changes.
 */

/**
 * Stable names for what must be cleared: the rule id of each blocking finding, `unknown:<question>` for unanswered
 * ones.
 */
export function blockingKeys(result: ScreeningResult): string[] {
  const keys = new Set<string>();
  for (const f of result.findings) if (f.decision === 'contraindicated' || f.decision === 'refer') keys.add(f.rule);
  for (const u of result.unknowns) if (floorForUnknown(u.gates) === 'refer') keys.add(`unknown:${u.question}`);
  return [...keys].sort();
}

export function blocks(decision: ScreeningResult['decision']): boolean {
  return decision === 'contraindicated' || decision === 'refer';
}

/** Whole-body "no deep pressure"; region-limited variants ("… on the abdomen") stay as technique changes. */
export function noDeepPressure(techniqueChanges: readonly string[]): boolean {
  return techniqueChanges.some((change) => change.trim().toLowerCase() === 'no deep pressure');
}

export function uncovered(keys: readonly string[], clearances: readonly { covers: readonly string[] }[]): string[] {
  const covered = new Set(clearances.flatMap((c) => c.covers));
  return keys.filter((k) => !covered.has(k));
}

const DECISION_WORDS: Record<string, string> = {
  contraindicated: 'Not to be treated',
  refer: 'A physician should be asked first',
  local: 'Some places not to be treated',
  caution: 'Treat with changes',
  clear: 'Clear',
};
const RULE_TITLES = new Map(SCREENING_RULES.map((rule) => [rule.id, rule.title]));

/** An answer the patient was unsure of (or left blank), as the question they were asked. */
function unansweredWords(field: string): string {
  const id = field.startsWith('questions.') ? field.slice('questions.'.length) : '';
  return id in QUESTIONS ? `"${QUESTIONS[id as QuestionId]}"` : field.replace(/\./g, ' ');
}

/** What a clearance must cover, in words: the finding's name, or the question still open. */
export function blockingKeyWords(key: string): string {
  if (key.startsWith('unknown:')) return `the answer to ${unansweredWords(key.slice('unknown:'.length))}`;
  return RULE_TITLES.get(key)?.toLowerCase() ?? key;
}

/** Plain words for the task list and the banner. */
export function describeBlock(result: ScreeningResult): string {
  const reasons = result.findings.filter((f) => f.decision === result.decision).map((f) => f.reason);
  const unanswered = result.unknowns
    .filter((u) => floorForUnknown(u.gates) === 'refer')
    .map((u) => unansweredWords(u.question));
  const parts = [...reasons];
  if (unanswered.length > 0) parts.push(`not sure or not answered: ${unanswered.join(' ')}`);
  return `${DECISION_WORDS[result.decision] ?? result.decision}: ${parts.join('; ') || 'see the screening result'}`;
}
