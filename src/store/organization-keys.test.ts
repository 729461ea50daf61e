import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import {
  buildAppointment,
  buildPatient,
  buildService,
  buildSite,
  buildTherapist,
} from '../../test/support/factories.ts';
import type { Database, Queryable } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';

/**
 * The tables that belong to no organisation, and why. On a Citus cluster they stay reference or
 * coordinator tables; every other table is distributed by org_id, and Citus refuses a key of a
 * distributed table that lacks it (docs/architecture.md, "When one PostgreSQL is not enough").
 */
const INSTALLATION_TABLES: Record<string, string> = {
  schema_migrations: 'the migrations this database applied',
  installation_secrets: 'the installation’s own keys (link signing)',
  organizations: 'the organisations themselves; a slug names one across the installation',
  jobs: 'the installation’s work queue: housekeeping sweeps have no organisation',
  login_throttle: 'sign-in attempts by address or unknown email, before any organisation is known',
};

/**
 * Indexes of an organisation's table that do not lead with org_id, and why. Every query names its
 * organisation (org-scope.test.ts), so any other index would make one organisation's reads walk
 * another's rows.
 */
const NOT_ORGANISATION_FIRST: Record<string, string> = {
  sessions_token_hash_org_id_key: 'a signed-in browser is found from its cookie before its organisation is known',
  calendar_feeds_token_hash_org_id_key: 'a calendar app asks with the feed’s secret, which names no organisation',
  users_email: 'signing in finds the organisations where an email has an account',
  sessions_expiry: 'the sweep of expired sign-ins runs for every organisation at once',
  outbox_messages_due: 'the mail worker sends what is due, whichever organisation it is from',
  patients_family_trigrams: 'a trigram (GIN) index cannot lead with org_id without btree_gin; searches add org_id',
  patients_given_trigrams: 'a trigram (GIN) index cannot lead with org_id without btree_gin; searches add org_id',
  audit_events_listed_patients: 'a GIN index over the listed patient ids; audit searches add org_id',
};

interface KeyRow {
  table: string;
  name: string;
  definition: string;
  columns: string[];
}

/** Primary keys, unique constraints, unique indexes and exclusion constraints of the schema. */
function keysOf(db: Queryable): Promise<KeyRow[]> {
  return db.query<KeyRow>(
    `SELECT t.relname AS "table", i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition,
            array(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(x.indkey) WITH ORDINALITY AS k(n, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n
                   WHERE k.ord <= x.indnkeyatts ORDER BY k.ord) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = 'public'::regnamespace
        AND (x.indisunique OR x.indisexclusion)
      ORDER BY 1, 2`,
  );
}

/** Every index of a table with org_id, with its key columns in order. */
function organisationIndexes(db: Queryable): Promise<KeyRow[]> {
  return db.query<KeyRow>(
    `SELECT t.relname AS "table", i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition,
            array(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(x.indkey) WITH ORDINALITY AS k(n, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n
                   WHERE k.ord <= x.indnkeyatts ORDER BY k.ord) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = 'public'::regnamespace
        AND EXISTS (SELECT 1 FROM pg_attribute o WHERE o.attrelid = t.oid AND o.attname = 'org_id')
      ORDER BY 1, 2`,
  );
}

