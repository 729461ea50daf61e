import { resolve } from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

export interface StoreConfig {
  /** postgres://… to use a PostgreSQL server; otherwise embedded PGlite. */
  databaseUrl?: string;
  /** Folder of the embedded database; ignored with databaseUrl. */
  dataDir: string;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv): StoreConfig {
  return {
    databaseUrl: env.KNOTWORK_DATABASE_URL || undefined,
    dataDir: resolve(env.KNOTWORK_DATA_DIR || './data'),
  };
}

/** Only the engine in use is loaded: a PGlite start never loads pg, and the reverse. */
export async function openDatabase(config: StoreConfig): Promise<Database> {
  if (config.databaseUrl) return (await import('./postgres.ts')).openPostgres(config.databaseUrl);
  return (await import('./pglite.ts')).openPglite(config.dataDir);
}

export async function openMigratedDatabase(config: StoreConfig): Promise<Database> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** Where a database URL is shown (logs, CLI), its password is not. */
export function describeStore(config: StoreConfig): string {
  if (!config.databaseUrl) return `PGlite at ${config.dataDir}`;
  try {
    const url = new URL(config.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}
