import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, normalizeTerm, termDistance } from './regions-text.ts';

describe('region text helpers', () => {
  it('normalises case, apostrophes, hyphens and spacing', () => {
    expect(normalizeTerm("  Golfer's-Elbow ")).toBe('golfers elbow');
    expect(normalizeTerm('golfer’s  elbow')).toBe('golfers elbow');
    expect(normalizeTerm('TMJ/jaw')).toBe('tmj jaw');
  });

  it('computes edit distance', () => {
    expect(editDistance('tempel', 'temple')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('heel', 'heel')).toBe(0);
  });

  it('edit distance is symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('treats reordered words and one-letter typos in long words as close', () => {
    expect(termDistance('elbow tenis', 'tennis elbow')).toBe(0);
    expect(termDistance('calf', 'heel')).toBe(1);
    expect(termDistance('tempel', 'temple')).toBeCloseTo(1 / 3);
  });
});
