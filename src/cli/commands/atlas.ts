// CLI for the body-map vocabulary, the trigger-point atlas and the referral engine:
//   knotwork regions | muscles | muscle <name> | refer <region[:intensity]>... [--side left|right]
import type { Command } from 'commander';
import { CITATIONS, closestMuscles, findMuscle, MUSCLES } from '../../clinical/atlas/index.ts';
import type { Muscle } from '../../clinical/atlas/index.ts';
import { closestRegions, REGIONS, resolveRegion } from '../../clinical/bodymap/regions.ts';
import { suggestMuscles } from '../../clinical/referral/index.ts';
import type { PainMap } from '../../clinical/referral/index.ts';
import { CliError } from '../errors.ts';

export interface Output {
  write(text: string): unknown;
}

const DEFAULT_INTENSITY = 5;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return (
    rows
      .map((row) =>
        row
          .map((cell, col) => cell.padEnd(widths[col]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function parseSide(side: string | undefined): 'left' | 'right' | undefined {
  if (side === undefined) return undefined;
  if (side === 'left' || side === 'right') return side;
  throw new CliError(`--side must be "left" or "right", got "${side}"`);
}

/** "temple:7" → { name: 'temple', intensity: 7 }; a name without ":n" gets the default intensity. */
function parseRegionArgument(argument: string): { name: string; intensity: number } {
  const match = /^(.*):([^:]*)$/.exec(argument);
  if (!match) return { name: argument, intensity: DEFAULT_INTENSITY };
  const intensity = Number(match[2]);
  if (match[2]!.trim() === '' || !Number.isFinite(intensity) || intensity < 0 || intensity > 10) {
    throw new CliError(`intensity in "${argument}" must be a number from 0 to 10`);
  }
  return { name: match[1]!, intensity };
}

/**
 * Resolves each argument to region ids. A lateral place named without a side (and no --side)
 * means BOTH sides: we would rather show bilateral candidates than guess the wrong side.
 */
export function painMapFromArguments(args: string[], side?: 'left' | 'right'): PainMap {
  const painMap: PainMap = [];
  for (const argument of args) {
    const { name, intensity } = parseRegionArgument(argument);
    const regions = resolveRegion(name, side);
    if (regions.length === 0) {
      const guesses = closestRegions(name, 5).map((r) => r.id);
      throw new CliError(`unknown region "${name}" — did you mean: ${guesses.join(', ')}`);
    }
    for (const region of regions) painMap.push({ region: region.id, intensity });
  }
  return painMap;
}

function describeMuscle(muscle: Muscle): string {
  const zone = (z: Muscle['triggerPoints'][number]['zones'][number]) =>
    `${z.region} (${z.weight}${z.side === 'same' ? '' : `, ${z.side} side`})`;
  const lines = [
    `${muscle.name} (${muscle.id}) — ${muscle.area}, evidence: ${muscle.evidence}`,
    muscle.aliases.length ? `Also called: ${muscle.aliases.join(', ')}` : '',
    `Source: ${muscle.source}`,
    '',
    'Trigger points:',
    ...muscle.triggerPoints.flatMap((tp) => [
      `  ${tp.id} — ${tp.label}: ${tp.location}`,
      `    refers to: ${tp.zones.map(zone).join(', ')}`,
    ]),
    '',
    `Symptoms: ${muscle.associatedSymptoms.join('; ')}`,
    `Perpetuating factors: ${muscle.perpetuatingFactors.join('; ')}`,
    `Self-care — ${muscle.selfCare.title}:`,
    ...muscle.selfCare.steps.map((step, i) => `  ${i + 1}. ${step}`),
    '',
    'Citations:',
    ...muscle.citations.map(
      (id) => `  [${id}] ${CITATIONS[id]?.text ?? id}${CITATIONS[id]?.url ? ` ${CITATIONS[id]!.url}` : ''}`,
    ),
  ];
  return lines.filter((line, i) => line !== '' || lines[i - 1] !== '').join('\n') + '\n';
}

export function registerAtlasCommands(program: Command, out: Output = process.stdout): void {
  const json = (value: unknown) => out.write(JSON.stringify(value, null, 2) + '\n');

  program
    .command('regions')
    .description('list the body-map regions (ids used by pain maps and the chart)')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const rows = REGIONS.map(({ id, name, side, view, area, synonyms }) => ({
        id,
        name,
        side,
        view,
        area,
        synonyms,
      }));
      if (options.json) return void json({ regions: rows });
      out.write(
        table([
          ['ID', 'NAME', 'SIDE', 'VIEW', 'SYNONYMS'],
          ...rows.map((r) => [r.id, r.name, r.side, r.view, r.synonyms.slice(0, 3).join(', ')]),
        ]),
      );
    });

  program
    .command('muscles')
    .description('list the muscles in the trigger-point atlas')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const rows = MUSCLES.map((m) => ({
        id: m.id,
        name: m.name,
        area: m.area,
        evidence: m.evidence,
        triggerPoints: m.triggerPoints.length,
      }));
      if (options.json) return void json({ muscles: rows });
      out.write(
        table([
          ['ID', 'NAME', 'AREA', 'EVIDENCE', 'TPS'],
          ...rows.map((r) => [r.id, r.name, r.area, r.evidence, String(r.triggerPoints)]),
        ]),
      );
    });

  program
    .command('muscle')
    .description('show one muscle: trigger points, referral zones, self-care, sources')
    .argument('<name...>', 'muscle id, name or alias (e.g. "upper trapezius", scm)')
    .option('--json', 'print JSON')
    .action((words: string[], options: { json?: boolean }) => {
      const query = words.join(' ');
      const muscle = findMuscle(query);
      if (!muscle) {
        const guesses = closestMuscles(query, 5).map((m) => m.id);
        throw new CliError(`unknown muscle "${query}" — did you mean: ${guesses.join(', ')}`);
      }
      if (options.json)
        return void json({ muscle: { ...muscle, citationTexts: muscle.citations.map((id) => CITATIONS[id]) } });
      out.write(describeMuscle(muscle));
    });

  program
    .command('refer')
    .description('rank muscles to examine for a pain pattern (not a diagnosis)')
    .argument(
      '<region...>',
      'region id, name or synonym, optionally with :intensity 0-10 (default 5), e.g. temple:7 "tennis elbow"',
    )
    .option('--side <side>', 'side for regions named without one (left|right); default: both sides')
    .option('--limit <n>', 'how many suggestions', '10')
    .option('--json', 'print JSON')
    .action((args: string[], options: { side?: string; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(`--limit must be a positive whole number, got "${options.limit}"`);
      const painMap = painMapFromArguments(args, parseSide(options.side));
      const suggestions = suggestMuscles(painMap, { limit });
      if (options.json) return void json({ painMap, suggestions });
      const rows = suggestions.map((s, i) => [String(i + 1), s.name, s.side, s.score.toFixed(2), s.therapistText]);
      out.write(`Pain map: ${painMap.map((p) => `${p.region}:${p.intensity}`).join(', ')}\n\n`);
      out.write(table([['#', 'MUSCLE', 'SIDE', 'SCORE', 'WHY'], ...rows]));
      out.write('\nMuscles to examine first, ranked by how well their referral patterns match; not a diagnosis.\n');
    });
}
