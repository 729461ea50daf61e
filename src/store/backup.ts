import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, Queryable } from './database.ts';
import { schemaVersion } from './migrate.ts';
import { currentName } from './renamed-in-0018.ts';
import { analyzeAll } from './statistics.ts';

/**
 * Backup and restore as gzip'd NDJSON, the same on PGlite and PostgreSQL:
 *   line 1   {"format":"knotwork-backup","version":1,"schemaVersion":…,"createdAt":…,"tables":[{name,columns,rows}]}
 *   then     {"table":"<name>","rows":[…]} batches, tables in foreign-key order
 *   last     {"end":true,"rows":<total>}   (a file without it was cut short)
 * Rows are serialised by Postgres (to_jsonb) and read back by it (jsonb_populate_recordset), so
 * every value round-trips exactly; JavaScript never parses a row, so big numbers keep every digit.
 */

export const BACKUP_FORMAT = 'knotwork-backup';
export const BACKUP_VERSION = 1;
const BATCH_ROWS = 1000;

export interface TableInfo {
  name: string;
  /** Every column, in table order. */
  columns: string[];
  /** Columns a restore writes: all but GENERATED ones. */
  writable: string[];
  identity: string[];
  primaryKey: { column: string; type: string }[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaVersion: number;
  createdAt: string;
  tables: { name: string; columns: string[]; rows: number }[];
}

export interface BackupSummary {
  schemaVersion: number;
  tables: { name: string; rows: number }[];
  totalRows: number;
  /** Derived tables left out of an older backup, to be rebuilt from the chart (see DERIVED_SINCE). */
  rebuild?: string[];
}

/**
 * Tables derived from the chart whose rows changed shape in a later migration (the version given):
 * an older backup's rows cannot fill today's columns, so a restore leaves them out and the caller
 * rebuilds them from the restored chart.
 */
const DERIVED_SINCE: Record<string, number> = { outcome_episodes: 20 };

/** The file is not a backup this version can read, or it is damaged or cut short. */
export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}
/** The target database cannot take the backup (not empty, other schema version). */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Application tables of the current schema, parents before children (schema_migrations is the database's own). */
export async function listTables(db: Queryable): Promise<TableInfo[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname <> 'schema_migrations' ORDER BY c.relname`,
  );
  const columns = await db.query<{ table: string; column: string; generated: boolean; identity: boolean }>(
    `SELECT c.relname AS table, a.attname AS column, a.attgenerated = 's' AS generated, a.attidentity IN ('a',
      'd') AS identity
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum`,
  );
  const keys = await db.query<{ table: string; column: string; type: string }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey::int2[])
      WHERE i.indisprimary AND n.nspname = current_schema()
      ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const references = await db.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.oid <> parent.oid`,
  );
  const infos = new Map<string, TableInfo>(
    tables.map(({ name }) => [name, { name, columns: [], writable: [], identity: [], primaryKey: [] }]),
  );
  for (const col of columns) {
    const info = infos.get(col.table);
    if (!info) continue;
    info.columns.push(col.column);
    if (!col.generated) info.writable.push(col.column);
    if (col.identity) info.identity.push(col.column);
  }
  for (const key of keys) infos.get(key.table)?.primaryKey.push({ column: key.column, type: key.type });
  return dependencyOrder([...infos.values()], references);
}

/** Kahn's algorithm, alphabetical among equals so the order is stable; a cycle keeps the rest alphabetical. */
function dependencyOrder(tables: TableInfo[], references: { child: string; parent: string }[]): TableInfo[] {
  const names = new Set(tables.map((t) => t.name));
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of references)
    if (names.has(child) && names.has(parent)) parents.get(child)!.add(parent);
  const ordered: TableInfo[] = [];
  const remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const done = new Set(ordered.map((t) => t.name));
    const index = remaining.findIndex((t) => [...parents.get(t.name)!].every((p) => done.has(p)));
    ordered.push(...remaining.splice(index === -1 ? 0 : index, 1));
  }
  return ordered;
}

