import { describe, expect, it } from 'vitest';
import { applyVisitChoices } from './plan-choices.ts';

const SITE = 'site-portland';
const OTHER = 'site-denver';
const zones: Record<string, string> = { [SITE]: 'America/Los_Angeles', [OTHER]: 'America/Denver' };
const zoneOf = (id: string) => zones[id];
const visits = [
  { date: '2026-12-07', time: '10:00' },
  { date: '2026-12-10', time: '10:00' },
  { date: '2026-12-14', time: '10:00' },
];

describe('applyVisitChoices', () => {
  it('moves a chosen visit to the local date and time of the alternative and leaves the rest', () => {
    const result = applyVisitChoices(visits, [{ visit: 1, start: '2026-12-11T22:30:00Z' }], SITE, zoneOf);
    expect(result.visits).toEqual([visits[0], { date: '2026-12-11', time: '14:30' }, visits[2]]);
  });

  it('reads the time in the zone of another site and keeps that site on the visit', () => {
    const result = applyVisitChoices(
      visits,
      [{ visit: 0, start: '2026-12-08T16:00:00Z', locationId: OTHER }],
      SITE,
      zoneOf,
    );
    expect(result.visits[0]).toEqual({ date: '2026-12-08', time: '09:00', locationId: OTHER });
  });

  it('leaves skipped visits out, keeping the plan number of each visit sent, but refuses to skip them all', () => {
    expect(applyVisitChoices(visits, [{ visit: 1, skip: true }], SITE, zoneOf)).toEqual({
      visits: [visits[0], visits[2]],
      planIndex: [0, 2],
    });
    const all = [0, 1, 2].map((visit) => ({ visit, skip: true as const }));
    expect(() => applyVisitChoices(visits, all, SITE, zoneOf)).toThrowError(
      expect.objectContaining({ fields: { choices: expect.any(String) } }),
    );
  });

  it('names the choice that points past the plan, twice at one visit, or at an unknown site', () => {
    const attempt = () =>
      applyVisitChoices(
        visits,
        [
          { visit: 3, skip: true },
          { visit: 0, skip: true },
          { visit: 0, start: '2026-12-08T16:00:00Z' },
          { visit: 1, start: '2026-12-08T16:00:00Z', locationId: 'nowhere' },
        ],
        SITE,
        zoneOf,
      );
    expect(attempt).toThrowError(
      expect.objectContaining({
        fields: {
          'choices.0.visit': expect.any(String),
          'choices.2.visit': expect.any(String),
          'choices.3.locationId': expect.any(String),
        },
      }),
    );
  });
});
