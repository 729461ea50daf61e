import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGION_BASES } from '../bodymap/regions.ts';
import { referrersOf } from '../referral/index.ts';
import { findPlaces, resolvePlaces } from './index.ts';
import { EN_PARTS, EN_QUALIFIERS, EN_SIDES, EN_SMALL_WORDS } from './lexicon-en.ts';
import { ES_PARTS, ES_QUALIFIERS, ES_SIDES, ES_SMALL_WORDS } from './lexicon-es.ts';
import { SIGNATURES } from './signatures.ts';

// Single words that stand for exactly one concept, in either language. "side" is left out: said next
// to "left"/"right" it names the side ("left side"), elsewhere the outer side, so its neighbours matter.
const WORDS_BY_CONCEPT = new Map<string, string[]>();
for (const [word, concept] of Object.entries({ ...EN_QUALIFIERS, ...EN_PARTS, ...ES_QUALIFIERS, ...ES_PARTS })) {
  if (concept.includes(' ') || word === 'side') continue;
  WORDS_BY_CONCEPT.set(concept, [...(WORDS_BY_CONCEPT.get(concept) ?? []), word]);
}
const SMALL = [...EN_SMALL_WORDS, ...ES_SMALL_WORDS];
const SIDE_WORDS = [...Object.keys(EN_SIDES), ...Object.keys(ES_SIDES)];
const SAYABLE = Object.entries(SIGNATURES).flatMap(([base, signatures]) =>
  signatures
    .map((s) => s.split(' '))
    .filter((concepts) => concepts.every((c) => WORDS_BY_CONCEPT.has(c)))
    .map((concepts) => ({ base, concepts })),
);

/** A description of one signature: a word per concept, some small words, maybe a side, in some order. */
const description = fc
  .constantFrom(...SAYABLE)
  .chain(({ base, concepts }) =>
    fc.record({
      base: fc.constant(base),
      words: fc.tuple(...concepts.map((c) => fc.constantFrom(...WORDS_BY_CONCEPT.get(c)!))),
      small: fc.array(fc.constantFrom(...SMALL), { maxLength: 3 }),
      side: fc.option(fc.constantFrom(...SIDE_WORDS), { nil: undefined }),
    }),
  )
  .map(({ base, words, small, side }) => ({ base, words: [...words, ...small, ...(side ? [side] : [])] }))
  .chain(({ base, words }) =>
    fc.record({
      base: fc.constant(base),
      words: fc.constant(words),
      shuffled: fc.shuffledSubarray(words, { minLength: words.length, maxLength: words.length }),
    }),
  );

const answer = (text: string) => {
  const { places, side } = resolvePlaces(text);
  return { places: places.map((p) => p.base), regionIds: places.flatMap((p) => p.regionIds), side };
};

