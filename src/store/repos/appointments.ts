import type { Queryable } from '../database.ts';
import { AUDIT_COLUMNS, auditRowsJson, type AuditEventInput } from './audit.ts';
import type { PatientScope } from './scope.ts';

export type AppointmentStatus =
  'booked' | 'arrived' | 'in_session' | 'completed' | 'cancelled' | 'late_cancel' | 'no_show';

export interface AppointmentRow {
  id: string;
  patientId: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
  serviceCode: string;
  /** The service's name as it is now (a renamed service reads with its new name everywhere). */
  serviceName: string;
  status: AppointmentStatus;
  start: Date;
  end: Date;
  bufferAfterMinutes: number;
  seriesId: string | null;
  notes: string | null;
  cancelReason: string | null;
  bookedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The session note opened for this visit, if any. */
  sessionNoteId: string | null;
}

/** Who, where and when a booking (or a hold on a freed slot) takes, with its turnover. */
export interface SlotTaken {
  patientId: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
  serviceCode: string;
  start: Date;
  end: Date;
  bufferAfterMinutes: number;
}

export interface NewAppointment extends SlotTaken {
  seriesId: string | null;
  bookedBy: string | null;
}

const COLUMNS = `a.id, a.patient_id AS "patientId", a.therapist_id AS "therapistId", a.location_id AS "locationId",
  a.room_id AS "roomId",
  a.service_code AS "serviceCode", (SELECT s.name FROM services s WHERE s.org_id = a.org_id
  AND s.code = a.service_code) AS "serviceName", a.status, lower(a.during) AS start, upper(a.during) AS "end",
  (extract(epoch FROM upper(a.blocks) - upper(a.during)) / 60)::int AS "bufferAfterMinutes",
  a.series_id AS "seriesId", a.notes, a.cancel_reason AS "cancelReason", a.booked_by AS "bookedBy", a.version,
  a.created_at AS "createdAt", a.updated_at AS "updatedAt",
  (SELECT n.id FROM session_notes n WHERE n.org_id = a.org_id AND n.appointment_id = a.id) AS "sessionNoteId"`;

/** Inserts many in one statement; the exclusion constraints judge them all at once. */
export async function insertAppointments(
  db: Queryable,
  orgId: string,
  list: NewAppointment[],
  now: Date,
): Promise<AppointmentRow[]> {
  const rows = await db.query<AppointmentRow>(
    `WITH a AS (
       INSERT INTO appointments (org_id, patient_id, therapist_id, location_id, room_id, service_code, during, blocks,
       series_id, booked_by, created_at, updated_at)
       SELECT $1, t.patient_id, t.therapist_id, t.location_id, t.room_id, t.service_code,
              tstzrange(t.starts, t.ends, '[)'), tstzrange(t.starts, t.ends + make_interval(mins => t.buffer), '[)'),
              t.series_id, t.booked_by, $12, $12
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[], $8::timestamptz[],
         $9::int[], $10::uuid[], $11::uuid[])
              AS t(patient_id, therapist_id, location_id, room_id, service_code, starts, ends, buffer, series_id,
              booked_by)
       RETURNING *)
     SELECT ${COLUMNS} FROM a ORDER BY lower(a.during)`,
    [
      orgId,
      list.map((x) => x.patientId),
      list.map((x) => x.therapistId),
      list.map((x) => x.locationId),
      list.map((x) => x.roomId),
      list.map((x) => x.serviceCode),
      list.map((x) => x.start),
      list.map((x) => x.end),
      list.map((x) => x.bufferAfterMinutes),
      list.map((x) => x.seriesId),
      list.map((x) => x.bookedBy),
      now,
    ],
  );
  return rows;
}

