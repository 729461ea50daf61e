import type { Database, Queryable } from '../../src/store/database.ts';

/** A Database that records every statement sent through it (transactions included), for tests that count queries. */
export function countingDatabase(db: Database): Database & { statements: string[] } {
  const statements: string[] = [];
  const record = (inner: Queryable): Queryable => ({
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
    transaction: (fn) => db.transaction((tx) => fn(record(tx))),
    close: () => db.close(),
  };
}
