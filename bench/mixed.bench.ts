// A clinic day's mix, out of process: availability, booking, patient search and read, the desk's
// calendar and session step writes, driven by autocannon against `knotwork serve` (started as
// `npm start` starts it) on PostgreSQL and on PGlite, with a bare Fastify route in the same run as
// the baseline. Every operation is reported with its own p50/p99; the server's resident memory is
// read at the start and the end of the run. Targets: ≥ 1,000 mixed req/s on PostgreSQL, p99 ≤ 100 ms,
// memory stable. BENCH_MIXED_SECONDS sets each engine's run (120; the 10 minutes is 600),
// BENCH_MIXED_PATIENTS the demo size (20,000), BENCH_MIXED_ENGINES which engines (postgres,pglite).
// BENCH_MIXED_ALONE=<seconds> then runs each operation alone for that long, with the CPU the server and
// PostgreSQL spent per request (from /proc): what each operation costs, to know which to cut.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../src/demo/index.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { addDays } from '../src/time/index.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { intakeDocument } from '../test/support/session-kit.ts';
import { seedScreenedIntake } from '../test/support/session-seed.ts';
import { buildOnce, startInstance, stopInstance } from '../test/support/instances.ts';
import { benchToday, percentile, serverNodeArgs, type Timing } from './lib.ts';

const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 120);
const PATIENTS = Number(process.env.BENCH_MIXED_PATIENTS ?? 20_000);
const ENGINES = (process.env.BENCH_MIXED_ENGINES ?? 'postgres,pglite').split(',');
const CONNECTIONS = 32;
const ALONE_SECONDS = Number(process.env.BENCH_MIXED_ALONE ?? 0);
const TARGET = { perSecond: 1000, p99Ms: 100 };
/**
 * Open visits per cleared patient: 9–10 patients × 150 visits charted in turn keep each visit to tens of holds over
 * a 10-minute run at 1,000 req/s (~30,000 steps: ~21 a visit).
 */
const VISITS_PER_PATIENT = 150;
/** One round of the mix, as a busy site's desk and rooms ask: reads far outnumber writes. */
const MIX = [
  'availability',
  'search',
  'availability',
  'read',
  'calendar',
  'availability',
  'search',
  'read',
  'booking',
  'calendar',
  'availability',
  'read',
  'search',
  'step',
  'availability',
  'read',
  'calendar',
  'booking',
  'search',
  'availability',
] as const;
type Operation = (typeof MIX)[number];

interface Fixture {
  site: string;
  patients: string[];
  prefixes: string[];
  bookers: string[];
  /** Patients in the demo therapist's care whose latest screening clears treatment. */
  cleared: string[];
  /** Draft notes of the cleared patients, in the demo therapist's name. */
  visits: { id: string; patientId: string }[];
}