describe('place resolver properties', () => {
  it('finds the place a description names, whatever the order of its words', () => {
    fc.assert(
      fc.property(description, ({ base, words, shuffled }) => {
        const inOrder = answer(words.join(' '));
        expect(inOrder.places).toContain(base);
        expect(answer(shuffled.join(' '))).toEqual(inOrder);
      }),
      { numRuns: 500 },
    );
  });

  it('ignores case, accents and punctuation', () => {
    const phrases = [
      'parte de atrás de la rodilla izquierda',
      'omóplato derecho',
      'Front of the THIGH, left',
      'mandíbula',
      'detrás del oído',
      'the front part of my thigh',
      'meñique',
      'tendón de Aquiles',
    ];
    const accented: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', n: 'ñ' };
    fc.assert(
      fc.property(
        fc.constantFrom(...phrases),
        fc.infiniteStream(fc.boolean()),
        fc.infiniteStream(fc.boolean()),
        (phrase, upper, accent) => {
          const plain = phrase.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
          const mangled = [...plain]
            .map((ch) => (accent.next().value && accented[ch] && ch !== 'n' ? accented[ch] : ch))
            .map((ch) => (upper.next().value ? ch.toUpperCase() : ch))
            .join('')
            .replace(/ /g, ' , ');
          expect(answer(mangled)).toEqual(answer(phrase));
          expect(answer(plain)).toEqual(answer(phrase));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists each muscle once for a place named without a side, and on both sides only as "unknown"', () => {
    for (const region of REGION_BASES.filter((b) => b.lateral)) {
      const found = findPlaces(region.name, { limit: 1000 });
      expect(found.side).toBeNull();
      const muscles = found.suggestions.map((s) => s.muscle);
      expect(new Set(muscles).size).toBe(muscles.length);
      for (const s of found.suggestions) expect(['unknown', 'midline']).toContain(s.side);
      // Exactly the muscles that refer to the place on either side, nothing lost by folding the sides.
      const expected = new Set(
        found.places.flatMap((p) => p.regionIds).flatMap((id) => referrersOf(id).map((r) => r.muscle)),
      );
      expect(new Set(muscles)).toEqual(expected);
    }
  });

  it('lists muscles that send pain to the place as their main zone before those where some patients feel it', () => {
    for (const region of REGION_BASES) {
      const weights = findPlaces(region.name, { limit: 1000 }).suggestions.map((s) => s.weight);
      const firstSpillover = weights.indexOf('spillover');
      if (firstSpillover >= 0) expect(weights.slice(firstSpillover)).not.toContain('primary');
    }
    const temple = findPlaces('sien', { lang: 'es', limit: 3 }).suggestions;
    expect(temple.map((s) => s.muscle)).toEqual(['suboccipitals', 'temporalis', 'upper-trapezius']);
    expect(temple[1]!.patientText).toMatch(/^Los puntos tensos en el músculo en forma de abanico sobre su sien/);
    expect(findPlaces('sien', { limit: 3 }).suggestions[1]!.patientText).toMatch(
      /^Tight spots in the fan-shaped muscle over your temple can send pain to/,
    );
  });

  it('keeps the side named: each muscle once, checked on that side', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGION_BASES.filter((b) => b.lateral)),
        fc.constantFrom('left', 'right', 'izquierda', 'derecho'),
        (region, sideWord) => {
          const found = findPlaces(`${region.name} ${sideWord}`, { limit: 1000 });
          const side = sideWord === 'left' || sideWord === 'izquierda' ? 'left' : 'right';
          expect(found.side).toBe(side);
          expect(found.places.every((p) => p.regionIds.every((id) => id.endsWith(`-${side}`)))).toBe(true);
          const muscles = found.suggestions.map((s) => s.muscle);
          expect(new Set(muscles).size).toBe(muscles.length);
          for (const s of found.suggestions) expect([side, 'midline']).toContain(s.side);
        },
      ),
    );
  });

  it('answers a plain "no match" with close places and no muscles when nothing fits', () => {
    for (const text of ['xyzzy', 'my car', 'qwertyuiop']) {
      const found = findPlaces(text);
      expect(found.places).toEqual([]);
      expect(found.suggestions).toEqual([]);
      expect(found.closest.length).toBeGreaterThan(0);
      expect(found.closest.every((p) => p.side === 'unknown' || p.side === 'midline')).toBe(true);
    }
    // A near miss suggests the place it nearly names.
    expect(findPlaces('elbo crease thingy').places.map((p) => p.base)).toContain('cubital-fossa');
    expect(findPlaces('').closest).toEqual([]);
  });

  it('reads "side" next to left or right as the side named, and alone as the side of the body', () => {
    expect(answer('posterior thigh, left side')).toMatchObject({ places: ['posterior-thigh'], side: 'left' });
    expect(answer('me duele el lado derecho')).toMatchObject({ places: ['flank'], side: 'right' });
    expect(answer('pain on my left side')).toMatchObject({ places: ['flank'], side: 'left' });
    expect(answer('side of my left hip')).toMatchObject({ places: ['greater-trochanter'], side: 'left' });
  });

  it('bounds typos: two letters wrong in a long word are read, a short word must be exact', () => {
    expect(resolvePlaces('pantorrila').places.map((p) => p.base)).toEqual(['calf']);
    expect(resolvePlaces('shuolder blaed').places.map((p) => p.base)).toEqual(['scapula']);
    expect(resolvePlaces('kne').places).toEqual([]);
    expect(resolvePlaces('zzzzzzzzz').places).toEqual([]);
  });
});
