import type { Queryable } from '../database.ts';

/** One visit on the patient's page, with the note written for it (if any). */
export interface VisitLine {
  id: string;
  start: Date;
  end: Date;
  status: string;
  serviceCode: string;
  therapistId: string;
  locationId: string;
  seriesId: string | null;
  noteId: string | null;
}

const VISIT = `a.id, lower(a.during) AS start, upper(a.during) AS "end", a.status, a.service_code AS "serviceCode",
  a.therapist_id AS "therapistId", a.location_id AS "locationId", a.series_id AS "seriesId", n.id AS "noteId"`;
const WITH_NOTE = `LEFT JOIN session_notes n ON n.org_id = a.org_id AND n.appointment_id = a.id`;

/** The next visits still to come (booked or under way) and the latest ones before `now`, `limit` each. */
export async function visitsOf(
  db: Queryable,
  orgId: string,
  patientId: string,
  now: Date,
  limit: number,
): Promise<{ upcoming: VisitLine[]; past: VisitLine[] }> {
  const upcoming = await db.query<VisitLine>(
    `SELECT ${VISIT} FROM appointments a ${WITH_NOTE}
      WHERE a.org_id = $1 AND a.patient_id = $2 AND upper(a.during) > $3
      AND a.status IN ('booked', 'arrived', 'in_session')
      ORDER BY lower(a.during), a.id LIMIT $4`,
    [orgId, patientId, now, limit],
  );
  const past = await db.query<VisitLine>(
    `SELECT ${VISIT} FROM appointments a ${WITH_NOTE}
      WHERE a.org_id = $1 AND a.patient_id = $2 AND NOT (upper(a.during) > $3
      AND a.status IN ('booked', 'arrived', 'in_session'))
      ORDER BY lower(a.during) DESC, a.id LIMIT $4`,
    [orgId, patientId, now, limit],
  );
  return { upcoming, past };
}

export interface NoteLine {
  id: string;
  status: 'draft' | 'signed';
  therapistId: string;
  appointmentId: string | null;
  createdAt: Date;
  signedAt: Date | null;
}

export async function notesOf(db: Queryable, orgId: string, patientId: string, limit: number): Promise<NoteLine[]> {
  return db.query<NoteLine>(
    `SELECT n.id, n.status, n.therapist_id AS "therapistId", n.appointment_id AS "appointmentId",
      n.created_at AS "createdAt", n.signed_at AS "signedAt"
       FROM session_notes n WHERE n.org_id = $1 AND n.patient_id = $2 ORDER BY n.created_at DESC, n.id LIMIT $3`,
    [orgId, patientId, limit],
  );
}

export interface PlanLine {
  id: string;
  status: 'draft' | 'active' | 'completed';
  plan: { phase?: string; totalVisits?: number; startDate?: string; reassessmentAtVisits?: number[] };
  seriesId: string | null;
  createdAt: Date;
}

/** The plan being followed: the active one, else the latest draft or completed one. */
export async function currentPlan(db: Queryable, orgId: string, patientId: string): Promise<PlanLine | null> {
  const rows = await db.query<PlanLine>(
    `SELECT p.id, p.status, p.plan, p.series_id AS "seriesId", p.created_at AS "createdAt" FROM treatment_plans p
      WHERE p.org_id = $1 AND p.patient_id = $2
      ORDER BY (p.status = 'active') DESC, p.created_at DESC, p.id LIMIT 1`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

/** Visits attended since a date (completed), and those booked from `now` on. */
export async function visitCounts(
  db: Queryable,
  orgId: string,
  patientId: string,
  since: string,
  now: Date,
): Promise<{ done: number; booked: number }> {
  const rows = await db.query<{ done: number; booked: number }>(
    `SELECT count(*) FILTER (WHERE a.status = 'completed' AND lower(a.during) >= $3::date)::int AS done,
            count(*) FILTER (WHERE a.status IN ('booked', 'arrived', 'in_session')
            AND upper(a.during) > $4)::int AS booked
       FROM appointments a WHERE a.org_id = $1 AND a.patient_id = $2`,
    [orgId, patientId, since, now],
  );
  return rows[0] ?? { done: 0, booked: 0 };
}
