import type { Queryable } from '../database.ts';

export interface JobRow {
  id: number;
  orgId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Schedules a job once: a second call with the same dedupe key does nothing. */
export async function enqueueJob(
  db: Queryable,
  job: { kind: string; runAt: Date; orgId?: string | null; payload?: object; dedupeKey?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO jobs (org_id, kind, payload, run_at, dedupe_key) VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [job.orgId ?? null, job.kind, JSON.stringify(job.payload ?? {}), job.runAt, job.dedupeKey ?? null],
  );
}

/**
 * Claims one due job for `leaseMs`. SKIP LOCKED lets every server instance run a worker:
 * each claims a different row, and a crashed worker's lease simply runs out.
 */
export async function claimJob(db: Queryable, kinds: string[], now: Date, leaseMs: number): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(
    `UPDATE jobs SET locked_until = $3, attempts = attempts + 1
      WHERE id = (SELECT id FROM jobs
                   WHERE done_at IS NULL AND kind = ANY($1) AND run_at <= $2 AND (locked_until IS NULL
                   OR locked_until < $2)
                   ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, org_id AS "orgId", kind, payload, attempts`,
    [kinds, now, new Date(now.getTime() + leaseMs)],
  );
  return rows[0] ?? null;
}

export async function completeJob(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query('UPDATE jobs SET done_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1', [id, now]);
}

export async function failJob(db: Queryable, id: number, error: string, retryAt: Date): Promise<void> {
  await db.query('UPDATE jobs SET locked_until = NULL, last_error = $2, run_at = $3 WHERE id = $1', [
    id,
    error.slice(0, 500),
    retryAt,
  ]);
}

/** A long job's worker keeps its claim while it makes progress. */
export async function extendJobLease(db: Queryable, id: number, until: Date): Promise<void> {
  await db.query('UPDATE jobs SET locked_until = $2 WHERE id = $1 AND done_at IS NULL', [id, until]);
}
