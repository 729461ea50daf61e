// `knotwork fhir import FILE|DIR`: a transaction Bundle (JSON), or the NDJSON files a bulk export writes,
// imported into one organisation all or nothing; counts of records created, matched and refused.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { IMPORT_TYPES, transactionOf } from '../../fhir/import-bundle.ts';
import { isPayer } from '../../fhir/import-places.ts';
import { ImportRefused, type ImportSummary } from '../../services/fhir/import.ts';
import { importForOperator } from '../../services/fhir/import-operator.ts';
import { CliError } from '../errors.ts';
import { formatTable, printJson, printLines, withDatabase } from './data/shared.ts';

type Json = Record<string, unknown>;

interface Source {
  bundle: unknown;
  /** Where each entry came from (file and line), for refusals. */
  origins: string[];
  /** Resources left out by type: Knotwork does not import them (encounters, notes…) or they are the clinic itself. */
  skipped: Record<string, number>;
}

function parseLine(text: string, where: string): Json {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  } catch {
    // Said below in the same words.
  }
  throw new CliError(`${where} is not a FHIR resource in JSON`);
}

/** The NDJSON files of a folder (or one file): each line a resource, kept when Knotwork imports its type. */
async function readNdjson(files: string[]): Promise<Source> {
  const resources: Json[] = [];
  const origins: string[] = [];
  const skipped: Record<string, number> = {};
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${basename(file)} line ${i + 1}`;
      const r = parseLine(line, where);
      const type = String(r.resourceType);
      if (!(IMPORT_TYPES as readonly string[]).includes(type) || (type === 'Organization' && !isPayer(r))) {
        skipped[type] = (skipped[type] ?? 0) + 1;
        return;
      }
      resources.push(r);
      origins.push(where);
    });
  }
  return { bundle: transactionOf(resources), origins, skipped };
}

async function readSource(path: string): Promise<Source> {
  const full = resolve(path);
  if ((await stat(full)).isDirectory()) {
    const files = (await readdir(full)).filter((f) => f.endsWith('.ndjson')).sort();
    if (files.length === 0) throw new CliError(`${full} holds no .ndjson files`);
    return readNdjson(files.map((f) => join(full, f)));
  }
  if (full.endsWith('.ndjson')) return readNdjson([full]);
  const bundle = parseLine(await readFile(full, 'utf8'), basename(full));
  const count = Array.isArray(bundle.entry) ? bundle.entry.length : 0;
  return { bundle, origins: Array.from({ length: count }, (_, i) => `entry ${i}`), skipped: {} };
}

function countsByType(summary: ImportSummary | null, refused: Map<string, number>) {
  const rows = new Map<string, { created: number; matched: number; refused: number }>();
  const row = (type: string) => rows.get(type) ?? rows.set(type, { created: 0, matched: 0, refused: 0 }).get(type)!;
  for (const r of summary?.results ?? []) row(r.type)[r.created ? 'created' : 'matched']++;
  for (const [type, n] of refused) row(type).refused += n;
  return [...rows].sort(([a], [b]) => a.localeCompare(b));
}

export function registerFhirImport(fhir: Command): void {
  fhir
    .command('import <path>')
    .description(
      'Import a transaction Bundle (.json) or bulk-export NDJSON files (a folder or one .ndjson), all or nothing',
    )
    .option('--org <slug>', 'organisation slug', 'demo')
    .option('--json', 'print the counts as JSON')
    .action(async (path: string, options: { org: string; json?: boolean }) => {
      const source = await readSource(path).catch((err: unknown) => {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`no such file or folder: ${path}`);
        throw err;
      });
      const outcome = await withDatabase(async (db): Promise<ImportSummary | ImportRefused> => {
        try {
          return await importForOperator(
            { db, now: () => new Date() },
            { orgSlug: options.org, bundle: source.bundle },
          );
        } catch (err) {
          if (err instanceof ImportRefused) return err;
          throw err;
        }
      });
      const refused = outcome instanceof ImportRefused ? outcome : null;
      const summary = outcome instanceof ImportRefused ? null : outcome;
      const entries = Array.isArray((source.bundle as Json).entry) ? ((source.bundle as Json).entry as Json[]) : [];
      const refusedTypes = new Map<string, number>();
      const refusedEntries = new Set<number>();
      for (const p of refused?.problems ?? []) if (p.entry !== null) refusedEntries.add(p.entry);
      for (const i of refusedEntries) {
        const type = String((entries[i]?.resource as Json | undefined)?.resourceType ?? 'unknown');
        refusedTypes.set(type, (refusedTypes.get(type) ?? 0) + 1);
      }
      const table = countsByType(summary, refusedTypes);
      const report = {
        imported: summary !== null,
        types: Object.fromEntries(table),
        skipped: source.skipped,
        problems: (refused?.problems ?? []).map((p) => ({
          where: p.entry === null ? 'the bundle' : (source.origins[p.entry] ?? `entry ${p.entry}`),
          problem: p.text,
        })),
      };
      if (options.json) printJson(report);
      else
        printLines([
          report.imported ? 'Imported.' : 'Nothing was imported: every record or none.',
          ...formatTable(
            ['type', 'created', 'matched', 'refused'],
            table.map(([type, c]) => [type, c.created, c.matched, c.refused]),
          ),
          ...Object.entries(source.skipped).map(
            ([type, n]) => `Left out ${n} ${type} (Knotwork does not import them).`,
          ),
          ...report.problems.map((p) => `${p.where}: ${p.problem}`),
        ]);
      if (!report.imported) process.exitCode = 2;
    });
}
