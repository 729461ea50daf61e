import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/index.ts';
import { authorizationStatus, checkAuthorization, visitWarnings } from './authorizations.ts';
import type { Authorization } from './authorizations.ts';

const twelve: Authorization = {
  id: 'auth-1',
  unit: 'visits',
  authorized: 12,
  startsOn: '2026-03-01',
  endsOn: '2026-04-30',
};

describe('authorizations', () => {
  it('shows what is left in words, and alerts at the threshold', () => {
    expect(authorizationStatus(twelve, 9, 3)).toEqual({
      used: 9,
      remaining: 3,
      label: '3 of 12 visits left',
      runningOut: true,
      usedUp: false,
    });
    expect(authorizationStatus(twelve, 8, 3)).toMatchObject({ label: '4 of 12 visits left', runningOut: false });
    expect(authorizationStatus(twelve, 11, 3).label).toBe('1 of 12 visits left');
    expect(authorizationStatus({ ...twelve, authorized: 1 }, 0, 0).label).toBe('1 of 1 visit left');
    expect(authorizationStatus(twelve, 14, 3)).toMatchObject({ remaining: 0, usedUp: true, runningOut: false });
    expect(authorizationStatus({ ...twelve, unit: 'units', authorized: 24 }, 20, 2).label).toBe('4 of 24 units left');
  });

  it('names the fields of a bad authorization', () => {
    expect(checkAuthorization({ unit: 'visits', authorized: 0, startsOn: '2026-05-01', endsOn: '2026-04-01' })).toEqual(
      {
        authorized: 'Enter how many were authorized, 1 to 999.',
        endsOn: 'The authorization cannot end before it starts.',
      },
    );
    expect(
      Object.keys(
        checkAuthorization({ unit: 'visits', authorized: 2.5, startsOn: 'soon', endsOn: '2026-04-01' }),
      ).sort(),
    ).toEqual(['authorized', 'startsOn']);
  });

  it('warns for a visit outside the dates and for visits beyond the count', () => {
    const used = new Map([['auth-1', 10]]);
    const series = ['2026-04-20', '2026-04-27', '2026-04-29', '2026-05-04'].map((date) => ({ date, amount: 1 }));
    expect(visitWarnings([twelve], used, series).map((w) => [w.date, w.kind])).toEqual([
      ['2026-04-29', 'beyond'],
      ['2026-05-04', 'outside'],
    ]);
    expect(visitWarnings([], new Map(), [{ date: '2026-03-02', amount: 1 }])[0]?.message).toBe(
      '2026-03-02 is outside every authorization.',
    );
  });

  it('uses the authorization ending first, keeping the later one for later visits', () => {
    const renewal: Authorization = {
      id: 'auth-2',
      unit: 'visits',
      authorized: 2,
      startsOn: '2026-04-15',
      endsOn: '2026-06-30',
    };
    const visits = ['2026-04-20', '2026-04-22', '2026-05-10', '2026-05-12'].map((date) => ({ date, amount: 1 }));
    expect(visitWarnings([renewal, twelve], new Map([['auth-1', 10]]), visits)).toEqual([]);
  });

  it('never lets more visits through than remain, whatever order the series comes in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 14 }),
        fc.array(fc.integer({ min: -10, max: 70 }), { maxLength: 20 }),
        (authorized, used, offsets) => {
          const auth = { ...twelve, authorized };
          const visits = offsets.map((d) => ({ date: addDays(twelve.startsOn, d), amount: 1 }));
          const warnings = visitWarnings([auth], new Map([['auth-1', used]]), visits);
          const inside = visits.filter((v) => v.date >= auth.startsOn && v.date <= auth.endsOn).length;
          const allowed = inside - warnings.filter((w) => w.kind === 'beyond').length;
          expect(allowed).toBe(Math.min(inside, Math.max(0, authorized - used)));
          expect(warnings.filter((w) => w.kind === 'outside')).toHaveLength(visits.length - inside);
          const reversed = visitWarnings([auth], new Map([['auth-1', used]]), [...visits].reverse());
          expect(reversed).toEqual(warnings);
        },
      ),
    );
  });
});
