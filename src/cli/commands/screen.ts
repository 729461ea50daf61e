// `knotwork screen <answers.json>`: contraindication screening of an intake answers file.
// The CLI owns the I/O and the clock; the decision itself comes from src/clinical/screening.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { todayIn } from '../clock.ts';
import { CliError } from '../errors.ts';
import {
  IntakeAnswersSchema,
  screen,
  type IntakeAnswers,
  type ScreeningResult,
} from '../../clinical/screening/index.ts';
import { isIsoDate } from '../../time/index.ts';

interface ScreenOptions {
  json?: boolean;
  today?: string;
}

export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description('Screen intake answers for contraindications: the decision for the visit, with reasons and sources')
    .argument('<answers>', 'intake answers JSON file (see examples/screening/)')
    .option('--json', 'print the result as one JSON document')
    .option('--today <date>', 'visit date YYYY-MM-DD (default: today on this machine)')
    .action((file: string, options: ScreenOptions) => {
      const today = options.today ?? localToday();
      if (!isIsoDate(today)) throw new CliError(`--today must be a real date written YYYY-MM-DD, got "${today}"`);
      const answers = readAnswers(file);
      const result = screen(answers, { today });
      process.stdout.write(
        options.json ? `${JSON.stringify({ file, today, ...result }, null, 2)}\n` : formatResult(result, today),
      );
    });
}

/**
 * Today on this machine's clock and zone. The command reads a file with no organisation behind it,
 * and it runs on a computer in the clinic, so the machine's zone is the clinic's; `--today` overrides.
 */
function localToday(): string {
  return todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

function readAnswers(file: string): IntakeAnswers {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = IntakeAnswersSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(top level)'}: ${issue.message}`);
    throw new CliError(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** `surgeries[0].date` style, the way a person would point at the field in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function formatResult(result: ScreeningResult, today: string): string {
  const lines: string[] = [`Decision: ${result.decision.toUpperCase()} (screened for ${today})`];
  for (const line of result.explanation) lines.push(`  ${line}`);
  lines.push('', `Findings (${result.findings.length})`);
  if (result.findings.length === 0) lines.push('  none');
  for (const f of result.findings) {
    lines.push(`  [${f.decision}] ${f.rule}: ${f.reason}`);
    if (f.regions) lines.push(`      regions: ${f.regions.join(', ')}`);
    if (f.techniqueChanges) lines.push(`      technique: ${f.techniqueChanges.join('; ')}`);
    if (f.clearance?.needed) lines.push(`      clearance: ${f.clearance.scope}`);
    lines.push(`      source: ${f.source}`);
  }
  lines.push('', `Unknown or missing answers (${result.unknowns.length}), never read as "no"`);
  if (result.unknowns.length === 0) lines.push('  none');
  for (const u of result.unknowns) lines.push(`  ${u.question} (could mean ${u.gates}): ${u.why}`);
  lines.push('', `Avoid regions: ${result.avoidRegions.length > 0 ? result.avoidRegions.join(', ') : 'none'}`);
  lines.push(`Clearance needed: ${result.clearanceNeeded ? 'yes' : 'no'}`);
  if (result.techniqueChanges.length > 0) {
    lines.push('Technique changes:');
    for (const t of result.techniqueChanges) lines.push(`  - ${t}`);
  }
  lines.push(
    `Standing cautions (endangerment sites, every patient): ${result.standingCautions.map((s) => s.site).join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}
