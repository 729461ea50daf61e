import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import type { Database } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';

const TRIGRAM_INDEXES = ['patients_family_trigrams', 'patients_given_trigrams'];

/** Registers `count` patients in one statement, as an import or the demo does. */
async function bulkRegister(db: Database, orgId: string, count: number, tag: string): Promise<void> {
  await db.query(
    `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth)
     SELECT $1, 'Given' || g, $3 || 'Family' || g, '1980-01-01', 'unknown' FROM generate_series(1, $2) g`,
    [orgId, count, tag],
  );
}

/** Merges what waits in each index's pending list; returns the pages that were waiting. */
async function pendingPages(db: Database): Promise<number[]> {
  const pages = [];
  for (const index of TRIGRAM_INDEXES) {
    const [row] = await db.query<{ n: number }>('SELECT gin_clean_pending_list($1::regclass)::int AS n', [index]);
    pages.push(row!.n);
  }
  return pages;
}

// A name search reads a trigram index's whole pending list until something merges it, and PGlite
// never vacuums: after a bulk load every search paid for it (22 ms instead of 1 ms over 20,000 names).
describe.each(BACKENDS)('the patient name trigram indexes on %s', (backend) => {
  let test: { db: Database; drop: () => Promise<void> };
  let orgId: string;

  beforeAll(async () => {
    test = await createTestDatabase(backend, { migrated: false });
    const all = listMigrations();
    await migrate(
      test.db,
      all.slice(
        0,
        all.findIndex((m) => m.version === 32),
      ),
    );
    const [org] = await test.db.query<{ id: string }>(
      `INSERT INTO organizations (name, slug, time_zone)
       VALUES ('Trigram Clinic', 'trigram-clinic', 'America/Los_Angeles') RETURNING id`,
    );
    orgId = org!.id;
  });
  afterAll(() => test.drop());

  it('keep nothing waiting after a bulk load, before and after the upgrade', async () => {
    // Before: the default fast update leaves the new names in the pending lists.
    await bulkRegister(test.db, orgId, 2000, 'Before');
    expect((await pendingPages(test.db)).every((n) => n > 0)).toBe(true);
    await bulkRegister(test.db, orgId, 2000, 'Upgrade');
    // The upgrade merges what was waiting and turns fast update off.
    await migrate(test.db);
    expect(await pendingPages(test.db)).toEqual([0, 0]);
    await bulkRegister(test.db, orgId, 2000, 'After');
    expect(await pendingPages(test.db)).toEqual([0, 0]);
    // Every name loaded is found by a fragment of it, in the lower-cased names the upgrade (0033) keeps with the
    // row: those loaded before it too.
    const [found] = await test.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM patients WHERE org_id = $1 AND family_name_lower LIKE '%family1999%'`,
      [orgId],
    );
    expect(found!.n).toBe(3);
  });
});
