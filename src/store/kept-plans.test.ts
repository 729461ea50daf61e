import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { keepPlan, type Database } from './database.ts';

const DOUBLED = keepPlan('SELECT $1::int * 2 AS doubled');

describe.each(BACKENDS)('a statement planned once per connection, on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
  });
  afterAll(async () => drop?.());

  it('answers each run with that run’s values, also once PostgreSQL has switched to its kept plan', async () => {
    // PostgreSQL plans a prepared statement afresh for its first five runs, then may keep one plan.
    for (let n = 1; n <= 8; n++) {
      expect(await db.query<{ doubled: number }>(DOUBLED, [n])).toEqual([{ doubled: 2 * n }]);
    }
  });

  it('is prepared on the connection that ran it (PostgreSQL), so it is not planned again there', async () => {
    const prepared = await db.transaction(async (tx) => {
      await tx.query(DOUBLED, [21]);
      return tx.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
    });
    const statements = prepared.map((p) => p.statement);
    if (backend === 'postgres') expect(statements).toContain(DOUBLED);
    else expect(statements).toEqual([]);
  });

  it('keeps a statement with parameters once it has run three times, and never one without', async () => {
    const NEXT = 'SELECT $1::int + 1 AS next';
    const FIXED = 'SELECT 41 + 1 AS fixed';
    const prepared = await db.transaction(async (tx) => {
      for (let n = 1; n <= 3; n++) expect(await tx.query(NEXT, [n])).toEqual([{ next: n + 1 }]);
      for (let n = 1; n <= 3; n++) expect(await tx.query(FIXED)).toEqual([{ fixed: 42 }]);
      return tx.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
    });
    const statements = prepared.map((p) => p.statement);
    expect(statements.includes(NEXT)).toBe(backend === 'postgres');
    expect(statements).not.toContain(FIXED);
  });
});
