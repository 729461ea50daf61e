import { describe, expect, it } from 'vitest';
import { OUTCOME_RESPONDER_DEFINITIONS } from '../episodes/index.ts';
import { wilsonInterval } from '../stats/index.ts';
import { buildOutcomesReport, outcomeRows, compareGroups, periodOf, TOO_FEW } from './index.ts';
import type { Episode } from '../episodes/index.ts';
import type { ReportOptions } from './index.ts';
import { many, sketchEpisode } from '../../../test/support/outcome-episodes.ts';

const reportOf = (episodes: Episode[], options?: ReportOptions) => buildOutcomesReport(outcomeRows(episodes), options);

/**
 * 20 episodes, counted by hand (NPRS baseline 8; "better" = down 2 points and 30%, i.e. to 5 or less):
 *  - 8 better at session 3, 6 sessions, discharged;
 *  - 2 better only at session 8, lapsed;
 *  - 4 drop-outs after 2 sessions, never better;
 *  - 3 ended after 6 sessions, never better;
 *  - 2 still in care after 3 sessions, not better yet;
 *  - 1 never scored.
 * All started: 8 of 17. At least 4 sessions: 8 of 13.
 */
function clinic() {
  return [
    ...many(8, 'fast', {
      baseline: 8,
      pain: [7, 6, 5, 4, 4, 3],
      status: 'discharged',
      psfs: [3, 6],
      reliefDays: [2, 4],
    }),
    ...many(2, 'slow', { baseline: 8, pain: [8, 8, 7, 7, 7, 6, 6, 5], status: 'lapsed', psfs: [4, 4] }),
    ...many(4, 'gone', { baseline: 8, pain: [8, 7], status: 'lapsed', dropOut: true }),
    ...many(3, 'flat', { baseline: 8, pain: [8, 8, 7, 7, 8, 7], status: 'discharged', reliefDays: [1] }),
    ...many(2, 'open', { baseline: 8, pain: [8, 7, 7], status: 'open' }),
    sketchEpisode({ id: 'unscored', pain: [null, null], status: 'discharged' }),
  ];
}

describe('the clinic’s claim, two ways', () => {
  it('counts all started episodes (drop-outs not improved) and those with 4+ sessions, with Wilson intervals', () => {
    const report = reportOf(clinic());
    expect(report.overall.status).toBe('reported');
    if (report.overall.status !== 'reported') return;
    const all = wilsonInterval(8, 17)!;
    const course = wilsonInterval(8, 13)!;
    expect(report.overall.claim).toEqual({
      allStarted: {
        status: 'reported',
        numerator: 8,
        denominator: 17,
        rate: 8 / 17,
        lower: all.lower,
        upper: all.upper,
      },
      completedCourse: {
        status: 'reported',
        numerator: 8,
        denominator: 13,
        rate: 8 / 13,
        lower: course.lower,
        upper: course.upper,
      },
      stillInCare: 2,
      withoutBaseline: 1,
    });
    expect(report.definition).toMatchObject({ id: 'nprs-mcid', measure: 'nprs' });
  });

  it('withholds a share whose denominator is under 11, with no figures', () => {
    const report = reportOf(clinic(), { settings: { minimumSessions: 7 } });
    if (report.overall.status !== 'reported') throw new Error('expected a reported clinic');
    expect(report.overall.claim.completedCourse).toEqual({ status: 'too-few', note: TOO_FEW });
  });

  it('reports nothing at all for fewer than 11 episodes', () => {
    const report = reportOf(clinic().slice(0, 10));
    expect(report.overall).toEqual({ status: 'too-few', note: TOO_FEW });
    expect(report.curve).toEqual({ status: 'too-few', note: TOO_FEW });
  });
});

describe('care summary', () => {
  it('drop-out share of ended episodes, visits per ended episode, PSFS change and relief days', () => {
    const report = reportOf(clinic());
    if (report.overall.status !== 'reported') throw new Error('expected a reported clinic');
    const { dropOut, visitsPerEpisode, psfsChange, reliefDays, episodes } = report.overall;
    expect(episodes).toBe(20);
    // Ended: 8 + 2 + 4 + 3 + 1 = 18, of which 4 drop-outs.
    expect(dropOut).toMatchObject({ status: 'reported', numerator: 4, denominator: 18 });
    // Visits: 8×6 + 2×8 + 4×2 + 3×6 + 1×2 = 92 over 18.
    expect(visitsPerEpisode).toMatchObject({ status: 'reported', count: 18, median: 6 });
    expect((visitsPerEpisode as { mean: number }).mean).toBeCloseTo(92 / 18, 10);
    // PSFS: 8 episodes +3 and 2 episodes 0 → too few to report? 10 < 11.
    expect(psfsChange).toEqual({ status: 'too-few', note: TOO_FEW });
    // Relief reported in 11 episodes: 8 × (2, 4) and 3 × (1).
    expect(reliefDays).toMatchObject({ status: 'reported', count: 19, episodes: 11, median: 2 });
  });

  it('reports PSFS change once enough episodes have it', () => {
    const episodes = [...clinic(), sketchEpisode({ id: 'extra', baseline: 8, pain: [4], psfs: [2, 7] })];
    const report = reportOf(episodes);
    if (report.overall.status !== 'reported') throw new Error('expected a reported clinic');
    expect(report.overall.psfsChange).toMatchObject({ status: 'reported', count: 11, median: 3 });
  });
});

