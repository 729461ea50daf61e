/**
 * Idempotency-Key: a retried create with the same key and the same body gets the first answer
 * (same status, same body) and books nothing more; the same key with another body is refused.
 */
import { createHash } from 'node:crypto';
import * as repo from '../../store/repos/idempotency.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ServiceError, ValidationError } from '../errors.ts';
import { ReplayedError } from './errors.ts';

/** Keys sort their object members so the same request always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function requestHash(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\n').update(JSON.stringify(canonical(body))).digest('hex');
}

/** Outcomes worth remembering: the booking, or the booking's refusal (not a 403 or a server fault). */
const REMEMBERED = new Set(['slot_unavailable', 'not_qualified', 'series_conflict']);

export interface IdempotentCall<T> {
  key: string | undefined;
  route: string;
  body: unknown;
  /** Runs the write; `remember` must be called inside its transaction with the success body. */
  run: (remember: (tx: Parameters<typeof repo.storeIdempotentResponse>[0], response: T) => Promise<void>) => Promise<T>;
}

class KeyTakenMeanwhile extends Error {}

export async function idempotent<T>(ctx: ServiceContext, actor: Actor, call: IdempotentCall<T>): Promise<T> {
  if (!call.key) return call.run(async () => undefined);
  const key = call.key;
  const hash = requestHash(call.route, call.body);
  const replay = async (): Promise<T> => {
    const stored = await repo.findIdempotentResponse(ctx.db, actor.orgId, actor.userId, key);
    if (!stored) throw new Error('idempotency key vanished');
    if (stored.requestHash !== hash) {
      throw new ServiceError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request.', {
        'Idempotency-Key': 'Already used with a different request body; use a new key.',
      });
    }
    if (stored.status >= 400) throw new ReplayedError(stored.response as ConstructorParameters<typeof ReplayedError>[0]);
    return stored.response as T;
  };
  if (await repo.findIdempotentResponse(ctx.db, actor.orgId, actor.userId, key)) return replay();
  try {
    return await call.run(async (tx, response) => {
      const fresh = await repo.storeIdempotentResponse(tx, actor.orgId, actor.userId, key, { requestHash: hash, status: 201, response: JSON.parse(JSON.stringify(response)) }, ctx.now());
      if (!fresh) throw new KeyTakenMeanwhile();
    });
  } catch (err) {
    if (err instanceof KeyTakenMeanwhile) return replay();
    if (err instanceof ServiceError && REMEMBERED.has(err.code)) {
      const extra = (err as { extra?: Record<string, unknown> }).extra ?? {};
      const body = { ...extra, error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
      const status = err.code === 'not_qualified' ? 422 : 409;
      const fresh = await repo.storeIdempotentResponse(ctx.db, actor.orgId, actor.userId, key, { requestHash: hash, status, response: body }, ctx.now());
      if (!fresh) return replay();
    }
    throw err;
  }
}

export function checkKey(key: string | undefined): void {
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new ValidationError({ 'Idempotency-Key': 'Use 1–200 visible ASCII characters, e.g. a UUID.' });
  }
}
