import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type Backend } from '../../test/support/db.ts';
import { seedDemo } from '../demo/seed.ts';
import { BackupFormatError, RestoreRefusedError, backup, listTables, restore } from './backup.ts';
import type { Database } from './database.ts';

type TestDb = { db: Database; drop: () => Promise<void> };

/** Per table: row count and a digest of every row's text, in UTC so both engines print alike. */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    await tx.query("SET LOCAL TimeZone = 'UTC'");
    const result: Record<string, string> = {};
    for (const table of await listTables(tx)) {
      const [row] = await tx.query<{ n: number; digest: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table.name}" t`,
      );
      result[table.name] = `${row!.n}:${row!.digest}`;
    }
    return result;
  });
}

const PAIRS: [Backend, Backend][] = [
  ['pglite', 'pglite'],
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
];

describe.each(PAIRS)('backup from %s, restore into %s', (from, to) => {
  let source: TestDb;
  let target: TestDb;
  let dir: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(from), createTestDatabase(to)]);
    dir = await mkdtemp(join(tmpdir(), 'knotwork-backup-'));
    await seedDemo(source.db, { seed: 3, patients: 1200, today: '2026-11-26' });
    // A merged record (a tombstone) that comes before its survivor in id order, batches apart.
    await source.db.query(
      `UPDATE patients SET merged_into = (SELECT id FROM patients ORDER BY id DESC
        LIMIT 1), merged_at = '2026-11-20T10:00:00Z'
        WHERE id = (SELECT id FROM patients ORDER BY id LIMIT 1)`,
    );
    // Rows with identity ids and every other column type the schema uses.
    await source.db.query(
      `INSERT INTO jobs (kind, payload, run_at, attempts)
        VALUES ('email', '{"n": 12345678901234567890.5, "s": "line\\nbreak ✓"}', '2026-11-26T10:11:12.345678Z', 2),
              ('email', '{}', '2026-11-26T10:11:13Z', 0)`,
    );
  });
  afterAll(async () => {
    await Promise.all([source.drop(), target.drop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('restores every table row for row, and later identities continue after the restored ones', async () => {
    const file = join(dir, 'full.ndjson.gz');
    const written = await backup(source.db, file);
    expect(written.tables.find((t) => t.name === 'patients')?.rows).toBe(1200);
    const restored = await restore(target.db, file);
    expect(restored.totalRows).toBe(written.totalRows);
    expect(await fingerprint(target.db)).toEqual(await fingerprint(source.db));
    const [last] = await source.db.query<{ id: number }>('SELECT max(id)::int AS id FROM jobs');
    const [next] = await target.db.query<{ id: number }>("INSERT INTO jobs (kind) VALUES ('email') RETURNING id");
    expect(next!.id).toBe(last!.id + 1);
  });

  it('refuses a database that holds data unless forced, then replaces it', async () => {
    const file = join(dir, 'again.ndjson.gz');
    await backup(source.db, file);
    await expect(restore(target.db, file)).rejects.toBeInstanceOf(RestoreRefusedError);
    await restore(target.db, file, { force: true });
    expect(await fingerprint(target.db)).toEqual(await fingerprint(source.db));
  });
});

describe('damaged or foreign backup files', () => {
  let db: TestDb;
  let source: TestDb;
  let dir: string;
  let good: string;
  beforeAll(async () => {
    [db, source] = await Promise.all([createTestDatabase('pglite'), createTestDatabase('pglite')]);
    dir = await mkdtemp(join(tmpdir(), 'knotwork-backup-'));
    await seedDemo(source.db, { seed: 5, patients: 40, today: '2026-11-26' });
    good = join(dir, 'good.ndjson.gz');
    await backup(source.db, good);
  });
  afterAll(async () => {
    await Promise.all([db.drop(), source.drop()]);
    await rm(dir, { recursive: true, force: true });
  });

  const lines = async () =>
    gunzipSync(await readFile(good))
      .toString('utf8')
      .trimEnd()
      .split('\n');
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, gzipSync(content));
    return path;
  };
  const isEmpty = async () =>
    (await db.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations'))[0]!.n === 0;

  it('rejects a file cut short, leaving the database untouched', async () => {
    const all = await lines();
    const cut = write('cut.ndjson.gz', all.slice(0, -2).join('\n'));
    await expect(restore(db.db, cut)).rejects.toBeInstanceOf(BackupFormatError);
    expect(await isEmpty()).toBe(true);
  });

  it('rejects a file that is not a backup, and a backup from a newer schema', async () => {
    const notGzip = join(dir, 'plain.txt');
    await writeFile(notGzip, 'hello');
    await expect(restore(db.db, notGzip)).rejects.toBeInstanceOf(BackupFormatError);
    await expect(restore(db.db, write('other.ndjson.gz', '{"hello":1}\n'))).rejects.toBeInstanceOf(BackupFormatError);
    const [header, ...rest] = await lines();
    const newer = write(
      'newer.ndjson.gz',
      [JSON.stringify({ ...JSON.parse(header!), schemaVersion: 999 }), ...rest].join('\n'),
    );
    await expect(restore(db.db, newer)).rejects.toBeInstanceOf(RestoreRefusedError);
    expect(await isEmpty()).toBe(true);
  });

  it('rejects a file whose row counts disagree with its header', async () => {
    const [header, ...rest] = await lines();
    const parsed = JSON.parse(header!) as { tables: { name: string; rows: number }[] };
    const tampered = {
      ...parsed,
      tables: parsed.tables.map((t) => (t.name === 'patients' ? { ...t, rows: t.rows + 1 } : t)),
    };
    await expect(
      restore(db.db, write('counts.ndjson.gz', [JSON.stringify(tampered), ...rest].join('\n'))),
    ).rejects.toThrow(/patients/);
    expect(await isEmpty()).toBe(true);
  });
});
