import { DIAGNOSIS_CODES } from './catalogue.ts';
import { CONDITION_GROUP_LABELS } from './types.ts';
import type { ConditionGroup, DiagnosisCode } from './types.ts';

/** Upper case, no spaces, with the dot after the category (m545 → M54.5, s134xxa → S13.4XXA). */
export function normalizeDiagnosisCode(input: string): string {
  const compact = input.trim().toUpperCase().replace(/[\s.]/g, '');
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

function compactCode(code: string): string {
  return code.toLowerCase().replace(/\./g, '');
}

const SHAPE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const BY_CODE = new Map(DIAGNOSIS_CODES.map((entry) => [entry.code, entry]));

/** The entry for a code on the clinic's list (any spelling: m5450, M54.50), or undefined. */
export function lookupDiagnosis(code: string): DiagnosisCode | undefined {
  return BY_CODE.get(normalizeDiagnosisCode(code));
}

/** True only for a code on the list that is complete enough to be billed. */
export function isValidDiagnosisCode(code: string): boolean {
  return lookupDiagnosis(code)?.billable === true;
}

export type DiagnosisCheck =
  | { ok: true; diagnosis: DiagnosisCode }
  | { ok: false; reason: 'malformed' | 'not-on-list' | 'not-billable'; message: string; suggestions: string[] };

/**
 * Checks a code a clinic worker typed, with a message in plain words and the codes to use
 * instead. The caller adds the field name ("Diagnosis 2: …").
 */
export function checkDiagnosisCode(input: string): DiagnosisCheck {
  const code = normalizeDiagnosisCode(input);
  if (!SHAPE.test(code)) {
    return {
      ok: false,
      reason: 'malformed',
      message: `"${input.trim()}" is not a diagnosis code; codes look like M54.2 or S13.4XXA`,
      suggestions: [],
    };
  }
  const entry = BY_CODE.get(code);
  if (entry?.billable) return { ok: true, diagnosis: entry };
  if (entry) {
    const choose = [...(entry.choose ?? [])];
    return {
      ok: false,
      reason: 'not-billable',
      message:
        `${code} (${entry.plainName.toLowerCase()}) needs more characters to be billed; ` +
        `choose ${listWords(choose)}`,
      suggestions: choose,
    };
  }
  const nearest = nearestBillable(code);
  return {
    ok: false,
    reason: 'not-on-list',
    message:
      nearest.length > 0
        ? `${code} is not on the clinic's diagnosis list; the nearest codes on it are ` +
          `${nearest.length > 6 ? `${nearest.slice(0, 6).join(', ')} and more` : listWords(nearest)}`
        : `${code} is not on the clinic's diagnosis list`,
    suggestions: nearest,
  };
}

/** Billable codes sharing the longest start with the one typed (at least its category). */
function nearestBillable(code: string): string[] {
  const typed = compactCode(code);
  for (let length = typed.length; length >= 3; length--) {
    const start = typed.slice(0, length);
    const found = DIAGNOSIS_CODES.filter((e) => e.billable && compactCode(e.code).startsWith(start)).map((e) => e.code);
    if (found.length > 0) return found;
  }
  return [];
}

function listWords(codes: readonly string[]): string {
  if (codes.length <= 1) return codes.join('');
  return `${codes.slice(0, -1).join(', ')} or ${codes.at(-1)}`;
}

export interface DiagnosisSearchOptions {
  limit?: number;
  billableOnly?: boolean;
  group?: ConditionGroup;
}

const looksLikeCode = (token: string) => /^[a-z][0-9]/.test(token);

function wordsOf(entry: DiagnosisCode): string[] {
  const text = [entry.title, entry.plainName, ...(entry.alsoKnownAs ?? []), CONDITION_GROUP_LABELS[entry.group]].join(
    ' ',
  );
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const WORDS = new Map(DIAGNOSIS_CODES.map((entry) => [entry.code, wordsOf(entry)]));

/**
 * Search by code or words, case-insensitive. A code matches by prefix with or without the dot
 * (m54.5, M545, s13); every word must start a word of the code's title, plain name or other
 * names, in any order ("back low", "whip"). Exact codes come first, then code prefixes, then
 * word matches, each in the list's own order.
 */
export function searchDiagnoses(query: string, options: DiagnosisSearchOptions = {}): DiagnosisCode[] {
  // A code keeps its dot; any other word is split like the titles are (mid-back → mid, back).
  const tokens = query
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[\s,;/()]+/)
    .flatMap((raw) => (looksLikeCode(raw) ? [raw] : raw.split(/[^a-z0-9]+/)))
    .filter(Boolean);
  if (tokens.length === 0) return [];
  const whole = compactCode(query.trim());

  const ranked: Array<{ entry: DiagnosisCode; rank: number; order: number }> = [];
  DIAGNOSIS_CODES.forEach((entry, order) => {
    if (options.billableOnly && !entry.billable) return;
    if (options.group && entry.group !== options.group) return;
    const code = compactCode(entry.code);
    const words = WORDS.get(entry.code)!;
    let usedCode = false;
    const matches = tokens.every((token) => {
      if (looksLikeCode(token) && code.startsWith(compactCode(token))) {
        usedCode = true;
        return true;
      }
      return words.some((word) => word.startsWith(token));
    });
    if (!matches) return;
    const rank = code === whole ? 0 : usedCode ? 1 : 2;
    ranked.push({ entry, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, options.limit ?? 25).map((r) => r.entry);
}
