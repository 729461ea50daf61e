import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  buildOutcomesReport,
  outcomeRows,
  claimTable,
  CUT_DIMENSIONS,
  curveTable,
  cutTable,
  summaryTable,
  TOO_FEW,
  toCsv,
} from './index.ts';
import type { Table } from './index.ts';
import type { Episode } from '../episodes/index.ts';
import type { ReportOptions } from './index.ts';
import { many } from '../../../test/support/outcome-episodes.ts';

const reportOf = (episodes: Episode[], options?: ReportOptions) => buildOutcomesReport(outcomeRows(episodes), options);

const clinic = () => [
  ...many(9, 'fast', { baseline: 8, pain: [7, 5, 4, 4], site: 'bvt', conditionGroup: 'neck', reliefDays: [3] }),
  ...many(4, 'slow', { baseline: 8, pain: [8, 8, 8, 8, 8, 8], site: 'bvt', conditionGroup: 'neck' }),
  ...many(3, 'gone', {
    baseline: 8,
    pain: [8],
    site: 'pdx',
    conditionGroup: 'low-back',
    status: 'lapsed',
    dropOut: true,
  }),
];

const readBack = (csv: string) => parse(csv, { relax_column_count: false }) as string[][];

describe('report tables', () => {
  it('the claim table carries exactly the report’s numbers, as percentages to one decimal', () => {
    const report = reportOf(clinic());
    if (report.overall.status !== 'reported' || report.overall.claim.allStarted.status !== 'reported')
      throw new Error('expected figures');
    const share = report.overall.claim.allStarted;
    const table = claimTable(report);
    expect(table.rows[0]).toEqual([
      'All episodes that started (drop-outs count as not improved)',
      9,
      16,
      56.3,
      Math.round(share.lower * 1000) / 10,
      Math.round(share.upper * 1000) / 10,
      '',
    ]);
    expect(table.rows[1]).toEqual([
      'Episodes with at least 4 sessions',
      9,
      13,
      69.2,
      expect.any(Number),
      expect.any(Number),
      '',
    ]);
    expect(table.rows.slice(2).map((r) => r[2])).toEqual([0, 0]);
  });

  it('shows "too few to report" with empty figures for a small row', () => {
    const report = reportOf(clinic());
    const bySite = cutTable(report, 'site');
    const pdx = bySite.rows.find((r) => r[0] === 'pdx')!;
    expect(pdx.slice(1, -1).every((cell) => cell === null)).toBe(true);
    expect(pdx.at(-1)).toBe(TOO_FEW);
    const bvt = bySite.rows.find((r) => r[0] === 'bvt')!;
    expect(bvt.slice(0, 5)).toEqual(['bvt', 13, 9, 13, 69.2]);
  });

  it('every table has one cell per column in every row', () => {
    const report = reportOf(clinic());
    const tables: Table[] = [
      claimTable(report),
      curveTable(report),
      summaryTable(report),
      ...CUT_DIMENSIONS.map((d) => cutTable(report, d)),
    ];
    for (const table of tables) {
      for (const row of table.rows) expect(row, table.title).toHaveLength(table.columns.length);
    }
    expect(curveTable(report).rows[0]).toEqual([1, 16, 0, 3, 100, 100, 100]);
  });
});

describe('CSV', () => {
  const table: Table = {
    title: 'test',
    columns: ['Site', 'Episodes', 'Share %'],
    rows: [
      ['Beaverton, OR', 12, 50],
      ['The "Pearl"', 11, null],
      ['=HYPERLINK("http://x")', 13, 10.5],
      ['-5 clinic', -5, 0],
    ],
  };

  it('writes RFC 4180: a header row, CRLF, quotes doubled, empty cell for a missing figure', () => {
    const csv = toCsv(table);
    expect(csv.split('\r\n')).toEqual([
      'Site,Episodes,Share %',
      '"Beaverton, OR",12,50',
      '"The ""Pearl""",11,',
      `"'=HYPERLINK(""http://x"")",13,10.5`,
      "'-5 clinic,-5,0",
      '',
    ]);
  });

  it('reads back to the same cells, formulas kept as text', () => {
    const rows = readBack(toCsv(table));
    expect(rows[0]).toEqual(table.columns);
    expect(rows[1]).toEqual(['Beaverton, OR', '12', '50']);
    expect(rows[3]![0]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('a report’s cut table survives the round trip', () => {
    const report = reportOf(clinic());
    const bySite = cutTable(report, 'site');
    const rows = readBack(toCsv(bySite));
    expect(rows).toHaveLength(bySite.rows.length + 1);
    // An empty note and a missing figure both read back as an empty field.
    const asRead = (c: string) => (c === '' ? null : Number.isNaN(Number(c)) ? c : Number(c));
    expect(rows.slice(1).map((r) => r.map(asRead))).toEqual(
      bySite.rows.map((r) => r.map((c) => (c === '' ? null : c))),
    );
  });
});