/** The demo, plus patients of its own for each booking the run may make (at most one each). */
async function prepare(db: Database): Promise<Fixture> {
  await migrate(db);
  const { orgId } = await seedDemo(db, { seed: 1, patients: PATIENTS, today: benchToday() });
  const [busiest] = await db.query<{ id: string }>(
    `SELECT location_id AS id FROM appointments WHERE org_id = $1 GROUP BY location_id ORDER BY count(*) DESC LIMIT 1`,
    [orgId],
  );
  const sample = await db.query<{ id: string; family: string }>(
    `SELECT id, family_name AS family FROM patients WHERE org_id = $1 AND merged_into IS NULL ORDER BY id LIMIT 500`,
    [orgId],
  );
  const bookers = await db.query<{ id: string }>(
    `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth, email, preferred_location_id)
     SELECT $1, 'Mixed', 'Booker ' || g, '1980-01-01', 'unknown', 'mixed' || g || '@example.test', $3
       FROM generate_series(1, $2) g RETURNING id`,
    [orgId, 3000, busiest!.id],
  );
  // A few patients screened clear (the demo seeds no intakes), put in the demo therapist's care.
  const cleared = sample.slice(0, 10);
  const [admin] = await db.query<{ id: string }>('SELECT id FROM users WHERE org_id = $1 AND email = $2', [
    orgId,
    DEMO_LOGINS.find((l) => l.role === 'admin')!.email,
  ]);
  for (const p of cleared)
    await seedScreenedIntake(
      db,
      orgId,
      p.id,
      admin!.id,
      intakeDocument('clear'),
      new Date(`${benchToday()}T08:00:00Z`),
    );
  await db.query(
    `INSERT INTO care_relationships (org_id, patient_id, therapist_id)
     SELECT $1, p, u.therapist_id FROM unnest($2::uuid[]) p, users u WHERE u.org_id = $1 AND u.email = $3
     ON CONFLICT DO NOTHING`,
    [orgId, cleared.map((r) => r.id), DEMO_LOGINS.find((l) => l.role === 'therapist')!.email],
  );
  // Open visits to chart, as walk-ins for those patients would open them. A visit records tens of holds, not
  // thousands: each step checks the dose against the visit's earlier steps (with 10 visits a 10-minute run once put
  // ~2,500 steps on each).
  const visits = await db.query<{ id: string; patientId: string }>(
    `INSERT INTO session_notes (org_id, patient_id, therapist_id, created_by, created_at, updated_at)
     SELECT $1, p, u.therapist_id, u.id, $4, $4 FROM unnest($2::uuid[]) p, users u, generate_series(1, $5) g
      WHERE u.org_id = $1 AND u.email = $3
     RETURNING id, patient_id AS "patientId"`,
    [
      orgId,
      cleared.map((r) => r.id),
      DEMO_LOGINS.find((l) => l.role === 'therapist')!.email,
      new Date(`${benchToday()}T09:00:00Z`),
      VISITS_PER_PATIENT,
    ],
  );
  await db.query('ANALYZE');
  return {
    visits,
    cleared: cleared.map((r) => r.id),
    site: busiest!.id,
    patients: sample.map((p) => p.id),
    prefixes: [...new Set(sample.map((p) => p.family.slice(0, 3).toLowerCase()))],
    bookers: bookers.map((b) => b.id),
  };
}

async function ask(base: string, token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

async function signIn(base: string, role: string): Promise<string> {
  const login = DEMO_LOGINS.find((l) => l.role === role)!;
  const res = await ask(base, null, 'POST', '/api/auth/token', { email: login.email, password: DEMO_PASSWORD });
  return res.json!.token as string;
}

interface Slot {
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
}

/** Free first visits at the site, two days on, no two sharing a therapist or room within an hour. */
async function freeSlots(base: string, token: string, site: string): Promise<Slot[]> {
  const from = addDays(benchToday(), 2);
  const res = await ask(
    base,
    token,
    'GET',
    `/api/availability?location=${site}&from=${from}&to=${addDays(from, 27)}&limit=5000`,
  );
  const lastEnd = new Map<string, number>();
  const picked: Slot[] = [];
  for (const s of (res.json?.slots ?? []) as Slot[]) {
    const lanes = [s.therapistId, ...(s.roomId ? [s.roomId] : [])];
    if (lanes.some((k) => Date.parse(s.start) < (lastEnd.get(k) ?? 0) + 3_600_000)) continue;
    for (const k of lanes) lastEnd.set(k, Date.parse(s.end));
    picked.push(s);
  }
  return picked;
}

/** The cleared patients the demo therapist may chart: a walk-in visit opened for each takes a step. */
async function chartable(base: string, token: string, cleared: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const id of cleared) {
    const note = await ask(base, token, 'POST', `/api/patients/${id}/sessions`, {});
    if (note.status !== 201) continue;
    const probe = await ask(base, token, 'POST', `/api/sessions/${note.json!.id as string}/steps`, STEP);
    if (probe.status === 201) found.add(id);
  }
  return found;
}

const STEP = {
  muscle: 'upper-trapezius',
  side: 'left',
  region: 'suprascapular-left',
  technique: 'ischemic-compression-finger',
  holdSeconds: 20,
  painRating: 6,
};

/**
 * CPU (ms, user and system) a process has used, with its ended children's when asked: /proc counts it in USER_HZ
 * ticks, 100 a second on Linux.
 */
function cpuMsOf(pid: string | number, children = false): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return (own + (children ? Number(fields[13]) + Number(fields[14]) : 0)) * 10;
}

/**
 * CPU (ms) used by every PostgreSQL process of the machine: the bench's database is the one at work. A backend that
 * ended (a pool closing an idle connection) leaves its CPU in the postmaster's children's time, counted here too.
 */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMsOf(pid, true);
    } catch {
      // The process ended while the list was read.
    }
  }
  return total;
}

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

