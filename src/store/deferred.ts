import type { ChangeChannel, ChangeHandlers, Database, Transactional } from './database.ts';

/**
 * A database still opening, usable at once: every call waits for the open to finish (and fails as
 * it failed). The server listens, and serves its pages, while the embedded engine starts.
 */
export function databaseWhenOpen(kind: Transactional['kind'], opening: Promise<Database>): Database {
  // Nothing has to wait for a failed open until someone asks.
  opening.catch(() => undefined);
  return {
    kind,
    query: async <T>(sql: string, params?: readonly unknown[]) => (await opening).query<T>(sql, params),
    exec: async (sql: string) => (await opening).exec(sql),
    transaction: async <T>(fn: (tx: Transactional) => Promise<T>) => (await opening).transaction(fn),
    close: async () => (await opening).close(),
    // Listening starts once the database is open. Only PostgreSQL notifies.
    ...(kind === 'postgres' ? { listen } : {}),
  };

  function listen(channel: ChangeChannel, handlers: ChangeHandlers): () => void {
    let stop: (() => void) | undefined;
    let stopped = false;
    opening.then(
      (db) => {
        if (!stopped) stop = db.listen?.(channel, handlers);
      },
      () => undefined,
    );
    return () => {
      stopped = true;
      stop?.();
    };
  }
}
