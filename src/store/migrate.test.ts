import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import type { Database } from './database.ts';
import { listMigrations, migrate, schemaVersion } from './migrate.ts';

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
        WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name NOT IN ('schema_migrations', 'installation_secrets')
          AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                           WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'org_id')`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([]);
  });
});
