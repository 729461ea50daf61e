import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import type { Database, Queryable } from './database.ts';

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
    await expect(
      db.transaction((tx) => Promise.all([tx.query('INSERT INTO scratch_turns VALUES (1)'), tx.query('SELECT 1 / 0')])),
    ).rejects.toThrow();
    expect(await db.query('SELECT * FROM scratch_turns')).toEqual([]);
    await db.exec('DROP TABLE scratch_turns');
  });

  describe('inside another', () => {
    beforeAll(async () => db.exec('CREATE TABLE IF NOT EXISTS scratch_nested (label text)'));
    afterAll(async () => db.exec('DROP TABLE IF EXISTS scratch_nested'));
    const labels = async () =>
      (await db.query<{ label: string }>('SELECT label FROM scratch_nested ORDER BY label')).map((r) => r.label);
    const insert = (tx: Queryable, label: string) => tx.query('INSERT INTO scratch_nested VALUES ($1)', [label]);

    it('commits with the outer one when both succeed', async () => {
      await db.exec('DELETE FROM scratch_nested');
      await db.transaction(async (tx) => {
        await insert(tx, 'outer');
        await tx.transaction((inner) => insert(inner, 'inner'));
      });
      expect(await labels()).toEqual(['inner', 'outer']);
    });

    it('that fails rolls back only to its savepoint; the outer one goes on and commits', async () => {
      await db.exec('DELETE FROM scratch_nested');
      await db.transaction(async (tx) => {
        await insert(tx, 'before');
        await expect(
          tx.transaction(async (inner) => {
            await insert(inner, 'lost');
            await inner.query('SELECT 1 / 0');
          }),
        ).rejects.toThrow(/division by zero/);
        await insert(tx, 'after');
      });
      expect(await labels()).toEqual(['after', 'before']);
    });

    it('is rolled back with the outer one when the outer one fails afterwards', async () => {
      await db.exec('DELETE FROM scratch_nested');
      await expect(
        db.transaction(async (tx) => {
          await tx.transaction((inner) => insert(inner, 'inner'));
          throw new Error('changed our mind');
        }),
      ).rejects.toThrow('changed our mind');
      expect(await labels()).toEqual([]);
    });

    it('nests again, each level rolling back only its own part', async () => {
      await db.exec('DELETE FROM scratch_nested');
      await db.transaction((tx) =>
        tx.transaction(async (middle) => {
          await insert(middle, 'middle');
          await middle.transaction((deepest) => insert(deepest, 'deepest-kept'));
          await expect(
            middle.transaction(async (deepest) => {
              await insert(deepest, 'deepest-lost');
              throw new Error('no');
            }),
          ).rejects.toThrow('no');
        }),
      );
      expect(await labels()).toEqual(['deepest-kept', 'middle']);
    });

    it('keeps queries sent to the outer one meanwhile out of the part it rolls back', async () => {
      await db.exec('DELETE FROM scratch_nested');
      await db.transaction(async (tx) => {
        const failing = tx.transaction(async (inner) => {
          await insert(inner, 'lost');
          await new Promise((resolve) => setTimeout(resolve, 10));
          throw new Error('no');
        });
        const beside = insert(tx, 'beside');
        await expect(failing).rejects.toThrow('no');
        await beside;
      });
      expect(await labels()).toEqual(['beside']);
    });
  });
});
