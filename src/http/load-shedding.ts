/**
 * Shedding load the server cannot serve in time. Requests wait for one of a bounded number of
 * places (writes and reads apart, so a burst of one cannot starve the other); when the queue is
 * full, or a request has waited longer than the wait limit, it is answered at once with 503 and
 * Retry-After instead of being served long after its client gave up. A request whose client has
 * already closed the connection is never started.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError } from '../services/errors.ts';
import { toErrorResponse } from './errors.ts';
import { securityHeaders } from './security.ts';

export interface SheddingLimits {
  /** Writes (POST, PUT, PATCH, DELETE) served at once. */
  maxWrites: number;
  /** Reads (GET, HEAD) served at once. */
  maxReads: number;
  /** Requests of each kind that may wait for a place; more are refused at once. */
  maxQueued: number;
  /** How long a request may wait for a place before it is refused. */
  queueWaitMs: number;
  /** Seconds a refused client is told to wait before retrying. */
  retryAfterSeconds: number;
}

export const DEFAULT_LIMITS: SheddingLimits = {
  maxWrites: 8,
  maxReads: 16,
  maxQueued: 64,
  queueWaitMs: 2000,
  retryAfterSeconds: 2,
};

const ENV_LIMITS: Record<keyof SheddingLimits, string> = {
  maxWrites: 'KNOTWORK_MAX_WRITES',
  maxReads: 'KNOTWORK_MAX_READS',
  maxQueued: 'KNOTWORK_MAX_QUEUED',
  queueWaitMs: 'KNOTWORK_QUEUE_WAIT_MS',
  retryAfterSeconds: 'KNOTWORK_RETRY_AFTER_SECONDS',
};

/** Limits from the environment; a value that is not a positive whole number is a startup error. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): SheddingLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(ENV_LIMITS) as [keyof SheddingLimits, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a whole number of at least 1, not "${raw}"`);
    limits[key] = value;
  }
  return limits;
}

export class OverloadedError extends ServiceError {
  override readonly status = 503;
  constructor(readonly retryAfterSeconds: number) {
    super('overloaded', 'The clinic system is busy right now. Nothing was saved; please try again in a moment.');
  }
}

type Outcome = 'admitted' | 'full' | 'timeout' | 'gone';

interface Waiter {
  settle: (outcome: Outcome) => void;
}

/** A counting semaphore with a bounded, time-limited FIFO queue. */
export class AdmissionQueue {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly places: number,
    private readonly maxQueued: number,
    private readonly waitMs: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves when admitted (the caller must `release()` once), or with the reason it was not. */
  admit(gone: (onGone: () => void) => void): Promise<Outcome> {
    if (this.active < this.places) {
      this.active++;
      return Promise.resolve('admitted');
    }
    if (this.waiting.length >= this.maxQueued) return Promise.resolve('full');
    return new Promise<Outcome>((resolve) => {
      let done = false;
      const waiter: Waiter = {
        settle: (outcome) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve(outcome);
        },
      };
      const timer = setTimeout(() => waiter.settle('timeout'), this.waitMs);
      this.waiting.push(waiter);
      gone(() => waiter.settle('gone'));
    });
  }

  release(): void {
    const next = this.waiting.shift();
    // The place passes straight to the next waiter, so the count stays as it is.
    if (next) next.settle('admitted');
    else this.active--;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Closed by the client: nobody is left to answer, so nothing is started. */
function clientGone(request: FastifyRequest): boolean {
  // The socket, not the request stream: a request whose body was read to the end counts as done.
  return request.raw.socket?.destroyed === true;
}

function refuse(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  securityHeaders(request, reply);
  const { status, body } = toErrorResponse(new OverloadedError(retryAfterSeconds));
  return reply.status(status).header('retry-after', String(retryAfterSeconds)).send(body);
}

/** Paths that touch the database; static files and the liveness check are never held back. */
const gated = (url: string) => (url.startsWith('/api/') && !url.startsWith('/api/health')) || url.startsWith('/cal/');

/**
 * Installs the gate as the first onRequest hook (before sign-in, which reads the database) and a
 * last check before the handler. Returns the two queues, so tests can watch them fill.
 */
export function installLoadShedding(
  app: FastifyInstance,
  limits: SheddingLimits,
): { reads: AdmissionQueue; writes: AdmissionQueue } {
  const reads = new AdmissionQueue(limits.maxReads, limits.maxQueued, limits.queueWaitMs);
  const writes = new AdmissionQueue(limits.maxWrites, limits.maxQueued, limits.queueWaitMs);
  const places = new WeakMap<FastifyRequest, () => void>();
  const working = new WeakSet<FastifyRequest>();
  const release = (request: FastifyRequest) => {
    places.get(request)?.();
    places.delete(request);
  };
  app.addHook('onRequest', async (request, reply) => {
    if (!gated(request.url)) return;
    const queue = READS.has(request.method) ? reads : writes;
    const outcome = await queue.admit((onGone) => {
      // While it waits, a closed connection takes the request out of the queue.
      reply.raw.once('close', onGone);
    });
    if (outcome !== 'admitted') return refuse(request, reply, limits.retryAfterSeconds);
    places.set(request, () => queue.release());
    // A connection dropped before the handler starts ends the request there (an unread body is
    // never parsed, so nothing would ever answer): its place is free at once.
    reply.raw.once('close', () => {
      if (!working.has(request)) release(request);
    });
    if (clientGone(request)) return refuse(request, reply, limits.retryAfterSeconds);
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!gated(request.url)) return;
    // Sign-in and the body took time: a client that left meanwhile gets no write started for it.
    if (clientGone(request)) return refuse(request, reply, limits.retryAfterSeconds);
    working.add(request);
  });
  // The place is held until the work is done and its answer is being sent, even when the client
  // has gone meanwhile: a connection closing does not stop a transaction already running.
  app.addHook('onSend', async (request) => release(request));
  app.addHook('onResponse', async (request) => release(request));
  app.decorate('admission', { reads, writes });
  return { reads, writes };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The load-shedding queues, when installed: how many requests are being served and waiting. */
    admission?: { reads: AdmissionQueue; writes: AdmissionQueue };
  }
}
