// Turning what someone typed into known words: accents and case folded, plurals folded, run-together
// words split ("lowerback"), and typos corrected within a bounded edit distance.
import { normalizeTerm } from '../bodymap/regions-text.ts';

/** Lower case, accents and punctuation gone, words separated by single spaces. */
export function words(text: string): string[] {
  const normalized = normalizeTerm(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition, each costing 1), so
 * "tempel" is one edit from "temple". Gives up early, answering `bound + 1`, once it must exceed `bound`.
 */
export function typoDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > bound) return bound + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many typos a word of this length may carry: none up to 3 letters, 1 up to 5, then 2. */
export function typoBound(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 5 ? 1 : 2;
}

export interface Vocabulary {
  /** Every known word → the language(s) it belongs to. */
  readonly known: ReadonlyMap<string, ReadonlySet<'en' | 'es'>>;
  /** Words a typo is corrected to only when no other word is as close (the body map's rarer synonyms). */
  readonly secondary: ReadonlySet<string>;
}

/** Plural folding: "knees" → "knee", "talones" → "talon", "omoplatos" → "omoplato". */
function singular(word: string, vocabulary: Vocabulary): string | undefined {
  for (const cut of ['s', 'es']) {
    if (word.length > cut.length + 2 && word.endsWith(cut)) {
      const stem = word.slice(0, -cut.length);
      if (vocabulary.known.has(stem)) return stem;
    }
  }
  return undefined;
}

function nearest(word: string, vocabulary: Vocabulary, lang: 'en' | 'es' | undefined): string | undefined {
  const bound = typoBound(word);
  if (bound === 0) return undefined;
  // Closest first; among equals, a word of the language asked for, then a primary word, then A–Z.
  let best: { word: string; rank: number[] } | undefined;
  for (const [candidate, langs] of vocabulary.known) {
    if (candidate.length <= 3) continue;
    const distance = typoDistance(word, candidate, bound);
    if (distance > bound) continue;
    const rank = [distance, lang !== undefined && langs.has(lang) ? 0 : 1, vocabulary.secondary.has(candidate) ? 1 : 0];
    const order = best ? rank.findIndex((r, i) => r !== best!.rank[i]) : -1;
    const better = !best || (order >= 0 ? rank[order]! < best.rank[order]! : candidate < best.word);
    if (better) best = { word: candidate, rank };
  }
  return best?.word;
}

/** What one typed word was taken to be: known as typed, or corrected, or split in two, or unknown. */
export interface ReadWord {
  typed: string;
  read: string[];
}

/** Reads one typed word against the vocabulary (exact, plural, run-together, then a bounded typo). */
export function readWord(typed: string, vocabulary: Vocabulary, lang?: 'en' | 'es'): ReadWord {
  if (vocabulary.known.has(typed)) return { typed, read: [typed] };
  const plural = singular(typed, vocabulary);
  if (plural) return { typed, read: [plural] };
  for (let cut = 3; cut <= typed.length - 3; cut++) {
    const head = typed.slice(0, cut);
    const tail = typed.slice(cut);
    const tailWord = vocabulary.known.has(tail) ? tail : singular(tail, vocabulary);
    if (vocabulary.known.has(head) && tailWord) return { typed, read: [head, tailWord] };
  }
  const corrected = nearest(typed, vocabulary, lang) ?? nearest(typed.replace(/s$/, ''), vocabulary, lang);
  return { typed, read: corrected ? [corrected] : [] };
}
