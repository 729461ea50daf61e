import pg from 'pg';
import {
  PG_TYPES,
  keepDate,
  planNameFor,
  sqlState,
  openTransaction,
  parseInt8,
  parseNumeric,
  type Database,
  type Queryable,
  type Transactional,
} from './database.ts';

const customTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_TYPES.INT8) return parseInt8;
    if (oid === PG_TYPES.NUMERIC) return parseNumeric;
    if (oid === PG_TYPES.DATE) return keepDate;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * A pool runs queries side by side; one connection (a transaction) runs one at a time, so queries
 * sent together on it (Promise.all in a service) are queued here rather than inside pg, which
 * deprecates that and will refuse it in pg 9.
 */
function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(send: () => Promise<T>): Promise<T> => {
    if (client instanceof pg.Pool) return send();
    const result = tail.then(send, send);
    tail = result.catch(() => undefined);
    return result;
  };
  return {
    async exec(sql: string) {
      await inTurn(() => client.query(sql));
    },
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const values = params as unknown[];
      const name = planNameFor(sql, values.length > 0);
      const result = await inTurn(() => client.query(name ? { name, text: sql, values } : sql, values)).catch(
        (err: unknown) => {
          // A table's columns changed under a kept statement (another instance migrated): outside a
          // transaction it is simply sent again unprepared; inside one the transaction has failed anyway.
          if (!name || !(client instanceof pg.Pool) || sqlState(err) !== '0A000') throw err;
          return client.query(sql, values);
        },
      );
      return result.rows as T[];
    },
  };
}

class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  private readonly queryable: Queryable;

  constructor(private readonly pool: pg.Pool) {
    this.queryable = wrap(pool);
  }

  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.queryable.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.queryable.exec(sql);
  }

  async transaction<T>(fn: (tx: Transactional) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(openTransaction(this.kind, wrap(client), this));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: customTypes });
  // An idle connection the server closes (restart, admin command) is dropped by the pool and the next
  // query reconnects; without a listener the pool's 'error' event would end the process.
  pool.on('error', () => undefined);
  // Fail now, with the server's message, rather than on the first request.
  const client = await pool.connect();
  client.release();
  return new PostgresDatabase(pool);
}
