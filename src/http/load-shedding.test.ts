import { request as httpRequest, type ClientRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AdmissionQueue,
  DEFAULT_LIMITS,
  installLoadShedding,
  limitsFromEnv,
  type SheddingLimits,
} from './load-shedding.ts';

describe('the admission queue', () => {
  afterEach(() => vi.useRealTimers());
  const never = () => undefined;

  it('admits up to its places, queues up to its limit first come first served, and refuses the rest', async () => {
    const queue = new AdmissionQueue(1, 2, 60_000);
    expect(await queue.admit(never)).toBe('admitted');
    const second = queue.admit(never);
    const third = queue.admit(never);
    expect(await queue.admit(never)).toBe('full');
    expect([queue.inFlight, queue.queued]).toEqual([1, 2]);
    queue.release();
    expect(await second).toBe('admitted');
    queue.release();
    expect(await third).toBe('admitted');
    queue.release();
    expect([queue.inFlight, queue.queued]).toEqual([0, 0]);
  });

  it('refuses a request that waited longer than the limit, and one whose client left', async () => {
    vi.useFakeTimers();
    const queue = new AdmissionQueue(1, 5, 2000);
    await queue.admit(never);
    const late = queue.admit(never);
    let leave = () => undefined as void;
    const gone = queue.admit((onGone) => (leave = onGone));
    vi.advanceTimersByTime(1999);
    expect(queue.queued).toBe(2);
    leave();
    expect(await gone).toBe('gone');
    vi.advanceTimersByTime(1);
    expect(await late).toBe('timeout');
    expect([queue.inFlight, queue.queued]).toEqual([1, 0]);
  });
});

describe('limits from the environment', () => {
  it('default when unset, and refuse a value that is not a positive whole number, naming the variable', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ KNOTWORK_MAX_WRITES: '3', KNOTWORK_QUEUE_WAIT_MS: '500' })).toMatchObject({
      maxWrites: 3,
      queueWaitMs: 500,
    });
    expect(() => limitsFromEnv({ KNOTWORK_MAX_QUEUED: '0' })).toThrow(/KNOTWORK_MAX_QUEUED/);
    expect(() => limitsFromEnv({ KNOTWORK_MAX_READS: 'lots' })).toThrow(/KNOTWORK_MAX_READS/);
  });
});

describe('a server that sheds load', () => {
  let app: FastifyInstance;
  afterEach(async () => {
    await app?.close();
  });

  /** One write place, one queued; the write handler waits until `open()` is called. */
  async function start(limits: Partial<SheddingLimits> = {}) {
    app = Fastify();
    const queues = installLoadShedding(app, {
      ...DEFAULT_LIMITS,
      maxWrites: 1,
      maxReads: 1,
      maxQueued: 1,
      queueWaitMs: 60_000,
      retryAfterSeconds: 3,
      ...limits,
    });
    // Stands for sign-in, which reads the database after the gate and before the body is parsed:
    // a request sent with x-slow-sign-in waits here until `signIn.done()`.
    let done = () => undefined as void;
    const signIn = { waiting: 0, socketClosed: 0, done: () => done() };
    const signedIn = new Promise<void>((resolve) => (done = resolve));
    app.addHook('onRequest', async (request) => {
      if (!request.headers['x-slow-sign-in']) return;
      signIn.waiting++;
      request.raw.socket.once('close', () => signIn.socketClosed++);
      await signedIn;
    });
    const started: string[] = [];
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    app.post('/api/bookings', async (request) => {
      started.push((request.body as { name: string }).name);
      await gate;
      return { ok: true };
    });
    app.get('/api/calendar', async () => ({ ok: true }));
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    return { queues, started, open: () => open(), url: address, signIn };
  }

  const post = (url: string, name: string) =>
    fetch(`${url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });

  /** Waits until the server has the request in hand (polling, so no timing is assumed). */
  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setImmediate(resolve));
  }

  it('answers 503 with Retry-After in the one error shape when full, keeps reads apart, serves the write', async () => {
    const s = await start();
    const first = post(s.url, 'first');
    await until(() => s.queues.writes.inFlight === 1 && s.started.length === 1);
    const queued = post(s.url, 'queued');
    await until(() => s.queues.writes.queued === 1);
    const refused = await post(s.url, 'refused');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await refused.json()).toEqual({
      error: { code: 'overloaded', message: expect.stringMatching(/busy.*Nothing was saved/) },
    });
    // Writes filling up hold no read back.
    expect((await fetch(`${s.url}/api/calendar`)).status).toBe(200);
    s.open();
    expect([(await first).status, (await queued).status]).toEqual([200, 200]);
    expect(s.started).toEqual(['first', 'queued']);
  });

  it('never starts a write whose client closed the connection while it waited', async () => {
    const s = await start();
    const first = post(s.url, 'first');
    await until(() => s.started.length === 1);
    const { port } = new URL(s.url);
    const body = JSON.stringify({ name: 'abandoned' });
    const abandoned: ClientRequest = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/api/bookings',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    abandoned.on('error', () => undefined);
    abandoned.end(body);
    await until(() => s.queues.writes.queued === 1);
    abandoned.destroy();
    await until(() => s.queues.writes.queued === 0);
    s.open();
    expect((await first).status).toBe(200);
    const later = await post(s.url, 'later');
    expect(later.status).toBe(200);
    expect(s.started).toEqual(['first', 'later']);
    expect([s.queues.writes.inFlight, s.queues.writes.queued]).toEqual([0, 0]);
  });

  it('keeps the place of a write whose client left while it ran, until the write is done', async () => {
    const s = await start();
    const { port } = new URL(s.url);
    const body = JSON.stringify({ name: 'running' });
    const running = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/api/bookings',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    running.on('error', () => undefined);
    running.end(body);
    await until(() => s.started.length === 1);
    running.destroy();
    const next = post(s.url, 'next');
    // The first write still runs, so the next one waits for its place rather than joining it.
    await until(() => s.queues.writes.queued === 1);
    expect(s.queues.writes.inFlight).toBe(1);
    s.open();
    expect((await next).status).toBe(200);
    expect(s.started).toEqual(['running', 'next']);
  });

  it('frees the place of a write whose client left during sign-in, before its body was read', async () => {
    const s = await start();
    const { port } = new URL(s.url);
    const body = JSON.stringify({ name: 'left' });
    const left = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/api/bookings',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-slow-sign-in': '1' },
    });
    left.on('error', () => undefined);
    left.end(body);
    await until(() => s.signIn.waiting === 1 && s.queues.writes.inFlight === 1);
    left.destroy();
    await until(() => s.signIn.socketClosed === 1);
    s.signIn.done();
    await until(() => s.queues.writes.inFlight === 0);
    s.open();
    expect((await post(s.url, 'after')).status).toBe(200);
    expect(s.started).toEqual(['after']);
  });

  it('answers 503 to a write that waited longer than the limit, and nothing of it runs', async () => {
    const s = await start({ queueWaitMs: 50 });
    const first = post(s.url, 'first');
    await until(() => s.started.length === 1);
    const waited = await post(s.url, 'waited');
    expect(waited.status).toBe(503);
    s.open();
    expect((await first).status).toBe(200);
    expect(s.started).toEqual(['first']);
  });
});
