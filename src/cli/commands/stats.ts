// `knotwork stats km <file.csv>`: the Kaplan–Meier estimator of the outcomes report, on any
// time,event file, so it can be checked against published worked examples.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { INTERVAL_TRANSFORMS, kaplanMeier, parseSurvivalCsv } from '../../outcomes/stats/index.ts';
import type { IntervalTransform, KaplanMeierEstimate } from '../../outcomes/stats/index.ts';
import { CliError } from '../errors.ts';

interface KmOptions {
  json?: boolean;
  transform: string;
}

export function registerStatsCommands(program: Command): void {
  const stats = program.command('stats').description('The statistics behind the outcomes report, on your own data');
  stats
    .command('km')
    .description('Kaplan–Meier estimate with Greenwood 95% intervals and the median, from rows of time,event')
    .argument(
      '<file>',
      'CSV of time,event rows: event 1 = improved (the event happened), 0 = censored; header optional',
    )
    .option('--json', 'print {"points":[…],"median":{…}} as one JSON document')
    .option('--transform <transform>', `interval transform: ${INTERVAL_TRANSFORMS.join(' | ')}`, 'log-log')
    .action((file: string, options: KmOptions) => {
      if (!INTERVAL_TRANSFORMS.includes(options.transform as IntervalTransform)) {
        throw new CliError(`--transform '${options.transform}' is not one of ${INTERVAL_TRANSFORMS.join(', ')}`);
      }
      const parsed = parseSurvivalCsv(readText(file));
      if (!parsed.ok)
        throw new CliError(`${file}${parsed.line === null ? '' : ` line ${parsed.line}`}: ${parsed.message}`);
      const fit = kaplanMeier(parsed.observations, { transform: options.transform as IntervalTransform });
      process.stdout.write(options.json ? `${JSON.stringify(asJson(fit))}\n` : render(fit));
    });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function asJson(fit: KaplanMeierEstimate) {
  return {
    points: fit.points.map(({ time, atRisk, events, censored, survival, lower, upper }) => ({
      time,
      atRisk,
      events,
      censored,
      survival,
      lower,
      upper,
    })),
    median: fit.median,
  };
}

function render(fit: KaplanMeierEstimate): string {
  const fixed = (value: number | null) => (value === null ? '—' : value.toFixed(4));
  const header = ['time', 'at risk', 'events', 'censored', 'survival', 'lower', 'upper'];
  const rows = fit.points.map((p) => [
    String(p.time),
    String(p.atRisk),
    String(p.events),
    String(p.censored),
    fixed(p.survival),
    fixed(p.lower),
    fixed(p.upper),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  const orNot = (value: number | null) => (value === null ? 'not reached' : String(value));
  const { median } = fit;
  return [
    line(header),
    ...rows.map(line),
    '',
    `median: ${orNot(median.value)} (95% interval ${orNot(median.lower)} to ${orNot(median.upper)})`,
    `${fit.observations} observations, ${fit.events} events; Greenwood variance, ${fit.transform} interval`,
    '',
  ].join('\n');
}
