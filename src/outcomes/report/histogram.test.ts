import fc from 'fast-check';
import { mean, median } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram.ts';

describe('histogram summaries', () => {
  it('give the same count, mean and median as simple-statistics on the raw values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -30, max: 60 }).map((n) => n / 10),
          { minLength: 1, maxLength: 200 },
        ),
        (values) => {
          const histogram = new Histogram();
          for (const v of values) histogram.add(v);
          expect(histogram.count).toBe(values.length);
          expect(histogram.mean()).toBeCloseTo(mean(values), 9);
          expect(histogram.median()).toBeCloseTo(median(values), 9);
        },
      ),
    );
  });

  it('takes the mean of the two middle values for an even count', () => {
    const histogram = new Histogram();
    for (const v of [1, 2, 4, 9]) histogram.add(v);
    expect(histogram.median()).toBe(3);
  });
});
