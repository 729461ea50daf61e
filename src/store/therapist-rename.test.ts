import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { backup, restore } from './backup.ts';
import type { Database } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';
import { openMigratedDatabase } from './open.ts';
import { openPglite } from './pglite.ts';

// Migration 0018 renamed "practitioner" to "therapist"; this file is the one place (with the
// migrations) that still writes the old names, because it plays a database of the old code.
const BEFORE_RENAME = listMigrations().filter((m) => m.version < 18);

const ORG = '00000000-0000-4000-8000-000000000001';
const SITE = '00000000-0000-4000-8000-000000000002';
const TESS = '00000000-0000-4000-8000-000000000003';
const USER = '00000000-0000-4000-8000-000000000004';

/** What the old code had written: a therapist at a site with a sign-in, audited, and a replayable create. */
async function writeOldData(db: Database): Promise<void> {
  await db.exec(`
    INSERT INTO organizations (id, name, slug) VALUES ('${ORG}', 'Old Clinic', 'old-clinic');
    INSERT INTO locations (id, org_id, name, slug, address_line1, city, state, postal_code, time_zone)
      VALUES ('${SITE}', '${ORG}', 'Main', 'main', '1 Main St', 'Olympia', 'WA', '98501', 'America/Los_Angeles');
    INSERT INTO practitioners (id, org_id, given_name, family_name) VALUES ('${TESS}', '${ORG}', 'Tess', 'Hart');
    INSERT INTO practitioner_locations (org_id, practitioner_id, location_id) VALUES ('${ORG}', '${TESS}', '${SITE}');
    INSERT INTO users (id, org_id, email, display_name, role, password_hash, practitioner_id)
      VALUES ('${USER}', '${ORG}', 'tess@old.example', 'Tess Hart', 'therapist', 'x', '${TESS}');
    INSERT INTO audit_events (org_id, action, outcome, record_type, record_id, detail) VALUES
      ('${ORG}', 'practitioner.create', 'allowed', 'practitioner', '${TESS}', '{}'),
      ('${ORG}', 'care.end', 'allowed', 'patient', NULL,
        '{"practitionerId": "${TESS}", "reason": "practitioner moved away"}'),
      ('${ORG}', 'request.replay', 'allowed', 'idempotency_key', NULL,
        '{"route": "/api/practitioners/:id/credentials"}');
    INSERT INTO idempotency_keys (org_id, user_id, key, request_hash, status, response)
      VALUES ('${ORG}', '${USER}', 'k1', 'h', 201,
        '{"practitioner": {"id": "${TESS}", "locationIds": ["${SITE}"]}, "account": {"practitionerId": "${TESS}"}}');
  `);
}

async function expectRenamed(db: Database): Promise<void> {
  expect(await db.query(`SELECT id, given_name FROM therapists`)).toEqual([{ id: TESS, given_name: 'Tess' }]);
  expect(await db.query(`SELECT therapist_id, location_id FROM therapist_locations`)).toEqual([
    { therapist_id: TESS, location_id: SITE },
  ]);
  expect(await db.query(`SELECT therapist_id FROM users`)).toEqual([{ therapist_id: TESS }]);
  expect(await db.query(`SELECT action, record_type, detail FROM audit_events ORDER BY id`)).toEqual([
    { action: 'therapist.create', record_type: 'therapist', detail: {} },
    // The field name follows; the words a person typed stay as written.
    { action: 'care.end', record_type: 'patient', detail: { therapistId: TESS, reason: 'practitioner moved away' } },
    { action: 'request.replay', record_type: 'idempotency_key', detail: { route: '/api/therapists/:id/credentials' } },
  ]);
  // A retried create after the upgrade answers in the new names.
  expect(await db.query(`SELECT response FROM idempotency_keys`)).toEqual([
    { response: { therapist: { id: TESS, locationIds: [SITE] }, account: { therapistId: TESS } } },
  ]);
}

describe.each(BACKENDS)('renaming practitioner to therapist (migration 0018) on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'knotwork-rename-backup-'));
    ({ db, drop } = await createTestDatabase(backend, { migrated: false }));
    await migrate(db, BEFORE_RENAME);
    await writeOldData(db);
    await backup(db, join(dir, 'before-rename.ndjson.gz'));
    await migrate(db);
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every row, under the new table, column and field names', async () => {
    await expectRenamed(db);
  });

  it('leaves no table, column, constraint, index or function named after the old word', async () => {
    const names = await db.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name LIKE '%practitioner%'
       UNION ALL SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND relname LIKE '%practitioner%'
       UNION ALL SELECT conname FROM pg_constraint WHERE conname LIKE '%practitioner%'
       UNION ALL SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema() AND (proname LIKE '%practitioner%' OR prosrc LIKE '%practitioner%'
              OR proname = 'therapist_names_0018')`,
    );
    expect(names).toEqual([]);
  });

  it("still holds the old columns' rules: a therapist sign-in needs a therapist record, one active each", async () => {
    await expect(
      db.query(`INSERT INTO users (org_id, email, display_name, role, password_hash)
                VALUES ('${ORG}', 'nobody@old.example', 'No Record', 'therapist', 'x')`),
    ).rejects.toThrow(/check/i);
    await expect(
      db.query(`INSERT INTO users (org_id, email, display_name, role, password_hash, therapist_id)
                VALUES ('${ORG}', 'tess2@old.example', 'Tess again', 'therapist', 'x', '${TESS}')`),
    ).rejects.toThrow(/users_one_per_therapist/);
  });

  it('still stamps the schedule version when a therapist changes', async () => {
    const version = async () =>
      (await db.query<{ version: string }>(`SELECT version::text FROM schedule_versions WHERE org_id = $1`, [ORG]))[0]
        ?.version;
    const before = await version();
    await db.query(`UPDATE therapists SET bio = 'Trigger points' WHERE id = $1`, [TESS]);
    expect(await version()).not.toBe(before);
  });

  it('restores a backup taken before the rename into a renamed database', async () => {
    const target = await createTestDatabase(backend);
    try {
      const summary = await restore(target.db, join(dir, 'before-rename.ndjson.gz'));
      expect(summary.tables).toEqual(expect.arrayContaining([{ name: 'therapist_locations', rows: 1 }]));
      // Outcome rows changed shape in 0020: left out, for the caller to rebuild from the chart.
      expect(summary.rebuild).toEqual(['outcome_episodes']);
      expect(summary.tables.map((t) => t.name)).not.toContain('outcome_episodes');
      expect(await target.db.query(`SELECT id FROM therapists`)).toEqual([{ id: TESS }]);
      expect(await target.db.query(`SELECT therapist_id, location_id FROM therapist_locations`)).toEqual([
        { therapist_id: TESS, location_id: SITE },
      ]);
      expect(await target.db.query(`SELECT therapist_id FROM users`)).toEqual([{ therapist_id: TESS }]);
    } finally {
      await target.drop();
    }
  });
});

describe('a PGlite data folder written by the old code', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'knotwork-rename-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('opens and upgrades in place at the next start', async () => {
    const old = await openPglite(dir);
    try {
      await migrate(old, BEFORE_RENAME);
      await writeOldData(old);
    } finally {
      await old.close();
    }
    const db = await openMigratedDatabase({ dataDir: dir });
    try {
      await expectRenamed(db);
    } finally {
      await db.close();
    }
  });
});
