// Foundation benchmark: cold start to first served page on existing PGlite data, and patient search /
// patient read throughput (authenticated, audited) on PGlite and PostgreSQL, each as a ratio to a bare
// Fastify route measured in the same run. BENCH_PATIENTS sets the demo size (default 100,000).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { startApp } from '../src/app.ts';
import { seedDemo } from '../src/demo/index.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { benchToday, percentile, type Timing } from './lib.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const TODAY = benchToday();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Milliseconds from spawning `args` until GET url answers 200. */
async function timeToFirstResponse(args: string[], env: NodeJS.ProcessEnv, url: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(url);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
      if (performance.now() - started > 120_000) throw new Error(`no answer from ${url}`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function coldStart(): Promise<Timing[]> {
  // What `npm start` runs first: the server is then started from its bundle, as a clinic's would be.
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'knotwork-bench-'));
  try {
    const db = await openPglite(dataDir);
    await migrate(db);
    await seedDemo(db, { seed: 1, patients: 2000, today: TODAY });
    await db.close();
    const runs = 3;
    const app: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const port = await freePort();
      app.push(
        await timeToFirstResponse(
          ['bin/knotwork.mjs', 'serve'],
          { PORT: String(port), KNOTWORK_DATA_DIR: dataDir, KNOTWORK_DATABASE_URL: '' },
          `http://127.0.0.1:${port}/`,
        ),
      );
      const barePort = await freePort();
      bare.push(
        await timeToFirstResponse(
          ['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${barePort})`],
          {},
          `http://127.0.0.1:${barePort}/`,
        ),
      );
    }
    app.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    const baseline: Timing = {
      name: 'cold start: bare node http server',
      iterations: runs,
      medianMs: percentile(bare, 50),
      p99Ms: percentile(bare, 99),
    };
    return [
      baseline,
      {
        name: 'cold start: knotwork serve on existing PGlite data → first page',
        iterations: runs,
        medianMs: percentile(app, 50),
        p99Ms: percentile(app, 99),
        ratioToBaseline: percentile(app, 50) / baseline.medianMs,
      },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `total` requests with `concurrency` in flight; returns per-request latencies and requests/s. */
async function load(total: number, concurrency: number, request: (i: number) => Promise<Response>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        const res = await request(i);
        if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { medianMs: percentile(latencies, 50), p99Ms: percentile(latencies, 99), perSecond: total / seconds };
}

async function throughput(label: string, db: Database): Promise<Timing[]> {
  await migrate(db);
  const t0 = performance.now();
  await seedDemo(db, { seed: 1, patients: PATIENTS, today: TODAY });
  const seedMs = performance.now() - t0;
  const running = await startApp(db, { port: 0, webRoot: null });
  const bare = Fastify();
  bare.get('/api/bare', async () => ({ status: 'ok' }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await fetch(`${running.url}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.knotwork.test', password: 'knotwork-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    const page = (await (await fetch(`${running.url}/api/patients?pageSize=100`, { headers })).json()) as {
      patients: { id: string; familyName: string; phone: string }[];
    };
    const names = page.patients.map((p) => p.familyName.slice(0, 3));
    const ids = page.patients.map((p) => p.id);
    const n = 1000;
    const concurrency = 8;
    const base = await load(n, concurrency, () => fetch(`${bareUrl}/api/bare`));
    const search = await load(n, concurrency, (i) =>
      fetch(`${running.url}/api/patients?q=${encodeURIComponent(names[i % names.length]!)}`, { headers }),
    );
    const read = await load(n, concurrency, (i) =>
      fetch(`${running.url}/api/patients/${ids[i % ids.length]}`, { headers }),
    );
    const note = (r: { perSecond: number }) =>
      `${r.perSecond.toFixed(0)} req/s; throughput ratio ${(r.perSecond / base.perSecond).toFixed(3)} of bare`;
    return [
      {
        name: `${label}: bare Fastify route`,
        iterations: n,
        medianMs: base.medianMs,
        p99Ms: base.p99Ms,
        note: `${base.perSecond.toFixed(0)} req/s`,
      },
      {
        name: `${label}: patient search by name prefix (${PATIENTS} patients, audited)`,
        iterations: n,
        medianMs: search.medianMs,
        p99Ms: search.p99Ms,
        ratioToBaseline: search.medianMs / base.medianMs,
        note: note(search),
      },
      {
        name: `${label}: patient read (audited)`,
        iterations: n,
        medianMs: read.medianMs,
        p99Ms: read.p99Ms,
        ratioToBaseline: read.medianMs / base.medianMs,
        note: note(read),
      },
      { name: `${label}: seeding ${PATIENTS} demo patients`, iterations: 1, medianMs: seedMs, p99Ms: seedMs },
    ];
  } finally {
    await running.stop();
    await bare.close();
  }
}

export async function run(): Promise<Timing[]> {
  const results = await coldStart();
  const lite = await openPglite();
  try {
    results.push(...(await throughput('PGlite', lite)));
  } finally {
    await lite.close();
  }
  const adminUrl = process.env.KNOTWORK_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `knotwork_bench_${process.pid}`;
  const admin = await openPostgres(adminUrl, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pg = await openPostgres(url.toString());
  try {
    results.push(...(await throughput('PostgreSQL', pg)));
  } finally {
    await pg.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
  return results;
}