/** Pages through a table in primary-key order (keyset paging: no OFFSET rescans), each page as jsonb text. */
async function* tablePages(db: Queryable, table: TableInfo): AsyncGenerator<{ json: string; count: number }> {
  const key = table.primaryKey.length > 0 ? table.primaryKey.map((k) => k.column) : table.columns;
  const order = key.map((c) => `t.${ident(c)}`).join(', ');
  const orderDesc = key.map((c) => `t.${ident(c)} DESC`).join(', ');
  const lastKey = key.map((c, i) => `(array_agg(t.${ident(c)}::text ORDER BY ${orderDesc}))[1] AS k${i}`).join(', ');
  const keyset = table.primaryKey.length > 0;
  let after: (string | null)[] | null = null;
  let offset = 0;
  for (;;) {
    const params: unknown[] = [BATCH_ROWS];
    let where = '';
    if (keyset && after) {
      const placeholders = table.primaryKey.map((k, i) => `$${i + 2}::${k.type}`).join(', ');
      where = `WHERE (${order}) > (${placeholders})`;
      params.push(...after);
    }
    const paging = keyset ? '' : `OFFSET ${offset}`;
    const rows = await db.query<Record<string, string | null> & { json: string | null; n: number }>(
      `SELECT jsonb_agg(to_jsonb(t) ORDER BY ${order})::text AS json, count(*)::int AS n, ${lastKey}
         FROM (SELECT * FROM ${ident(table.name)} t ${where} ORDER BY ${order} LIMIT $1 ${paging}) t`,
      params,
    );
    const page = rows[0];
    if (!page || page.n === 0 || page.json === null) return;
    yield { json: page.json, count: page.n };
    if (page.n < BATCH_ROWS) return;
    after = key.map((_, i) => page[`k${i}`] ?? null);
    offset += page.n;
  }
}

/**
 * Writes a consistent snapshot of every table to `filePath` (gzip'd NDJSON). The file appears only
 * when complete: it is written under a temporary name and renamed at the end.
 */
