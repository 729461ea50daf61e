import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase } from '../../test/support/counting-db.ts';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { seedDemo } from '../demo/seed.ts';
import { choresFor, runDueJobs } from '../services/housekeeping.ts';
import { backup, restore } from './backup.ts';
import type { Database } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';
import { enqueueJob } from './repos/jobs.ts';
import { analyzeChanged } from './statistics.ts';

type TestDb = { db: Database; drop: () => Promise<void> };

/** What the planner believes a table holds: -1 until something analyzes it. */
async function plannerRows(db: Database, table: string): Promise<number> {
  return (await db.query<{ n: number }>('SELECT reltuples::int AS n FROM pg_class WHERE relname = $1', [table]))[0]!.n;
}
const count = async (db: Database, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
const analyzes = (statements: string[]) => statements.filter((s) => /^\s*ANALYZE\b/i.test(s));

describe.each(BACKENDS)('planner statistics on %s', (backend) => {
  const pglite = backend === 'pglite';
  let seeded: TestDb;
  let restored: TestDb;
  let fresh: TestDb;
  let dir: string;

  beforeAll(async () => {
    [seeded, restored, fresh] = await Promise.all([
      createTestDatabase(backend),
      createTestDatabase(backend),
      createTestDatabase(backend, { migrated: false }),
    ]);
    dir = await mkdtemp(join(tmpdir(), 'knotwork-statistics-'));
  });
  afterAll(async () => {
    await Promise.all([seeded.drop(), restored.drop(), fresh.drop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it(pglite ? 'analyzes the tables holding data after migrating' : 'leaves migrating to autovacuum', async () => {
    // An older database with data in it, then the rest of the migrations.
    const all = listMigrations();
    await migrate(fresh.db, all.slice(0, -1));
    await fresh.db.query(
      `INSERT INTO login_throttle (key, window_start, attempts)
        SELECT 'address:192.0.2.' || g, '2026-11-26T18:00:00Z', 1 FROM generate_series(1, 30) g`,
    );
    const counted = countingDatabase(fresh.db);
    expect((await migrate(counted, all)).applied).toEqual([all[all.length - 1]!.name]);
    expect(analyzes(counted.statements).some((s) => s.includes('login_throttle'))).toBe(pglite);
    if (pglite) expect(await plannerRows(fresh.db, 'login_throttle')).toBe(30);
    else expect(analyzes(counted.statements)).toEqual([]);
    // Nothing to apply, nothing to analyze.
    counted.statements.length = 0;
    await migrate(counted);
    expect(analyzes(counted.statements)).toEqual([]);
  });

  it(
    pglite ? 'analyzes after seeding the demo and after a restore' : 'leaves seeding and restoring to autovacuum',
    async () => {
      const seeding = countingDatabase(seeded.db);
      await seedDemo(seeding, { seed: 5, patients: 40, today: '2026-11-26' });
      expect(analyzes(seeding.statements)).toEqual(pglite ? ['ANALYZE'] : []);
      const file = join(dir, 'demo.ndjson.gz');
      await backup(seeded.db, file);
      const restoring = countingDatabase(restored.db);
      await restore(restoring, file);
      expect(analyzes(restoring.statements)).toEqual(pglite ? ['ANALYZE'] : []);
      if (pglite) {
        for (const db of [seeded.db, restored.db]) {
          expect(await plannerRows(db, 'patients')).toBe(await count(db, 'patients'));
          expect(await plannerRows(db, 'appointments')).toBe(await count(db, 'appointments'));
        }
      }
    },
  );

  it(
    pglite
      ? 'analyzes, on the housekeeping schedule, the tables that took enough writes'
      : 'schedules no statistics chore',
    async () => {
      const ctx = { db: seeded.db, now: () => new Date('2026-11-26T18:00:00Z') };
      expect(choresFor(ctx).includes('refresh-statistics')).toBe(pglite);
      const before = await plannerRows(seeded.db, 'login_throttle');
      // 120 writes to an empty table: past the threshold of 50 rows plus a tenth of the table.
      await seeded.db.query(
        `INSERT INTO login_throttle (key, window_start, attempts)
          SELECT 'address:198.51.100.' || g, '2026-11-26T18:00:00Z', 1 FROM generate_series(1, 120) g`,
      );
      if (!pglite) {
        const counted = countingDatabase(seeded.db);
        expect(await analyzeChanged(counted)).toEqual([]);
        expect(counted.statements).toEqual([]);
        return;
      }
      expect(before).toBe(0);
      await enqueueJob(seeded.db, {
        kind: 'refresh-statistics',
        runAt: new Date('2026-11-26T17:50:00Z'),
        dedupeKey: 'statistics-test',
      });
      expect(await runDueJobs(ctx)).toBeGreaterThan(0);
      expect(await plannerRows(seeded.db, 'login_throttle')).toBe(120);
      const done = await seeded.db.query<{ done: boolean }>(
        `SELECT done_at IS NOT NULL AS done FROM jobs WHERE dedupe_key = 'statistics-test'`,
      );
      expect(done).toEqual([{ done: true }]);
      // The next run is queued, and a handful of writes since is not enough for another ANALYZE.
      const next = await seeded.db.query(`SELECT 1 FROM jobs WHERE kind = 'refresh-statistics' AND done_at IS NULL`);
      expect(next.length).toBe(1);
      await seeded.db.query(
        `INSERT INTO login_throttle (key, window_start, attempts)
          VALUES ('address:203.0.113.9', '2026-11-26T18:00:00Z', 1)`,
      );
      expect(await analyzeChanged(seeded.db)).toEqual([]);
    },
  );
});
