import pg from 'pg';
import {
  CHANGE_CHANNELS,
  PG_TYPES,
  keepDate,
  planNameFor,
  sqlState,
  openTransaction,
  parseInt8,
  parseNumeric,
  type ChangeChannel,
  type ChangeHandlers,
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

const LISTEN_SQL = CHANGE_CHANNELS.map((channel) => `LISTEN ${channel}`).join('; ');
/** After the listening connection is lost, how long until it is opened again. */
const RELISTEN_AFTER_MS = 1000;

class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  private readonly queryable: Queryable;
  private readonly handlers = new Map<ChangeChannel, Set<ChangeHandlers>>();
  /**
   * A connection of its own that only listens. Pooled connections do not: a listening session costs PostgreSQL
   * more at every commit (refused bookings used 6-24 % more of its CPU with the pool listening).
   */
  private listener: pg.Client | null = null;
  private relisten: NodeJS.Timeout | null = null;
  private opening = false;
  private closed = false;

  private readonly pool: pg.Pool;

  constructor(
    private readonly url: string,
    max: number,
    private readonly relistenAfterMs: number,
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max,
      types: customTypes,
    });
    // An idle connection the server closes (restart, admin command) is dropped by the pool and the next
    // query reconnects; without a listener the pool's 'error' event would end the process.
    this.pool.on('error', () => undefined);
    this.queryable = wrap(this.pool);
  }

  listen(channel: ChangeChannel, handlers: ChangeHandlers): () => void {
    const set = this.handlers.get(channel) ?? this.handlers.set(channel, new Set()).get(channel)!;
    set.add(handlers);
    if (this.listener) handlers.listening(true);
    else if (!this.relisten && !this.opening) void this.openListener();
    return () => set.delete(handlers);
  }

  private heard(channel: string, payload: string | undefined): void {
    for (const handlers of this.handlers.get(channel as ChangeChannel) ?? []) handlers.heard(payload ?? '');
  }

  private tellListening(on: boolean): void {
    for (const set of this.handlers.values()) for (const handlers of set) handlers.listening(on);
  }

  private async openListener(): Promise<void> {
    this.relisten = null;
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'knotwork listener' });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      this.tellListening(false);
      this.listenAgainLater();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => this.heard(message.channel, message.payload));
    this.opening = true;
    try {
      await client.connect();
      await client.query(LISTEN_SQL);
    } catch {
      client.end().catch(() => undefined);
      this.listenAgainLater();
      return;
    } finally {
      this.opening = false;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.tellListening(true);
  }

  private listenAgainLater(): void {
    if (this.closed || this.relisten) return;
    this.relisten = setTimeout(() => void this.openListener(), this.relistenAfterMs);
    this.relisten.unref();
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

  async close(): Promise<void> {
    this.closed = true;
    if (this.relisten) clearTimeout(this.relisten);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }
}

export async function openPostgres(
  url: string,
  options: { max?: number; relistenAfterMs?: number } = {},
): Promise<Database> {
  const db = new PostgresDatabase(url, options.max ?? 10, options.relistenAfterMs ?? RELISTEN_AFTER_MS);
  // Fail now, with the server's message, rather than on the first request.
  try {
    await db.query('SELECT 1');
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}
