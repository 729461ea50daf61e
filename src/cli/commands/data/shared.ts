import { ServiceError } from '../../../services/errors.ts';
import { BackupFormatError, RestoreRefusedError } from '../../../store/backup.ts';
import type { Database } from '../../../store/database.ts';
import { DataDirLockedError } from '../../../store/lock.ts';
import { storeConfig } from '../../../config.ts';
import { describeStore, openMigratedDatabase } from '../../../store/open.ts';
import { CliError } from '../../errors.ts';

/** Opens the configured database, runs `fn`, and always closes it (PGlite holds a folder lock). */
export async function withDatabase<T>(fn: (db: Database, where: string) => Promise<T>): Promise<T> {
  const config = storeConfig();
  const where = describeStore(config);
  let db: Database;
  try {
    db = await openMigratedDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new CliError(err.message);
    throw new CliError(`cannot open the database (${where}): ${(err as Error).message}`);
  }
  try {
    return await fn(db, where);
  } catch (err) {
    throw asCliError(err);
  } finally {
    await db.close();
  }
}

/** Errors the user can act on become CliError (exit 2, one line); the rest stay crashes. */
export function asCliError(err: unknown): unknown {
  if (err instanceof CliError) return err;
  if (err instanceof ServiceError || err instanceof BackupFormatError || err instanceof RestoreRefusedError) {
    return new CliError(err.message);
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    const path = (err as NodeJS.ErrnoException).path;
    return new CliError(code === 'ENOENT' && path ? `no such file or folder: ${path}` : (err as Error).message);
  }
  return err;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: readonly string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A table for people (numbers right-aligned, text left); for parsing use --json. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
  return all.map((row) =>
    row
      .map((cell, i) => (typeof cell === 'number' ? String(cell).padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function parseWholeNumber(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new CliError(`${name} must be a whole number, got "${value}"`);
    return Number(value);
  };
}
