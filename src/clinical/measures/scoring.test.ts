import { describe, expect, it } from 'vitest';
import { bandFor, NDI_BANDING, ODI_BANDING } from './bands.ts';
import { scoreMeasure, scoreNdi, scoreNprs, scoreOdi, scorePsfs } from './scoring.ts';
import { isScoreError } from './types.ts';
import type { ItemAnswer, MeasureScore, ScoreError } from './types.ts';

function ok(result: MeasureScore | ScoreError): MeasureScore {
  if (isScoreError(result)) throw new Error(`expected a score, got ${result.error.message}`);
  return result;
}
function err(result: MeasureScore | ScoreError): ScoreError['error'] {
  if (!isScoreError(result)) throw new Error(`expected an error, got score ${result.score}`);
  return result.error;
}

/** Ten answers summing to `total` (each 0–5), optionally with some items skipped. */
function form(total: number, skippedAt: number[] = []): ItemAnswer[] {
  const answers: ItemAnswer[] = [];
  let left = total;
  for (let i = 0; i < 10; i++) {
    if (skippedAt.includes(i)) {
      answers.push(null);
      continue;
    }
    const value = Math.min(5, left);
    answers.push(value);
    left -= value;
  }
  if (left !== 0) throw new Error('total does not fit the form');
  return answers;
}

describe('ODI (Fairbank & Pynsent 2000 worked examples)', () => {
  it('scores 16 of 50 as 32%', () => {
    const s = ok(scoreOdi(form(16)));
    expect(s.score).toBe(32);
    expect(s.percent).toBe(32);
    expect(s.band).toBe('moderate disability');
    expect(s.answered).toBe(10);
  });

  it('scores 16 with one section skipped as 16/45 = 35.6%', () => {
    const s = ok(scoreOdi(form(16, [9])));
    expect(s.score).toBe(35.6);
    expect(s.skipped).toBe(1);
    expect(s.notes[0]).toContain('out of 45');
  });

  it('scores two skipped sections out of 40 and refuses three', () => {
    expect(ok(scoreOdi(form(16, [8, 9]))).score).toBe(40);
    const e = err(scoreOdi(form(16, [7, 8, 9])));
    expect(e.code).toBe('not-scorable');
    expect(e.source).toContain('Fairbank');
  });

  it('names the offending item for an out-of-range answer', () => {
    const answers = form(10);
    answers[3] = 6;
    expect(err(scoreOdi(answers))).toMatchObject({ code: 'invalid-answer', item: 4 });
    answers[3] = 2.5;
    expect(err(scoreOdi(answers)).item).toBe(4);
  });

  it('rejects a form with the wrong number of sections', () => {
    expect(err(scoreOdi([1, 2, 3])).code).toBe('wrong-count');
  });
});

describe('NDI (Vernon & Mior 1991; missing item per Vernon 2008)', () => {
  it('scores a complete form as the raw sum and twice it as percent', () => {
    const s = ok(scoreNdi(form(16)));
    expect(s.score).toBe(16);
    expect(s.percent).toBe(32);
    expect(s.band).toBe('moderate'); // 15–24 raw
  });

  it('adds the mean of the nine answered items for one missing item', () => {
    // 16 over nine items: mean 1.78, raw 17.78 → 17.8, percent 35.6 (= 16/45).
    const s = ok(scoreNdi(form(16, [4])));
    expect(s.score).toBe(17.8);
    expect(s.percent).toBe(35.6);
    expect(s.band).toBe('moderate');
    expect(s.notes[0]).toContain('item 5 missing');
  });

  it('keeps an imputed score below the next band start in the lower band', () => {
    // 4 over nine items → 4.44: still "none" (the next band starts at 5).
    const s = ok(scoreNdi(form(4, [0])));
    expect(s.score).toBe(4.4);
    expect(s.band).toBe('none');
  });

  it('refuses two missing items with the rule and its source', () => {
    const e = err(scoreNdi(form(10, [0, 1])));
    expect(e.code).toBe('not-scorable');
    expect(e.message).toContain('2 items missing');
    expect(e.source).toContain('Vernon');
  });
});

describe('published bands at every boundary', () => {
  it.each([
    [0, 'none'],
    [4, 'none'],
    [5, 'mild'],
    [14, 'mild'],
    [15, 'moderate'],
    [24, 'moderate'],
    [25, 'severe'],
    [34, 'severe'],
    [35, 'complete'],
    [50, 'complete'],
  ])('NDI raw %d is %s', (raw, band) => {
    expect(bandFor(NDI_BANDING, raw)).toBe(band);
    expect(ok(scoreNdi(form(raw))).band).toBe(band);
  });

  it.each([
    [0, 'minimal disability'],
    [20, 'minimal disability'],
    [22, 'moderate disability'],
    [40, 'moderate disability'],
    [42, 'severe disability'],
    [60, 'severe disability'],
    [62, 'crippled'],
    [80, 'crippled'],
    [82, 'bed-bound'],
    [100, 'bed-bound'],
  ])('ODI %d%% is %s', (percent, band) => {
    expect(ok(scoreOdi(form(percent / 2))).band).toBe(band);
  });

  it('bands the ODI printed edges 21, 41, 61 and 81 upward', () => {
    expect(bandFor(ODI_BANDING, 21)).toBe('moderate disability');
    expect(bandFor(ODI_BANDING, 41)).toBe('severe disability');
    expect(bandFor(ODI_BANDING, 61)).toBe('crippled');
    expect(bandFor(ODI_BANDING, 81)).toBe('bed-bound');
  });
});

describe('NPRS', () => {
  it('scores one 0–10 rating and carries its LOINC code', () => {
    const s = ok(scoreNprs(7));
    expect(s).toMatchObject({ measure: 'nprs', score: 7, maxScore: 10, higherIsWorse: true });
    expect(s.notes.join(' ')).toContain('72514-3');
  });

  it('returns errors for skipped, fractional and out-of-range ratings', () => {
    expect(err(scoreNprs(null)).code).toBe('not-scorable');
    expect(err(scoreNprs(11)).code).toBe('invalid-answer');
    expect(err(scoreNprs(6.5)).code).toBe('invalid-answer');
    expect(err(scoreMeasure('nprs', [3, 4])).code).toBe('wrong-count');
  });
});

describe('PSFS', () => {
  it('is the mean of the rated activities, higher is better', () => {
    const s = ok(
      scorePsfs([
        { activity: 'lifting grandchild', score: 3 },
        { activity: 'driving', score: 6 },
        { activity: 'typing', score: 8 },
      ]),
    );
    expect(s.score).toBeCloseTo(5.7, 10);
    expect(s.higherIsWorse).toBe(false);
  });

  it('drops an unrated activity from the mean and refuses fewer than three rated', () => {
    expect(ok(scoreMeasure('psfs', [4, null, 6, 8])).score).toBe(6);
    expect(err(scoreMeasure('psfs', [4, null, 6])).code).toBe('not-scorable');
  });

  it('needs three to five activities and names a bad one', () => {
    expect(err(scoreMeasure('psfs', [4, 5])).code).toBe('wrong-count');
    expect(err(scoreMeasure('psfs', [1, 2, 3, 4, 5, 6])).code).toBe('wrong-count');
    expect(err(scoreMeasure('psfs', [1, 12, 3])).item).toBe(2);
  });
});
