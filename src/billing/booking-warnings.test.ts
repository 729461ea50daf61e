import { describe, expect, it } from 'vitest';
import type { Authorization } from './authorizations.ts';
import { bookingWarnings } from './booking-warnings.ts';

const twelve: Authorization = {
  id: 'a1',
  unit: 'visits',
  authorized: 12,
  startsOn: '2027-01-01',
  endsOn: '2027-01-31',
};

describe('booking warnings in the desk’s words', () => {
  it('says when a visit is after the authorization ends, or before it starts', () => {
    expect(bookingWarnings([twelve], new Map(), ['2027-02-03'])).toEqual([
      { date: '2027-02-03', message: 'This visit is after the authorization ends on Jan 31.' },
    ]);
    expect(bookingWarnings([twelve], new Map(), ['2026-12-30'])).toEqual([
      { date: '2026-12-30', message: 'This visit is before the authorization starts on Jan 1, 2027.' },
    ]);
  });

  it('numbers the visits past the count, from what was already used', () => {
    const used = new Map([['a1', 11]]);
    expect(bookingWarnings([twelve], used, ['2027-01-20', '2027-01-10', '2027-01-27'])).toEqual([
      { date: '2027-01-20', message: 'This is visit 13 of 12 authorized.' },
      { date: '2027-01-27', message: 'This is visit 14 of 12 authorized.' },
    ]);
    expect(bookingWarnings([twelve], new Map([['a1', 13]]), ['2027-01-05'])[0]?.message).toBe(
      'This is visit 14 of 12 authorized.',
    );
    expect(bookingWarnings([{ ...twelve, unit: 'units' }], new Map([['a1', 12]]), ['2027-01-05'])[0]?.message).toBe(
      'This visit goes past the 12 units authorized.',
    );
  });

  it('says nothing for visits inside what is authorized, or when there is no authorization at all', () => {
    expect(bookingWarnings([twelve], new Map([['a1', 3]]), ['2027-01-05', '2027-01-12'])).toEqual([]);
    expect(bookingWarnings([], new Map(), ['2027-01-05'])).toEqual([]);
  });
});
