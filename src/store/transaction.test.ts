import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import type { Database } from './database.ts';

describe.each(BACKENDS)('a transaction on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
  });
  afterAll(async () => drop?.());

  it('runs queries sent together in turn, each with its own answer, without driver warnings', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const answers = await db.transaction((tx) =>
        Promise.all([3, 1, 2].map((n) => tx.query<{ n: number }>('SELECT $1::int AS n FROM pg_sleep(0.005)', [n]))),
      );
      expect(answers.map((rows) => rows[0]!.n)).toEqual([3, 1, 2]);
      // Warnings are emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((m) => m.includes('already executing'))).toEqual([]);
  });

  it('a failing query among them rolls the whole transaction back', async () => {
    await db.exec('CREATE TABLE IF NOT EXISTS scratch_turns (n int)');
    await expect(db.transaction((tx) =>
      Promise.all([tx.query('INSERT INTO scratch_turns VALUES (1)'), tx.query('SELECT 1 / 0')]),
    )).rejects.toThrow();
    expect(await db.query('SELECT * FROM scratch_turns')).toEqual([]);
    await db.exec('DROP TABLE scratch_turns');
  });
});
