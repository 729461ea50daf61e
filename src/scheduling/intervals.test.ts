import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containedIn, intersect, merge, overlapsAny, subtract } from './intervals.ts';
import type { Interval } from './intervals.ts';

const iv = (start: number, end: number): Interval => ({ start, end });

/** Reference model: the set of integer points covered, on a small universe. */
const points = (ranges: Interval[]) => {
  const set = new Set<number>();
  for (const r of ranges) for (let x = r.start; x < r.end; x++) set.add(x);
  return set;
};
const rangesArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 })).map(([s, len]) => iv(s, s + len)),
  { maxLength: 8 },
);
const isCanonical = (list: Interval[]) =>
  list.every((r, i) => r.end > r.start && (i === 0 || list[i - 1]!.end < r.start));

describe('range maths', () => {
  it('merges overlapping and touching ranges and drops empty ones', () => {
    expect(merge([iv(5, 7), iv(1, 3), iv(3, 4), iv(6, 9), iv(10, 10)])).toEqual([iv(1, 4), iv(5, 9)]);
  });

  it('intersects two lists', () => {
    expect(intersect([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(5, 10), iv(20, 25)]);
    expect(intersect([iv(0, 10)], [iv(10, 20)])).toEqual([]);
  });

  it('subtracts holes, including ones that span several ranges', () => {
    expect(subtract([iv(0, 10), iv(20, 30)], [iv(2, 3), iv(8, 22), iv(29, 40)])).toEqual([
      iv(0, 2),
      iv(3, 8),
      iv(22, 29),
    ]);
    expect(subtract([iv(0, 10)], [])).toEqual([iv(0, 10)]);
    expect(subtract([iv(0, 10)], [iv(-5, 15)])).toEqual([]);
  });

  it('answers containment and overlap by binary search', () => {
    const list = [iv(0, 10), iv(20, 30)];
    expect(containedIn(list, 20, 30)).toBe(true);
    expect(containedIn(list, 5, 21)).toBe(false);
    expect(overlapsAny(list, 10, 20)).toBe(false);
    expect(overlapsAny(list, 9, 11)).toBe(true);
  });

  it('agrees with the point-set model for any input (property)', () => {
    fc.assert(
      fc.property(rangesArb, rangesArb, (a, b) => {
        const A = points(a);
        const B = points(b);
        const m = merge(a);
        const i = intersect(a, b);
        const s = subtract(a, b);
        expect(points(m)).toEqual(A);
        expect(points(i)).toEqual(new Set([...A].filter((x) => B.has(x))));
        expect(points(s)).toEqual(new Set([...A].filter((x) => !B.has(x))));
        for (const list of [m, i, s]) expect(isCanonical(list)).toBe(true);
        for (let x = 0; x < 75; x++) expect(overlapsAny(m, x, x + 1)).toBe(A.has(x));
      }),
    );
  });
});
