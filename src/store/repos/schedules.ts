import type { Queryable } from '../database.ts';

export interface TemplateRow {
  id: string;
  locationId: string;
  weekday: number;
  start: string;
  end: string;
  validFrom: string | null;
  validTo: string | null;
}

export type TemplateFields = Omit<TemplateRow, 'id'>;

export interface ExceptionRow {
  id: string;
  therapistId: string;
  kind: 'time-off' | 'extra-shift';
  locationId: string | null;
  start: Date;
  end: Date;
  reason: string | null;
}

export type ExceptionFields = Omit<ExceptionRow, 'id' | 'therapistId'>;

const TEMPLATE_COLUMNS = `id, location_id AS "locationId", weekday, to_char(start_time, 'HH24:MI') AS start,
  to_char(end_time, 'HH24:MI') AS "end",
  valid_from AS "validFrom", valid_to AS "validTo"`;
const EXCEPTION_COLUMNS =
  `id, therapist_id AS "therapistId", kind, location_id AS "locationId", ` +
  `lower(during) AS start, upper(during) AS "end", reason`;

export async function listTemplates(db: Queryable, orgId: string, therapistId: string): Promise<TemplateRow[]> {
  return db.query<TemplateRow>(
    `SELECT ${TEMPLATE_COLUMNS} FROM shift_templates WHERE org_id = $1 AND therapist_id = $2
      ORDER BY weekday, start_time, location_id`,
    [orgId, therapistId],
  );
}

export async function replaceTemplates(
  db: Queryable,
  orgId: string,
  therapistId: string,
  templates: TemplateFields[],
): Promise<void> {
  await db.query('DELETE FROM shift_templates WHERE org_id = $1 AND therapist_id = $2', [orgId, therapistId]);
  if (templates.length === 0) return;
  await db.query(
    `INSERT INTO shift_templates (org_id, therapist_id, location_id, weekday, start_time, end_time, valid_from,
      valid_to)
     SELECT $1, $2, t.location_id, t.weekday, t.start_time, t.end_time, t.valid_from, t.valid_to
       FROM unnest($3::uuid[], $4::int[], $5::time[], $6::time[], $7::date[], $8::date[])
            AS t(location_id, weekday, start_time, end_time, valid_from, valid_to)`,
    [
      orgId,
      therapistId,
      templates.map((t) => t.locationId),
      templates.map((t) => t.weekday),
      templates.map((t) => t.start),
      templates.map((t) => t.end),
      templates.map((t) => t.validFrom),
      templates.map((t) => t.validTo),
    ],
  );
}

/** Exceptions of one therapist that end on or after `since`. */
export async function listExceptions(
  db: Queryable,
  orgId: string,
  therapistId: string,
  since: Date,
): Promise<ExceptionRow[]> {
  return db.query<ExceptionRow>(
    `SELECT ${EXCEPTION_COLUMNS} FROM schedule_exceptions WHERE org_id = $1 AND therapist_id = $2
      AND upper(during) >= $3
      ORDER BY lower(during), id`,
    [orgId, therapistId, since],
  );
}

export async function insertException(
  db: Queryable,
  orgId: string,
  therapistId: string,
  f: ExceptionFields,
): Promise<ExceptionRow> {
  const rows = await db.query<ExceptionRow>(
    `INSERT INTO schedule_exceptions (org_id, therapist_id, kind, location_id, during, reason)
     VALUES ($1, $2, $3, $4, tstzrange($5, $6, '[)'), $7) RETURNING ${EXCEPTION_COLUMNS}`,
    [orgId, therapistId, f.kind, f.locationId, f.start, f.end, f.reason],
  );
  return rows[0]!;
}

export async function deleteException(db: Queryable, orgId: string, therapistId: string, id: string): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM schedule_exceptions WHERE org_id = $1 AND therapist_id = $2 AND id = $3 RETURNING id',
    [orgId, therapistId, id],
  );
  return rows.length > 0;
}
