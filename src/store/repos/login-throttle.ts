import type { Queryable } from '../database.ts';

export interface Counted {
  key: string;
  attempts: number;
  windowStart: Date;
}

/** A count never grows past this: hammering a key keeps it refused, not overflowing int4. */
const CEILING = 1_000_000;

export interface ThrottleKey {
  key: string;
  /** The organisation of the account the key is about; null for an address or an unknown email. */
  orgId: string | null;
}

/**
 * Counts one attempt on each key in one statement (a window older than `windowStartedBefore`
 * starts afresh) and answers the counts after it. Keys are locked in sorted order so that
 * concurrent statements over overlapping keys cannot deadlock.
 */
export async function countAttempt(
  db: Queryable,
  keys: ThrottleKey[],
  now: Date,
  windowStartedBefore: Date,
): Promise<Counted[]> {
  const sorted = [...new Map(keys.map((k) => [k.key, k])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  return db.query<Counted>(
    `INSERT INTO login_throttle AS t (key, org_id, window_start, attempts)
     SELECT k, o, $3, 1 FROM unnest($1::text[], $2::uuid[]) WITH ORDINALITY AS u(k, o, n) ORDER BY n
     ON CONFLICT (key) DO UPDATE SET
       window_start = CASE WHEN t.window_start <= $4 THEN EXCLUDED.window_start ELSE t.window_start END,
       attempts = CASE WHEN t.window_start <= $4 THEN 1 ELSE LEAST(t.attempts + 1, ${CEILING}) END
     RETURNING key, attempts, window_start AS "windowStart"`,
    [sorted.map((k) => k.key), sorted.map((k) => k.orgId), now, windowStartedBefore],
  );
}

/** The count of a key in its current window (0 when none). */
export async function currentCount(db: Queryable, key: string, windowStartedBefore: Date): Promise<number> {
  const rows = await db.query<{ attempts: number }>(
    'SELECT attempts FROM login_throttle WHERE key = $1 AND window_start > $2',
    [key, windowStartedBefore],
  );
  return rows[0]?.attempts ?? 0;
}

/** An attempt that succeeded: `forget` keys start afresh; `refund` keys give their attempt back. */
export async function settleSuccess(db: Queryable, forget: string[], refund: string[]): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE key = ANY($1::text[])', [forget]);
  await db.query('UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key = ANY($1::text[])', [
    refund,
  ]);
}

export async function purgeThrottle(db: Queryable, windowStartedBefore: Date): Promise<number> {
  const rows = await db.query('DELETE FROM login_throttle WHERE window_start <= $1 RETURNING key', [
    windowStartedBefore,
  ]);
  return rows.length;
}