export async function findAppointment(
  db: Queryable,
  orgId: string,
  id: string,
  forUpdate = false,
): Promise<AppointmentRow | null> {
  const rows = await db.query<AppointmentRow>(
    `SELECT ${COLUMNS} FROM appointments a WHERE a.org_id = $1 AND a.id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, id],
  );
  return rows[0] ?? null;
}

export interface AppointmentFilter {
  locationId?: string;
  therapistId?: string;
  patientId?: string;
  from: Date;
  to: Date;
  limit: number;
}

function scopeClause(scope: PatientScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'organization':
      return 'TRUE';
    case 'self':
      params.push(scope.patientId);
      return `a.patient_id = $${params.length}`;
    case 'locations':
      params.push(scope.locationIds);
      return `a.location_id = ANY($${params.length}::uuid[])`;
    case 'therapist':
      params.push(scope.therapistId);
      return `a.therapist_id = $${params.length}`;
    case 'none':
      return 'FALSE';
  }
}

/**
 * Calendar data: appointments overlapping [from, to) that the scope allows, in time order. With `audited` (an
 * event without a patient or record), the same statement writes that event for each appointment listed.
 */
export async function listAppointments(
  db: Queryable,
  orgId: string,
  scope: PatientScope,
  filter: AppointmentFilter,
  audited?: AuditEventInput,
): Promise<AppointmentRow[]> {
  const params: unknown[] = [orgId, filter.from, filter.to];
  const where = [`a.during && tstzrange($2, $3)`, scopeClause(scope, params)];
  for (const [column, value] of [
    ['location_id', filter.locationId],
    ['therapist_id', filter.therapistId],
    ['patient_id', filter.patientId],
  ] as const) {
    if (!value) continue;
    params.push(value);
    where.push(`a.${column} = $${params.length}`);
  }
  params.push(filter.limit);
  // The organisation is written out in the statement ($1), where the scope check can see it.
  const listed = `SELECT ${COLUMNS} FROM appointments a WHERE a.org_id = $1 AND ${where.join(' AND ')}
      ORDER BY lower(a.during), a.id LIMIT $${params.length}`;
  if (!audited) return db.query<AppointmentRow>(listed, params);
  params.push(auditRowsJson([audited]));
  return db.query<AppointmentRow>(
    `WITH listed AS (${listed}), logged AS (
       INSERT INTO audit_events (${AUDIT_COLUMNS})
       SELECT e.org_id, e.actor_user_id, e.actor_role, e.action, e.outcome, l."patientId", 'appointment', l.id::text,
              e.ip, coalesce(e.detail, '{}')
         FROM json_populate_recordset(null::audit_events, $${params.length}::json) e CROSS JOIN listed l
     )
     SELECT * FROM listed ORDER BY start, id`,
    params,
  );
}

/** Moves an appointment in place: the exclusion constraints check the new time against every other booking. */
export async function moveAppointment(
  db: Queryable,
  orgId: string,
  id: string,
  to: {
    therapistId: string;
    locationId: string;
    roomId: string | null;
    start: Date;
    end: Date;
    bufferAfterMinutes: number;
  },
  now: Date,
): Promise<AppointmentRow> {
  const rows = await db.query<AppointmentRow>(
    `WITH a AS (
       UPDATE appointments SET therapist_id = $3, location_id = $4, room_id = $5, during = tstzrange($6, $7, '[)'),
              blocks = tstzrange($6, $7 + make_interval(mins => $8), '[)'), version = version + 1, updated_at = $9
        WHERE org_id = $1 AND id = $2 RETURNING *)
     SELECT ${COLUMNS} FROM a`,
    [orgId, id, to.therapistId, to.locationId, to.roomId, to.start, to.end, to.bufferAfterMinutes, now],
  );
  return rows[0]!;
}

export async function setStatus(
  db: Queryable,
  orgId: string,
  id: string,
  status: AppointmentStatus,
  reason: string | null,
  now: Date,
): Promise<AppointmentRow> {
  const rows = await db.query<AppointmentRow>(
    `WITH a AS (
       UPDATE appointments SET status = $3, cancel_reason = coalesce($4, cancel_reason), version = version + 1,
       updated_at = $5
        WHERE org_id = $1 AND id = $2 RETURNING *)
     SELECT ${COLUMNS} FROM a`,
    [orgId, id, status, reason, now],
  );
  return rows[0]!;
}