export async function backup(db: Database, filePath: string, options: { now?: Date } = {}): Promise<BackupSummary> {
  const partial = `${filePath}.partial-${process.pid}`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  const written = finished(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  try {
    const summary = await db.transaction(async (tx) => {
      // One snapshot for the whole backup, even while the server keeps writing (PostgreSQL).
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const tables = await listTables(tx);
      const version = await schemaVersion(tx as Database);
      const counts = new Map<string, number>();
      for (const table of tables) {
        const rows = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(table.name)}`);
        counts.set(table.name, rows[0]?.n ?? 0);
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        schemaVersion: version,
        createdAt: (options.now ?? new Date()).toISOString(),
        tables: tables.map((t) => ({ name: t.name, columns: t.columns, rows: counts.get(t.name)! })),
      };
      await write(JSON.stringify(header));
      let total = 0;
      for (const table of tables) {
        for await (const page of tablePages(tx, table)) {
          await write(`{"table":${JSON.stringify(table.name)},"rows":${page.json}}`);
          total += page.count;
        }
      }
      await write(JSON.stringify({ end: true, rows: total }));
      return {
        schemaVersion: version,
        tables: header.tables.map(({ name, rows }) => ({ name, rows })),
        totalRows: total,
      };
    });
    gzip.end();
    await written;
    await rename(partial, filePath);
    return summary;
  } catch (err) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

/** The file's lines, gunzipped; stream errors (a damaged file) surface here. */
async function* readLines(filePath: string): AsyncGenerator<string> {
  const source = createReadStream(filePath);
  const input = createGunzip();
  // pipe() does not forward errors: a missing file must reach the loop below, not crash the process.
  source.on('error', (err) => input.destroy(err));
  source.pipe(input);
  input.setEncoding('utf8');
  let pending = '';
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) !== -1) {
        yield pending.slice(0, newline);
        pending = pending.slice(newline + 1);
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
    throw new BackupFormatError(`${filePath} is not a readable backup (${(err as Error).message})`);
  }
  if (pending.length > 0) yield pending;
}

const BATCH_PREFIX = /^\{"table":("(?:[^"\\]|\\.)*"),"rows":/;

function parseHeader(line: string | undefined, filePath: string): BackupHeader {
  let header: Partial<BackupHeader> | null;
  try {
    header = line ? (JSON.parse(line) as Partial<BackupHeader>) : null;
  } catch {
    header = null;
  }
  if (!header || header.format !== BACKUP_FORMAT || !Array.isArray(header.tables)) {
    throw new BackupFormatError(`${filePath} is not a Knotwork backup`);
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BackupFormatError(
      `${filePath} is backup format version ${header.version}; this Knotwork reads version ${BACKUP_VERSION}`,
    );
  }
  return header as BackupHeader;
}

/**
 * Restores a backup into a migrated database of the same schema version, in one transaction:
 * the database ends up with exactly the backup's rows, or unchanged. The database must hold no
 * data, unless `force`, which empties every table first.
 */
export async function restore(
  db: Database,
  filePath: string,
  options: { force?: boolean } = {},
): Promise<BackupSummary> {
  const lines = readLines(filePath);
  let summary: BackupSummary;
  try {
    summary = await restoreLines(db, filePath, lines, options.force ?? false);
  } finally {
    await lines.return(undefined);
  }
  // Every row is new to the planner (PGlite has no autovacuum to notice).
  await analyzeAll(db);
  return summary;
}

async function restoreLines(
  db: Database,
  filePath: string,
  lines: AsyncGenerator<string>,
  force: boolean,
): Promise<BackupSummary> {
  const written = parseHeader((await lines.next()).value ?? undefined, filePath);
  // Tables and columns renamed since the backup was made are read under today's names.
  const renamed = new Map<string, Map<string, string>>();
  const header: BackupHeader = {
    ...written,
    tables: written.tables.map((t) => {
      const columns = new Map(t.columns.map((c) => [c, currentName(c, written.schemaVersion)]));
      const name = currentName(t.name, written.schemaVersion);
      if (name !== t.name || [...columns].some(([from, to]) => from !== to)) renamed.set(t.name, columns);
      return { ...t, name, columns: [...columns.values()] };
    }),
  };
  const targetVersion = await schemaVersion(db);
  if (header.schemaVersion > targetVersion) {
    throw new RestoreRefusedError(
      `The backup has schema version ${header.schemaVersion} but this database only ${targetVersion}: ` +
        'upgrade Knotwork before restoring it.',
    );
  }
  return db.transaction(async (tx) => {
    // Rows go back exactly as they were: triggers that stamp changes stand aside (migration 0007).
    await tx.query(`SELECT set_config('knotwork.restoring', 'on', true)`);
    const tables = new Map((await listTables(tx)).map((t) => [t.name, t]));
    // An older backup restores when later migrations only added tables or columns (those get
    // their defaults) or renamed them (read above under today's names). Data rewritten by a later
    // migration is not replayed.
    const writable = new Map<string, string[]>();
    const rebuild = new Set<string>();
    for (const { name, columns } of header.tables) {
      const target = tables.get(name);
      if (target && header.schemaVersion < (DERIVED_SINCE[name] ?? 0)) {
        rebuild.add(name);
        continue;
      }
      const missing = target ? columns.filter((column) => !target.columns.includes(column)) : [];
      if (!target || missing.length > 0) {
        throw new RestoreRefusedError(
          `Table ${name} of the backup does not fit this database's schema (` +
            `${target ? `no column ${missing.join(', ')}` : 'no such table'})`,
        );
      }
      writable.set(
        name,
        columns.filter((column) => target.writable.includes(column)),
      );
    }
    await emptyOrRefuse(tx, [...tables.values()], force);

    const restored = new Map<string, number>();
    let ended: { rows: number } | null = null;
    for await (const line of lines) {
      if (line.length === 0) continue;
      const match = BATCH_PREFIX.exec(line);
      if (!match) {
        ended = parseTrailer(line, filePath);
        continue;
      }
      const batchTable = JSON.parse(match[1]!) as string;
      const table = tables.get(currentName(batchTable, header.schemaVersion));
      if (!table || ended) throw new BackupFormatError(`${filePath} has a batch for an unexpected table`);
      if (rebuild.has(table.name)) continue;
      const rowsJson = line.slice(match[0].length, -1);
      const columns = (writable.get(table.name) ?? []).map(ident).join(', ');
      const overriding = table.identity.length > 0 ? 'OVERRIDING SYSTEM VALUE' : '';
      const inserted = await tx
        .query<{ n: number }>(
          `WITH ins AS (INSERT INTO ${ident(table.name)} (${columns}) ${overriding}
             SELECT ${columns}
             FROM jsonb_populate_recordset(null::${ident(table.name)}, ${renamedRows(renamed.get(batchTable))})
             RETURNING 1)
           SELECT count(*)::int AS n FROM ins`,
          [rowsJson],
        )
        .catch((err: unknown) => {
          if (header.schemaVersion === targetVersion) throw err;
          throw new RestoreRefusedError(
            `Rows of ${table.name} from schema version ${header.schemaVersion} do not fit version ${targetVersion}: ` +
              `${(err as Error).message}`,
          );
        });
      restored.set(table.name, (restored.get(table.name) ?? 0) + (inserted[0]?.n ?? 0));
    }
    if (!ended) throw new BackupFormatError(`${filePath} is incomplete (no end marker): it was cut short`);
    for (const { name, rows } of header.tables) {
      if (!rebuild.has(name) && (restored.get(name) ?? 0) !== rows) {
        throw new BackupFormatError(
          `${filePath}: table ${name} should have ${rows} rows, found ${restored.get(name) ?? 0}`,
        );
      }
    }
    for (const table of tables.values()) await resetIdentities(tx, table);
    const summary = header.tables.filter(({ name }) => !rebuild.has(name)).map(({ name, rows }) => ({ name, rows }));
    return {
      schemaVersion: header.schemaVersion,
      tables: summary,
      totalRows: summary.reduce((sum, t) => sum + t.rows, 0),
      ...(rebuild.size > 0 ? { rebuild: [...rebuild] } : {}),
    };
  });
}

