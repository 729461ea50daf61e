/** The one interface every store module speaks: PostgreSQL SQL, whichever engine runs it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a parameterless script of several statements (migrations). */
  exec(sql: string): Promise<void>;
}

/** Statements PostgreSQL should plan once per connection, by their text (see `keepPlan`). */
const keptPlans = new Map<string, string>();

/**
 * Marks a statement that runs on nearly every request (the session lookup): on PostgreSQL it becomes
 * a named prepared statement, so each connection plans it once rather than on every request, where
 * planning costs several times what running it does. Only for fixed text with $n parameters.
 */
export function keepPlan(sql: string): string {
  if (!keptPlans.has(sql)) keptPlans.set(sql, `knotwork_${keptPlans.size + 1}`);
  return sql;
}

/** Runs of each parameterised statement not kept yet; a statement seen `AUTO_KEEP_AFTER` times is kept. */
const seen = new Map<string, number>();
const AUTO_KEEP_AFTER = 3;
/** Kept statements stay prepared on every pooled connection: the number is bounded, one-offs never count. */
const MAX_KEPT = 400;

/**
 * The prepared statement's name for a statement: marked with `keepPlan`, or run with parameters often
 * enough (a statement built per request has the same text each time). Parsing and planning the
 * availability and calendar reads cost PostgreSQL about as much as running them; a kept statement is
 * parsed once per connection. Statements whose text varies (bulk inserts sized to their rows) could
 * fill the list: at MAX_KEPT no more are kept.
 */
export function planNameFor(sql: string, parameterised: boolean): string | undefined {
  const kept = keptPlans.get(sql);
  if (kept || !parameterised || keptPlans.size >= MAX_KEPT) return kept;
  const runs = (seen.get(sql) ?? 0) + 1;
  if (runs < AUTO_KEEP_AFTER) {
    if (seen.size >= MAX_KEPT * 10) seen.clear();
    seen.set(sql, runs);
    return undefined;
  }
  seen.delete(sql);
  keepPlan(sql);
  return keptPlans.get(sql);
}

/** A handle that can open a transaction: the database itself, or an open transaction (which nests). */
export interface Transactional extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Inside an
   * open transaction it opens a savepoint instead, and a throw rolls back only to that savepoint, so
   * a use case can call another that has its own transaction and both commit together.
   */
  transaction<T>(fn: (tx: Transactional) => Promise<T>): Promise<T>;
}

/** Channels a migration's triggers notify (pg_notify) and a server may listen on. */
export const CHANGE_CHANNELS = ['knotwork_session_facts'] as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[number];

export interface ChangeHandlers {
  /** A notification's payload. */
  heard(payload: string): void;
  /** False when notifications may have been missed (the listening connection was lost); true once heard again. */
  listening(on: boolean): void;
}

export interface Database extends Transactional {
  close(): Promise<void>;
  /**
   * Notifications on `channel` committed by any connection, this process's own included, each heard once it
   * arrives (PostgreSQL only). Returns what stops listening.
   */
  listen?(channel: ChangeChannel, handlers: ChangeHandlers): () => void;
}

/** The database each open transaction belongs to (see `databaseOf`). */
const owners = new WeakMap<Queryable, Queryable>();

/**
 * The database a handle belongs to: itself, or the database an open transaction runs on. What a
 * process remembers per database (a stored key, say) is found from inside a transaction too.
 */
export function databaseOf(db: Queryable): Queryable {
  return owners.get(db) ?? db;
}

/**
 * An open transaction on `connection` whose own `transaction()` opens savepoints. While a nested one
 * runs, queries sent to the parent wait for it to end: run beside it, they would be rolled back with it.
 */
export function openTransaction(
  kind: Transactional['kind'],
  connection: Queryable,
  owner: Queryable,
  depth = 0,
): Transactional {
  let gate: Promise<unknown> = Promise.resolve();
  const whenFree = <T>(send: () => Promise<T>): Promise<T> => gate.then(send);
  const tx: Transactional = {
    kind,
    query: <T>(sql: string, params?: readonly unknown[]) => whenFree(() => connection.query<T>(sql, params)),
    exec: (sql: string) => whenFree(() => connection.exec(sql)),
    transaction<T>(fn: (tx: Transactional) => Promise<T>): Promise<T> {
      const savepoint = `nested_${depth + 1}`;
      const run = async () => {
        await connection.exec(`SAVEPOINT ${savepoint}`);
        try {
          const result = await fn(openTransaction(kind, connection, owner, depth + 1));
          await connection.exec(`RELEASE SAVEPOINT ${savepoint}`);
          return result;
        } catch (err) {
          // If even this fails the connection is gone and the outer transaction fails on its own.
          await connection
            .exec(`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`)
            .catch(() => undefined);
          throw err;
        }
      };
      const result = gate.then(run, run);
      gate = result.catch(() => undefined);
      return result;
    },
  };
  owners.set(tx, owner);
  return tx;
}

/** Type ids whose text form we keep: dates stay calendar dates, big integers become numbers. */
export const PG_TYPES = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export const parseInt8 = (value: string): number => Number(value);
export const parseNumeric = (value: string): number => Number(value);
export const keepDate = (value: string): string => value;

/** The SQLSTATE of a database error, wherever the driver (or a wrapper) put it. */
export function sqlState(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  exclusionViolation: '23P01',
  notNullViolation: '23502',
  invalidTextRepresentation: '22P02',
  stringTooLong: '22001',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/**
 * A write that lost the race for a time: refused by an exclusion constraint, or the victim PostgreSQL
 * chose when two overlapping inserts each waited for the other to finish (the exclusion check can
 * deadlock where a unique index would not). Either way another request holds the time now.
 */
export function lostTimeRace(err: unknown): boolean {
  const state = sqlState(err);
  return state === SQLSTATE.exclusionViolation || state === SQLSTATE.deadlockDetected;
}
