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
    expect(prepared.map((p) => p.statement)).toEqual(backend === 'postgres' ? [DOUBLED] : []);
  });
});