describe.each(BACKENDS)('keys by organisation on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
  });
  afterAll(() => drop());

  it('put org_id in every primary key, unique key and unique index, so the schema can be distributed', async () => {
    const keys = await keysOf(db);
    expect(keys.length).toBeGreaterThan(80);
    const lacking = keys
      .filter((k) => !(k.table in INSTALLATION_TABLES) && !k.columns.includes('org_id'))
      .map((k) => `${k.table}: ${k.definition}`);
    expect(lacking).toEqual([]);
    // The list of tables of no organisation names only tables there are.
    const tables = new Set(keys.map((k) => k.table));
    expect(Object.keys(INSTALLATION_TABLES).filter((t) => !tables.has(t))).toEqual([]);
  });

  it('keep no double booking per organisation: every exclusion constraint compares org_id with =', async () => {
    const exclusions = await db.query<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE contype = 'x' AND connamespace = 'public'::regnamespace ORDER BY 1`,
    );
    expect(exclusions.map((x) => x.name)).toContain('appointments_no_therapist_overlap');
    expect(exclusions.filter((x) => !/\(org_id WITH =,/.test(x.definition)).map((x) => x.definition)).toEqual([]);
  });

  it('tie every foreign key between organisations’ tables through org_id', async () => {
    const crossing = await db.query<{ definition: string }>(
      `SELECT c.conrelid::regclass::text || ': ' || pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
          AND c.confrelid::regclass::text <> 'organizations'
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid
                            AND a.attnum = c.conkey[1] AND a.attname = 'org_id')
        ORDER BY 1`,
    );
    expect(crossing.map((c) => c.definition)).toEqual([]);
  });

  it('lead every index of an organisation’s table with org_id, since every query names its organisation', async () => {
    const indexes = await organisationIndexes(db);
    const tenantIndexes = indexes.filter((i) => !(i.table in INSTALLATION_TABLES));
    expect(tenantIndexes.length).toBeGreaterThan(100);
    const others = tenantIndexes.filter((i) => i.columns[0] !== 'org_id').map((i) => i.name);
    expect(others.filter((name) => !(name in NOT_ORGANISATION_FIRST))).toEqual([]);
    // An exception that no longer exists (or now leads with org_id) leaves the list.
    expect(Object.keys(NOT_ORGANISATION_FIRST).filter((name) => !others.includes(name))).toEqual([]);
  });
});

const KEYS_VERSION = 31;

async function seedClinic(db: Queryable, slug: string) {
  const [org] = await db.query<{ id: string }>('INSERT INTO organizations (name, slug) VALUES ($1, $1) RETURNING id', [
    slug,
  ]);
  const orgId = org!.id;
  const siteId = await buildSite(db, orgId, { name: 'Pearl' });
  const therapistId = await buildTherapist(db, orgId, { locationIds: [siteId] });
  const patientId = await buildPatient(db, orgId);
  await buildService(db, orgId);
  const visitId = await buildAppointment(db, orgId, {
    patientId,
    therapistId,
    locationId: siteId,
    start: '2026-03-02T17:00:00Z',
  });
  return { orgId, siteId, therapistId, patientId, visitId };
}

describe.each(BACKENDS)('a database in use upgrading to keys by organisation on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let north: Awaited<ReturnType<typeof seedClinic>>;
  let south: Awaited<ReturnType<typeof seedClinic>>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend, { migrated: false }));
    await migrate(
      db,
      listMigrations().filter((m) => m.version < KEYS_VERSION),
    );
    north = await seedClinic(db, 'north-clinic');
    south = await seedClinic(db, 'south-clinic');
    await migrate(db);
  });
  afterAll(() => drop());

  it('keeps every visit, now keyed by organisation and id', async () => {
    const visits = await db.query<{ orgId: string; id: string }>(
      'SELECT org_id AS "orgId", id FROM appointments ORDER BY org_id, id',
    );
    expect(visits).toHaveLength(2);
    expect(visits.map((v) => v.id).sort()).toEqual([north.visitId, south.visitId].sort());
    const [key] = await db.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'appointments_pkey'`,
    );
    expect(key!.definition).toBe('PRIMARY KEY (org_id, id)');
  });

  it('still refuses a visit for another organisation’s patient', async () => {
    await expect(
      buildAppointment(db, north.orgId, {
        patientId: south.patientId,
        therapistId: north.therapistId,
        locationId: north.siteId,
        start: '2026-03-03T17:00:00Z',
      }),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('still refuses a double booking of a therapist', async () => {
    await expect(
      buildAppointment(db, north.orgId, {
        patientId: north.patientId,
        therapistId: north.therapistId,
        locationId: north.siteId,
        start: '2026-03-02T17:30:00Z',
      }),
    ).rejects.toMatchObject({ code: '23P01' });
  });
});
