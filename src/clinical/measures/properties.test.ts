import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANGE_CLASS_ORDER, classifyChange } from './change.ts';
import { MEASURES } from './catalogue.ts';
import { THRESHOLDS } from './thresholds.ts';
import { scoreMeasure } from './scoring.ts';
import { isScoreError, MEASURE_IDS } from './types.ts';
import type { ItemAnswer, MeasureId } from './types.ts';

const itemOrSkip = (max: number) => fc.oneof(fc.integer({ min: 0, max }), fc.constant(null));

/** Answer lists of plausible and implausible shapes: any length, skips, junk values. */
const anyAnswers: fc.Arbitrary<ItemAnswer[]> = fc.array(
  fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constant(null), fc.double({ noNaN: false })),
  { maxLength: 12 },
);

function validAnswers(measure: MeasureId): fc.Arbitrary<ItemAnswer[]> {
  const info = MEASURES[measure];
  if (measure === 'nprs') return fc.tuple(fc.integer({ min: 0, max: 10 })).map((a) => [...a]);
  if (measure === 'psfs') return fc.array(itemOrSkip(10), { minLength: 3, maxLength: 5 });
  return fc.array(itemOrSkip(info.itemMax), { minLength: info.items, maxLength: info.items });
}

describe('scoring properties', () => {
  it.each(MEASURE_IDS)('%s: any valid answers score within range or return an error value', (measure) => {
    fc.assert(
      fc.property(validAnswers(measure), (answers) => {
        const result = scoreMeasure(measure, answers);
        if (isScoreError(result)) {
          // Only too many skips may refuse a well-formed form.
          expect(result.error.code).toBe('not-scorable');
          return;
        }
        const info = MEASURES[measure];
        expect(result.score).toBeGreaterThanOrEqual(info.minScore);
        expect(result.score).toBeLessThanOrEqual(info.maxScore);
        if (result.percent !== undefined) {
          expect(result.percent).toBeGreaterThanOrEqual(0);
          expect(result.percent).toBeLessThanOrEqual(100);
        }
        expect(result.answered + result.skipped).toBe(answers.length);
      }),
    );
  });

  it.each(MEASURE_IDS)('%s: never throws, whatever the answers', (measure) => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const result = scoreMeasure(measure, answers);
        if (isScoreError(result)) expect(result.error.message.length).toBeGreaterThan(0);
        else expect(Number.isFinite(result.score)).toBe(true);
      }),
    );
  });

  it('ODI percent never depends on which sections were skipped, only on the answered total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 8, maxLength: 8 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 2 }),
        (values, skipAt) => {
          const answers: ItemAnswer[] = [];
          let v = 0;
          for (let i = 0; i < 10; i++) answers.push(skipAt.includes(i) ? null : values[v++]!);
          const shuffled = [null, null, ...values];
          const a = scoreMeasure('odi', answers);
          const b = scoreMeasure('odi', shuffled);
          expect(a).toEqual(b);
        },
      ),
    );
  });
});

describe('change classification properties', () => {
  const conditionsOf = (m: MeasureId) => [undefined, ...THRESHOLDS[m].map((s) => s.condition)];
  const rank = (measure: MeasureId, b: number, f: number, condition?: string) =>
    CHANGE_CLASS_ORDER.indexOf(classifyChange(measure, b, f, { condition }).class);

  it.each(MEASURE_IDS)('%s: a larger improvement never gets a lower class', (measure) => {
    const info = MEASURES[measure];
    const score = fc.integer({ min: info.minScore * 10, max: info.maxScore * 10 }).map((x) => x / 10);
    fc.assert(
      fc.property(score, score, score, fc.constantFrom(...conditionsOf(measure)), (b, f1, f2, condition) => {
        // Order the two follow-ups so that `better` is the larger improvement.
        const [worse, better] = info.higherIsWorse
          ? [Math.max(f1, f2), Math.min(f1, f2)]
          : [Math.min(f1, f2), Math.max(f1, f2)];
        expect(rank(measure, b, better, condition)).toBeGreaterThanOrEqual(rank(measure, b, worse, condition));
      }),
    );
  });

  it.each(MEASURE_IDS)('%s: no change is always no-change', (measure) => {
    const info = MEASURES[measure];
    fc.assert(
      fc.property(fc.integer({ min: info.minScore, max: info.maxScore }), (s) => {
        expect(classifyChange(measure, s, s).class).toBe('no-change');
      }),
    );
  });
});
