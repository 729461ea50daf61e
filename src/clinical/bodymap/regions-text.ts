// Text helpers for matching what people type against the region vocabulary.

/** Lower-case, drop apostrophes, and turn every run of other punctuation/space into one space. */
export function normalizeTerm(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Classic Levenshtein distance (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Dissimilarity in [0, 1]: the better of normalised edit distance and token mismatch,
 * so "tempel" is near "temple" and "elbow tenis" is near "tennis elbow".
 */
export function termDistance(query: string, term: string): number {
  const edit = editDistance(query, term) / Math.max(query.length, term.length, 1);
  const queryTokens = new Set(query.split(' '));
  const termTokens = new Set(term.split(' '));
  let shared = 0;
  for (const token of queryTokens) {
    // A long token one typo away still counts as shared ("tenis" ~ "tennis").
    const tolerance = token.length >= 5 ? 1 : 0;
    for (const other of termTokens) {
      if (editDistance(token, other) <= tolerance) {
        shared++;
        break;
      }
    }
  }
  const union = queryTokens.size + termTokens.size - shared;
  const tokenMismatch = union === 0 ? 1 : 1 - shared / union;
  return Math.min(edit, tokenMismatch);
}
