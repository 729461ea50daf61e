// Throughput out of process. A Knotwork server and a floor server (bench/floor-server.ts: the same
// SQL work as each route, nothing else) run as child processes on one database; autocannon, in this
// process, drives each with the same connections and request count, and each Knotwork row is
// reported as its throughput ratio to that floor, measured in the same run, with its target beside
// it. Bookings are real: every request asks for a distinct free slot (found relative to the bench's
// clock) for a patient of its own, and the rows say how many were booked and how many refused.
// PostgreSQL is the measured engine; PGlite is reported. BENCH_PATIENTS sets the demo size (100,000),
// BENCH_BOOKINGS the bookings per server (1,500, or as many as the demo leaves free times for),
// BENCH_READS the reads and searches per run (3,000), BENCH_ROUNDS how many runs of each on PostgreSQL (5),
// BENCH_ENGINES which engines (postgres,pglite).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../src/demo/index.ts';
import { findAvailability } from '../src/services/booking/availability.ts';
import type { Actor } from '../src/services/context.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { addDays } from '../src/time/index.ts';
import type { FloorSettings } from './floor-server.ts';
import { benchNow, benchToday, serverNodeArgs, type Timing } from './lib.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 1500);
const READS = Number(process.env.BENCH_READS ?? 3000);
/** Reads and searches are short runs on a shared machine: Knotwork and the floor take turns this many times. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const WARM_BOOKINGS = Math.min(100, Math.ceil(BOOKINGS / 10));
/** Fewer measured bookings than this per server say too little. */
const MIN_BOOKINGS = 300;
const CONNECTIONS = 16;
const SERVICE = 'nmt-followup-60';

const TARGET = { bookingsPerSecond: 300, bookingRatio: 0.5, readRatio: 0.8, searchRatio: 0.8 };

interface Slot {
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
}

interface World {
  orgId: string;
  adminUserId: string;
  /** Free slots no two of which share a therapist or a room (with turnover), for distinct patients. */
  slots: Slot[];
  bookingPatients: string[];
  readIds: string[];
  searchPrefixes: string[];
}

function adminActor(orgId: string, userId: string): Actor {
  return {
    userId,
    orgId,
    role: 'admin',
    email: 'bench@example.test',
    displayName: 'Bench',
    patientId: null,
    therapistId: null,
    locationIds: [],
    orgTimeZone: 'America/Los_Angeles',
    sessionId: randomUUID(),
    ip: null,
  };
}