interface Sample {
  op: Operation | 'bare';
  started: number;
}

/** Runs the mix (or one bare route) for SECONDS; latencies per operation, and statuses. */
async function drive(
  base: string,
  next: (i: number) => { op: Sample['op']; method: string; path: string; body?: unknown; token?: string },
  seconds = SECONDS,
) {
  const latencies = new Map<string, number[]>();
  const statuses = new Map<string, Map<number, number>>();
  let sent = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req, context) => {
          const r = next(sent++);
          (context as Sample).op = r.op;
          (context as Sample).started = performance.now();
          return {
            ...req,
            method: r.method as 'GET',
            path: r.path,
            headers: {
              ...(r.token ? { authorization: `Bearer ${r.token}` } : {}),
              ...(r.body ? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } : {}),
            },
            ...(r.body ? { body: JSON.stringify(r.body) } : {}),
          };
        },
        onResponse: (status, _body, context) => {
          const { op, started } = context as Sample;
          (latencies.get(op) ?? latencies.set(op, []).get(op)!).push(performance.now() - started);
          const counts = statuses.get(op) ?? statuses.set(op, new Map()).get(op)!;
          counts.set(status, (counts.get(status) ?? 0) + 1);
        },
      },
    ],
  });
  return { perSecond: result.requests.average, latencies, statuses, p99: result.latency.p99 };
}

function rows(engine: string, run: Awaited<ReturnType<typeof drive>>, bare: number, rss: [number, number]): Timing[] {
  const out: Timing[] = [];
  const all = [...run.latencies.values()].flat().sort((a, b) => a - b);
  out.push({
    name: `${engine}: the clinic mix, all operations`,
    iterations: all.length,
    medianMs: percentile(all, 50),
    p99Ms: percentile(all, 99),
    ratioToBaseline: run.perSecond / bare,
    note:
      `${run.perSecond.toFixed(0)} req/s (target ≥ ${TARGET.perSecond} on PostgreSQL, p99 ≤ ${TARGET.p99Ms} ms); ` +
      `server RSS ${rss[0].toFixed(0)} MB at start, ${rss[1].toFixed(0)} MB at end`,
  });
  for (const [op, samples] of run.latencies) {
    samples.sort((a, b) => a - b);
    const answers = [...run.statuses.get(op)!].map(([s, n]) => `${n}×${s}`).join(', ');
    out.push({
      name: `${engine}: ${op}`,
      iterations: samples.length,
      medianMs: percentile(samples, 50),
      p99Ms: percentile(samples, 99),
      note: answers,
    });
  }
  return out;
}

