import type { Queryable } from '../../database.ts';

export interface RangeOfMotion {
  joint: string;
  motion: string;
  side?: 'left' | 'right' | null;
  degrees: number;
  painOnMotion?: boolean;
}

export interface Subjective {
  painToday?: number;
  sinceLastVisit?: string;
  reliefDays?: number;
  notes?: string;
}

export interface Objective {
  notes?: string;
  posture?: string;
  palpation?: string;
  /** Range of motion measured before treatment, compared with the reassessment after. */
  rom?: RangeOfMotion[];
}

export interface CptMinutes {
  code: string;
  minutes: number;
}

export interface NoteContent {
  subjective: Subjective;
  objective: Objective;
  assessment: string | null;
  plan: string | null;
  cptMinutes: CptMinutes[];
}

export interface NoteRow extends NoteContent {
  id: string;
  orgId: string;
  patientId: string;
  appointmentId: string | null;
  therapistId: string;
  status: 'draft' | 'signed';
  signedAt: Date | null;
  signedBy: string | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `n.id, n.org_id AS "orgId", n.patient_id AS "patientId", n.appointment_id AS "appointmentId",
  n.therapist_id AS "therapistId", n.status, n.subjective, n.objective, n.assessment, n.plan,
  n.cpt_minutes AS "cptMinutes", n.signed_at AS "signedAt", n.signed_by AS "signedBy", n.version,
  n.created_by AS "createdBy", n.created_at AS "createdAt", n.updated_at AS "updatedAt"`;

export async function insertNote(
  db: Queryable,
  orgId: string,
  fields: NoteContent & { patientId: string; appointmentId: string | null; therapistId: string; createdBy: string },
  now: Date,
): Promise<NoteRow> {
  const rows = await db.query<NoteRow>(
    `INSERT INTO session_notes AS n (org_id, patient_id, appointment_id, therapist_id, subjective, objective,
      assessment, plan,
                                     cpt_minutes, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING ${COLUMNS}`,
    [
      orgId,
      fields.patientId,
      fields.appointmentId,
      fields.therapistId,
      JSON.stringify(fields.subjective),
      JSON.stringify(fields.objective),
      fields.assessment,
      fields.plan,
      JSON.stringify(fields.cptMinutes),
      fields.createdBy,
      now,
    ],
  );
  return rows[0]!;
}

/** Reads a note; `lock` takes a row lock so a sign and an edit of the same note take turns. */
export async function findNote(db: Queryable, orgId: string, id: string, lock = false): Promise<NoteRow | null> {
  const rows = await db.query<NoteRow>(
    `SELECT ${COLUMNS} FROM session_notes n WHERE n.org_id = $1 AND n.id = $2${lock ? ' FOR UPDATE' : ''}`,
    [orgId, id],
  );
  return rows[0] ?? null;
}

export async function listNotes(db: Queryable, orgId: string, patientId: string): Promise<NoteRow[]> {
  return db.query<NoteRow>(
    `SELECT ${COLUMNS} FROM session_notes n WHERE n.org_id = $1 AND n.patient_id = $2 ORDER BY n.created_at DESC, n.id`,
    [orgId, patientId],
  );
}

/** Saves new content of a draft when `version` is still current; null when it is stale or signed. */
export async function updateDraft(
  db: Queryable,
  orgId: string,
  id: string,
  version: number,
  content: NoteContent,
  now: Date,
): Promise<NoteRow | null> {
  const rows = await db.query<NoteRow>(
    `UPDATE session_notes n SET subjective = $4, objective = $5, assessment = $6, plan = $7, cpt_minutes = $8,
            version = n.version + 1, updated_at = $9
      WHERE n.org_id = $1 AND n.id = $2 AND n.version = $3 AND n.status = 'draft' RETURNING ${COLUMNS}`,
    [
      orgId,
      id,
      version,
      JSON.stringify(content.subjective),
      JSON.stringify(content.objective),
      content.assessment,
      content.plan,
      JSON.stringify(content.cptMinutes),
      now,
    ],
  );
  return rows[0] ?? null;
}

/** Whether `userId` is the active sign-in of the therapist record `therapistId`. */
export async function isOwnSignIn(db: Queryable, orgId: string, userId: string, therapistId: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM users u WHERE u.org_id = $1 AND u.id = $2 AND u.role = 'therapist' AND u.therapist_id = $3
      AND u.disabled_at IS NULL`,
    [orgId, userId, therapistId],
  );
  return rows.length > 0;
}

/** Signs a draft, only for the active sign-in of the note's own therapist (null otherwise). */
export async function signNote(
  db: Queryable,
  orgId: string,
  id: string,
  userId: string,
  now: Date,
): Promise<NoteRow | null> {
  const rows = await db.query<NoteRow>(
    `UPDATE session_notes n SET status = 'signed', signed_at = $3, signed_by = $4, version = n.version + 1,
      updated_at = $3
      WHERE n.org_id = $1 AND n.id = $2 AND n.status = 'draft'
        AND EXISTS (SELECT 1 FROM users u WHERE u.org_id = n.org_id AND u.id = $4 AND u.role = 'therapist'
                       AND u.therapist_id = n.therapist_id AND u.disabled_at IS NULL)
      RETURNING ${COLUMNS}`,
    [orgId, id, now, userId],
  );
  return rows[0] ?? null;
}

/** The organisation's billing unit rule (`settings.billing.unitRule`), when one is set. */
export async function orgUnitRule(db: Queryable, orgId: string): Promise<string | null> {
  const rows = await db.query<{ rule: string | null }>(
    `SELECT settings #>> '{billing,unitRule}' AS rule FROM organizations WHERE id = $1`,
    [orgId],
  );
  return rows[0]?.rule ?? null;
}

