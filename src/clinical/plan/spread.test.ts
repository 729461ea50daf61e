import { describe, expect, it } from 'vitest';
import { widestMinimumGap } from './spread.ts';
import { reassessmentPoints } from './reassess.ts';

describe('widestMinimumGap', () => {
  it('finds the widest spacing the preferred days allow', () => {
    expect(widestMinimumGap([1, 2, 3, 4, 5], 2)).toBe(3);
    expect(widestMinimumGap([1, 2, 3, 4, 5], 3)).toBe(2);
    expect(widestMinimumGap([1, 2], 2)).toBe(1);
    expect(widestMinimumGap([0, 1, 2, 3, 4, 5, 6], 3)).toBe(2);
  });
});

describe('reassessmentPoints', () => {
  it('reassesses at the 6th visit when no stage ends earlier', () => {
    expect(reassessmentPoints([{ visits: 13 }])).toEqual([6, 12]);
  });
  it('prefers a stage end once 4 visits have passed', () => {
    expect(reassessmentPoints([{ visits: 4 }, { visits: 5 }])).toEqual([4, 9]);
    expect(reassessmentPoints([{ visits: 3 }, { visits: 3 }])).toEqual([6]);
  });
});
