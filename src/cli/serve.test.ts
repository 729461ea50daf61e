import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Served {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function serve(dataDir: string, port: number): Served {
  const child = spawn(process.execPath, [join(ROOT, 'bin/knotwork.mjs'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), KNOTWORK_DATA_DIR: dataDir, KNOTWORK_DATABASE_URL: '' },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('knotwork serve', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'knotwork-serve-'));
  let first: Served;

  beforeAll(async () => {
    // What `npm start` runs first: the web app and the server bundle, when out of date.
    execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    first = serve(dataDir, await freePort());
  }, 240_000);

  afterAll(async () => {
    first.child.kill('SIGTERM');
    await first.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the web app, and the API once the new database is migrated', async () => {
    const page = await until(async () => {
      const res = await fetch(`${first.url}/`);
      return res.ok ? res.text() : undefined;
    }, 'the first page');
    expect(page).toContain('<div id="root">');
    // Sent as soon as the page answers: a request that needs the database waits for it, never fails.
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'not-a-password' }),
    });
    expect(login.status).toBe(401);
    await until(async () => (first.output().includes('Knotwork is running at') ? true : undefined), 'ready');
    // Then it reads its public pages once and says it is ready (an empty database has no organisation yet).
    await until(
      async () =>
        /Public pages warmed in \d+ ms \(0 organisations\); ready\./.test(first.output()) ? true : undefined,
      'warmed',
    );
  }, 120_000);

  it('a second server on the same data folder stops with the reason, and does not stay listening', async () => {
    const port = await freePort();
    const second = serve(dataDir, port);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/The data folder .* is in use by process \d+/);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    // The first server is unharmed.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  }, 120_000);
});
