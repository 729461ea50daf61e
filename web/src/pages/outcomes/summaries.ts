import type { CutRow, OutcomesReport } from '../../api/outcomes.ts';
import { reportedShares } from './charts.tsx';

/** The one-sentence text alternatives of the charts and the claim card. */

const pct = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;
const interval = (lower: number, upper: number) => `95% interval ${pct(lower)} to ${pct(upper)}`;

export function claimSentence(report: OutcomesReport): string {
  const { overall, settings } = report;
  if (overall.status !== 'reported') return 'Too few episodes to report the claim.';
  const { allStarted, completedCourse } = overall.claim;
  const by = `meaningfully better by session ${settings.claimSession}`;
  const all =
    allStarted.status === 'reported'
      ? `${allStarted.numerator} of ${allStarted.denominator} episodes that started were ${by} (` +
        `${pct(allStarted.rate)}, ${interval(allStarted.lower, allStarted.upper)})`
      : `Too few episodes that started to report`;
  const course =
    completedCourse.status === 'reported'
      ? `${completedCourse.numerator} of ${completedCourse.denominator} with at least ${settings.minimumSessions} ` +
        `sessions (${pct(completedCourse.rate)})`
      : `too few with at least ${settings.minimumSessions} sessions to report`;
  return `${all}; ${course}.`;
}

export function curveSentence(report: OutcomesReport): string {
  const { curve } = report;
  if (curve.status !== 'reported')
    return 'Too few episodes to draw the curve of sessions to first meaningful improvement.';
  const { value, lower, upper } = curve.median;
  const cut =
    curve.truncatedAfter === null
      ? ''
      : ` The curve stops after session ${curve.truncatedAfter}, where fewer episodes remained followed than can be ` +
        `reported.`;
  if (value === null)
    return (
      `Fewer than half of episodes were meaningfully better within the sessions followed (median not ` +
      `reached).${cut}`
    );
  const range = lower === null ? '' : `, 95% interval ${lower} to ${upper ?? 'not reached'}`;
  return `Half of episodes were meaningfully better by session ${value}${range}.${cut}`;
}

export function cutSentence(rows: readonly CutRow[], what: string): string {
  const dots = reportedShares(rows);
  const withheld = rows.length - dots.length;
  const few =
    withheld > 0 ? ` ${withheld} ${withheld === 1 ? 'group has' : 'groups have'} too few episodes to report.` : '';
  if (dots.length === 0) return `No ${what} has enough episodes to report.${few}`;
  const sorted = [...dots].sort((a, b) => b.rate - a.rate);
  const top = sorted[0]!;
  const bottom = sorted.at(-1)!;
  if (sorted.length === 1) return `${top.label}: ${top.rate}% meaningfully better by session 6.${few}`;
  return (
    `Highest ${top.label} at ${top.rate}% (${top.lower}–${top.upper}%), lowest ${bottom.label} at ${bottom.rate}` +
    `% (${bottom.lower}–${bottom.upper}%); the intervals show how sure each figure is.${few}`
  );
}

export function trendSentence(rows: readonly CutRow[]): string {
  const dots = reportedShares(rows);
  if (dots.length === 0) return 'No period has enough episodes to report a trend.';
  const first = dots[0]!;
  const last = dots.at(-1)!;
  if (dots.length === 1)
    return `${first.label}: ${first.rate}% meaningfully better by session 6; one period is not a trend.`;
  return (
    `From ${first.label} (${first.rate}%) to ${last.label} (${last.rate}%), over ${dots.length} periods with ` +
    `enough episodes to report.`
  );
}
