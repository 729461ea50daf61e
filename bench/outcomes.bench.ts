// The outcomes report at clinic-group scale: about 150,000 episode rows standing for 1,000,000
// signed sessions, loaded from outcome_episodes and reported over every cut, on PGlite and
// PostgreSQL, as a ratio to one count(*) over a 1,000,000-row sessions table in the same run.
// BENCH_EPISODES sets the number of episodes (sessions follow at about 6.7 per episode).
// Target: the full report within 1 s on PostgreSQL (printed next to the figure).
// Before the report read columns (JSON row per episode, 2 shared cores, busy): PostgreSQL count(*)
// 81 ms, full report 1,073 ms (13×); PGlite count(*) 106 ms, full 2,686 ms (25×).
// After, same machine and load: PostgreSQL count(*) 93 ms, load 476 ms, report 120 ms, full 469 ms
// (5.0×); PGlite count(*) 282 ms, load 407 ms, report 98 ms, full 760 ms (2.7×). On a quiet run:
// PostgreSQL count(*) 78 ms, load 273 ms, report 51 ms, full 365 ms (4.7×).
import { randomUUID } from 'node:crypto';
import { createRandom, type Random } from '../src/demo/random.ts';
import {
  buildOutcomesReport,
  compareGroups,
  reportDefinitionIds,
  type DefinitionOutcome,
  type EpisodeOutcomeRow,
} from '../src/outcomes/index.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { listOutcomeColumns, upsertOutcomeRows, type StoredOutcomeRow } from '../src/store/repos/outcome-episodes.ts';
import { openPglite } from '../src/store/pglite.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { addDays } from '../src/time/index.ts';
import { benchNow, benchToday, time, withRatio, type Timing } from './lib.ts';

const EPISODES = Number(process.env.BENCH_EPISODES ?? 150_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5);
/** Which engines to run: both by default; BENCH_ENGINES=postgres or pglite for one. */
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
const GROUPS = ['neck', 'low-back', 'head', 'shoulder', 'hip-leg', 'other'] as const;
const PHASES = ['acute', 'chronic', 'maintenance'] as const;
const DEFINITIONS = ['nprs-mcid', 'ndi-mcid', 'odi-mcid', 'psfs-mcid'];
/** The full report over every episode must come back within a second on PostgreSQL. */
const TARGET_MS = 1000;
/** Episodes start over the 1,000 days from here, which end a couple of months before the run's date. */
const FIRST_DAY = addDays(benchToday(), -1060);

/** One synthetic episode: visits 1–20 (mean ≈ 6.7), improvement somewhere in them or not at all. */
function episodeRow(random: Random, index: number, sites: string[], therapists: string[]): EpisodeOutcomeRow {
  const visits = Math.min(20, 1 + Math.floor(-Math.log(1 - random.next()) * 6.6));
  const status = random.chance(0.1) ? 'open' : random.chance(0.6) ? 'discharged' : 'lapsed';
  const outcomes: Record<string, DefinitionOutcome> = {};
  for (const id of DEFINITIONS) {
    const judged = id === 'nprs-mcid' || random.chance(0.5);
    const improvedAt = judged && random.chance(0.55) ? random.int(1, visits) : null;
    outcomes[id] = { judged, improvedAt, lastScoredSession: judged ? visits : null };
  }
  const day = 1 + (index % 1000);
  const startedOn = addDays(FIRST_DAY, day - 1);
  return {
    episodeId: `bench:${index}`,
    startedOn,
    status,
    visits,
    dropOut: status === 'lapsed' && visits < 4,
    site: random.pick(sites),
    therapist: random.pick(therapists),
    conditionGroup: random.pick(GROUPS),
    phase: random.pick(PHASES),
    psfsChange: random.chance(0.6) ? Math.round((random.next() * 6 - 1) * 10) / 10 : null,
    reliefDays: random.chance(0.3) ? [random.int(0, 14)] : [],
    outcomes,
  };
}

/**
 * The organisation, its patients, the episode rows and the sessions they stand for. Returns the org and the session
 * count.
 */
