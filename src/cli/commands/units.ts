import type { Command } from 'commander';
import { computeUnits, isUnitsError, TIMED_CODES, UNIT_RULES } from '../../clinical/billing/index.ts';
import type { UnitResult, UnitRule } from '../../clinical/billing/index.ts';
import { CliError } from '../errors.ts';

function parseLine(token: string): { code: string; minutes: number } {
  const match = /^(\w+)=(-?\d+(?:\.\d+)?)$/.exec(token);
  if (!match) throw new CliError(`'${token}' is not code=minutes (for example 97140=23)`);
  return { code: match[1]!, minutes: Number(match[2]) };
}

function render(result: UnitResult): string {
  const rows = result.lines.map((l) => [l.code, String(l.minutes), String(l.units), TIMED_CODES[l.code]?.label ?? '']);
  rows.push(['total', String(result.totalMinutes), String(result.totalUnits), '']);
  const header = ['code', 'minutes', 'units', 'service'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [format(header), ...rows.map(format), '', `rule: ${result.rule}`];
  for (const step of result.explanation) out.push(`  · ${step}`);
  return `${out.join('\n')}\n`;
}

export function registerUnitsCommand(program: Command): void {
  program
    .command('units')
    .description('Billable 15-minute units for timed CPT codes (CMS 8-minute rule or per-code midpoint rule)')
    .argument('<lines...>', 'code=minutes, e.g. 97110=33 97140=7')
    .option('--rule <rule>', `${UNIT_RULES.join(' | ')}`, 'cms')
    .option('--json', 'print one JSON document')
    .action((tokens: string[], options: { rule: string; json?: boolean }) => {
      if (!UNIT_RULES.includes(options.rule as UnitRule)) {
        throw new CliError(`--rule '${options.rule}' is not one of ${UNIT_RULES.join(', ')}`);
      }
      const lines = tokens.map(parseLine);
      const result = computeUnits(lines, options.rule as UnitRule);
      if (isUnitsError(result)) {
        const at = result.error.line === undefined ? '' : `'${tokens[result.error.line]}': `;
        throw new CliError(`${at}${result.error.message}`);
      }
      process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : render(result));
    });
}
