import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIMED_CODES } from './codes.ts';
import { computeUnits, isUnitsError, unitsForMinutes } from './units.ts';
import type { UnitResult, UnitRule } from './units.ts';

const codes = Object.keys(TIMED_CODES);
const line = fc.record({ code: fc.constantFrom(...codes), minutes: fc.integer({ min: 0, max: 120 }) });
const visit = fc.array(line, { minLength: 1, maxLength: 8 });
const rule = fc.constantFrom<UnitRule>('cms', 'midpoint');

function compute(lines: Array<{ code: string; minutes: number }>, r: UnitRule): UnitResult {
  const result = computeUnits(lines, r);
  if (isUnitsError(result)) throw new Error(result.error.message);
  return result;
}
function byCode(result: UnitResult): Map<string, number> {
  return new Map(result.lines.map((l) => [l.code, l.units]));
}

describe('billing unit properties', () => {
  it('CMS: total units never exceed what the total minutes allow, and lines add up', () => {
    fc.assert(
      fc.property(visit, (lines) => {
        const r = compute(lines, 'cms');
        expect(r.totalUnits).toBeLessThanOrEqual(Math.floor((r.totalMinutes + 7) / 15));
        expect(r.totalUnits).toBe(unitsForMinutes(r.totalMinutes));
        expect(r.lines.reduce((n, l) => n + l.units, 0)).toBe(r.totalUnits);
      }),
    );
  });

  it('CMS: each code gets its full 15-minute units and at most one more', () => {
    fc.assert(
      fc.property(visit, (lines) => {
        for (const l of compute(lines, 'cms').lines) {
          expect(l.units).toBeGreaterThanOrEqual(Math.floor(l.minutes / 15));
          expect(l.units).toBeLessThanOrEqual(Math.floor(l.minutes / 15) + 1);
        }
      }),
    );
  });

  it('midpoint: each code is bounded by its own minutes', () => {
    fc.assert(
      fc.property(visit, (lines) => {
        for (const l of compute(lines, 'midpoint').lines) {
          expect(l.units).toBeLessThanOrEqual(Math.floor((l.minutes + 7) / 15));
        }
      }),
    );
  });

  it('adding minutes to any line never removes a unit from the total', () => {
    fc.assert(
      fc.property(visit, rule, fc.nat(), fc.integer({ min: 1, max: 60 }), (lines, r, pick, extra) => {
        const index = pick % lines.length;
        const more = lines.map((l, i) => (i === index ? { ...l, minutes: l.minutes + extra } : l));
        expect(compute(more, r).totalUnits).toBeGreaterThanOrEqual(compute(lines, r).totalUnits);
      }),
    );
  });

  it('the result does not depend on input order', () => {
    fc.assert(
      fc.property(
        visit.chain((lines) => fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length }))),
        rule,
        ([lines, shuffled], r) => {
          const a = compute(lines, r);
          const b = compute(shuffled, r);
          expect(b.totalUnits).toBe(a.totalUnits);
          expect(byCode(b)).toEqual(byCode(a));
        },
      ),
    );
  });
});
