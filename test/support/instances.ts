/**
 * Several Knotwork servers on one PostgreSQL database behind HAProxy (Debian's package), on
 * loopback: what a clinic group runs when one app server is not enough.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((path) => existsSync(path));

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function until<T>(probe: () => Promise<T | undefined>, what: string, tries = 1200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

export interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

/** Builds the server bundle once, so every instance starts as `npm start` would. */
export function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

/**
 * Starts `knotwork serve` on the database; resolves once it has opened it and listens. `nodeArgs`: options
 * for node itself (a bench profiling the server).
 */
export async function startInstance(
  name: string,
  databaseUrl: string,
  dataDir: string,
  nodeArgs: string[] = [],
): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'bin/knotwork.mjs'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      KNOTWORK_DATABASE_URL: databaseUrl,
      // Shared by all: the .eml outbox, where a message written twice would show.
      KNOTWORK_DATA_DIR: dataDir,
      KNOTWORK_TRUST_PROXY: '127.0.0.1',
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const instance = { name, url: `http://127.0.0.1:${port}`, child, exited, output: () => output };
  await until(async () => (output.includes('Knotwork is running at') ? true : undefined), `${name} to start`);
  return instance;
}

export async function stopInstance(instance: Instance, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill(signal);
  await instance.exited;
}

export interface Proxy {
  url: string;
  stop: () => Promise<void>;
}

/** HAProxy in front of the instances: round robin, health checks every 200 ms, X-Forwarded-For. */
export async function startProxy(instances: Instance[], workDir: string): Promise<Proxy> {
  if (!HAPROXY)
    throw new Error('HAProxy is not installed (apt-get install haproxy); the multi-instance tests need it.');
  const port = await freePort();
  const config = join(workDir, 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 4096',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      '  option forwardfor',
      '  option http-keep-alive',
      'frontend knotwork',
      `  bind 127.0.0.1:${port}`,
      '  default_backend servers',
      'backend servers',
      '  balance roundrobin',
      '  option httpchk GET /api/health',
      '  default-server inter 200ms fall 2 rise 1',
      ...instances.map((i) => `  server ${i.name} ${new URL(i.url).host} check`),
      '',
    ].join('\n'),
  );
  const child = spawn(HAPROXY, ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const state = await until(async () => {
    if (child.exitCode !== null) return 'stopped';
    return (await fetch(`${url}/api/health`)).ok ? 'up' : undefined;
  }, 'HAProxy to answer');
  if (state === 'stopped') throw new Error(`HAProxy stopped: ${errors}`);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
