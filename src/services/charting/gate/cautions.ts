import { SCREENING_RULES, type ScreeningResult } from '../../../clinical/screening/index.ts';
import { painFeedbackRule } from '../../../clinical/screening/rules-medications.ts';

/** One caution as the therapist reads it: what triggered it and why, then what to change. */
export interface GateCaution {
  rule: string;
  /** The kind of caution, e.g. "Anticoagulants, antiplatelets or a bleeding disorder". */
  title: string;
  /** What the patient takes or has, and why it matters, e.g. "takes apixaban (a blood thinner): bruising…". */
  reason: string;
  /** The technique changes this caution adds (each change appears under the first caution that asks for it). */
  changes: string[];
}

const TITLES = new Map(SCREENING_RULES.map((rule) => [rule.id, rule.title]));

/** Findings that change how to treat (every caution, and any cleared finding that carries changes). */
export function cautionsOf(result: ScreeningResult): GateCaution[] {
  const shown = new Set<string>();
  return result.findings
    .filter((f) => f.decision === 'caution' || (f.techniqueChanges?.length ?? 0) > 0)
    .map((f) => {
      const changes = (f.techniqueChanges ?? []).filter((change) => !shown.has(change));
      for (const change of changes) shown.add(change);
      return { rule: f.rule, title: TITLES.get(f.rule) ?? f.rule, reason: f.reason, changes };
    });
}

/** What blunts pain ratings today (analgesics, muscle relaxants), so the timer does not say "aim for 5–7". */
export function painRatingsUnreliable(result: ScreeningResult): string | null {
  const finding = result.findings.find((f) => f.rule === painFeedbackRule.id);
  return finding ? (finding.trigger ?? finding.reason) : null;
}
