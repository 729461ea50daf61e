// Scale past one machine: the same clinic traffic through HAProxy to 1, 2 and 3 Knotwork instances
// on one PostgreSQL database (test/support/instances.ts starts them as `npm start` would), against
// one instance reached directly in the same run. Each request is a desk's read: availability at a
// site (cached at the schedule stamp) or a patient's record (audited: one insert per read). On these
// 2 cores the instances, HAProxy, PostgreSQL and the load generator share the machine, so the rows
// show what the proxy costs and that instances add no contention; more cores are where they add
// throughput. BENCH_INSTANCE_PATIENTS sets the demo size (5,000), BENCH_INSTANCE_REQUESTS the
// requests per row (4,000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../src/demo/index.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { buildOnce, startInstance, startProxy, stopInstance, type Instance } from '../test/support/instances.ts';
import { benchToday, type Timing } from './lib.ts';

const PATIENTS = Number(process.env.BENCH_INSTANCE_PATIENTS ?? 5000);
const REQUESTS = Number(process.env.BENCH_INSTANCE_REQUESTS ?? 4000);
const CONNECTIONS = 32;

async function signIn(base: string): Promise<string> {
  const admin = DEMO_LOGINS.find((l) => l.role === 'admin')!;
  const res = await fetch(`${base}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Alternates availability and patient reads; answers other than 200 are counted, not hidden. */
async function drive(base: string, token: string, sites: string[], patients: string[]) {
  let sent = 0;
  let failed = 0;
  // From the first request to the last answer: autocannon's own duration is counted in whole
  // seconds, which made 4,000 requests in 5.6 s and in 6.4 s both read as 667 req/s.
  let first = 0;
  let last = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    amount: REQUESTS,
    timeout: 30,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (req) => {
          if (sent === 0) first = performance.now();
          const i = sent++;
          const path =
            i % 2 === 0
              ? `/api/availability?location=${sites[i % sites.length]}`
              : `/api/patients/${patients[i % patients.length]}`;
          return { ...req, method: 'GET', path };
        },
        onResponse: (status) => {
          last = performance.now();
          if (status !== 200) failed++;
        },
      },
    ],
  });
  const perSecond = result.requests.total / ((last - first) / 1000);
  return { perSecond, p50: result.latency.p50, p99: result.latency.p99, failed };
}

export async function run(): Promise<Timing[]> {
  buildOnce();
  const { db, drop, url } = await createTestDatabase('postgres');
  const workDir = mkdtempSync(join(tmpdir(), 'knotwork-bench-instances-'));
  const running: Instance[] = [];
  try {
    const { orgId } = await seedDemo(db, { seed: 1, patients: PATIENTS, today: benchToday() });
    await db.query('ANALYZE');
    const sites = (await db.query<{ id: string }>('SELECT id FROM locations WHERE org_id = $1', [orgId])).map(
      (r) => r.id,
    );
    const patients = (
      await db.query<{ id: string }>('SELECT id FROM patients WHERE org_id = $1 ORDER BY id LIMIT 500', [orgId])
    ).map((r) => r.id);
    const rows: Timing[] = [];
    const row = (name: string, r: Awaited<ReturnType<typeof drive>>, base?: number): Timing => ({
      name,
      iterations: REQUESTS,
      medianMs: r.p50,
      p99Ms: r.p99,
      ...(base ? { ratioToBaseline: r.perSecond / base } : {}),
      note: `${r.perSecond.toFixed(0)} req/s${r.failed ? `, ${r.failed} not 200` : ''}`,
    });
    running.push(await startInstance('k1', url!, workDir));
    const token = await signIn(running[0]!.url);
    // Warm each instance's caches and connections before it is measured.
    await drive(running[0]!.url, token, sites, patients);
    const direct = await drive(running[0]!.url, token, sites, patients);
    rows.push(row('one instance, reached directly (baseline)', direct));
    for (const count of [1, 2, 3]) {
      while (running.length < count) {
        const added = await startInstance(`k${running.length + 1}`, url!, workDir);
        running.push(added);
        await drive(added.url, token, sites, patients);
      }
      const proxy = await startProxy(running, workDir);
      try {
        const through = await drive(proxy.url, token, sites, patients);
        rows.push(row(`${count} instance${count > 1 ? 's' : ''} behind HAProxy`, through, direct.perSecond));
      } finally {
        await proxy.stop();
      }
    }
    return rows;
  } finally {
    await Promise.all(running.map((i) => stopInstance(i)));
    await drop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