/** Seeds the demo, then picks free slots on the bench clock and a patient with an email for each. */
async function prepare(db: Database, wanted: number): Promise<World> {
  await migrate(db);
  const { orgId } = await seedDemo(db, { seed: 1, patients: PATIENTS, today: benchToday() });
  const admin = DEMO_LOGINS.find((l) => l.role === 'admin')!;
  const users = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [admin.email]);
  const adminUserId = users[0]!.id;
  const actor = adminActor(orgId, adminUserId);
  const lastEnd = new Map<string, number>();
  const slots: Slot[] = [];
  // Two days on (well past the booking notice), in windows of four weeks up to the booking horizon.
  for (let from = addDays(benchToday(), 2); slots.length < wanted; from = addDays(from, 28)) {
    if (from > addDays(benchToday(), 84)) break;
    const free = await findAvailability({ db, now: benchNow }, actor, {
      serviceCode: SERVICE,
      from,
      to: addDays(from, 27),
      limit: 1_000_000,
    });
    for (const s of free.slots) {
      // Neither the therapist nor the room may be taken by another chosen slot (10-minute turnover).
      const keys = [s.therapistId, ...(s.roomId ? [s.roomId] : [])];
      if (keys.some((k) => Date.parse(s.start) < (lastEnd.get(k) ?? 0) + 10 * 60_000)) continue;
      for (const k of keys) lastEnd.set(k, Date.parse(s.end));
      slots.push({ ...s, roomId: s.roomId ?? null });
      if (slots.length === wanted) break;
    }
  }
  // A large demo leaves fewer free times: then each server books what there is, and the row says so.
  if (slots.length < 2 * (WARM_BOOKINGS + MIN_BOOKINGS))
    throw new Error(
      `Found ${slots.length} free slots within the booking horizon, ${wanted} wanted and at least ` +
        `${2 * (WARM_BOOKINGS + MIN_BOOKINGS)} needed: set BENCH_PATIENTS lower.`,
    );
  if (slots.length % 2 === 1) slots.pop();
  const bookingPatients = (
    await db.query<{ id: string }>(
      `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth, email)
       SELECT $1, 'Bench', 'Booker ' || g, '1980-01-01', 'unknown', 'booker' || g || '@example.test'
         FROM generate_series(1, $2) g RETURNING id`,
      [orgId, slots.length],
    )
  ).map((r) => r.id);
  const sample = await db.query<{ id: string; familyName: string }>(
    `SELECT id, family_name AS "familyName" FROM patients WHERE org_id = $1 AND merged_into IS NULL
      ORDER BY id LIMIT 200`,
    [orgId],
  );
  await db.query('ANALYZE');
  return {
    orgId,
    adminUserId,
    slots,
    bookingPatients,
    readIds: sample.map((p) => p.id),
    searchPrefixes: [...new Set(sample.map((p) => p.familyName.slice(0, 3).toLowerCase()))],
  };
}

/** Starts `args` with node and resolves with the URL once the process prints `pattern`'s capture. */
function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  pattern: RegExp,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 120 s: ${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!.replace('localhost', '127.0.0.1'), child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
  statuses: Map<number, number>;
  /** The server process's CPU time per answered request, in µs (PostgreSQL's own work not included; PGlite's is). */
  cpuMicros?: number;
}

/** CPU time a process has used, in ms, from Linux's /proc (clock ticks of 10 ms); NaN where there is none. */
function cpuMillis(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** `amount` requests over CONNECTIONS connections; `next(i)` builds the i-th request; `pid`, the server's process. */
async function drive(
  url: string,
  amount: number,
  next: (i: number) => { method?: 'GET' | 'POST'; path: string; body?: unknown; headers?: Record<string, string> },
  pid?: number,
): Promise<Run> {
  const cpuBefore = cpuMillis(pid);
  let sent = 0;
  const statuses = new Map<number, number>();
  // From the first request to the last answer: autocannon itself notices the end on a one-second tick.
  let started = 0;
  let last = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          if (sent === 0) started = performance.now();
          const r = next(sent++);
          return {
            ...req,
            method: r.method ?? 'GET',
            path: r.path,
            headers: { ...r.headers, ...(r.body ? { 'content-type': 'application/json' } : {}) },
            ...(r.body ? { body: JSON.stringify(r.body) } : {}),
          };
        },
        onResponse: (status) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          last = performance.now();
        },
      },
    ],
  });
  const seconds = (last - started) / 1000;
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const cpuMicros = ((cpuMillis(pid) - cpuBefore) * 1000) / total;
  return { perSecond: total / seconds, p50: result.latency.p50, p99: result.latency.p99, total, statuses, cpuMicros };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Runs of one route as one row: every answer counted, and each figure the median over the runs. */
function combined(runs: Run[]): Run {
  const statuses = new Map<number, number>();
  for (const run of runs) for (const [status, n] of run.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n);
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    total: runs.reduce((a, r) => a + r.total, 0),
    statuses,
    cpuMicros: median(runs.map((r) => r.cpuMicros ?? Number.NaN)),
  };
}

const count = (run: Run, status: number) => run.statuses.get(status) ?? 0;
const cpu = (run: Run) =>
  Number.isNaN(run.cpuMicros) ? 'server CPU not read' : `server CPU ${run.cpuMicros!.toFixed(0)} µs per request`;
