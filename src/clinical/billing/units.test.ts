import { describe, expect, it } from 'vitest';
import { computeUnits, isUnitsError, unitsForMinutes } from './units.ts';
import type { UnitResult, UnitRule, UnitsError } from './units.ts';

function run(lines: Array<[string, number]>, rule: UnitRule = 'cms'): UnitResult {
  const result = computeUnits(
    lines.map(([code, minutes]) => ({ code, minutes })),
    rule,
  );
  if (isUnitsError(result)) throw new Error(result.error.message);
  return result;
}
function unitsByCode(result: UnitResult): Record<string, number> {
  return Object.fromEntries(result.lines.map((l) => [l.code, l.units]));
}
function failure(lines: Array<{ code: string; minutes: number }>, rule: UnitRule = 'cms'): UnitsError['error'] {
  const result = computeUnits(lines, rule);
  if (!isUnitsError(result)) throw new Error('expected an error');
  return result.error;
}

describe('the 8-minute table (CMS 100-04 ch. 5 §20.2)', () => {
  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
  ])('%d minutes → %d units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
    expect(run([['97140', minutes]]).totalUnits).toBe(units);
  });
});

// The worked examples of CMS Medicare Claims Processing Manual 100-04 ch. 5 §20.2,
// as reproduced e.g. by findacode.com ("Documentation Requirements for Therapy Services", 2015).
describe('CMS worked examples', () => {
  it('example 1: 24 min 97112 + 23 min 97110 = 47 → 3 units, 2 to 97112 (more time)', () => {
    const r = run([
      ['97112', 24],
      ['97110', 23],
    ]);
    expect(r.totalMinutes).toBe(47);
    expect(r.totalUnits).toBe(3);
    expect(unitsByCode(r)).toEqual({ '97112': 2, '97110': 1 });
  });

  it('example 2: 20 + 20 = 40 → 3 units, 2 to either code, never 3 to one', () => {
    const r = run([
      ['97112', 20],
      ['97110', 20],
    ]);
    expect(r.totalUnits).toBe(3);
    expect(Object.values(unitsByCode(r)).sort()).toEqual([1, 2]);
    expect(r.explanation.join(' ')).toContain('CMS lets either be billed');
  });

  it('example 3: 33 min 97110 + 7 min 97140 = 40 → 2 × 97110 + 1 × 97140', () => {
    const r = run([
      ['97110', 33],
      ['97140', 7],
    ]);
    expect(r.totalUnits).toBe(3);
    expect(unitsByCode(r)).toEqual({ '97110': 2, '97140': 1 });
  });

  it('example 4: 18 97110 + 13 97140 + 10 97116 + 8 97035 = 49 → one each of 97110, 97140, 97116', () => {
    const r = run([
      ['97110', 18],
      ['97140', 13],
      ['97116', 10],
      ['97035', 8],
    ]);
    expect(r.totalMinutes).toBe(49);
    expect(r.totalUnits).toBe(3);
    expect(unitsByCode(r)).toEqual({ '97110': 1, '97140': 1, '97116': 1, '97035': 0 });
  });

  it('example 5: 7 + 7 + 7 minutes of three codes = 21 → one unit, to one code', () => {
    const r = run([
      ['97112', 7],
      ['97110', 7],
      ['97140', 7],
    ]);
    expect(r.totalUnits).toBe(1);
    expect(r.lines.filter((l) => l.units === 1)).toHaveLength(1);
  });

  it('two services of 7 minutes or less totalling ≥ 8: one unit to the longer one', () => {
    expect(
      unitsByCode(
        run([
          ['97140', 5],
          ['97112', 3],
        ]),
      ),
    ).toEqual({ '97140': 1, '97112': 0 });
  });

  it('a single service under 8 minutes is not billed', () => {
    expect(run([['97140', 7]]).totalUnits).toBe(0);
  });
});

describe('the midpoint rule (per code)', () => {
  it('33 min 97110 + 7 min 97140 → 2 units; the 7 minutes are lost', () => {
    const r = run(
      [
        ['97110', 33],
        ['97140', 7],
      ],
      'midpoint',
    );
    expect(r.totalUnits).toBe(2);
    expect(unitsByCode(r)).toEqual({ '97110': 2, '97140': 0 });
  });

  it('8 + 8 minutes → 2 units where CMS gives 1', () => {
    expect(
      run(
        [
          ['97140', 8],
          ['97124', 8],
        ],
        'midpoint',
      ).totalUnits,
    ).toBe(2);
    expect(
      run(
        [
          ['97140', 8],
          ['97124', 8],
        ],
        'cms',
      ).totalUnits,
    ).toBe(1);
  });

  it('24 min 97112 + 23 min 97110 → 2 + 2 = 4 units', () => {
    expect(
      unitsByCode(
        run(
          [
            ['97112', 24],
            ['97110', 23],
          ],
          'midpoint',
        ),
      ),
    ).toEqual({ '97112': 2, '97110': 2 });
  });
});

describe('input handling', () => {
  it('sums a code given twice and keeps first-appearance order', () => {
    const r = run([
      ['97140', 10],
      ['97110', 20],
      ['97140', 15],
    ]);
    expect(r.lines.map((l) => [l.code, l.minutes])).toEqual([
      ['97140', 25],
      ['97110', 20],
    ]);
    expect(r.totalUnits).toBe(3);
  });

  it('returns error values naming the line', () => {
    expect(failure([{ code: '97140', minutes: -1 }])).toMatchObject({ code: 'invalid-minutes', line: 0 });
    expect(
      failure([
        { code: '97140', minutes: 10 },
        { code: '97110', minutes: 7.5 },
      ]),
    ).toMatchObject({
      code: 'invalid-minutes',
      line: 1,
    });
    expect(failure([{ code: '99999', minutes: 10 }])).toMatchObject({ code: 'unknown-code', line: 0 });
    expect(failure([{ code: '97010', minutes: 10 }]).code).toBe('untimed-code');
    expect(failure([]).code).toBe('no-lines');
    expect(failure([{ code: '97140', minutes: 1441 }]).code).toBe('invalid-minutes');
    expect(failure([{ code: '97140', minutes: 10 }], 'rounding' as UnitRule).code).toBe('unknown-rule');
  });
});