/** The batch ($1) as jsonb, each row's renamed columns under their new keys. */
function renamedRows(columns: Map<string, string> | undefined): string {
  const moves = [...(columns ?? [])].filter(([from, to]) => from !== to);
  if (moves.length === 0) return '$1::jsonb';
  const row = moves.reduce(
    (sql, [from, to]) => `(${sql} - ${literal(from)} || jsonb_build_object(${literal(to)}, r -> ${literal(from)}))`,
    'r',
  );
  return (
    `(SELECT coalesce(jsonb_agg(${row} ORDER BY n), '[]') FROM jsonb_array_elements($1::jsonb) WITH ` +
    `ORDINALITY AS b(r, n))`
  );
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

function parseTrailer(line: string, filePath: string): { rows: number } {
  try {
    const trailer = JSON.parse(line) as { end?: unknown; rows?: unknown };
    if (trailer.end === true && typeof trailer.rows === 'number') return { rows: trailer.rows };
  } catch {
    // fall through
  }
  throw new BackupFormatError(`${filePath} has a line that is not part of a Knotwork backup`);
}

async function emptyOrRefuse(tx: Queryable, tables: TableInfo[], force: boolean): Promise<void> {
  if (tables.length === 0) return;
  if (force) {
    await tx.query(`TRUNCATE ${tables.map((t) => ident(t.name)).join(', ')} RESTART IDENTITY`);
    return;
  }
  const nonEmpty: string[] = [];
  for (const table of tables) {
    const rows = await tx.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(table.name)}) AS any`);
    if (rows[0]?.any) nonEmpty.push(table.name);
  }
  if (nonEmpty.length > 0) {
    throw new RestoreRefusedError(
      `The database already holds data (${nonEmpty.join(', ')}); restore into an empty database, ` +
        `or force it to replace everything.`,
    );
  }
}

/** After rows were inserted with their own ids, the next generated id must come after them. */
async function resetIdentities(tx: Queryable, table: TableInfo): Promise<void> {
  for (const column of table.identity) {
    await tx.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${ident(column)})
        FROM ${ident(table.name)}), 0) + 1, false)`,
      [ident(table.name), column],
    );
  }
}
