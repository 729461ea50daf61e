// CLI for the body-map vocabulary, the trigger-point atlas and the referral engine:
//   knotwork regions | muscles | muscle <name> | refer <place[:intensity]>... [--side left|right]
// A place is a region id, or how a person describes it in English or Spanish ("front of my left
// thigh", "parte de atrás de la rodilla"), read by the same resolver as the intake search and the API.
import type { Command } from 'commander';
import { CITATIONS, closestMuscles, findMuscle, MUSCLES } from '../../clinical/atlas/index.ts';
import type { Muscle } from '../../clinical/atlas/index.ts';
import { closestRegions, regionById, REGIONS, resolveRegion } from '../../clinical/bodymap/regions.ts';
import { muscleNamesEs, patientTextEs, resolvePlaces } from '../../clinical/places/index.ts';
import { suggestMuscles } from '../../clinical/referral/index.ts';
import type { PainMap, Suggestion } from '../../clinical/referral/index.ts';
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

interface ReadPlaces {
  painMap: PainMap;
  /** Some place was given a side (in its words or by --side): suggestions are per side. */
  sided: boolean;
}

/** One argument → region ids: an exact id or name first (as before), then the free-text resolver. */
function regionsOf(name: string, side: 'left' | 'right' | undefined): { ids: string[]; sided: boolean } | null {
  const exact = resolveRegion(name, side);
  if (exact.length > 0) {
    const sided = side !== undefined || (exact.length === 1 && exact[0]!.side !== 'midline');
    return { ids: exact.map((r) => r.id), sided };
  }
  const reading = resolvePlaces(name);
  if (reading.places.length === 0) return null;
  const named = reading.side === 'left' || reading.side === 'right' ? reading.side : undefined;
  const chosen = named ?? (reading.side === 'both' ? undefined : side);
  const ids = reading.places.flatMap((p) =>
    chosen && p.side !== 'midline' ? p.regionIds.filter((id) => id.endsWith(`-${chosen}`)) : p.regionIds,
  );
  return { ids, sided: chosen !== undefined || reading.side === 'both' };
}

/**
 * Resolves each argument to region ids. A place named without a side (and no --side) means one
 * side, not known which: its regions go in on both sides, and the suggestions are then folded to
 * one per muscle. Unquoted free text ("front of thigh" as three arguments) is read as one place
 * when its words do not each name one.
 */
export function painMapFromArguments(args: string[], side?: 'left' | 'right'): ReadPlaces {
  const parsed = args.map(parseRegionArgument);
  const each = parsed.map(({ name }) => regionsOf(name, side));
  const together = args.every((a) => !a.includes(':')) ? regionsOf(args.join(' '), side) : null;
  const useTogether = args.length > 1 && together !== null && each.some((r) => r === null);
  const read = useTogether
    ? [{ regions: together, intensity: DEFAULT_INTENSITY, name: args.join(' ') }]
    : parsed.map((p, i) => ({ regions: each[i]!, intensity: p.intensity, name: p.name }));
  const painMap: PainMap = [];
  let sided = side !== undefined;
  for (const { regions, intensity, name } of read) {
    if (!regions) {
      const reading = resolvePlaces(name);
      const guesses =
        reading.closest.length > 0 ? reading.closest.map((p) => p.base) : closestRegions(name, 5).map((r) => r.id);
      throw new CliError(`no place matches "${name}" — did you mean: ${guesses.join(', ')}`);
    }
    sided ||= regions.sided;
    for (const id of regions.ids) painMap.push({ region: id, intensity });
  }
  return { painMap, sided };
}

/**
 * The pain map scored as if the unknown side were the left one: the body is symmetric, so the same
 * muscles rank the same, with scores not halved by the side that is not in pain.
 */
function oneSide(painMap: PainMap): PainMap {
  return painMap.filter((p) => regionById(p.region)?.side !== 'right');
}

/** "Temple (primary)": a region's place without its side. */
function unsidedLabel(regionId: string, weight: string): string {
  const region = regionById(regionId);
  return `${region ? region.name.replace(/ \((left|right)\)$/, '') : regionId} (${weight})`;
}

/**
 * The same muscle on both sides counts once when the side is not known: its better side stands,
 * and its reasons name places, not sides.
 */
function oncePerMuscle(suggestions: Suggestion[], painMap: PainMap) {
  const places = new Set(painMap.map((p) => regionById(p.region)?.base ?? p.region)).size;
  const seen = new Set<string>();
  return suggestions
    .filter((s) => !seen.has(s.muscle) && Boolean(seen.add(s.muscle)))
    .map((s) => {
      const labels = [...new Set(s.reasons.map((r) => unsidedLabel(r.region, r.weight)))];
      return {
        ...s,
        side: s.side === 'midline' ? 'midline' : 'unknown',
        therapistText: `Explains ${labels.join(', ')} — ${labels.length} of ${places} place${places === 1 ? '' : 's'}`,
      };
    });
}

/** The patient's words in Spanish (muscle name, "what a therapist will check"); the therapist's stay English. */
function inSpanish<T extends Omit<Suggestion, 'side'> & { side: string }>(suggestions: T[]): T[] {
  return suggestions.map((s) => {
    const side = s.side === 'left' || s.side === 'right' ? s.side : 'midline';
    const bases = s.reasons.map((r) => regionById(r.region)?.base ?? r.region);
    return { ...s, name: muscleNamesEs(s.muscle)?.name ?? s.name, patientText: patientTextEs(s.muscle, side, bases) };
  });
}

function parseLang(lang: string): 'en' | 'es' {
  if (lang !== 'en' && lang !== 'es') throw new CliError(`--lang must be en or es, got "${lang}"`);
  return lang;
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
      '<place...>',
      'a region id, or the place in words (English or Spanish), optionally with :intensity 0-10 (default 5), ' +
        'e.g. temple:7 "front of my left thigh" "parte de atrás de la rodilla"',
    )
    .option('--side <side>', 'side for places named without one (left|right); default: one side, not known which')
    .option('--limit <n>', 'how many suggestions', '10')
    .option(
      '--lang <lang>',
      "language of the patient's words: en or es (muscle names, what a therapist will check)",
      'en',
    )
    .option('--json', 'print JSON')
    .action((args: string[], options: { side?: string; limit: string; lang: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(`--limit must be a positive whole number, got "${options.limit}"`);
      const lang = parseLang(options.lang);
      const { painMap, sided } = painMapFromArguments(args, parseSide(options.side));
      const found = sided
        ? suggestMuscles(painMap, { limit })
        : oncePerMuscle(suggestMuscles(oneSide(painMap), { limit: limit * 2 }), painMap).slice(0, limit);
      const suggestions = lang === 'es' ? inSpanish(found) : found;
      if (options.json) return void json({ painMap, suggestions });
      const rows = suggestions.map((s, i) => [String(i + 1), s.name, s.side, s.score.toFixed(2), s.therapistText]);
      out.write(`Pain map: ${painMap.map((p) => `${p.region}:${p.intensity}`).join(', ')}\n\n`);
      out.write(table([['#', 'MUSCLE', 'SIDE', 'SCORE', 'WHY'], ...rows]));
      out.write(
        lang === 'es'
          ? '\nMúsculos para revisar primero, ordenados por cuánto se parecen sus patrones de dolor referido; ' +
              'no es un diagnóstico.\n'
          : '\nMuscles to examine first, ranked by how well their referral patterns match; not a diagnosis.\n',
      );
    });
}
