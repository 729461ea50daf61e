import type { Queryable } from '../database.ts';

/** FHIR import: the identifiers records were imported under (migration 0030), and the writes only an import makes. */

export interface IdentifierKey {
  system: string;
  value: string;
}

/** The record an earlier import made from a resource with any of these identifiers, or null. */
export async function findLinked(
  db: Queryable,
  orgId: string,
  type: string,
  keys: readonly IdentifierKey[],
): Promise<string | null> {
  if (keys.length === 0) return null;
  const rows = await db.query<{ recordId: string }>(
    `SELECT l.record_id AS "recordId" FROM fhir_import_links l
       JOIN unnest($3::text[], $4::text[]) AS k(system, value) ON k.system = l.system AND k.value = l.value
      WHERE l.org_id = $1 AND l.resource_type = $2 ORDER BY l.created_at, l.system LIMIT 1`,
    [orgId, type, keys.map((k) => k.system), keys.map((k) => k.value)],
  );
  return rows[0]?.recordId ?? null;
}

export async function insertLinks(
  db: Queryable,
  orgId: string,
  type: string,
  keys: readonly IdentifierKey[],
  recordId: string,
  now: Date,
): Promise<void> {
  if (keys.length === 0) return;
  await db.query(
    `INSERT INTO fhir_import_links (org_id, resource_type, system, value, record_id, created_at)
     SELECT $1, $2, k.system, k.value, $5, $6 FROM unnest($3::text[], $4::text[]) AS k(system, value)
     ON CONFLICT (org_id, resource_type, system, value) DO NOTHING`,
    [orgId, type, keys.map((k) => k.system), keys.map((k) => k.value), recordId, now],
  );
}

const TABLES = {
  Patient: 'patients',
  Practitioner: 'therapists',
  Location: 'locations',
  Organization: 'payers',
  Coverage: 'coverages',
  Appointment: 'appointments',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the organisation holds a record of this type with this id (a merged-away patient does not count). */
export async function recordExists(
  db: Queryable,
  orgId: string,
  type: keyof typeof TABLES,
  id: string,
): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const merged = type === 'Patient' ? ' AND merged_into IS NULL' : '';
  const rows = await db.query(`SELECT 1 FROM ${TABLES[type]} WHERE org_id = $1 AND id = $2${merged}`, [orgId, id]);
  return rows.length > 0;
}

export async function locationIdBySlug(db: Queryable, orgId: string, slug: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>('SELECT id FROM locations WHERE org_id = $1 AND slug = $2', [
    orgId,
    slug,
  ]);
  return rows[0]?.id ?? null;
}

export interface ImportedVisit {
  patientId: string;
  therapistId: string;
  locationId: string;
  serviceCode: string;
  status: string;
  start: Date;
  end: Date;
  notes: string | null;
  cancelReason: string | null;
  createdAt: Date;
}

/** The same visit already on the schedule: same patient, therapist, site and times. */
export async function findSameVisit(db: Queryable, orgId: string, v: ImportedVisit): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM appointments WHERE org_id = $1 AND patient_id = $2 AND therapist_id = $3 AND location_id = $4
        AND during = tstzrange($5, $6, '[)') ORDER BY created_at, id LIMIT 1`,
    [orgId, v.patientId, v.therapistId, v.locationId, v.start, v.end],
  );
  return rows[0]?.id ?? null;
}

/** A visit as another system kept it: its status and times as they were, no turnover buffer, no room. */
export async function insertImportedVisit(
  db: Queryable,
  orgId: string,
  v: ImportedVisit,
  bookedBy: string,
  now: Date,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO appointments (org_id, patient_id, therapist_id, location_id, service_code, status, during, blocks,
       notes, cancel_reason, booked_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, tstzrange($7, $8, '[)'), tstzrange($7, $8, '[)'), $9, $10, $11, $12, $13)
     RETURNING id`,
    [
      orgId,
      v.patientId,
      v.therapistId,
      v.locationId,
      v.serviceCode,
      v.status,
      v.start,
      v.end,
      v.notes,
      v.cancelReason,
      bookedBy,
      v.createdAt,
      now,
    ],
  );
  return rows[0]!.id;
}

/**
 * A service the imported visits name that the clinic does not offer yet: kept, switched off, so the
 * visits keep their service and a manager decides whether to offer it. False when it already exists.
 */
export async function ensureService(
  db: Queryable,
  orgId: string,
  s: { code: string; name: string; minutes: number },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO services (org_id, code, name, discipline, duration_minutes, active)
     VALUES ($1, $2, $3, 'nmt', $4, false) ON CONFLICT (org_id, code) DO NOTHING RETURNING id`,
    [orgId, s.code, s.name.slice(0, 200), Math.min(480, Math.max(5, s.minutes))],
  );
  return rows.length > 0;
}

/** The same coverage already on file: the patient's, of the same kind, payer and member id, in the same order. */
export async function findSameCoverage(
  db: Queryable,
  orgId: string,
  c: { patientId: string; type: string; payerId: string | null; memberId: string | null; order: number },
): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM coverages WHERE org_id = $1 AND patient_id = $2 AND type = $3
        AND payer_id IS NOT DISTINCT FROM $4::uuid AND member_id IS NOT DISTINCT FROM $5 AND coverage_order = $6
      ORDER BY ended_at IS NOT NULL, created_at, id LIMIT 1`,
    [orgId, c.patientId, c.type, c.payerId, c.memberId, c.order],
  );
  return rows[0]?.id ?? null;
}
