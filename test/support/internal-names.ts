/**
 * What a clinic worker must never read in a message: names the code uses for things. A dotted
 * schema path (`hours.6.0.close`), a camelCase or snake_case id (`durationMinutes`, `late_cancel`),
 * validator wording ("expected string", "Invalid input:"), a record's id, a file name (`NOTES.md`)
 * or a tracker reference (the word "issue" and a number).
 */
const PATTERNS: Array<[string, RegExp]> = [
  ['a dotted path', /\b[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+\b/g],
  ['a camelCase id', /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g],
  ['a snake_case id', /\b[a-z0-9]+_[a-z0-9_]+\b/g],
  [
    'validator wording',
    /\bexpected\b|Invalid (?:input|request):|Too (?:small|big):|received (?:undefined|string|number|object)/gi,
  ],
  ['a file name', /\b[\w-]+\.(?:md|ts|tsx|js|json|sql)\b/g],
  ['a record id', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi],
  ['a tracker reference', /\b(?:issues?|tickets?)\s*#?\d+|\bissue tracker\b/gi],
];

/** Usual abbreviations that look like dotted paths. */
const ALLOWED = new Set(['e.g', 'i.e', 'a.m', 'p.m', 'Dr', 'vs']);

/** Each internal name found in `text`, with what kind it is; empty when the text reads clean. */
export function internalNames(text: string): string[] {
  const found: string[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const token = match[0];
      if (
        kind === 'a dotted path' &&
        (ALLOWED.has(token) ||
          /@/.test(text.slice(Math.max(0, match.index! - 40), match.index! + token.length + 1)) ||
          /^\d/.test(token))
      )
        continue;
      found.push(`${kind}: "${token}"`);
    }
  }
  return found;
}

/** Every message an error answer shows a person: the message and each field's message (keys are for machines). */
export function errorTexts(body: unknown): string[] {
  const issues = (body as { issue?: { details?: { text?: unknown } }[] } | null)?.issue;
  if (issues) return issues.map((i) => String(i.details?.text ?? ''));
  const error = (body as { error?: { message?: unknown; fields?: Record<string, unknown> } } | null)?.error;
  if (!error) return [];
  return [String(error.message ?? ''), ...Object.values(error.fields ?? {}).map(String)];
}
