// The place resolver: how a person describes where it hurts ("the front part of my thigh",
// "parte de atrás de la rodilla izquierda", "tempel") → body-map regions, with the side they named
// or none. Pure: the same text always gives the same answer, whatever the order of its words,
// their case or their accents.
import { closestRegions, REGION_BASES, regionBase } from '../bodymap/regions.ts';
import { EN_PARTS, EN_PHRASES, EN_QUALIFIERS, EN_SIDES, EN_SMALL_WORDS } from './lexicon-en.ts';
import { ES_ALONE_OR_WITH_PART, ES_PARTS, ES_PHRASES, ES_QUALIFIERS, ES_SIDES, ES_SMALL_WORDS } from './lexicon-es.ts';
import { IMPLIES, QUALIFIER_CONCEPTS, SIGNATURES } from './signatures.ts';
import { readWord, words, type Vocabulary } from './words.ts';

export type Lang = 'en' | 'es';
/** The side the person named: one side, both, or none (null: one side, not known which). */
export type NamedSide = 'left' | 'right' | 'both' | null;

export interface Place {
  base: string;
  name: string;
  /** left/right/both as named; 'unknown' for a paired place named without a side; 'midline' for one. */
  side: 'left' | 'right' | 'both' | 'unknown' | 'midline';
  /** The body-map region ids this place may be: both sides' ids when the side is unknown or both. */
  regionIds: string[];
}

export interface PlaceReading {
  side: NamedSide;
  /** The places matched, in body-map order; empty when nothing fits. */
  places: Place[];
  /** When nothing fits: the closest places, unsided, best first. */
  closest: Place[];
  /** Typed words that were not understood (after typo correction). */
  unknownWords: string[];
}

/** The longest phrase in the word lists, in words. */
const LONGEST_PHRASE = 3;
/** Beyond this many words a description is cut: nobody describes one place in more. */
const MAX_WORDS = 40;

const CONCEPTS: Record<string, string> = { ...EN_QUALIFIERS, ...EN_PARTS, ...ES_QUALIFIERS, ...ES_PARTS };
const PHRASES: Record<string, string> = { ...EN_PHRASES, ...ES_PHRASES };
const SIDES: Record<string, 'left' | 'right' | 'both'> = { ...EN_SIDES, ...ES_SIDES };
const SMALL = new Set([...EN_SMALL_WORDS, ...ES_SMALL_WORDS]);
/** Words that go with a side word and add nothing else ("left side", "lado derecho"). */
const SIDE_NOUNS = new Set(['side', 'sides', 'lado']);

function sortedKey(tokens: readonly string[]): string {
  return [...new Set(tokens)].sort().join(' ');
}

/** The body map's own names and synonyms, by their words in any order ("elbow tennis" = "tennis elbow"). */
const SYNONYMS = new Map<string, string[]>();
for (const base of REGION_BASES) {
  for (const term of [base.name, ...base.synonyms]) {
    const key = sortedKey(words(term).filter((w) => !SMALL.has(w) && !(w in SIDES)));
    if (key === '') continue;
    const list = SYNONYMS.get(key) ?? [];
    if (!list.includes(base.base)) list.push(base.base);
    SYNONYMS.set(key, list);
  }
}

const VOCABULARY: Vocabulary = (() => {
  const known = new Map<string, Set<Lang>>();
  const primary = new Set<string>();
  const add = (word: string, lang: Lang) => {
    const langs = known.get(word) ?? new Set<Lang>();
    langs.add(lang);
    known.set(word, langs);
  };
  const synonymWords = [...SYNONYMS.keys()].flatMap((k) => k.split(' '));
  const phraseWords = (phrases: Record<string, string>) => Object.keys(phrases).flatMap((p) => p.split(' '));
  for (const word of [
    ...Object.keys(EN_QUALIFIERS),
    ...Object.keys(EN_PARTS),
    ...phraseWords(EN_PHRASES),
    ...Object.keys(EN_SIDES),
    ...EN_SMALL_WORDS,
    ...SIDE_NOUNS,
  ])
    add(word, 'en');
  for (const word of [
    ...Object.keys(ES_QUALIFIERS),
    ...Object.keys(ES_PARTS),
    ...Object.keys(ES_ALONE_OR_WITH_PART),
    ...phraseWords(ES_PHRASES),
    ...Object.keys(ES_SIDES),
    ...ES_SMALL_WORDS,
  ])
    add(word, 'es');
  for (const word of known.keys()) primary.add(word);
  for (const word of synonymWords) add(word, 'en');
  return { known, secondary: new Set([...known.keys()].filter((w) => !primary.has(w))) };
})();

function closure(concepts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const stack = [...concepts];
  while (stack.length > 0) {
    const concept = stack.pop()!;
    if (out.has(concept)) continue;
    out.add(concept);
    stack.push(...(IMPLIES[concept] ?? []));
  }
  return out;
}

interface Signature {
  base: string;
  concepts: Set<string>;
  qualifierOnly: boolean;
}

const SIGNATURE_LIST: readonly Signature[] = REGION_BASES.flatMap((b) =>
  (SIGNATURES[b.base] ?? []).map((text) => {
    const concepts = closure(text.split(' '));
    return { base: b.base, concepts, qualifierOnly: [...concepts].every((c) => QUALIFIER_CONCEPTS.has(c)) };
  }),
);

const subset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => b.has(x));

