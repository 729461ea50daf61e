import type { Queryable } from '../database.ts';

/** SQL of relief check-ins: one per signed visit, answered once through a signed link. */

export interface ReliefCheckInRow {
  id: string;
  orgId: string;
  patientId: string;
  sessionNoteId: string;
  visitOn: string;
  sendAt: Date;
  answeredAt: Date | null;
  reliefDays: number | null;
  stillHolding: boolean | null;
}

const COLUMNS = `id, org_id AS "orgId", patient_id AS "patientId", session_note_id AS "sessionNoteId",
  visit_on::text AS "visitOn",
  send_at AS "sendAt", answered_at AS "answeredAt", relief_days AS "reliefDays", still_holding AS "stillHolding"`;

/** The visit's check-in, created once: a second call for the same note returns null. */
export async function insertReliefCheckIn(
  db: Queryable,
  orgId: string,
  c: { patientId: string; sessionNoteId: string; visitOn: string; sendAt: Date; at: Date },
): Promise<ReliefCheckInRow | null> {
  const rows = await db.query<ReliefCheckInRow>(
    `INSERT INTO relief_checkins (org_id, patient_id, session_note_id, visit_on, send_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, session_note_id) DO NOTHING RETURNING ${COLUMNS}`,
    [orgId, c.patientId, c.sessionNoteId, c.visitOn, c.sendAt, c.at],
  );
  return rows[0] ?? null;
}

/**
 * By id alone: the link carries only the check-in's id, and its signature was checked before this
 * query (as with appointment links), so the organisation comes from the row.
 */
export async function findReliefCheckIn(db: Queryable, id: string): Promise<ReliefCheckInRow | null> {
  const rows = await db.query<ReliefCheckInRow>(`SELECT ${COLUMNS} FROM relief_checkins WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** Records the answer unless one is already there (then null). */
export async function answerReliefCheckIn(
  db: Queryable,
  orgId: string,
  id: string,
  a: { reliefDays: number; stillHolding: boolean; at: Date },
): Promise<ReliefCheckInRow | null> {
  const rows = await db.query<ReliefCheckInRow>(
    `UPDATE relief_checkins SET relief_days = $3, still_holding = $4, answered_at = $5
      WHERE org_id = $1 AND id = $2 AND answered_at IS NULL RETURNING ${COLUMNS}`,
    [orgId, id, a.reliefDays, a.stillHolding, a.at],
  );
  return rows[0] ?? null;
}

/**
 * A later visit makes the earlier visits' questions moot (their relief ran into the new visit):
 * their check-in emails not yet sent are cancelled. Returns how many.
 */
export async function cancelEarlierReliefMessages(
  db: Queryable,
  orgId: string,
  patientId: string,
  keepDedupeKey: string,
): Promise<number> {
  const rows = await db.query(
    `UPDATE outbox_messages SET status = 'cancelled', locked_until = NULL
      WHERE org_id = $1 AND patient_id = $2 AND kind = 'relief-check' AND status = 'pending' AND dedupe_key <> $3
      RETURNING id`,
    [orgId, patientId, keepDedupeKey],
  );
  return rows.length;
}