export async function load(db: Database): Promise<{ orgId: string; sessions: number; loadMs: number }> {
  const started = performance.now();
  const orgId = randomUUID();
  await db.query(`INSERT INTO organizations (id, name, slug) VALUES ($1, 'Bench clinics', $2)`, [
    orgId,
    `bench-${orgId.slice(0, 8)}`,
  ]);
  const patientCount = Math.ceil(EPISODES / 1.5);
  const patients = await db.query<{ id: string }>(
    `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth)
     SELECT $1, 'Bench', 'Patient ' || g, DATE '1980-01-01' + (g % 15000), 'unknown'
     FROM generate_series(1, $2::int) g RETURNING id`,
    [orgId, patientCount],
  );
  const random = createRandom(2026);
  const sites = Array.from({ length: 8 }, () => randomUUID());
  const therapists = Array.from({ length: 30 }, () => randomUUID());
  let sessions = 0;
  const batch: StoredOutcomeRow[] = [];
  const at = benchNow();
  for (let i = 0; i < EPISODES; i++) {
    const row = episodeRow(random, i, sites, therapists);
    sessions += row.visits;
    batch.push({ patientId: patients[i % patients.length]!.id, row });
    if (batch.length === 5000) await upsertOutcomeRows(db, orgId, batch.splice(0), at);
  }
  await upsertOutcomeRows(db, orgId, batch, at);
  // The sessions the rows stand for, as the baseline's table: one narrow row per signed session.
  await db.exec(
    `CREATE TABLE bench_sessions (org_id uuid NOT NULL, patient_id uuid NOT NULL, episode_id text NOT NULL,
      session integer NOT NULL, signed_on date NOT NULL)`,
  );
  await db.query(
    `INSERT INTO bench_sessions SELECT $1, $1, 'bench:' || (g % $3::int), g % 20, $4::date + (g % 1000)
       FROM generate_series(1, $2::int) g`,
    [orgId, sessions, EPISODES, FIRST_DAY],
  );
  await db.exec('ANALYZE');
  return { orgId, sessions, loadMs: performance.now() - started };
}

async function measure(label: string, db: Database): Promise<Timing[]> {
  await migrate(db);
  const { orgId, sessions, loadMs } = await load(db);
  const baseline = await time(
    `${label}: baseline, count(*) over ${sessions.toLocaleString('en-US')} sessions`,
    ITERATIONS,
    () => db.query('SELECT count(*) FROM bench_sessions'),
  );
  const read = () => listOutcomeColumns(db, orgId, {}, reportDefinitionIds());
  const loadRows = await time(
    `${label}: load ${EPISODES.toLocaleString('en-US')} episodes (as columns)`,
    ITERATIONS,
    read,
  );
  const episodes = await read();
  const reportOnly = await time(`${label}: report over every cut (in process)`, ITERATIONS, () =>
    buildOutcomesReport(episodes),
  );
  const full = await time(
    `${label}: full report (load episodes + report over every cut + a log-rank)`,
    ITERATIONS,
    async () => {
      const loaded = await read();
      const report = buildOutcomesReport(loaded);
      compareGroups(loaded, 'phase', ['acute', 'chronic']);
      return report;
    },
  );
  return [
    baseline,
    withRatio(loadRows, baseline),
    withRatio(reportOnly, baseline),
    {
      ...withRatio(full, baseline),
      note:
        `target ≤ ${TARGET_MS.toLocaleString('en-US')} ms: ${full.medianMs <= TARGET_MS ? 'met' : 'missed'} (` +
        `${Math.round(full.medianMs).toLocaleString('en-US')} ms, ${(full.medianMs / baseline.medianMs).toFixed(1)}` +
        `× count(*))`,
    },
    { name: `${label}: bulk load of rows and sessions, then ANALYZE`, iterations: 1, medianMs: loadMs, p99Ms: loadMs },
  ];
}

export async function run(): Promise<Timing[]> {
  const results: Timing[] = [];
  if (ENGINES.includes('postgres')) results.push(...(await onPostgres()));
  if (ENGINES.includes('pglite')) {
    const lite = await openPglite();
    try {
      results.push(...(await measure('PGlite', lite)));
    } finally {
      await lite.close();
    }
  }
  return results;
}

async function onPostgres(): Promise<Timing[]> {
  const results: Timing[] = [];
  const adminUrl =
    process.env.KNOTWORK_BENCH_DATABASE_URL ||
    process.env.KNOTWORK_TEST_DATABASE_URL ||
    'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `knotwork_bench_outcomes_${process.pid}`;
  const admin = await openPostgres(adminUrl, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pg = await openPostgres(url.toString());
  try {
    results.push(...(await measure('PostgreSQL', pg)));
  } finally {
    await pg.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
  return results;
}
