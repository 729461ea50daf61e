import type { Database, Transactional } from '../../src/store/database.ts';

/** A Database that records every statement sent through it (transactions included), for tests that count queries. */
export function countingDatabase(db: Database): Database & { statements: string[] } {
  const statements: string[] = [];
  const record = (inner: Transactional): Transactional => ({
    kind: inner.kind,
    transaction: (fn) => inner.transaction((tx) => fn(record(tx))),
    query: (sql, params) => {
      statements.push(sql);
      return inner.query(sql, params);
    },
    exec: (sql) => {
      statements.push(sql);
      return inner.exec(sql);
    },
  });
  const outer = record(db);
  return {
    kind: db.kind,
    statements,
    query: outer.query,
    exec: outer.exec,
    transaction: outer.transaction,
    close: () => db.close(),
  };
}