/** The rounds' ratios, lowest to highest, when Knotwork and the floor took turns. */
const rounds = (ratios?: number[]) =>
  ratios
    ? `median of ${ratios.length} rounds (${[...ratios]
        .sort((a, b) => a - b)
        .map((r) => r.toFixed(2))
        .join(', ')}); `
    : '';
const others = (run: Run, ...expected: number[]) =>
  [...run.statuses].filter(([s]) => !expected.includes(s)).reduce((a, [, n]) => a + n, 0);
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function row(
  name: string,
  run: Run,
  floor: Run | null,
  note: string,
  ratio = floor && run.perSecond / floor.perSecond,
): Timing {
  return {
    name,
    iterations: run.total,
    medianMs: run.p50,
    p99Ms: run.p99,
    ...(ratio !== null ? { ratioToBaseline: ratio } : {}),
    note: `${run.perSecond.toFixed(0)} req/s${floor ? ` vs floor ${floor.perSecond.toFixed(0)} req/s` : ''}; ${note}`,
  };
}

interface Half {
  slots: Slot[];
  patients: string[];
}

/** Alternate slots to Knotwork and to the floor, so both book the same spread of days and sites. */
function halves(world: World): [Half, Half] {
  const a: Half = { slots: [], patients: [] };
  const b: Half = { slots: [], patients: [] };
  world.slots.forEach((s, i) => {
    const half = i % 2 === 0 ? a : b;
    half.slots.push(s);
    half.patients.push(world.bookingPatients[i]!);
  });
  return [a, b];
}

