// `knotwork report outcomes`: the outcomes report of one organisation, from the configured
// database, as the organisation itself (no person signed in; the access is audited as such).
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { CUT_DIMENSIONS, toCsv } from '../../outcomes/index.ts';
import type { CutDimension } from '../../outcomes/index.ts';
import { IsoDate } from '../../services/bounds.ts';
import { getOrganizationBySlug } from '../../services/organizations.ts';
import { OUTCOMES_TABLE_IDS, organizationOutcomesReport } from '../../services/outcomes/index.ts';
import type { OutcomesAnswer, OutcomesTable, OutcomesTableId } from '../../services/outcomes/index.ts';
import { CliError } from '../errors.ts';
import { formatTable, printJson, withDatabase } from './data/shared.ts';

interface OutcomesOptions {
  org: string;
  from?: string;
  to?: string;
  by?: string;
  definition?: string;
  table?: string;
  json?: boolean;
  csv?: boolean;
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('Reports over the clinic’s records');
  report
    .command('outcomes')
    .description(
      'Does the clinic help, for whom, how fast: the claim both ways, sessions to first meaningful improvement, ' +
        'and a cut',
    )
    .option('--org <slug>', 'organisation slug', 'demo')
    .option('--from <date>', 'first day episodes started on (YYYY-MM-DD)')
    .option('--to <date>', 'last day episodes started on (YYYY-MM-DD)')
    .option('--by <cut>', `one cut: ${CUT_DIMENSIONS.join(' | ')} (default: every cut)`)
    .option('--definition <id>', 'meaningful improvement by: nprs-mcid (default), ndi-mcid, odi-mcid, psfs-mcid')
    .option(
      '--table <table>',
      `with --csv, which table: ${OUTCOMES_TABLE_IDS.join(' | ')} (default: the --by cut, else claim)`,
    )
    .option('--json', 'print the report and its tables as one JSON document (as GET /api/outcomes answers)')
    .option('--csv', 'print one table as CSV (as GET /api/outcomes.csv answers)')
    .action(async (options: OutcomesOptions) => {
      const query = checked(options);
      const bar =
        process.stderr.isTTY && !options.json && !options.csv
          ? new cliProgress.SingleBar(
              { stream: process.stderr, format: 'outcomes {bar} {stage}', clearOnComplete: true },
              cliProgress.Presets.shades_classic,
            )
          : null;
      bar?.start(3, 0, { stage: 'opening the database' });
      const answer = await withDatabase(async (db) => {
        const org = await getOrganizationBySlug(db, options.org);
        bar?.update(1, { stage: 'reading episodes' });
        return organizationOutcomesReport({ db, now: () => new Date() }, org.id, query, (rows) =>
          bar?.update(2, { stage: `building the report over ${rows} episodes` }),
        );
      });
      bar?.update(3, { stage: 'done' });
      bar?.stop();
      if (options.json) printJson(answer);
      else if (options.csv)
        process.stdout.write(toCsv(tableFor(answer, (options.table ?? query.by ?? 'claim') as OutcomesTableId)));
      else process.stdout.write(render(answer));
    });
}

function checked(options: OutcomesOptions) {
  for (const [flag, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (value !== undefined && !IsoDate.safeParse(value).success)
      throw new CliError(`${flag} must be a date in the form YYYY-MM-DD, got "${value}"`);
  }
  if (options.by !== undefined && !CUT_DIMENSIONS.includes(options.by as CutDimension)) {
    throw new CliError(`--by '${options.by}' is not one of ${CUT_DIMENSIONS.join(', ')}`);
  }
  if (options.table !== undefined && !OUTCOMES_TABLE_IDS.includes(options.table as OutcomesTableId)) {
    throw new CliError(`--table '${options.table}' is not one of ${OUTCOMES_TABLE_IDS.join(', ')}`);
  }
  if (options.json && options.csv) throw new CliError('choose --json or --csv, not both');
  return {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.by ? { by: options.by as CutDimension } : {}),
    ...(options.definition ? { definition: options.definition } : {}),
  };
}

/** The report always carries every table; --by only narrows what a person is shown. */
function tableFor(answer: OutcomesAnswer, id: OutcomesTableId): OutcomesTable {
  const found = answer.tables.find((t) => t.id === id);
  if (!found) throw new CliError(`the table '${id}' is not in this report: leave out --by, or ask --by ${id}`);
  return found;
}

function render(answer: OutcomesAnswer): string {
  const range =
    [answer.from ? `from ${answer.from}` : '', answer.to ? `to ${answer.to}` : ''].filter(Boolean).join(' ') ||
    'at any date';
  const blocks = answer.tables.map((table) => {
    const cells = table.rows.map((row) => row.map((cell) => (cell === null ? '—' : cell)));
    return [table.title, ...formatTable(table.columns, cells)].join('\n');
  });
  return `Outcomes, episodes started ${range}\n\n${blocks.join('\n\n')}\n`;
}