export interface AmendmentRow {
  id: string;
  sessionNoteId: string;
  reason: string;
  changes: Record<string, unknown>;
  authorUserId: string;
  authorRole: string;
  authorName: string | null;
  amendedAt: Date;
}

export async function insertAmendment(
  db: Queryable,
  orgId: string,
  a: {
    sessionNoteId: string;
    reason: string;
    changes: Record<string, unknown>;
    authorUserId: string;
    authorRole: string;
  },
  now: Date,
): Promise<AmendmentRow> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO note_amendments (org_id, session_note_id, reason, changes, author_user_id, author_role, amended_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [orgId, a.sessionNoteId, a.reason, JSON.stringify(a.changes), a.authorUserId, a.authorRole, now],
  );
  return (await listAmendments(db, orgId, a.sessionNoteId)).find((row) => row.id === rows[0]!.id)!;
}

export async function listAmendments(db: Queryable, orgId: string, noteId: string): Promise<AmendmentRow[]> {
  return db.query<AmendmentRow>(
    `SELECT a.id, a.session_note_id AS "sessionNoteId", a.reason, a.changes, a.author_user_id AS "authorUserId",
            a.author_role AS "authorRole", u.display_name AS "authorName", a.amended_at AS "amendedAt"
       FROM note_amendments a LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.author_user_id
      WHERE a.org_id = $1 AND a.session_note_id = $2 ORDER BY a.amended_at, a.id`,
    [orgId, noteId],
  );
}

/** The display name of a user, for "signed by" lines. */
export async function userName(db: Queryable, orgId: string, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const rows = await db.query<{ name: string }>(
    'SELECT display_name AS name FROM users WHERE org_id = $1 AND id = $2',
    [orgId, userId],
  );
  return rows[0]?.name ?? null;
}

/** The patients whose notes a therapist opened between two instants (a day's walk-ins and visits). */
export async function patientsNotedBetween(
  db: Queryable,
  orgId: string,
  therapistId: string,
  from: Date,
  to: Date,
): Promise<string[]> {
  const rows = await db.query<{ patientId: string }>(
    `SELECT DISTINCT n.patient_id AS "patientId" FROM session_notes n
      WHERE n.org_id = $1 AND n.therapist_id = $2 AND n.created_at >= $3 AND n.created_at < $4`,
    [orgId, therapistId, from, to],
  );
  return rows.map((r) => r.patientId);
}
