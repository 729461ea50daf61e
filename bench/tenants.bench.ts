// Many organisations on one PostgreSQL: one clinic's availability search and patient read, in a
// database of BENCH_TENANTS organisations (default 1,000, each the demo's 8 sites and
// BENCH_TENANT_PATIENTS patients), as a ratio to the same clinic alone in a database of its own,
// measured in the same run. Keys and indexes that lead with org_id should keep the ratio near 1
// (target: p99 within 1.5×).
import { createHash } from 'node:crypto';
import type { Actor, ServiceContext } from '../src/services/context.ts';
import { findAvailability } from '../src/services/booking/availability.ts';
import { getPatient } from '../src/services/patients.ts';
import { seedDemo } from '../src/demo/index.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { benchNow, benchToday, time, withRatio, type Timing } from './lib.ts';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000);
const PATIENTS = Number(process.env.BENCH_TENANT_PATIENTS ?? 100);
const READS = Number(process.env.BENCH_TENANT_READS ?? 2000);
const SEARCHES = Number(process.env.BENCH_TENANT_SEARCHES ?? 300);
/** The clinics of the crowded database whose users the run plays, in turn. */
const SAMPLED = 50;
/** Installation tables, not copied with an organisation (organization-keys.test.ts). */
const NOT_COPIED = new Set(['organizations', 'jobs', 'login_throttle']);

async function freshDatabase(name: string): Promise<{ db: Database; drop: () => Promise<void> }> {
  const adminUrl = process.env.KNOTWORK_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = await openPostgres(adminUrl, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 4 });
  return {
    db,
    drop: async () => {
      await db.close();
      const again = await openPostgres(adminUrl, { max: 1 });
      await again.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.close();
    },
  };
}

/**
 * Copies the demo clinic `copies` times, each as an organisation of its own. Every uuid is mapped
 * through md5(new organisation, old value), so references between copied rows still meet; keys that
 * include org_id are what let the copies live side by side. Rows go in table by table, with foreign
 * keys and triggers off for the copy (superuser), in batches.
 */
async function copyClinic(db: Database, orgId: string, copies: number): Promise<void> {
  const columns = await db.query<{ table: string; column: string; type: string }>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS type
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
        AND c.is_identity = 'NO'
        AND EXISTS (SELECT 1 FROM information_schema.columns o WHERE o.table_schema = 'public'
                      AND o.table_name = c.table_name AND o.column_name = 'org_id')
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, { column: string; type: string }[]>();
  for (const c of columns) {
    if (NOT_COPIED.has(c.table)) continue;
    tables.set(c.table, [...(tables.get(c.table) ?? []), c]);
  }
  const batch = 100;
  for (let first = 1; first <= copies; first += batch) {
    const last = Math.min(copies, first + batch - 1);
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(
        `INSERT INTO organizations (id, name, slug, is_demo, settings, time_zone)
         SELECT md5('bench-clinic-' || g)::uuid, 'Bench clinic ' || g, 'bench-clinic-' || g, false, o.settings,
                o.time_zone
           FROM organizations o, generate_series($2::int, $3::int) g WHERE o.org_id = $1`,
        [orgId, first, last],
      );
      for (const [table, cols] of tables) {
        const values = cols.map(({ column, type }) =>
          column === 'org_id'
            ? 'n.org_id'
            : type === 'uuid'
              ? `md5(n.org_id::text || t.${column}::text)::uuid`
              : `t.${column}`,
        );
        await tx.query(
          `INSERT INTO ${table} (${cols.map((c) => c.column).join(', ')})
           SELECT ${values.join(', ')}
             FROM ${table} t, (SELECT md5('bench-clinic-' || g)::uuid AS org_id
                                 FROM generate_series($2::int, $3::int) g) n
            WHERE t.org_id = $1`,
          [orgId, first, last],
        );
      }
    });
  }
}