async function token(url: string): Promise<string> {
  const admin = DEMO_LOGINS.find((l) => l.role === 'admin')!;
  const res = await fetch(`${url}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: DEMO_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

interface KnotworkRuns {
  booking: Run;
  read: Run;
  search: Run;
  /** Each round's ratio to the floor, where the two took turns (PostgreSQL). */
  readRatios?: number[];
  searchRatios?: number[];
}

interface FloorRuns extends KnotworkRuns {
  bare: Run;
}

/** A server under test: Knotwork (signed in) or the floor, and the paths of each of its routes. */
interface Target {
  url: string;
  floor: boolean;
  headers: Record<string, string>;
  /** The server's process, whose CPU time a run reports. */
  pid?: number;
}

async function knotworkTarget(url: string, pid?: number): Promise<Target> {
  return { url, floor: false, headers: { authorization: `Bearer ${await token(url)}` }, pid };
}

const floorTarget = (url: string, pid?: number): Target => ({ url, floor: true, headers: {}, pid });

/** Warm-up requests before each measured run: the same route, so both servers are equally warm. */
const WARM = Math.min(200, Math.ceil(READS / 10));

async function measure(
  t: Target,
  warm: number,
  amount: number,
  next: Parameters<typeof drive>[2],
  settle: () => Promise<void> = async () => undefined,
): Promise<Run> {
  await drive(t.url, warm, next);
  await settle();
  return drive(t.url, amount, (i) => next(warm + i), t.pid);
}

/** `settle` runs between the warm-up and the measured bookings (the warm-up's messages delivered first). */
function booking(t: Target, half: Half, settle?: () => Promise<void>): Promise<Run> {
  return measure(
    t,
    WARM_BOOKINGS,
    half.slots.length - WARM_BOOKINGS,
    (i) => {
      const s = half.slots[i]!;
      const common = {
        patientId: half.patients[i],
        serviceCode: SERVICE,
        start: s.start,
        therapistId: s.therapistId,
        locationId: s.locationId,
      };
      return t.floor
        ? {
            method: 'POST',
            path: '/floor/appointments',
            body: { ...common, end: s.end, roomId: s.roomId, bufferAfterMinutes: 10 },
          }
        : {
            method: 'POST',
            path: '/api/appointments',
            headers: { ...t.headers, 'idempotency-key': randomUUID() },
            body: { ...common, ...(s.roomId ? { roomId: s.roomId } : {}) },
          };
    },
    settle,
  );
}

function read(t: Target, world: World): Promise<Run> {
  const base = t.floor ? '/floor/patients' : '/api/patients';
  return measure(t, WARM, READS, (i) => ({
    path: `${base}/${world.readIds[i % world.readIds.length]}`,
    headers: t.headers,
  }));
}

function search(t: Target, world: World): Promise<Run> {
  const base = t.floor ? '/floor/patients' : '/api/patients';
  return measure(t, WARM, READS, (i) => ({
    path: `${base}?q=${encodeURIComponent(world.searchPrefixes[i % world.searchPrefixes.length]!)}&pageSize=50`,
    headers: t.headers,
  }));
}

const bare = (t: Target) => measure(t, WARM, READS, () => ({ path: '/bare' }));

/**
 * Knotwork and the floor take turns ROUNDS times, who goes first alternating, so a slow patch of a shared
 * machine falls on both: a single run of a few thousand reads lasts about a second, and one such pair printed
 * anything from 0.69 to 0.83 for the same code. Each row is the median of its runs; the ratio, the median round's.
 */
async function inTurns(k: Target, f: Target, one: (t: Target) => Promise<Run>) {
  const mine: Run[] = [];
  const floors: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      mine.push(await one(k));
      floors.push(await one(f));
    } else {
      floors.push(await one(f));
      mine.push(await one(k));
    }
  }
  return {
    mine: combined(mine),
    floor: combined(floors),
    ratios: mine.map((r, i) => r.perSecond / floors[i]!.perSecond),
  };
}

/** Said when the demo left fewer free times than BENCH_BOOKINGS asked for. */
const short = (run: Run) =>
  run.total < BOOKINGS ? `${run.total} per server (fewer free times than the ${BOOKINGS} asked); ` : '';

function rows(label: string, world: World, k: KnotworkRuns, f: FloorRuns, booked: number): Timing[] {
  const bookingsPerSecond = (count(k.booking, 201) * k.booking.perSecond) / Math.max(1, k.booking.total);
  const bookingRatio = k.booking.perSecond / f.booking.perSecond;
  const readRatio = k.readRatios ? median(k.readRatios) : k.read.perSecond / f.read.perSecond;
  const searchRatio = k.searchRatios ? median(k.searchRatios) : k.search.perSecond / f.search.perSecond;
  const primary = label === 'PostgreSQL';
  const target = (text: string, ok: boolean) =>
    primary ? `target ${text}: ${met(ok)}` : `(reported; target on PostgreSQL ${text})`;
  return [
    row(`${label}: bare Fastify route (floor process)`, f.bare, null, `${CONNECTIONS} connections`),
    row(
      `${label}: floor, booking writes (appointment + outbox + audit, one transaction)`,
      f.booking,
      null,
      `booked ${count(f.booking, 201)}, refused ${count(f.booking, 409)}, other ${others(f.booking, 201, 409)}`,
    ),
    row(
      `${label}: POST /api/appointments, distinct free slots`,
      k.booking,
      f.booking,
      `${short(k.booking)}booked ${count(k.booking, 201)} (in the database ${booked}), refused ` +
        `${count(k.booking, 409)}, other ` +
        `${others(k.booking, 201, 409)}; ${bookingsPerSecond.toFixed(0)} bookings/s; ` +
        target(
          `≥ ${TARGET.bookingsPerSecond} bookings/s and ≥ ${TARGET.bookingRatio} of floor`,
          bookingsPerSecond >= TARGET.bookingsPerSecond && bookingRatio >= TARGET.bookingRatio,
        ),
    ),
    row(
      `${label}: floor, patient read (select + audit insert, one transaction)`,
      f.read,
      null,
      `all 200; ${cpu(f.read)}`,
    ),
    row(
      `${label}: GET /api/patients/:id (audited)`,
      k.read,
      f.read,
      `non-200 ${others(k.read, 200)}; ${cpu(k.read)}; ${rounds(k.readRatios)}` +
        target(`≥ ${TARGET.readRatio} of floor`, readRatio >= TARGET.readRatio),
      readRatio,
    ),
    row(
      `${label}: floor, patient search (the search statement + one audit event)`,
      f.search,
      null,
      `same statements; ${cpu(f.search)}`,
    ),
    row(
      `${label}: GET /api/patients?q= (${PATIENTS} patients, one audit event each)`,
      k.search,
      f.search,
      `non-200 ${others(k.search, 200)}; ${world.searchPrefixes.length} prefixes; ${cpu(k.search)}; ` +
        `${rounds(k.searchRatios)}${target(`≥ ${TARGET.searchRatio} of floor`, searchRatio >= TARGET.searchRatio)}`,
      searchRatio,
    ),
  ];
}

/** Appointments in the database for the measured (not warm-up) requests of one half. */
async function countBookings(db: Database, world: World, half: Half): Promise<number> {
  const [r] = await db.query<{ booked: number }>(
    'SELECT count(*)::int AS booked FROM appointments WHERE org_id = $1 AND patient_id = ANY($2::uuid[])',
    [world.orgId, half.patients.slice(WARM_BOOKINGS)],
  );
  return r!.booked;
}

function floorArgs(world: World, where: Pick<FloorSettings, 'postgresUrl' | 'pgliteDir'>) {
  const settings: FloorSettings = { ...where, orgId: world.orgId, userId: world.adminUserId };
  return ['--import', 'tsx', 'bench/floor-server.ts', JSON.stringify(settings)];
}

const SERVE = [...serverNodeArgs(), 'bin/knotwork.mjs', 'serve'];
const SEND = ['bin/knotwork.mjs', 'send-messages'];
const RUNNING = /Knotwork is running at (\S+)/;
const LISTENING = /listening (\S+)/;
const SLOTS_WANTED = 2 * (BOOKINGS + WARM_BOOKINGS);

/** What `knotwork send-messages` sent, and how long it took (its process start included). */
interface Delivery {
  sent: number;
  seconds: number;
}

/**
 * Sends the messages the bookings queued with `knotwork send-messages`, between measured runs: the
 * servers measured here leave sending to it (KNOTWORK_OUTBOX_WORKER=off), as web servers do when a
 * worker process sends, so no row measures a delivery by chance of where a worker's tick fell.
 */
async function sendMessages(url: string, dataDir: string): Promise<Delivery> {
  const started = performance.now();
  const child = spawn(process.execPath, SEND, {
    cwd: ROOT,
    env: { ...process.env, KNOTWORK_DATABASE_URL: url, KNOTWORK_DATA_DIR: dataDir, KNOTWORK_SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  const sent = /Sent (\d+);/.exec(output);
  if (code !== 0 || !sent) throw new Error(`knotwork send-messages failed (${code}): ${output}`);
  return { sent: Number(sent[1]), seconds: (performance.now() - started) / 1000 };
}

/** Both servers run side by side; each operation is measured on Knotwork and at once on the floor. */
async function onPostgres(): Promise<Timing[]> {
  const adminUrl = process.env.KNOTWORK_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `knotwork_bench_tp_${process.pid}`;
  const admin = await openPostgres(adminUrl, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 4 });
  const started: ChildProcess[] = [];
  const mail = mkdtempSync(join(tmpdir(), 'knotwork-bench-mail-'));
  try {
    const world = await prepare(db, SLOTS_WANTED);
    const [mine, floors] = halves(world);
    const knotwork = await startChild(
      SERVE,
      { PORT: '0', KNOTWORK_DATABASE_URL: url.toString(), KNOTWORK_DATA_DIR: mail, KNOTWORK_OUTBOX_WORKER: 'off' },
      RUNNING,
    );
    started.push(knotwork.child);
    const floor = await startChild(floorArgs(world, { postgresUrl: url.toString() }), {}, LISTENING);
    started.push(floor.child);
    const k = await knotworkTarget(knotwork.url, knotwork.child.pid);
    const f = floorTarget(floor.url, floor.child.pid);
    const floorRuns: Partial<FloorRuns> = { bare: await bare(f) };
    const mineRuns: Partial<KnotworkRuns> = {};
    const send = () => sendMessages(url.toString(), mail);
    mineRuns.booking = await booking(k, mine, async () => void (await send()));
    const delivery = await send();
    floorRuns.booking = await booking(f, floors, async () => void (await send()));
    // The floor's messages are in the same outbox: sent before the reads, not during them. The bookings added
    // thousands of care-team and site rows the planner has not counted yet: counted now, as autovacuum soon would,
    // so the reads measure the steady state and not when its analyse happened to run.
    await send();
    await db.query('ANALYZE');
    const reads = await inTurns(k, f, (t) => read(t, world));
    const searches = await inTurns(k, f, (t) => search(t, world));
    [mineRuns.read, floorRuns.read, mineRuns.readRatios] = [reads.mine, reads.floor, reads.ratios];
    [mineRuns.search, floorRuns.search, mineRuns.searchRatios] = [searches.mine, searches.floor, searches.ratios];
    const booked = await countBookings(db, world, mine);
    return [
      ...rows('PostgreSQL', world, mineRuns as KnotworkRuns, floorRuns as FloorRuns, booked),
      {
        name: 'PostgreSQL: knotwork send-messages after the measured bookings (composed again, .eml files)',
        iterations: delivery.sent,
        medianMs: (delivery.seconds * 1000) / Math.max(1, delivery.sent),
        p99Ms: Number.NaN,
        note:
          `${(delivery.sent / delivery.seconds).toFixed(0)} messages/s: ${delivery.sent} sent in ` +
          `${delivery.seconds.toFixed(1)} s, process start included (reported)`,
      },
    ];
  } finally {
    for (const child of started) await stopChild(child);
    await db.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
    rmSync(mail, { recursive: true, force: true });
  }
}

/** PGlite is one process's database: the bench, Knotwork and the floor open the data directory in turn. */
async function onPglite(): Promise<Timing[]> {
  const dir = mkdtempSync(join(tmpdir(), 'knotwork-bench-tp-'));
  try {
    let db = await openPglite(dir);
    const world = await prepare(db, SLOTS_WANTED);
    await db.close();
    const [mine, floors] = halves(world);
    const knotwork = await startChild(SERVE, { PORT: '0', KNOTWORK_DATA_DIR: dir, KNOTWORK_DATABASE_URL: '' }, RUNNING);
    let k: KnotworkRuns;
    try {
      const t = await knotworkTarget(knotwork.url, knotwork.child.pid);
      k = { booking: await booking(t, mine), read: await read(t, world), search: await search(t, world) };
    } finally {
      await stopChild(knotwork.child);
    }
    const floor = await startChild(floorArgs(world, { pgliteDir: dir }), {}, LISTENING);
    let f: FloorRuns;
    try {
      const t = floorTarget(floor.url, floor.child.pid);
      f = {
        bare: await bare(t),
        booking: await booking(t, floors),
        read: await read(t, world),
        search: await search(t, world),
      };
    } finally {
      await stopChild(floor.child);
    }
    db = await openPglite(dir);
    const booked = await countBookings(db, world, mine);
    await db.close();
    return rows('PGlite', world, k, f, booked);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** BENCH_ENGINES=postgres (or pglite) measures one engine only. */
export async function run(): Promise<Timing[]> {
  const engines = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
  return [
    ...(engines.includes('postgres') ? await onPostgres() : []),
    ...(engines.includes('pglite') ? await onPglite() : []),
  ];
}
