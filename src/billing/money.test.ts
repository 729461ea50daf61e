import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, allocate, formatMoney, money, negate, parseDollars, sumMoney, timesUnits } from './money.ts';

describe('money in whole cents', () => {
  it('refuses fractions of a cent, NaN, infinities and unsafe integers', () => {
    for (const bad of [0.5, 10.01 * 100 + 0.3, Number.NaN, Infinity, -Infinity, 2 ** 53]) {
      expect(() => money(bad)).toThrow(RangeError);
    }
    expect(money(-250)).toBe(-250);
  });

  it('adds exactly where dollars in floating point would drift', () => {
    expect(addMoney(money(10), money(20))).toBe(30);
    expect(sumMoney(Array.from({ length: 10 }, () => money(10)))).toBe(100);
    expect(negate(money(0))).toBe(0);
    expect(Object.is(negate(money(0)), -0)).toBe(false);
  });

  it('refuses a fractional number of units', () => {
    expect(timesUnits(money(4500), 3)).toBe(13500);
    expect(() => timesUnits(money(4500), 1.5)).toThrow(RangeError);
  });

  it('formats and parses dollar amounts', () => {
    expect(formatMoney(money(123450))).toBe('$1,234.50');
    expect(formatMoney(money(-305))).toBe('-$3.05');
    expect(parseDollars('12')).toBe(1200);
    expect(parseDollars('$1,234.5')).toBe(123450);
    expect(parseDollars('-3.05')).toBe(-305);
    expect(parseDollars('-0')).toBe(0);
    for (const bad of ['', '1.234', '12,34', 'abc', '1e3', '$']) expect(parseDollars(bad)).toBeNull();
  });

  it('formatting then parsing gives the amount back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        expect(parseDollars(formatMoney(money(cents)))).toBe(cents === 0 ? 0 : cents);
      }),
    );
  });

  it('allocation splits an amount into parts that add up exactly, each within a cent of its share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const parts = allocate(money(amount), weights);
          const total = weights.reduce((n, w) => n + w, 0);
          expect(parts.reduce((n, p) => n + p, 0)).toBe(amount);
          parts.forEach((p, i) => expect(Math.abs(p - (amount * (weights[i] ?? 0)) / total)).toBeLessThan(1));
        },
      ),
    );
    expect(allocate(money(10000), [2, 1])).toEqual([6667, 3333]);
    expect(() => allocate(money(100), [0, 0])).toThrow(RangeError);
  });
});
