import type { Queryable } from '../../database.ts';

export interface HomeCareContent {
  hydration: string;
  soreness: string;
  fatigue: string;
  stretches: Array<{ muscle: string; muscleName: string; title: string; steps: string[] }>;
  activityChanges: string[];
  callClinicIf: string[];
  notes: string | null;
  sources: string[];
}

export interface HomeCareRow {
  id: string;
  sessionNoteId: string;
  patientId: string;
  content: HomeCareContent;
  generatedBy: string;
  generatedAt: Date;
  editedBy: string | null;
  editedAt: Date | null;
  sentAt: Date | null;
  sentBy: string | null;
}

const COLUMNS = `h.id, h.session_note_id AS "sessionNoteId", h.patient_id AS "patientId", h.content,
  h.generated_by AS "generatedBy",
  h.generated_at AS "generatedAt", h.edited_by AS "editedBy", h.edited_at AS "editedAt", h.sent_at AS "sentAt",
  h.sent_by AS "sentBy"`;

/** A fresh generation replaces the content and clears the edit marks; a sent plan stays sent. */
export async function upsertGenerated(
  db: Queryable,
  orgId: string,
  r: { sessionNoteId: string; patientId: string; content: HomeCareContent; generatedBy: string },
  now: Date,
): Promise<HomeCareRow> {
  const rows = await db.query<HomeCareRow>(
    `INSERT INTO home_care_plans AS h (org_id, session_note_id, patient_id, content, generated_by, generated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (org_id, session_note_id) DO UPDATE
     SET content = EXCLUDED.content, generated_by = EXCLUDED.generated_by,
       generated_at = EXCLUDED.generated_at, edited_by = NULL, edited_at = NULL
     RETURNING ${COLUMNS}`,
    [orgId, r.sessionNoteId, r.patientId, JSON.stringify(r.content), r.generatedBy, now],
  );
  return rows[0]!;
}

export async function findForNote(db: Queryable, orgId: string, noteId: string): Promise<HomeCareRow | null> {
  const rows = await db.query<HomeCareRow>(
    `SELECT ${COLUMNS} FROM home_care_plans h WHERE h.org_id = $1 AND h.session_note_id = $2`,
    [orgId, noteId],
  );
  return rows[0] ?? null;
}

export async function updateContent(
  db: Queryable,
  orgId: string,
  noteId: string,
  content: HomeCareContent,
  userId: string,
  now: Date,
): Promise<HomeCareRow | null> {
  const rows = await db.query<HomeCareRow>(
    `UPDATE home_care_plans h SET content = $3, edited_by = $4, edited_at = $5 WHERE h.org_id = $1
      AND h.session_note_id = $2 RETURNING ${COLUMNS}`,
    [orgId, noteId, JSON.stringify(content), userId, now],
  );
  return rows[0] ?? null;
}

export async function markSent(
  db: Queryable,
  orgId: string,
  noteId: string,
  userId: string,
  now: Date,
): Promise<HomeCareRow | null> {
  const rows = await db.query<HomeCareRow>(
    `UPDATE home_care_plans h SET sent_at = $3, sent_by = $4 WHERE h.org_id = $1 AND h.session_note_id = $2
      RETURNING ${COLUMNS}`,
    [orgId, noteId, now, userId],
  );
  return rows[0] ?? null;
}

/**
 * The visit a plan came from: when it was (the appointment's start, or the note's for a walk-in), where, and with whom.
 */
export interface HomeCareVisit {
  appointmentId: string | null;
  visitAt: Date;
  /** The site's zone when the note belongs to an appointment. */
  timeZone: string | null;
  therapistName: string;
}

const VISIT = `n.appointment_id AS "appointmentId", coalesce(lower(a.during), n.created_at) AS "visitAt",
  l.time_zone AS "timeZone",
  pr.given_name || ' ' || pr.family_name AS "therapistName"`;
const VISIT_JOINS = `JOIN session_notes n ON n.org_id = h.org_id AND n.id = h.session_note_id
  JOIN therapists pr ON pr.org_id = n.org_id AND pr.id = n.therapist_id
  LEFT JOIN appointments a ON a.org_id = n.org_id AND a.id = n.appointment_id
  LEFT JOIN locations l ON l.org_id = a.org_id AND l.id = a.location_id`;

/** A patient's plans with their visits, latest first; `sentOnly` for the patient's own view. */
export async function listForPatient(
  db: Queryable,
  orgId: string,
  patientId: string,
  sentOnly: boolean,
): Promise<(HomeCareRow & HomeCareVisit)[]> {
  return db.query<HomeCareRow & HomeCareVisit>(
    `SELECT ${COLUMNS}, ${VISIT} FROM home_care_plans h ${VISIT_JOINS}
      WHERE h.org_id = $1 AND h.patient_id = $2 ${sentOnly ? 'AND h.sent_at IS NOT NULL' : ''}
      ORDER BY coalesce(h.sent_at, h.generated_at) DESC, h.id`,
    [orgId, patientId],
  );
}

export async function findVisitOfNote(db: Queryable, orgId: string, noteId: string): Promise<HomeCareVisit | null> {
  const rows = await db.query<HomeCareVisit>(
    `SELECT ${VISIT} FROM home_care_plans h ${VISIT_JOINS} WHERE h.org_id = $1 AND h.session_note_id = $2`,
    [orgId, noteId],
  );
  return rows[0] ?? null;
}
