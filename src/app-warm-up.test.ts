import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../test/support/db.ts';
import { startApp, type RunningApp } from './app.ts';
import { DEMO_ORG_SLUG, seedDemo } from './demo/index.ts';
import { describeWarmUp } from './services/front-door/warm-up.ts';
import type { Database } from './store/database.ts';

const TODAY = '2026-11-26';
const now = () => new Date(`${TODAY}T17:00:00Z`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.each(BACKENDS)('the server warms its public pages after it starts, on %s', (backend) => {
  let t: { db: Database; drop: () => Promise<void> };

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await seedDemo(t.db, { seed: 2, patients: 12, today: TODAY });
  }, 120_000);

  afterAll(async () => {
    await t.drop();
  });

  async function serve(warmUp?: Parameters<typeof startApp>[1]['warmUp']): Promise<RunningApp & { port: number }> {
    const port = await freePort();
    const running = await startApp(t.db, { port, webRoot: null, now, ...(warmUp ? { warmUp } : {}) });
    return { ...running, port };
  }

  it('starts warming only once it is listening, and does not hold the start back', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let healthDuringWarmUp: number | undefined;
    const port = await freePort();
    const running = await startApp(t.db, {
      port,
      webRoot: null,
      now,
      warmUp: async () => {
        healthDuringWarmUp = (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
        await held;
        return 1;
      },
    });
    try {
      // The start is over while the warm-up still waits; the public pages already answer.
      const sites = await fetch(`http://127.0.0.1:${port}/api/public/${DEMO_ORG_SLUG}/sites`);
      expect(sites.status).toBe(200);
      release();
      expect(await running.warmed).toMatchObject({ warmed: true, organizations: 1 });
      expect(healthDuringWarmUp).toBe(200);
    } finally {
      release();
      await running.stop();
    }
  });

  it('keeps serving when the warm-up fails, and says so without quoting the error', async () => {
    const running = await serve(async () => {
      throw new Error('could not read the record of Jane Example, born 1970-01-01');
    });
    try {
      const outcome = await running.warmed;
      expect(outcome).toMatchObject({ warmed: false, reason: 'Error' });
      const line = describeWarmUp(outcome);
      expect(line).toMatch(/not warmed/);
      expect(line).not.toMatch(/Jane|1970/);
      const base = `http://127.0.0.1:${running.port}`;
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      expect((await fetch(`${base}/api/public/${DEMO_ORG_SLUG}/sites`)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it("reads every organisation's public pages once, without using up any visitor's limit", async () => {
    await t.db.query('DELETE FROM login_throttle');
    const running = await serve();
    try {
      const outcome = await running.warmed;
      expect(outcome).toMatchObject({ warmed: true, organizations: 1 });
      expect(describeWarmUp(outcome)).toMatch(/^Public pages warmed in \d+ ms \(1 organisation\); ready\.$/);
      const keys = await t.db.query<{ key: string }>('SELECT key FROM login_throttle ORDER BY key');
      expect(keys.length).toBeGreaterThan(0);
      for (const { key } of keys) expect(key).toMatch(/:server-warm-up$/);
      // What the warm-up read is what a visitor is shown.
      const sites = await fetch(`http://127.0.0.1:${running.port}/api/public/${DEMO_ORG_SLUG}/sites`);
      const body = (await sites.json()) as { sites: { nextFirstVisits: unknown[] }[] };
      expect(body.sites.length).toBeGreaterThan(0);
    } finally {
      await running.stop();
    }
  });
});
