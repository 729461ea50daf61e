// The public pages' reads (sites with next free first visits, what to expect, the self-check and safety
// questions, the place search) over HTTP against the demo organisation on PGlite, each as a ratio to a
// bare Fastify route answering a small JSON in the same run. Target: p50 and p99 under 100 ms, and the
// first (cold) request after the server is ready too. Ready is when startApp's `warmed` settles, the
// warm-up it runs after listening (`knotwork serve` then prints "Public pages warmed … ready."). The
// sites list is kept a few seconds: a second row times it with the clock moved past that before every
// request, so each one is read afresh; the cold request, after the clock moved on, reads it afresh too.
// BENCH_QUERIES sets the requests per endpoint (default 200).
import Fastify from 'fastify';
import { startApp } from '../src/app.ts';
import { DEMO_ORG_SLUG, seedDemo } from '../src/demo/index.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { benchNow, benchToday, percentile, withRatio, type Timing } from './lib.ts';

const REQUESTS = Number(process.env.BENCH_QUERIES ?? 200);
/** Past the public limits' windows (15 min for reads, 1 min for searches), so no request is refused. */
const PAST_WINDOWS_MS = 16 * 60_000;
/** Under the place search's limit per window. */
const SEARCHES_PER_WINDOW = 100;
const TARGET_MS = 100;

async function timed(
  name: string,
  url: string,
  tick: () => void,
  tickEvery = SEARCHES_PER_WINDOW,
): Promise<Timing & { coldMs: number }> {
  const once = async () => {
    const start = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${name}: ${response.status}`);
    return performance.now() - start;
  };
  tick();
  const coldMs = await once();
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    if (i % tickEvery === 0) tick();
    samples.push(await once());
  }
  samples.sort((a, b) => a - b);
  return { name, iterations: REQUESTS, medianMs: percentile(samples, 50), p99Ms: percentile(samples, 99), coldMs };
}

export async function run(): Promise<Timing[]> {
  const db = await openPglite();
  await migrate(db);
  await seedDemo(db, { seed: 1, patients: 200, today: benchToday() });
  // The server's clock moves on past each throttle window between batches; nothing else reads it.
  let offset = 0;
  const tick = () => (offset += PAST_WINDOWS_MS);
  const running = await startApp(db, {
    port: 0,
    webRoot: null,
    now: () => new Date(benchNow().getTime() + offset),
  });
  const ready = await running.warmed;
  if (!ready.warmed) throw new Error(`the warm-up failed: ${ready.reason}`);
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const base = running.url.replace('localhost', '127.0.0.1');
    const org = `${base}/api/public/${DEMO_ORG_SLUG}`;
    const baseline = await timed('baseline: bare Fastify GET', `${bareUrl}/bare`, () => undefined);
    const reads: [string, string, number?][] = [
      ['GET /api/public/:org/sites', `${org}/sites`],
      ['GET /api/public/:org/sites (read afresh each time)', `${org}/sites`, 1],
      ['GET /api/public/:org/about (es)', `${org}/about?locale=es`],
      ['GET /api/public/:org/self-check', `${org}/self-check`],
      ['GET /api/public/:org/safety (es)', `${org}/safety?locale=es`],
      ['GET /api/public/places (front of my thigh)', `${base}/api/public/places?q=front%20of%20my%20thigh&lang=en`],
      ['GET /api/public/places (es)', `${base}/api/public/places?q=parte%20delantera%20del%20muslo&lang=es`],
    ];
    const rows: Timing[] = [{ ...baseline, note: `cold ${baseline.coldMs.toFixed(1)} ms` }];
    const against = (ms: number) => `${ms.toFixed(1)} ms ${ms < TARGET_MS ? 'within' : 'OVER'}`;
    for (const [name, url, tickEvery] of reads) {
      const t = await timed(name, url, tick, tickEvery);
      rows.push({
        ...withRatio(t, baseline),
        note:
          `target < ${TARGET_MS} ms: cold ${against(t.coldMs)}; p50 ${against(t.medianMs)}; ` +
          `p99 ${against(t.p99Ms)}`,
      });
    }
    return rows;
  } finally {
    await bare.close();
    await running.stop();
    await db.close();
  }
}
