import type { Queryable } from '../database.ts';

export interface StoredResponse {
  requestHash: string;
  status: number;
  response: unknown;
}

export async function findIdempotentResponse(db: Queryable, orgId: string, userId: string, key: string): Promise<StoredResponse | null> {
  const rows = await db.query<StoredResponse>(
    `SELECT request_hash AS "requestHash", status, response FROM idempotency_keys WHERE org_id = $1 AND user_id = $2 AND key = $3`,
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
    `INSERT INTO idempotency_keys (org_id, user_id, key, request_hash, status, response, created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
     ON CONFLICT DO NOTHING RETURNING key`,
    [orgId, userId, key, stored.requestHash, stored.status, JSON.stringify(stored.response), now],
  );
  return rows.length > 0;
}
