import type { Queryable } from '../database.ts';

/** SQL for the patient's own record download, beyond what the chart's repositories already read. */

export interface RecordAppointment {
  id: string;
  start: Date;
  end: Date;
  status: string;
  serviceCode: string;
  therapistId: string;
  locationId: string;
  serviceName: string | null;
  therapistName: string | null;
  locationName: string | null;
  /** The site's zone, to print the visit on the site's clock. */
  timeZone: string | null;
}

/** Every appointment of the patient, oldest first, with the names a person reads. */
export function recordAppointments(db: Queryable, orgId: string, patientId: string): Promise<RecordAppointment[]> {
  return db.query<RecordAppointment>(
    `SELECT a.id, lower(a.during) AS start, upper(a.during) AS "end", a.status, a.service_code AS "serviceCode",
            a.therapist_id AS "therapistId", a.location_id AS "locationId", s.name AS "serviceName",
            t.given_name || ' ' || t.family_name AS "therapistName",
            l.name AS "locationName", l.time_zone AS "timeZone"
       FROM appointments a
       LEFT JOIN services s ON s.org_id = a.org_id AND s.code = a.service_code
       LEFT JOIN therapists t ON t.org_id = a.org_id AND t.id = a.therapist_id
       LEFT JOIN locations l ON l.org_id = a.org_id AND l.id = a.location_id
      WHERE a.org_id = $1 AND a.patient_id = $2
      ORDER BY lower(a.during), a.id`,
    [orgId, patientId],
  );
}

export interface RecordIntake {
  version: number;
  submittedAt: Date;
  answers: Record<string, unknown>;
}

/** The submitted versions of the health questionnaire, oldest first (a draft is not part of the record). */
export function recordIntakes(db: Queryable, orgId: string, patientId: string): Promise<RecordIntake[]> {
  return db.query<RecordIntake>(
    `SELECT version, submitted_at AS "submittedAt", answers
       FROM intake_responses WHERE org_id = $1 AND patient_id = $2 AND status = 'completed' ORDER BY version`,
    [orgId, patientId],
  );
}