/** Reads the words into side, concepts, leftover tokens (for the synonym lookup) and unknown words. */
function read(text: string, lang: Lang | undefined) {
  const typed = words(text).slice(0, MAX_WORDS);
  const unknownWords: string[] = [];
  const tokens: string[] = [];
  for (const word of typed) {
    const { read: as } = readWord(word, VOCABULARY, lang);
    if (as.length === 0) unknownWords.push(word);
    tokens.push(...as);
  }
  const sides = new Set<'left' | 'right' | 'both'>();
  const isSide = (i: number) => tokens[i] !== undefined && tokens[i]! in SIDES;
  const kept: string[] = [];
  let sideNoun = false;
  tokens.forEach((token, i) => {
    if (token in SIDES) sides.add(SIDES[token]!);
    else if (SIDE_NOUNS.has(token) && (isSide(i - 1) || isSide(i + 1))) sideNoun = true;
    else if (!SMALL.has(token)) kept.push(token);
  });
  const side: NamedSide =
    sides.has('both') || (sides.has('left') && sides.has('right')) ? 'both' : ([...sides][0] ?? null);
  return { side, kept, sideNoun, unknownWords };
}

/** Concepts of the kept words, phrases first (longest first), then single words. */
function conceptsOf(kept: readonly string[]): { said: Set<string>; allRead: boolean } {
  const concepts: string[] = [];
  let unread = 0;
  const contextual: Array<{ alone: string; withPart: string }> = [];
  for (let i = 0; i < kept.length;) {
    let matched = false;
    for (let length = Math.min(LONGEST_PHRASE, kept.length - i); length >= 2 && !matched; length--) {
      const phrase = PHRASES[kept.slice(i, i + length).join(' ')];
      if (phrase) {
        concepts.push(...phrase.split(' '));
        i += length;
        matched = true;
      }
    }
    if (matched) continue;
    const word = kept[i]!;
    if (CONCEPTS[word]) concepts.push(...CONCEPTS[word]!.split(' '));
    else if (ES_ALONE_OR_WITH_PART[word]) contextual.push(ES_ALONE_OR_WITH_PART[word]!);
    else unread++;
    i++;
  }
  const namesPart = concepts.some((c) => !QUALIFIER_CONCEPTS.has(c));
  for (const word of contextual) concepts.push(namesPart ? word.withPart : word.alone);
  return { said: new Set(concepts), allRead: unread === 0 };
}

/** The most specific signatures said in full (none that another matching signature contains). */
function matchBases(said: ReadonlySet<string>): string[] {
  const all = closure(said);
  const namesPart = [...all].some((c) => !QUALIFIER_CONCEPTS.has(c));
  const applicable = SIGNATURE_LIST.filter((s) => (!namesPart || !s.qualifierOnly) && subset(s.concepts, all));
  const maximal = applicable.filter(
    (s) => !applicable.some((o) => o.concepts.size > s.concepts.size && subset(s.concepts, o.concepts)),
  );
  const bases = new Set(maximal.map((s) => s.base));
  return REGION_BASES.filter((b) => bases.has(b.base)).map((b) => b.base);
}

function placeOf(base: string, side: NamedSide): Place {
  const region = regionBase(base)!;
  if (!region.lateral) return { base, name: region.name, side: 'midline', regionIds: [base] };
  if (side === 'left' || side === 'right') return { base, name: region.name, side, regionIds: [`${base}-${side}`] };
  return { base, name: region.name, side: side ?? 'unknown', regionIds: [`${base}-left`, `${base}-right`] };
}

/** Places sharing the most concepts with what was said, then the body map's own spelling match. */
function closestPlaces(said: ReadonlySet<string>, text: string, limit: number): Place[] {
  const all = closure(said);
  const best = new Map<string, number>();
  for (const s of SIGNATURE_LIST) {
    const shared = [...s.concepts].filter((c) => all.has(c) && !QUALIFIER_CONCEPTS.has(c)).length;
    if (shared === 0) continue;
    const score = shared / new Set([...s.concepts, ...all]).size;
    best.set(s.base, Math.max(best.get(s.base) ?? 0, score));
  }
  const order = new Map(REGION_BASES.map((b, i) => [b.base, i]));
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!);
  const bases = ranked.map(([base]) => base);
  for (const region of closestRegions(text, limit * 2)) if (!bases.includes(region.base)) bases.push(region.base);
  return bases.slice(0, limit).map((base) => placeOf(base, null));
}

/**
 * Where a description of a place points on the body map. English and Spanish are both understood
 * whatever `lang` says; `lang` only settles a typo that is as close to a word of each language.
 */
export function resolvePlaces(text: string, options: { lang?: Lang } = {}): PlaceReading {
  const { side, kept, sideNoun, unknownWords } = read(text, options.lang);
  // Every word understood: the concepts decide. A word the concepts do not know ("runners knee",
  // "plantar fasciitis"): the body map's own synonyms, said in full, decide first.
  const { said, allRead } = conceptsOf(kept);
  // "My left side" and nothing else: the side of the body itself.
  if (said.size === 0 && sideNoun) said.add('outer');
  const synonym = SYNONYMS.get(sortedKey(kept));
  const fromConcepts = matchBases(said);
  const bases = allRead && fromConcepts.length > 0 ? fromConcepts : (synonym ?? fromConcepts);
  if (bases.length > 0) {
    const order = new Map(REGION_BASES.map((b, i) => [b.base, i]));
    const sorted = [...bases].sort((a, b) => order.get(a)! - order.get(b)!);
    return { side, places: sorted.map((base) => placeOf(base, side)), closest: [], unknownWords };
  }
  return { side, places: [], closest: text.trim() === '' ? [] : closestPlaces(said, text, 5), unknownWords };
}
