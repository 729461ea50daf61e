import { resolve } from 'node:path';
import type { Command } from 'commander';
import { rebuildEveryOrganization } from '../../../services/outcomes/refresh.ts';
import { backup, restore, type BackupSummary } from '../../../store/backup.ts';
import { formatTable, printJson, printLines, withDatabase } from './shared.ts';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description("Write every table of the configured database to a gzip'd NDJSON file (PGlite and PostgreSQL alike)")
    .argument('<file>', 'file to write, e.g. knotwork-2026-11-26.ndjson.gz')
    .option('--json', 'print one JSON document')
    .action(async (file: string, options: { json?: boolean }) => {
      const path = resolve(file);
      const summary = await withDatabase((db) => backup(db, path));
      report(summary, `Backed up ${summary.totalRows} rows to ${path}`, path, options.json);
    });

  program
    .command('restore')
    .description('Load a backup into the configured database, which must be empty (or --force)')
    .argument('<file>', 'backup file written by `knotwork backup`')
    .option('--force', 'delete all data in the database first')
    .option('--json', 'print one JSON document')
    .action(async (file: string, options: { force?: boolean; json?: boolean }) => {
      const path = resolve(file);
      const summary = await withDatabase(async (db) => {
        const restored = await restore(db, path, { force: options.force });
        // Outcome rows of an older backup predate today's shape: they are rebuilt from the restored chart.
        if (restored.rebuild?.includes('outcome_episodes'))
          await rebuildEveryOrganization({ db, now: () => new Date() });
        return restored;
      });
      report(summary, `Restored ${summary.totalRows} rows from ${path}`, path, options.json);
    });
}

function report(summary: BackupSummary, headline: string, file: string, json?: boolean): void {
  if (json) {
    printJson({ file, ...summary });
    return;
  }
  printLines([
    `${headline} (schema version ${summary.schemaVersion}).`,
    ...formatTable(
      ['table', 'rows'],
      summary.tables.map((table) => [table.name, table.rows]),
    ),
  ]);
}
