import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';

export type Backend = 'pglite' | 'postgres';

/** Every integration test runs on both engines; a missing server fails the run, it never skips. */
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function adminUrl(): string {
  return process.env.KNOTWORK_TEST_DATABASE_URL || DEFAULT_ADMIN_URL;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

async function openAdmin(url: string): Promise<Database> {
  try {
    return await openPostgres(url, { max: 1 });
  } catch (err) {
    throw new Error(
      `PostgreSQL for tests is unreachable at ${redact(url)} (${(err as Error).message}). ` +
        'Start a server or set KNOTWORK_TEST_DATABASE_URL; tests need both backends.',
      { cause: err },
    );
  }
}

async function createPostgresDatabase(
  migrated: boolean,
): Promise<{ db: Database; drop: () => Promise<void>; url: string }> {
  const url = adminUrl();
  const name = `knotwork_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openAdmin(url);
  try {
    await admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const dropDatabase = async () => {
    const again = await openAdmin(url);
    try {
      await again.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await again.close();
    }
  };
  let db: Database;
  try {
    db = await openPostgres(withDatabase(url, name));
    if (migrated) await migrate(db);
  } catch (err) {
    await dropDatabase().catch(() => undefined);
    throw err;
  }
  let dropped = false;
  return {
    db,
    url: withDatabase(url, name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await db.close().catch(() => undefined);
      await dropDatabase();
    },
  };
}

async function createPgliteDatabase(migrated: boolean): Promise<{ db: Database; drop: () => Promise<void> }> {
  const db = await openPglite();
  try {
    if (migrated) await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return { db, drop: () => db.close() };
}

/**
 * A fresh, migrated, empty database of the given engine; `drop()` closes it and throws it away.
 * `{ migrated: false }` leaves it without any table (for tests of migrating itself).
 */
export async function createTestDatabase(
  backend: Backend,
  options: { migrated?: boolean } = {},
): Promise<{ db: Database; drop: () => Promise<void>; url?: string }> {
  const migrated = options.migrated ?? true;
  return backend === 'pglite' ? createPgliteDatabase(migrated) : createPostgresDatabase(migrated);
}