describe('sessions to first meaningful improvement', () => {
  it('is a Kaplan–Meier curve over scored episodes, stopped where fewer than 11 are still followed', () => {
    const report = reportOf(clinic());
    if (report.curve.status !== 'reported') throw new Error('expected a curve');
    // 19 scored episodes: 4 censored at 2, 8 improved at 3, 2 censored at 3, 3 censored at 6, 2 improved at 8.
    expect(report.curve.points.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([
      [2, 19, 0, 4],
      [3, 15, 8, 2],
    ]);
    expect(report.curve.truncatedAfter).toBe(3);
    expect(report.curve.points[1]!.survival).toBeCloseTo(7 / 15, 12);
    expect(report.curve.median.value).toBe(3);
  });

  it('compares two groups with the log-rank test, or withholds it when a group is small', () => {
    const siteA = many(12, 'a', { baseline: 8, pain: [7, 5], site: 'a' });
    const siteB = many(12, 'b', { baseline: 8, pain: [8, 8, 8, 7, 7, 7, 5], site: 'b' });
    const comparison = compareGroups(outcomeRows([...siteA, ...siteB]), 'site', ['a', 'b']);
    expect(comparison.result.status).toBe('reported');
    if (comparison.result.status !== 'reported') return;
    expect(comparison.result.groups.map((g) => g.observed)).toEqual([12, 12]);
    expect(comparison.result.pValue!).toBeLessThan(0.001);
    expect(compareGroups(outcomeRows([...siteA, ...siteB.slice(0, 10)]), 'site', ['a', 'b']).result.status).toBe(
      'too-few',
    );
  });
});

describe('cuts', () => {
  it('groups by condition, site, therapist, phase and period, withholding rows under 11 episodes', () => {
    const episodes = [
      ...many(12, 'n', {
        baseline: 8,
        pain: [5],
        conditionGroup: 'neck',
        site: 'bvt',
        therapist: 't1',
        phase: 'acute',
        startedOn: '2026-02-10',
      }),
      ...many(5, 'l', {
        baseline: 8,
        pain: [8],
        conditionGroup: 'low-back',
        site: 'pdx',
        phase: 'chronic',
        startedOn: '2026-04-01',
      }),
    ];
    const report = reportOf(episodes, { labels: { site: { bvt: 'Beaverton' } } });
    expect(report.cuts.condition.map((r) => [r.key, r.label, r.figures.status])).toEqual([
      ['neck', 'Neck', 'reported'],
      ['low-back', 'Low back', 'too-few'],
    ]);
    expect(report.cuts.site.map((r) => r.label)).toEqual(['Beaverton', 'pdx']);
    expect(report.cuts.therapist.map((r) => r.label)).toEqual(['t1', 'Not recorded']);
    expect(report.cuts.phase.map((r) => r.label)).toEqual(['Acute', 'Chronic']);
    expect(report.cuts.period.map((r) => r.key)).toEqual(['2026-Q1', '2026-Q2']);
    expect(report.cuts.condition[1]!.figures).toEqual({ status: 'too-few', note: TOO_FEW });
  });

  it('compares responder definitions on the same episodes', () => {
    const report = reportOf(clinic());
    expect(report.cuts.definition.map((r) => r.key)).toEqual(
      Object.values(OUTCOME_RESPONDER_DEFINITIONS).map((d) => d.id),
    );
    const nprs = report.cuts.definition[0]!.figures;
    if (nprs.status !== 'reported' || report.overall.status !== 'reported') throw new Error('expected figures');
    expect(nprs.claim).toEqual(report.overall.claim);
    // Nobody has NDI scores: every episode is "without baseline".
    const ndi = report.cuts.definition[1]!.figures;
    expect(ndi.status === 'reported' && ndi.claim.withoutBaseline).toBe(20);
  });

  it('names periods by month, quarter or year', () => {
    expect(periodOf('2026-11-30', 'month')).toBe('2026-11');
    expect(periodOf('2026-11-30', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-01-01', 'quarter')).toBe('2026-Q1');
    expect(periodOf('2026-11-30', 'year')).toBe('2026');
  });
});
