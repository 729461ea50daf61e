import { describe, expect, it } from 'vitest';
import type { IntakeAnswers, LocalIssue } from './answers.ts';
import { allNoAnswers } from './fixtures.ts';
import { localIssuesRule, recentSurgeryRule } from './rules-local.ts';
import type { RuleOutcome } from './types.ts';

const today = '2026-06-15';
const decisions = (outcomes: RuleOutcome[]) =>
  outcomes.map((o) => (o.kind === 'finding' ? o.finding.decision : `unknown:${o.unknown.question}`));
const surgeryOn = (date: string, regions?: string[]) => {
  const answers: IntakeAnswers = {
    ...allNoAnswers(),
    surgeries: [{ what: 'knee replacement', date, ...(regions ? { regions } : {}) }],
  };
  return recentSurgeryRule.evaluate(answers, { today });
};

describe('recent-surgery windows (days since surgery, counted from today)', () => {
  it('day 0 and day 42 → refer with clearance, and the site is local', () => {
    for (const date of ['2026-06-15', '2026-05-04']) {
      const outcomes = surgeryOn(date, ['anterior-knee-left']);
      expect(decisions(outcomes)).toEqual(['refer', 'local']);
      const [refer, local] = outcomes;
      expect(refer?.kind === 'finding' && refer.finding.clearance?.needed).toBe(true);
      expect(local?.kind === 'finding' && local.finding.regions).toEqual(['anterior-knee-left']);
    }
  });
  it('day 43 and day 84 → caution on the site; day 85 → nothing', () => {
    expect(decisions(surgeryOn('2026-05-03', ['anterior-knee-left']))).toEqual(['caution']); // 43 days
    expect(decisions(surgeryOn('2026-03-23', ['anterior-knee-left']))).toEqual(['caution']); // 84 days
    expect(surgeryOn('2026-03-22', ['anterior-knee-left'])).toEqual([]); // 85 days
  });
  it('window edges across a leap day are counted in calendar days', () => {
    const leap = (date: string) =>
      recentSurgeryRule.evaluate({ surgeries: [{ what: 'x', date, regions: ['sacrum'] }] }, { today: '2028-03-01' });
    expect(decisions(leap('2028-01-19'))).toEqual(['refer', 'local']); // 42 days incl. 29 Feb
    expect(decisions(leap('2028-01-18'))).toEqual(['caution']); // 43 days
  });
  it('a site not marked → the region is an unknown', () => {
    expect(decisions(surgeryOn('2026-06-01'))).toEqual(['refer', 'unknown:surgeries[].regions']);
  });
  it('a date after today is reported, not treated as old', () => {
    expect(decisions(surgeryOn('2026-07-01', ['sacrum']))).toEqual(['unknown:surgeries[].date']);
  });
  it('surgeries not asked → unknown gating refer; an empty list means none', () => {
    const { surgeries: _dropped, ...notAsked } = allNoAnswers();
    expect(recentSurgeryRule.evaluate(notAsked, { today })).toEqual([
      { kind: 'unknown', unknown: expect.objectContaining({ question: 'surgeries', gates: 'refer' }) },
    ]);
    expect(recentSurgeryRule.evaluate(allNoAnswers(), { today })).toEqual([]);
  });
});

describe('local-issues', () => {
  const issues = (localIssues: LocalIssue[] | undefined) =>
    localIssuesRule.evaluate({ ...allNoAnswers(), localIssues }, { today });
  it('each issue → local with its regions (deduplicated, sorted)', () => {
    const outcomes = issues([{ kind: 'open-wound', regions: ['shin-right', 'calf-right', 'shin-right'] }]);
    expect(outcomes).toEqual([
      {
        kind: 'finding',
        finding: expect.objectContaining({ decision: 'local', regions: ['calf-right', 'shin-right'] }),
      },
    ]);
  });
  it('an undiagnosed lump, aneurysm, phlebitis or recent fracture also refers', () => {
    for (const kind of ['undiagnosed-lump', 'aneurysm', 'phlebitis', 'recent-fracture'] as const)
      expect(decisions(issues([{ kind, regions: ['upper-abdomen'] }]))).toEqual(['local', 'refer']);
    expect(decisions(issues([{ kind: 'bruise', regions: ['calf-left'] }]))).toEqual(['local']);
  });
  it('an issue without a place → unknown region; no list → unknown; empty list → nothing', () => {
    expect(decisions(issues([{ kind: 'burn', regions: [] }]))).toEqual(['unknown:localIssues[].regions']);
    expect(decisions(issues(undefined))).toEqual(['unknown:localIssues']);
    expect(issues([])).toEqual([]);
  });
});
