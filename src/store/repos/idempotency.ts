import type { Queryable } from '../database.ts';

export interface StoredResponse {
  requestHash: string;
  /** The HTTP status of the first answer; 0 while the create that claimed the key is still running. */
  status: number;
  response: unknown;
}

export async function findIdempotentResponse(
  db: Queryable,
  orgId: string,
  userId: string,
  key: string,
): Promise<StoredResponse | null> {
  const rows = await db.query<StoredResponse>(
    `SELECT request_hash AS "requestHash", status, response FROM idempotency_keys WHERE org_id = $1 AND user_id = $2
      AND key = $3`,
    [orgId, userId, key],
  );
  return rows[0] ?? null;
}

/** Records the first answer for a key; false when another request stored one first. */
export async function storeIdempotentResponse(
  db: Queryable,
  orgId: string,
  userId: string,
  key: string,
  stored: StoredResponse,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO idempotency_keys (org_id, user_id, key, request_hash, status, response, created_at)
      VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
     ON CONFLICT DO NOTHING RETURNING key`,
    [orgId, userId, key, stored.requestHash, stored.status, JSON.stringify(stored.response), now],
  );
  return rows.length > 0;
}

/** Keys older than `before` are forgotten: a retry comes within minutes, not days. */
export async function purgeIdempotencyKeys(db: Queryable, before: Date): Promise<number> {
  const rows = await db.query(`DELETE FROM idempotency_keys WHERE created_at < $1 RETURNING key`, [before]);
  return rows.length;
}

/** The answer a create's statement keeps under the request's key (keptCte). */
export interface KeyToKeep {
  userId: string;
  key: string;
  stored: StoredResponse;
}

/**
 * The CTE `kept` of a create written in one statement: the key with its answer, or no row when another
 * request stored one first — the statement's other writes are then left undone by depending on it.
 */
export function keptCte(
  param: (value: unknown) => string,
  orgId: string,
  userId: string,
  key: string,
  stored: StoredResponse,
  now: Date,
): string {
  return `kept AS (
       INSERT INTO idempotency_keys (org_id, user_id, key, request_hash, status, response, created_at)
       VALUES (${param(orgId)}, ${param(userId)}, ${param(key)}, ${param(stored.requestHash)}, ${param(stored.status)},
         ${param(JSON.stringify(stored.response))}::jsonb, ${param(now)})
       ON CONFLICT DO NOTHING RETURNING key
     )`;
}
