import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  PG_TYPES,
  keepDate,
  openTransaction,
  parseInt8,
  parseNumeric,
  type Database,
  type Queryable,
  type Transactional,
} from './database.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';

const parsers = {
  [PG_TYPES.INT8]: parseInt8,
  [PG_TYPES.NUMERIC]: parseNumeric,
  [PG_TYPES.DATE]: keepDate,
};

function wrap(pg: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async exec(sql: string) {
      await pg.exec(sql);
    },
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await pg.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  };
}

class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  private readonly queryable: Queryable;

  constructor(
    private readonly pg: PGlite,
    private readonly lock: DataDirLock | null,
  ) {
    this.queryable = wrap(pg);
  }

  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.queryable.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.queryable.exec(sql);
  }

  transaction<T>(fn: (tx: Transactional) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) => fn(openTransaction(this.kind, wrap(tx), this)));
  }

  async close(): Promise<void> {
    try {
      if (!this.pg.closed) await this.pg.close();
    } finally {
      this.lock?.release();
    }
  }
}

/**
 * Opens the embedded database. With a data folder, the folder is locked for this process first:
 * PGlite has no lock of its own and two processes on one folder corrupt it.
 * Without one, the database lives in memory (tests).
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  let lock: DataDirLock | null = null;
  let pgDir: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    pgDir = join(dataDir, 'pgdata');
  }
  try {
    const pg = await PGlite.create({ dataDir: pgDir, extensions: { btree_gist, pg_trgm }, parsers });
    return new PgliteDatabase(pg, lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}