/** The id copy `n` gets, as md5('bench-clinic-' || n)::uuid computes it in copyClinic. */
function copyId(n: number): string {
  const hex = createHash('md5').update(`bench-clinic-${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface Clinic {
  actor: Actor;
  patientIds: string[];
  siteId: string;
}

async function clinicOf(db: Database, orgId: string): Promise<Clinic> {
  const [admin] = await db.query<{ id: string; email: string; zone: string }>(
    `SELECT u.id, u.email, o.time_zone AS zone FROM users u JOIN organizations o ON o.org_id = u.org_id
      WHERE u.org_id = $1 AND u.role = 'admin' ORDER BY u.email LIMIT 1`,
    [orgId],
  );
  const patients = await db.query<{ id: string }>(
    'SELECT id FROM patients WHERE org_id = $1 AND merged_into IS NULL ORDER BY id LIMIT 100',
    [orgId],
  );
  const [site] = await db.query<{ id: string }>(
    'SELECT location_id AS id FROM appointments WHERE org_id = $1 GROUP BY location_id ORDER BY count(*) DESC LIMIT 1',
    [orgId],
  );
  return {
    actor: {
      userId: admin!.id,
      orgId,
      role: 'admin',
      email: admin!.email,
      displayName: 'Bench admin',
      patientId: null,
      therapistId: null,
      locationIds: [],
      orgTimeZone: admin!.zone,
      sessionId: 'bench',
      ip: null,
    },
    patientIds: patients.map((p) => p.id),
    siteId: site!.id,
  };
}

/** The same reads, taking the clinics in turn: availability for a fortnight at the busiest site, a patient. */
async function measure(label: string, db: Database, clinics: Clinic[]): Promise<Timing[]> {
  const ctx: ServiceContext = { db, now: benchNow };
  let search = 0;
  let read = 0;
  const availability = await time(`${label}: availability, 14 days at one site`, SEARCHES, () => {
    const clinic = clinics[search++ % clinics.length]!;
    return findAvailability(ctx, clinic.actor, {
      serviceCode: 'nmt-followup-60',
      from: benchToday(),
      locationId: clinic.siteId,
      limit: 50,
    });
  });
  const patient = await time(`${label}: patient read`, READS, () => {
    const clinic = clinics[read % clinics.length]!;
    const id = clinic.patientIds[Math.floor(read++ / clinics.length) % clinic.patientIds.length]!;
    return getPatient(ctx, clinic.actor, id);
  });
  return [availability, patient];
}

export async function run(): Promise<Timing[]> {
  const today = benchToday();
  const single = await freshDatabase(`knotwork_bench_one_${process.pid}`);
  const many = await freshDatabase(`knotwork_bench_many_${process.pid}`);
  try {
    await migrate(single.db);
    const alone = await seedDemo(single.db, { seed: 1, patients: PATIENTS, today });
    await single.db.query('ANALYZE');

    await migrate(many.db);
    const template = await seedDemo(many.db, { seed: 1, patients: PATIENTS, today });
    const seeding = performance.now();
    await copyClinic(many.db, template.orgId, TENANTS - 1);
    const seededSeconds = (performance.now() - seeding) / 1000;
    await many.db.query('ANALYZE');
    const [counts] = await many.db.query<{ sites: number; patients: number; visits: number }>(
      `SELECT (SELECT count(*)::int FROM locations l WHERE l.org_id = $1) AS sites,
              (SELECT count(*)::int FROM patients p WHERE p.org_id = $1) AS patients,
              (SELECT count(*)::int FROM appointments a WHERE a.org_id = $1) AS visits`,
      [template.orgId],
    );
    const sampled = Array.from({ length: Math.min(SAMPLED, TENANTS - 1) }, (_, i) =>
      copyId(1 + Math.floor((i * (TENANTS - 1)) / SAMPLED)),
    );

    const [soloAvailability, soloRead] = await measure('one clinic alone', single.db, [
      await clinicOf(single.db, alone.orgId),
    ]);
    const crowd = await Promise.all(sampled.map((id) => clinicOf(many.db, id)));
    const [crowdAvailability, crowdRead] = await measure(
      `one of ${TENANTS} clinics (${sampled.length} in turn)`,
      many.db,
      crowd,
    );
    const p99 = (a: Timing, b: Timing) => `p99 ${(a.p99Ms / b.p99Ms).toFixed(2)}× (target ≤ 1.5×)`;
    return [
      soloAvailability!,
      soloRead!,
      {
        ...withRatio(crowdAvailability!, soloAvailability!),
        note:
          `${p99(crowdAvailability!, soloAvailability!)}; ${TENANTS} × (${counts!.sites} sites, ` +
          `${counts!.patients} patients, ${counts!.visits} visits), copied in ${seededSeconds.toFixed(0)} s`,
      },
      { ...withRatio(crowdRead!, soloRead!), note: p99(crowdRead!, soloRead!) },
    ];
  } finally {
    await single.drop();
    await many.drop();
  }
}