async function runMix(engine: string, databaseUrl: string, dataDir: string, fixture: Fixture, bare: number) {
  const server = await startInstance(engine, databaseUrl, dataDir, serverNodeArgs());
  try {
    const desk = await signIn(server.url, 'admin');
    const therapist = await signIn(server.url, 'therapist');
    const slots = await freeSlots(server.url, desk, fixture.site);
    const may = await chartable(server.url, therapist, fixture.cleared);
    const visits = fixture.visits.filter((v) => may.has(v.patientId)).map((v) => v.id);
    if (visits.length === 0) throw new Error(`no visit to record steps on (${fixture.cleared.length} cleared)`);
    let booked = 0;
    const today = benchToday();
    /** A from/to pair: `after` days on, `span` days long. */
    const days = (after: number, span: number) => `${addDays(today, after)}&to=${addDays(today, after + span)}`;
    /** The `k`th request of one operation. */
    const request = (op: Operation, k: number) => {
      switch (op) {
        case 'availability':
          return {
            op,
            method: 'GET',
            token: desk,
            path: `/api/availability?location=${fixture.site}&from=${days(k % 14, 6)}`,
          };
        case 'search':
          return {
            op,
            method: 'GET',
            token: desk,
            path: `/api/patients?q=${fixture.prefixes[k % fixture.prefixes.length]}`,
          };
        case 'read':
          return {
            op,
            method: 'GET',
            token: desk,
            path: `/api/patients/${fixture.patients[k % fixture.patients.length]}`,
          };
        case 'calendar':
          return {
            op,
            method: 'GET',
            token: desk,
            path: `/api/appointments?location=${fixture.site}&from=${days(k % 7, 0)}`,
          };
        case 'booking': {
          // Each slot once, each booker once; when the free slots run out the rest are refusals (409).
          const n = booked++;
          const slot = slots[n % Math.max(1, slots.length)]!;
          return {
            op,
            method: 'POST',
            token: desk,
            path: '/api/appointments',
            body: {
              patientId: fixture.bookers[n % fixture.bookers.length],
              serviceCode: 'nmt-initial-60',
              start: slot.start,
              therapistId: slot.therapistId,
              locationId: slot.locationId,
            },
          };
        }
        case 'step':
          return {
            op,
            method: 'POST',
            token: therapist,
            // Visits in turn, one step each: two steps in flight are on two visits, as on two therapists' tablets.
            // One visit after another had concurrent steps wait on the visit's lock, holding pool connections.
            path: `/api/sessions/${visits[k % visits.length]}/steps`,
            body: STEP,
          };
      }
    };
    const mix = (i: number) => request(MIX[i % MIX.length]!, Math.floor(i / MIX.length));
    const rssStart = rssOf(server.child.pid!);
    const run = await drive(server.url, mix);
    const rssEnd = rssOf(server.child.pid!);
    const out = rows(engine, run, bare, [rssStart, rssEnd]);
    // After the mix (the site is full, the visits hold their steps): each operation alone, and what it costs.
    for (const op of ALONE_SECONDS > 0 ? [...new Set(MIX)] : []) {
      const [server0, postgres0] = [cpuMsOf(server.child.pid!), postgresCpuMs()];
      const alone = await drive(server.url, (i) => request(op, i), ALONE_SECONDS);
      const [server1, postgres1] = [cpuMsOf(server.child.pid!), postgresCpuMs()];
      const samples = [...alone.latencies.values()].flat().sort((a, b) => a - b);
      const perRequest = (ms: number) => ((ms * 1000) / samples.length).toFixed(0);
      const answers = [...alone.statuses.get(op)!].map(([s, n]) => `${n}×${s}`).join(', ');
      out.push({
        name: `${engine}: ${op} alone`,
        iterations: samples.length,
        medianMs: percentile(samples, 50),
        p99Ms: percentile(samples, 99),
        note:
          `${alone.perSecond.toFixed(0)} req/s; CPU per request: server ${perRequest(server1 - server0)} µs, ` +
          `PostgreSQL ${perRequest(postgres1 - postgres0)} µs; ${answers}`,
      });
    }
    return out;
  } finally {
    await stopInstance(server);
  }
}

export async function run(): Promise<Timing[]> {
  buildOnce();
  const bareApp = Fastify();
  bareApp.get('/', async () => ({ ok: true }));
  const bareUrl = await bareApp.listen({ port: 0, host: '127.0.0.1' });
  // The baseline's rate settles within seconds; a long run is for the server's memory, not for it.
  const bare = await drive(bareUrl, () => ({ op: 'bare', method: 'GET', path: '/' }), Math.min(SECONDS, 30));
  await bareApp.close();
  const results: Timing[] = [
    {
      name: 'bare Fastify route (baseline)',
      iterations: [...bare.latencies.values()].flat().length,
      medianMs: NaN,
      p99Ms: bare.p99,
      note: `${bare.perSecond.toFixed(0)} req/s`,
    },
  ];

  if (ENGINES.includes('postgres')) await runPostgres(results, bare.perSecond);
  if (ENGINES.includes('pglite')) await runPglite(results, bare.perSecond);
  return results;
}

async function runPostgres(results: Timing[], bare: number) {
  const pg = await createTestDatabase('postgres');
  try {
    const fixture = await prepare(pg.db);
    results.push(
      ...(await runMix('PostgreSQL', pg.url!, mkdtempSync(join(tmpdir(), 'knotwork-mixed-')), fixture, bare)),
    );
  } finally {
    await pg.drop();
  }
}

async function runPglite(results: Timing[], bare: number) {
  const dir = mkdtempSync(join(tmpdir(), 'knotwork-mixed-pglite-'));
  try {
    const db = await openPglite(dir);
    const fixture = await prepare(db);
    await db.close();
    results.push(...(await runMix('PGlite', '', dir, fixture, bare)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
