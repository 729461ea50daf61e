/**
 * Every create is safe to repeat. A client sends an Idempotency-Key header with a create; the first
 * answer is kept under (organisation, user, key) in the same transaction as the record it created,
 * and a retry with the same key and the same request gets that answer back instead of a second
 * record. Two requests with one key at the same moment: the second waits for the first where their
 * writes meet (the key itself, written last, or a row both write), rolls back whatever it wrote and
 * is answered with the first one's answer. The same key with another request is refused (422).
 *
 * The HTTP layer reads the header (`readKey`) and answers a retry from storage (`answeredBefore`; sign-in reads
 * what is kept under the key with the session) before the use case runs; the use case runs its write through
 * `createOnce`.
 */
import { createHash } from 'node:crypto';
import type { Transactional } from '../store/database.ts';
import * as repo from '../store/repos/idempotency.ts';
import { audit } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { ServiceError, ValidationError } from './errors.ts';

/** One user intent: the key the client sent and a fingerprint of what it asked for. */
export interface Once {
  key: string;
  requestHash: string;
}

const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A password is left out of what identifies a request: no hash of one is kept with a key. */
const SECRET = /password/i;

/** Object members are sorted so the same request always hashes the same; file bytes hash as bytes. */
function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return `bytes:${createHash('sha256').update(value).digest('hex')}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET.test(k))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestHash(route: string, body: unknown): string {
  return createHash('sha256')
    .update(route)
    .update('\n')
    .update(JSON.stringify(canonical(body)) ?? '')
    .digest('hex');
}

/** The key of a request, checked: 1–200 visible ASCII characters (a UUID fits), or none at all. */
export function readKey(header: string | string[] | undefined, route: string, body: unknown): Once | undefined {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new ValidationError(
      {
        [IDEMPOTENCY_HEADER]:
          'The Idempotency-Key must be 1 to 200 letters, digits or symbols without spaces, such as a UUID.',
      },
      'The Idempotency-Key header is not in a form we accept.',
    );
  }
  return { key, requestHash: requestHash(route, body) };
}

/** The answer kept for a key: a success body, or a refusal replayed as the same error. */
export class ReplayedRefusal extends ServiceError {
  readonly extra: Record<string, unknown>;
  /** The first answer's status, so a refusal whose class named its own status replays as it was. */
  override readonly status: number;
  constructor(
    body: { error: { code: string; message: string; fields?: Record<string, string> } } & Record<string, unknown>,
    status: number,
  ) {
    super(body.error.code, body.error.message, body.error.fields);
    this.status = status;
    const { error: _error, ...extra } = body;
    this.extra = extra;
  }
}

export class KeyReusedError extends ServiceError {
  constructor() {
    super(
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request. Start again to get a new one.',
      {
        [IDEMPOTENCY_HEADER]: 'Already used for a different request; send a new key for a new request.',
      },
    );
  }
}

/** The stored answer as this request's answer; null while nothing is kept under the key. */
function replay(stored: repo.StoredResponse | null, once: Once): { status: number; body: unknown } | null {
  if (!stored || stored.status === 0) return null;
  if (stored.requestHash !== once.requestHash) throw new KeyReusedError();
  if (stored.status >= 400)
    throw new ReplayedRefusal(stored.response as ConstructorParameters<typeof ReplayedRefusal>[0], stored.status);
  return { status: stored.status, body: stored.response };
}

/** The answer kept under a key for the signed-in user, as sign-in read it (null: nothing kept). */
export interface KeptUnderKey {
  key: string;
  kept: repo.StoredResponse | null;
}

/**
 * A retry of an answered create: its first answer (the retry reads what it created, so it is
 * audited as such). Null when the key is new: the create should run.
 */
export async function answeredBefore(
  ctx: ServiceContext,
  actor: Actor,
  once: Once | undefined,
  route: string,
  /** What is kept under `once.key`, when sign-in already read it with the session. */
  known?: KeptUnderKey,
): Promise<{ status: number; body: unknown } | null> {
  if (!once) return null;
  const stored =
    known && known.key === once.key
      ? known.kept
      : await repo.findIdempotentResponse(ctx.db, actor.orgId, actor.userId, once.key);
  const answer = replay(stored, once);
  if (answer)
    await audit(ctx.db, actor, [{ action: 'request.replay', recordType: 'idempotency_key', detail: { route } }]);
  return answer;
}

class AnsweredMeanwhile extends Error {}

/** Errors whose request was already compared with what its key holds (by createOnce or a replay). */
const consulted = new WeakSet<object>();

/** True when the key was already consulted for this error: the HTTP layer need not look again. */
export function keyConsulted(err: unknown): boolean {
  return (
    err instanceof ReplayedRefusal ||
    err instanceof KeyReusedError ||
    (typeof err === 'object' && err !== null && consulted.has(err))
  );
}

function consultedThrow(err: unknown): never {
  if (typeof err === 'object' && err !== null) consulted.add(err);
  throw err;
}

export interface CreateOnceOptions {
  /** Refusals worth keeping as the answer (a slot taken): a retry gets the same refusal, not a later success. */
  keepRefusal?: (err: unknown) => number | null;
}

/**
 * Runs a create's write in one transaction that ends by keeping the answer under the key. Without a
 * key it is a plain transaction. When another request with the key got there first, this one's
 * writes roll back and it returns that request's answer.
 */
export async function createOnce<T>(
  ctx: ServiceContext,
  actor: Actor,
  once: Once | undefined,
  write: (tx: Transactional) => Promise<T>,
  options: CreateOnceOptions = {},
): Promise<T> {
  if (!once) return ctx.db.transaction(write);
  return createOnceKeptByWrite(
    ctx,
    actor,
    once,
    async (tx, keep) => {
      const answer = await write(tx);
      // Kept as the client receives it (JSON), so a replay means the same as the first answer. The key
      // is written last, in the same statement that finds it taken: one round trip, not a claim and an answer.
      const { userId, key, stored } = keep(answer)!;
      return { answer, written: await repo.storeIdempotentResponse(tx, actor.orgId, userId, key, stored, ctx.now()) };
    },
    options,
  );
}

/**
 * createOnce for a transaction whose last write keeps the answer itself (keptCte), so the key costs no
 * round trip of its own: `write` learns through `keep` what to keep for the answer it is about to give, and
 * says whether its statement wrote (false: the key held an answer first, and this request gets it).
 */
export async function createOnceKeptByWrite<T>(
  ctx: ServiceContext,
  actor: Actor,
  once: Once | undefined,
  write: (
    tx: Transactional,
    keep: (answer: T) => repo.KeyToKeep | undefined,
  ) => Promise<{ answer: T; written: boolean }>,
  options: CreateOnceOptions = {},
): Promise<T> {
  const keep = (answer: T) => once && { userId: actor.userId, key: once.key, stored: answerToKeep(once, answer) };
  try {
    return await ctx.db.transaction(async (tx) => {
      const { answer, written } = await write(tx, keep);
      if (!written) throw new AnsweredMeanwhile();
      return answer;
    });
  } catch (err) {
    if (err instanceof AnsweredMeanwhile) return replayStored<T>(ctx, actor, once!);
    return failedCreate<T>(ctx, actor, once, err, options);
  }
}

/**
 * A create whose every write is one statement, so it needs no transaction: its answer is known before the
 * write, and `write` keeps it under the key in that statement (given `kept`, the statement writes nothing and
 * returns false when the key already holds an answer — that answer is then this request's). Failures are
 * settled as createOnce settles them.
 */
export async function createInOneStatement<T>(
  ctx: ServiceContext,
  actor: Actor,
  once: Once | undefined,
  answer: T,
  write: (kept: repo.StoredResponse | undefined) => Promise<boolean>,
  options: CreateOnceOptions = {},
): Promise<T> {
  try {
    if (await write(once && answerToKeep(once, answer))) return answer;
    return await replayStored<T>(ctx, actor, once!);
  } catch (err) {
    return failedCreate<T>(ctx, actor, once, err, options);
  }
}

/**
 * A create that failed: a refusal worth keeping is kept as the key's answer; otherwise the request with this
 * key that ended first may be why this one failed (a row both wrote, such as a unique email), and its answer
 * is this request's too. Anything else is thrown on.
 */
export async function failedCreate<T>(
  ctx: ServiceContext,
  actor: Actor,
  once: Once | undefined,
  err: unknown,
  options: CreateOnceOptions = {},
): Promise<T> {
  if (!once) throw err;
  const status = options.keepRefusal?.(err) ?? null;
  if (status !== null) return keepRefusal(ctx, actor, once, err, status);
  const stored = await repo.findIdempotentResponse(ctx.db, actor.orgId, actor.userId, once.key).catch(() => null);
  const answered = replay(stored, once);
  if (answered) return answered.body as T;
  return consultedThrow(err);
}

/** What a create keeps under its key: its answer, as the client receives it. */
function answerToKeep(once: Once, answer: unknown): repo.StoredResponse {
  return { requestHash: once.requestHash, status: 201, response: JSON.parse(JSON.stringify(answer ?? null)) };
}

/** The answer another request with this key kept first (a create whose statement found the key taken). */
async function replayStored<T>(ctx: ServiceContext, actor: Actor, once: Once): Promise<T> {
  const answer = replay(await repo.findIdempotentResponse(ctx.db, actor.orgId, actor.userId, once.key), once);
  if (!answer) throw new Error('An Idempotency-Key was claimed but holds no answer.');
  return answer.body as T;
}

/**
 * Keeps a refusal as the key's answer and throws it; when the key got an answer meanwhile, that
 * answer is this request's. Without a key it only throws.
 */
export async function keepRefusal<T = never>(
  ctx: ServiceContext,
  actor: Actor,
  once: Once | undefined,
  err: unknown,
  status: number,
): Promise<T> {
  if (!once || !(err instanceof ServiceError)) throw err;
  const extra = (err as { extra?: Record<string, unknown> }).extra ?? {};
  const body = {
    ...extra,
    error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
  };
  const stored = { requestHash: once.requestHash, status, response: body };
  if (await repo.storeIdempotentResponse(ctx.db, actor.orgId, actor.userId, once.key, stored, ctx.now()))
    return consultedThrow(err);
  return replayStored<T>(ctx, actor, once);
}
