import type { Queryable } from '../../database.ts';

export type MeasureAnswer = number | null | { activity: string; score: number | null };

export interface MeasureResponseRow {
  id: string;
  patientId: string;
  measure: 'nprs' | 'ndi' | 'odi' | 'psfs';
  answers: MeasureAnswer[];
  score: number;
  percent: number | null;
  band: string | null;
  takenAt: Date;
  sessionNoteId: string | null;
  enteredBy: string;
  enteredRole: string;
}

const COLUMNS = `id, patient_id AS "patientId", measure, answers, score, percent, band, taken_at AS "takenAt",
  session_note_id AS "sessionNoteId", entered_by AS "enteredBy", entered_role AS "enteredRole"`;

export async function insertResponse(
  db: Queryable,
  orgId: string,
  r: Omit<MeasureResponseRow, 'id' | 'takenAt'>,
  now: Date,
): Promise<MeasureResponseRow> {
  const rows = await db.query<MeasureResponseRow>(
    `INSERT INTO measure_responses (org_id, patient_id, measure, answers, score, percent, band, taken_at,
      session_note_id, entered_by, entered_role)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
    [
      orgId,
      r.patientId,
      r.measure,
      JSON.stringify(r.answers),
      r.score,
      r.percent,
      r.band,
      now,
      r.sessionNoteId,
      r.enteredBy,
      r.enteredRole,
    ],
  );
  return rows[0]!;
}

/** Oldest first: the first response of each measure is its baseline. */
export async function listResponses(db: Queryable, orgId: string, patientId: string): Promise<MeasureResponseRow[]> {
  return db.query<MeasureResponseRow>(
    `SELECT ${COLUMNS} FROM measure_responses WHERE org_id = $1 AND patient_id = $2 ORDER BY taken_at, id`,
    [orgId, patientId],
  );
}

/** Signed notes (completed visits) of a patient signed after `since` (all of them when null). */
export async function visitsSince(
  db: Queryable,
  orgId: string,
  patientId: string,
  since: Date | null,
): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM session_notes
      WHERE org_id = $1 AND patient_id = $2 AND status = 'signed' AND ($3::timestamptz IS NULL
      OR signed_at > $3::timestamptz)`,
    [orgId, patientId, since],
  );
  return rows[0]?.n ?? 0;
}

export async function notePatient(db: Queryable, orgId: string, noteId: string): Promise<string | null> {
  const rows = await db.query<{ patientId: string }>(
    `SELECT patient_id AS "patientId" FROM session_notes WHERE org_id = $1 AND id = $2`,
    [orgId, noteId],
  );
  return rows[0]?.patientId ?? null;
}
