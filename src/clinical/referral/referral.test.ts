import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mirrorRegion, REGIONS } from '../bodymap/regions.ts';
import { referralOf, referrersOf, suggestMuscles } from './index.ts';
import type { PainMap } from './index.ts';

const regionIds = REGIONS.map((r) => r.id);
const painMapArb = fc.uniqueArray(
  fc.record({ region: fc.constantFrom(...regionIds), intensity: fc.integer({ min: 1, max: 10 }) }),
  { minLength: 1, maxLength: 12, selector: (p) => p.region },
);
const key = (s: { muscle: string; side: string; score: number }) => `${s.muscle}|${s.side}|${s.score}`;

describe('suggestMuscles properties', () => {
  it('is independent of the order of the pain map', () => {
    const mapAndPermutation = painMapArb.chain((painMap) =>
      fc.tuple(
        fc.constant(painMap),
        fc.shuffledSubarray(painMap, { minLength: painMap.length, maxLength: painMap.length }),
      ),
    );
    fc.assert(
      fc.property(mapAndPermutation, ([painMap, shuffled]) => {
        expect(suggestMuscles(shuffled, { limit: 15 })).toEqual(suggestMuscles(painMap, { limit: 15 }));
      }),
      { numRuns: 200 },
    );
  });

  it('returns scores in (0, 1], best first, each with reasons drawn from the pain map', () => {
    fc.assert(
      fc.property(painMapArb, (painMap) => {
        const reported = new Set(painMap.map((p) => p.region));
        const suggestions = suggestMuscles(painMap, { limit: 20 });
        for (let i = 0; i < suggestions.length; i++) {
          const s = suggestions[i]!;
          expect(s.score).toBeGreaterThan(0);
          expect(s.score).toBeLessThanOrEqual(1);
          if (i > 0) expect(s.score).toBeLessThanOrEqual(suggestions[i - 1]!.score);
          expect(s.reasons.length).toBeGreaterThan(0);
          for (const reason of s.reasons) expect(reported.has(reason.region)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives reasons consistent with the muscle's own referral map", () => {
    fc.assert(
      fc.property(painMapArb, (painMap) => {
        for (const s of suggestMuscles(painMap, { limit: 5 })) {
          const map = referralOf(s.muscle, s.side === 'midline' ? undefined : s.side);
          for (const reason of s.reasons) {
            expect(map).toContainEqual(expect.objectContaining({ region: reason.region, weight: reason.weight }));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is mirror-symmetric: mirroring the pain map swaps the sides of the suggestions', () => {
    const swap = (side: string) => (side === 'left' ? 'right' : side === 'right' ? 'left' : side);
    fc.assert(
      fc.property(painMapArb, (painMap) => {
        const mirrored = painMap.map((p) => ({ region: mirrorRegion(p.region), intensity: p.intensity }));
        const original = suggestMuscles(painMap, { limit: 1000 }).map((s) => key({ ...s, side: swap(s.side) }));
        const fromMirror = suggestMuscles(mirrored, { limit: 1000 }).map(key);
        expect(new Set(fromMirror)).toEqual(new Set(original));
      }),
      { numRuns: 100 },
    );
  });

  it('treats a duplicate region as its highest intensity', () => {
    const base: PainMap = [
      { region: 'temple-left', intensity: 7 },
      { region: 'heel-right', intensity: 3 },
    ];
    expect(suggestMuscles([...base, { region: 'temple-left', intensity: 2 }])).toEqual(suggestMuscles(base));
  });

  it('ranks a muscle higher when the region it explains hurts more', () => {
    const mild = suggestMuscles(
      [
        { region: 'heel-left', intensity: 2 },
        { region: 'temple-left', intensity: 8 },
      ],
      { limit: 100 },
    );
    const severe = suggestMuscles(
      [
        { region: 'heel-left', intensity: 8 },
        { region: 'temple-left', intensity: 2 },
      ],
      { limit: 100 },
    );
    const scoreOf = (list: typeof mild) => list.find((s) => s.muscle === 'soleus' && s.side === 'left')!.score;
    expect(scoreOf(severe)).toBeGreaterThan(scoreOf(mild));
  });

  it('ignores zero intensities and returns nothing for an empty map', () => {
    expect(suggestMuscles([])).toEqual([]);
    expect(suggestMuscles([{ region: 'temple-left', intensity: 0 }])).toEqual([]);
  });

  it('respects the limit (default 10)', () => {
    const map: PainMap = [
      { region: 'low-back-left', intensity: 5 },
      { region: 'buttock-left', intensity: 5 },
    ];
    expect(suggestMuscles(map)).toHaveLength(10);
    expect(suggestMuscles(map, { limit: 3 })).toHaveLength(3);
  });

  it('rejects unknown regions and out-of-range intensities', () => {
    expect(() => suggestMuscles([{ region: 'tempel-left', intensity: 5 }])).toThrow(/unknown region/);
    expect(() => suggestMuscles([{ region: 'temple-left', intensity: 11 }])).toThrow(/between 0 and 10/);
    expect(() => suggestMuscles([{ region: 'temple-left', intensity: Number.NaN }])).toThrow(/between 0 and 10/);
  });
});

describe('suggestion text', () => {
  it('tells the therapist which regions are explained and how many of the reported ones', () => {
    const [best] = suggestMuscles([
      { region: 'temple-left', intensity: 7 },
      { region: 'posterolateral-neck-left', intensity: 6 },
      { region: 'heel-left', intensity: 2 },
    ]);
    expect(best?.therapistText).toBe(
      'Explains left temple (primary), left back and side of neck (primary) — 2 of 3 reported regions',
    );
  });

  it('speaks to the patient in plain words, without jargon, and says it is not a diagnosis', () => {
    const jargon = /trigger point|referr|primary|spillover|ipsilateral|epicondyl|sacroiliac|TMJ|\bSI\b/i;
    fc.assert(
      fc.property(painMapArb, (painMap) => {
        for (const s of suggestMuscles(painMap, { limit: 5 })) {
          expect(s.patientText).not.toMatch(jargon);
          expect(s.patientText).toContain('not a diagnosis');
        }
      }),
      { numRuns: 100 },
    );
    const [trap] = suggestMuscles([
      { region: 'temple-left', intensity: 7 },
      { region: 'posterolateral-neck-left', intensity: 6 },
    ]);
    expect(trap?.patientText).toMatch(
      /^Tight spots in the muscle along the top of your shoulder on your left side can send pain to your temple/,
    );
  });
});

describe('referralOf', () => {
  it("places a paired muscle's zones on the requested side", () => {
    const zones = referralOf('upper-trapezius', 'left');
    expect(zones).toContainEqual({
      region: 'temple-left',
      weight: 'primary',
      triggerPoint: 'upper-trapezius-anterior',
    });
    expect(zones.some((z) => z.region.endsWith('-right'))).toBe(false);
    expect(zones[0]?.weight).toBe('primary');
  });

  it('covers both sides when no side is given, and honours zones that cross the midline', () => {
    expect(referralOf('temporalis').map((z) => z.region)).toEqual(
      expect.arrayContaining(['temple-left', 'temple-right']),
    );
    const clavicular = referralOf('sternocleidomastoid-clavicular', 'right').map((z) => z.region);
    expect(clavicular).toEqual(expect.arrayContaining(['forehead-left', 'forehead-right', 'ear-right']));
    expect(clavicular).not.toContain('ear-left');
  });

  it('returns nothing for an unknown id', () => {
    expect(referralOf('no-such-muscle')).toEqual([]);
  });
});

describe('referrersOf: the referral engine for one tapped spot', () => {
  it('lists the muscles that refer to the spot, on its side, primary zones first', () => {
    const temple = referrersOf('temple-right');
    expect(temple.map((r) => r.muscle)).toContain('temporalis');
    expect(temple.every((r) => r.side === 'right' || r.side === 'midline')).toBe(true);
    const firstSpill = temple.findIndex((r) => r.weight === 'spillover');
    expect(firstSpill).toBeGreaterThan(0);
    expect(temple.slice(firstSpill).every((r) => r.weight === 'spillover')).toBe(true);
  });
  it('gives nothing for an unknown place', () => {
    expect(referrersOf('elbow-ish')).toEqual([]);
  });
});
