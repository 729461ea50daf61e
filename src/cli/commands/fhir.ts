// `knotwork fhir export --out DIR`: a bulk export of one organisation to NDJSON files and a manifest,
// the same files `$export` serves, read from the configured database.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { exportForOperator } from '../../services/fhir/export-operator.ts';
import { formatTable, printJson, printLines, withDatabase } from './data/shared.ts';
import { registerFhirImport } from './fhir-import.ts';

interface ExportOptions {
  out: string;
  org: string;
  type?: string[];
  site?: string;
  since?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerFhirCommands(program: Command): void {
  const fhir = program.command('fhir').description('FHIR R4: move the clinic’s records out as NDJSON, and in');
  registerFhirImport(fhir);
  fhir
    .command('export')
    .description('Write every patient’s records (or one site’s patients) as FHIR NDJSON files and a manifest')
    .requiredOption('--out <dir>', 'folder to write <Type>.ndjson files and manifest.json into')
    .option('--org <slug>', 'organisation slug', 'demo')
    .option('--type <types>', 'only these resource types, e.g. Patient,Coverage (repeatable)', collect)
    .option('--site <slug>', "only this site's patients")
    .option('--since <instant>', 'only records changed since, e.g. 2026-11-01T00:00:00Z')
    .option('--json', 'print the manifest as JSON')
    .action(async (options: ExportOptions) => {
      const out = resolve(options.out);
      const bar =
        process.stderr.isTTY && !options.json
          ? new cliProgress.SingleBar(
              { stream: process.stderr, format: 'export {bar} {value}/{total} patients', clearOnComplete: true },
              cliProgress.Presets.shades_classic,
            )
          : null;
      let started = false;
      const result = await withDatabase((db) =>
        exportForOperator(
          { db, now: () => new Date() },
          { orgSlug: options.org, types: options.type, site: options.site, since: options.since },
          async (done, total) => {
            if (!started) bar?.start(total, 0);
            started = true;
            bar?.update(done);
          },
        ),
      );
      bar?.stop();
      await mkdir(out, { recursive: true });
      const output: { type: string; url: string; count: number }[] = [];
      for (const [type, resources] of result.byType) {
        const file = `${type}.ndjson`;
        await writeFile(join(out, file), resources.map((r) => JSON.stringify(r)).join('\n') + '\n');
        output.push({ type, url: file, count: resources.length });
      }
      const manifest = {
        transactionTime: result.transactionTime.toISOString(),
        request: result.request,
        requiresAccessToken: false,
        output,
        error: [],
      };
      await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      if (options.json) printJson(manifest);
      else
        printLines([
          `Exported ${output.reduce((n, o) => n + o.count, 0)} resources to ${out}`,
          ...formatTable(
            ['type', 'resources'],
            output.map((o) => [o.type, o.count]),
          ),
        ]);
    });
}
