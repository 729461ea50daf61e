import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import type { Database } from './database.ts';
import {
  listMigrations,
  migrate,
  migrationChecksum,
  MigrationChangedError,
  schemaVersion,
  type Migration,
} from './migrate.ts';

describe.each(BACKENDS)('migrations from empty on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
  });
  afterAll(() => drop());

  it('reach the latest version, and a second run applies nothing', async () => {
    expect(await schemaVersion(db)).toBe(listMigrations().at(-1)!.version);
    expect(await migrate(db)).toEqual({ applied: [] });
  });

  it('make btree_gist available (the no-double-booking constraints need it)', async () => {
    const rows = await db.query<{ extname: string }>(`SELECT extname FROM pg_extension WHERE extname = 'btree_gist'`);
    expect(rows).toHaveLength(1);
  });

  // The installation's own bookkeeping (applied migrations, the link-signing key) belongs to no organisation.
  it('give every table an org_id, so the schema can be distributed by organisation', async () => {
    const rows = await db.query<{ table_name: string }>(
      `SELECT t.table_name FROM information_schema.tables t
        WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND t.table_name NOT IN ('schema_migrations', 'installation_secrets')
          AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                           WHERE c.table_schema = 'public' AND c.table_name = t.table_name
                           AND c.column_name = 'org_id')`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([]);
  });
});

describe.each(BACKENDS)('migration checksums on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
  });
  afterAll(() => drop());

  const recorded = async () =>
    db.query<{ name: string; checksum: string | null }>(
      'SELECT name, checksum FROM schema_migrations ORDER BY version',
    );

  it('are kept for every applied migration: the sha256 of its text', async () => {
    const expected = listMigrations().map((m) => ({
      name: m.name,
      checksum: createHash('sha256').update(m.sql).digest('hex'),
    }));
    expect(await recorded()).toEqual(expected);
  });

  it('are recorded on the first start after upgrading, for migrations applied before the column existed', async () => {
    await db.query('UPDATE schema_migrations SET checksum = NULL');
    expect(await migrate(db)).toEqual({ applied: [] });
    expect((await recorded()).map((r) => r.checksum)).toEqual(listMigrations().map((m) => migrationChecksum(m.sql)));
  });

  it('refuse to start when an applied migration was edited, naming its file, and apply nothing', async () => {
    const edited: Migration[] = listMigrations().map((m) =>
      m.version === 3 ? { ...m, sql: `${m.sql}\n-- one more line` } : m,
    );
    const pending: Migration = {
      version: 9999,
      name: '9999_would_be_next',
      sql: 'CREATE TABLE scratch_next (org_id uuid)',
    };
    const refusal = await migrate(db, [...edited, pending]).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(MigrationChangedError);
    expect((refusal as Error).message).toMatch(
      /^The migration 0003_booking\.sql was changed after this database applied it\./,
    );
    expect(await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'scratch_next'`)).toEqual([]);
    // The checksum kept is still the applied text's, so the next start refuses too.
    await expect(migrate(db, edited)).rejects.toThrow(MigrationChangedError);
  });

  it('do not count line endings, so a checkout with CRLF starts', async () => {
    const crlf = listMigrations().map((m) => ({ ...m, sql: m.sql.replace(/\n/g, '\r\n') }));
    expect(await migrate(db, crlf)).toEqual({ applied: [] });
  });
});
