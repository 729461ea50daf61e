import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { Database, Queryable } from './database.ts';
import { analyzeChanged } from './statistics.ts';

const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src/store/migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The sha256 of a migration's text; line endings do not count, so a checkout with CRLF matches. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** An applied migration whose file no longer holds the text that ran. */
export class MigrationChangedError extends Error {
  constructor(readonly file: string) {
    super(
      `The migration ${file} was changed after this database applied it. Put its applied text back ` +
        'and make the change in a new migration.',
    );
    this.name = 'MigrationChangedError';
  }
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(join(MIGRATIONS_DIR, file), 'utf8'),
    }));
}

/**
 * Applies pending migrations, each in its own transaction. On PostgreSQL an advisory lock makes
 * instances that start together take turns instead of racing. Refuses to start (before applying
 * anything) when an applied migration's text changed.
 * (schema_migrations is bookkeeping of the database itself, so it has no org_id.)
 */
export async function migrate(
  db: Database,
  migrations: Migration[] = listMigrations(),
): Promise<{ applied: string[] }> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  await refuseChanged(db, migrations);
  // One read decides the usual start, where nothing is pending; each pending one is checked
  // again under the lock below, since another instance may be applying it right now.
  const known = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const applied: string[] = [];
  for (const migration of migrations.filter((m) => !known.has(m.version))) {
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(727274)');
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  await recordChecksums(db, migrations);
  // A migration may rewrite or index data the planner has no statistics for yet (PGlite has no
  // autovacuum); a new, empty database has nothing worth analyzing.
  if (applied.length > 0) await analyzeChanged(db);
  return { applied };
}

async function hasChecksums(db: Queryable): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'schema_migrations' AND column_name = 'checksum'`,
  );
  return rows.length > 0;
}

async function refuseChanged(db: Queryable, migrations: Migration[]): Promise<void> {
  if (!(await hasChecksums(db))) return;
  const recorded = await db.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations WHERE checksum IS NOT NULL ORDER BY version',
  );
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  for (const row of recorded) {
    const migration = byVersion.get(row.version);
    if (migration && migrationChecksum(migration.sql) !== row.checksum)
      throw new MigrationChangedError(`${migration.name}.sql`);
  }
}

/**
 * Records the checksum of every applied migration that has none: the ones just applied, and on the
 * first start after the column arrived, every one applied before it (their text as it is then).
 */
async function recordChecksums(db: Database, migrations: Migration[]): Promise<void> {
  if (!(await hasChecksums(db))) return;
  const missing = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations WHERE checksum IS NULL')).map(
      (r) => r.version,
    ),
  );
  if (missing.size === 0) return;
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(727274)');
    for (const migration of migrations.filter((m) => missing.has(m.version))) {
      await tx.query('UPDATE schema_migrations SET checksum = $2 WHERE version = $1 AND checksum IS NULL', [
        migration.version,
        migrationChecksum(migration.sql),
      ]);
    }
  });
}

export async function schemaVersion(db: Database): Promise<number> {
  const rows = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}
