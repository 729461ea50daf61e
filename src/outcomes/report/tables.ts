import { stringify } from 'csv-stringify/sync';
import type { KaplanMeierPoint } from '../stats/index.ts';
import { TOO_FEW } from './types.ts';
import type { CellFigures, CutDimension, OutcomesReport, Reported, ShareFigures, SummaryFigures } from './types.ts';

export type Cell = string | number | null;

/**
 * A report table as plain rows: the page's table alternative, the command line's --csv and the
 * CSV download all come from these, so they cannot disagree.
 */
export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}

const percent = (fraction: number) => Math.round(fraction * 1000) / 10;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function shareCells(share: Reported<ShareFigures>): Cell[] {
  return share.status === 'reported'
    ? [share.numerator, share.denominator, percent(share.rate), percent(share.lower), percent(share.upper)]
    : [null, null, null, null, null];
}

const noteFor = (...parts: Array<Reported<unknown>>) => (parts.some((p) => p.status === 'too-few') ? TOO_FEW : '');

export function claimTable(report: OutcomesReport): Table {
  const { claimSession, minimumSessions } = report.settings;
  const columns = [
    'Episodes counted',
    `Meaningfully better by session ${claimSession}`,
    'Episodes',
    'Share %',
    'Lower 95% %',
    'Upper 95% %',
    'Note',
  ];
  const title = `Meaningfully better by session ${claimSession} (${report.definition.label})`;
  if (report.overall.status === 'too-few') {
    return { title, columns, rows: [['All episodes', null, null, null, null, null, TOO_FEW]] };
  }
  const { claim } = report.overall;
  const [allImproved, allEpisodes, ...allRest] = shareCells(claim.allStarted);
  const [courseImproved, courseEpisodes, ...courseRest] = shareCells(claim.completedCourse);
  return {
    title,
    columns,
    rows: [
      [
        'All episodes that started (drop-outs count as not improved)',
        allImproved!,
        allEpisodes!,
        ...allRest,
        noteFor(claim.allStarted),
      ],
      [
        `Episodes with at least ${minimumSessions} sessions`,
        courseImproved!,
        courseEpisodes!,
        ...courseRest,
        noteFor(claim.completedCourse),
      ],
      ['Still in care, not yet judged (left out of both)', null, claim.stillInCare, null, null, null, ''],
      ['No score to judge from (left out of both)', null, claim.withoutBaseline, null, null, null, ''],
    ],
  };
}

export function curveTable(report: OutcomesReport): Table {
  const columns = [
    'Session',
    'Followed',
    'Improved',
    'Stopped without improving',
    'Not yet improved %',
    'Lower 95% %',
    'Upper 95% %',
  ];
  const title = `Sessions to first meaningful improvement (${report.definition.label})`;
  if (report.curve.status === 'too-few') return { title, columns, rows: [] };
  const row = (p: KaplanMeierPoint): Cell[] => [
    p.time,
    p.atRisk,
    p.events,
    p.censored,
    percent(p.survival),
    p.lower === null ? null : percent(p.lower),
    p.upper === null ? null : percent(p.upper),
  ];
  return { title, columns, rows: report.curve.points.map(row) };
}

function summaryCells(figures: Reported<SummaryFigures>): Cell[] {
  return figures.status === 'reported'
    ? [figures.count, oneDecimal(figures.mean), oneDecimal(figures.median)]
    : [null, null, null];
}

export function summaryTable(report: OutcomesReport): Table {
  const columns = ['Figure', 'Count', 'Value', 'Lower 95%', 'Upper 95%', 'Note'];
  const title = 'Care summary';
  const overall = report.overall;
  if (overall.status === 'too-few') return { title, columns, rows: [['Episodes', null, null, null, null, TOO_FEW]] };
  const summaryRows = (label: string, figures: Reported<SummaryFigures>): Cell[][] => {
    const [count, average, middle] = summaryCells(figures);
    return [
      [`${label}, mean`, count!, average!, null, null, noteFor(figures)],
      [`${label}, median`, count!, middle!, null, null, noteFor(figures)],
    ];
  };
  const median = overall.medianSessions;
  const [dropOuts, ended, rate, lower, upper] = shareCells(overall.dropOut);
  return {
    title,
    columns,
    rows: [
      ['Episodes', overall.episodes, overall.episodes, null, null, ''],
      [
        'Median sessions to first meaningful improvement',
        null,
        median.status === 'reported' ? median.value : null,
        median.status === 'reported' ? median.lower : null,
        median.status === 'reported' ? median.upper : null,
        median.status === 'reported' ? (median.value === null ? 'not reached' : '') : TOO_FEW,
      ],
      ['Drop-out % of ended episodes', ended!, rate!, lower!, upper!, noteFor(overall.dropOut)],
      ['Drop-outs', null, dropOuts!, null, null, noteFor(overall.dropOut)],
      ...summaryRows('Visits per ended episode', overall.visitsPerEpisode),
      ...summaryRows('PSFS change (positive = better)', overall.psfsChange),
      ...summaryRows('Days of relief after a visit', overall.reliefDays),
    ],
  };
}

const DIMENSION_TITLES: Record<CutDimension, string> = {
  condition: 'Condition',
  site: 'Site',
  therapist: 'Therapist',
  phase: 'Phase',
  period: 'Period',
  definition: 'Responder definition',
};

export function cutTable(report: OutcomesReport, dimension: CutDimension): Table {
  const { claimSession, minimumSessions } = report.settings;
  const columns = [
    DIMENSION_TITLES[dimension],
    'Episodes',
    `All started: better by session ${claimSession}`,
    'All started: episodes',
    'All started %',
    'All started lower 95% %',
    'All started upper 95% %',
    `${minimumSessions}+ sessions: better by session ${claimSession}`,
    `${minimumSessions}+ sessions: episodes`,
    `${minimumSessions}+ sessions %`,
    `${minimumSessions}+ sessions lower 95% %`,
    `${minimumSessions}+ sessions upper 95% %`,
    'Median sessions',
    'Median lower 95%',
    'Median upper 95%',
    'Drop-out %',
    'Note',
  ];
  const rows = report.cuts[dimension].map(({ label, figures }): Cell[] => {
    if (figures.status === 'too-few') return [label, ...Array(columns.length - 2).fill(null), TOO_FEW];
    const cell: CellFigures = figures;
    const median = cell.medianSessions;
    const medianCells = median.status === 'reported' ? [median.value, median.lower, median.upper] : [null, null, null];
    return [
      label,
      cell.episodes,
      ...shareCells(cell.claim.allStarted),
      ...shareCells(cell.claim.completedCourse),
      ...medianCells,
      cell.dropOut.status === 'reported' ? percent(cell.dropOut.rate) : null,
      noteFor(cell.claim.allStarted, cell.claim.completedCourse, median, cell.dropOut),
    ];
  });
  return { title: `By ${DIMENSION_TITLES[dimension].toLowerCase()}`, columns, rows };
}

/** A cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with ' so it stays text. */
function defuse(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 CSV: a header row, CRLF line ends, quotes only where needed, empty for a missing figure. */
export function toCsv(table: Table): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map(defuse))], { record_delimiter: 'windows' });
}
