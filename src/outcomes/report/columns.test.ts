import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logRankTest } from '../stats/index.ts';
import { buildOutcomesReport, compareGroups, episodeColumns, observationOf, reportDefinitionIds } from './index.ts';
import type { EpisodeOutcomeRow } from './index.ts';

const outcome = fc
  .record({ judged: fc.boolean(), improvedAt: fc.option(fc.integer({ min: 1, max: 12 })), last: fc.option(fc.nat(12)) })
  .map(({ judged, improvedAt, last }) => ({
    judged,
    improvedAt: judged ? improvedAt : null,
    lastScoredSession: judged ? last : null,
  }));

const episode = fc.record({
  episodeId: fc.uuid(),
  startedOn: fc.constantFrom('2025-01-15', '2025-05-02', '2025-12-31', '2026-03-01'),
  status: fc.constantFrom('open', 'discharged', 'lapsed' as const),
  visits: fc.nat(12),
  dropOut: fc.boolean(),
  site: fc.constantFrom('a', 'b', null),
  therapist: fc.constantFrom('t1', 't2', null),
  conditionGroup: fc.constantFrom('neck', 'low-back', null),
  phase: fc.constantFrom('acute', 'chronic', null),
  psfsChange: fc.option(fc.integer({ min: -60, max: 90 }).map((tenths) => tenths / 10)),
  reliefDays: fc.array(fc.nat(60), { maxLength: 3 }),
  outcomes: fc.record({ 'nprs-mcid': outcome, 'odi-mcid': outcome }, { requiredKeys: [] }),
}) as fc.Arbitrary<EpisodeOutcomeRow>;

// Every figure shown: no small-cell suppression to hide a difference behind.
const ALL = { settings: { minimumCell: 1 } };

describe('the report over episodes as columns', () => {
  it('reads the same whatever order the episodes come in (a store sends them grouped, not by date)', () => {
    fc.assert(
      fc.property(fc.array(episode, { maxLength: 60 }), fc.nat(), (rows, seed) => {
        const shuffled = [...rows].sort((a, b) => (a.episodeId + seed).localeCompare(b.episodeId + seed));
        expect(buildOutcomesReport(shuffled, ALL)).toEqual(buildOutcomesReport(rows, ALL));
        expect(buildOutcomesReport(episodeColumns(rows, reportDefinitionIds()), ALL)).toEqual(
          buildOutcomesReport(rows, ALL),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('compares two groups exactly as the log-rank test over their episodes one by one', () => {
    fc.assert(
      fc.property(fc.array(episode, { maxLength: 80 }), (rows) => {
        const observations = (site: string) =>
          rows.filter((r) => r.site === site).flatMap((r) => observationOf(r, 'nprs-mcid') ?? []);
        const comparison = compareGroups(rows, 'site', ['a', 'b'], { settings: { minimumCell: 0 } });
        expect(comparison.result).toEqual({ status: 'reported', ...logRankTest(observations('a'), observations('b')) });
      }),
      { numRuns: 150 },
    );
  });
});
