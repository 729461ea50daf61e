import type { Queryable } from '../database.ts';
import { AUDIT_COLUMNS, auditRowsFrom, auditRowsJson, insertAuditEvents, type AuditEventInput } from './audit.ts';
import { CARE_IDS_SQL, SITE_IDS_SQL } from './care.ts';
import type { PatientScope } from './scope.ts';

export interface Address {
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  postalCode: string;
  country?: string;
}
export interface EmergencyContact {
  name: string;
  relationship: string;
  phone: string;
}
export interface Communication {
  email: boolean;
  sms: boolean;
  phone: boolean;
  reminders: boolean;
  language?: string;
}

export interface PatientRow {
  id: string;
  orgId: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sexAtBirth: 'female' | 'male' | 'intersex' | 'unknown';
  genderIdentity: string | null;
  pronouns: string | null;
  email: string | null;
  phone: string | null;
  address: Address | null;
  emergencyContact: EmergencyContact | null;
  preferredLocationId: string | null;
  communication: Communication;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type PatientFields = Omit<PatientRow, 'id' | 'orgId' | 'version' | 'createdAt' | 'updatedAt'>;

/**
 * A record saved without preferences (an import, an older row: the column defaults to '{}') reads as the
 * preferences a new registration gets, so every patient answers with all four choices said.
 */
const COMMUNICATION_DEFAULTS = `'{"email": true, "sms": false, "phone": false, "reminders": true}'::jsonb`;

const COLUMNS = `p.id, p.org_id AS "orgId", p.given_name AS "givenName", p.family_name AS "familyName",
  p.preferred_name AS "preferredName", p.date_of_birth AS "dateOfBirth", p.sex_at_birth AS "sexAtBirth",
  p.gender_identity AS "genderIdentity", p.pronouns, p.email, p.phone, p.address,
  p.emergency_contact AS "emergencyContact", p.preferred_location_id AS "preferredLocationId",
  ${COMMUNICATION_DEFAULTS} || p.communication AS communication, p.version, p.created_at AS "createdAt",
  p.updated_at AS "updatedAt"`;

export type PatientQuery =
  | { kind: 'name'; first: string; second?: string }
  | { kind: 'phone'; digits: string }
  | { kind: 'dob'; date: string }
  | { kind: 'all' };

/** Registered at one of `sites` (an SQL uuid[] expression): the preferred site or a later registration. */
function registeredAt(sites: string): string {
  return `(p.preferred_location_id = ANY(${sites})
           OR EXISTS (SELECT 1 FROM patient_sites ps WHERE ps.org_id = p.org_id AND ps.patient_id = p.id
           AND ps.location_id = ANY(${sites})))`;
}

/** Appends the WHERE fragment of a scope; $1 is always the organisation. */
export function scopeClause(scope: PatientScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'organization':
      return 'TRUE';
    case 'self':
      params.push(scope.patientId);
      return `p.id = $${params.length}`;
    case 'locations':
      params.push(scope.locationIds);
      return registeredAt(`$${params.length}::uuid[]`);
    case 'therapist':
      params.push(scope.therapistId);
      // A current care relationship the clinic granted; an appointment alone opens no chart.
      return `EXISTS (SELECT 1 FROM care_relationships cr WHERE cr.org_id = p.org_id AND cr.patient_id = p.id
                AND cr.therapist_id = $${params.length} AND cr.ended_on IS NULL)`;
    case 'none':
      return 'FALSE';
  }
}

/** A single word this long is also found inside a name; shorter ones only at a name's start. */
const FRAGMENT_LETTERS = 3;

/**
 * Names that start with the searched word come before names that only contain it: true for those (a boolean SQL
 * expression, sorted descending), false for every name when the search does not rank.
 */
function firstHit(query: PatientQuery, params: unknown[]): string {
  if (query.kind !== 'name' || query.second || query.first.length < FRAGMENT_LETTERS) return 'false';
  params.push(`${escapeLike(query.first.toLowerCase())}%`);
  return `(p.family_name_lower LIKE $${params.length} OR p.given_name_lower LIKE $${params.length})`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function queryClause(query: PatientQuery, params: unknown[]): string {
  switch (query.kind) {
    case 'all':
      return 'TRUE';
    case 'dob':
      params.push(query.date);
      return `p.date_of_birth = $${params.length}::date`;
    case 'phone':
      params.push(`${escapeLike(query.digits)}%`);
      return `p.phone_digits LIKE $${params.length}`;
    case 'name': {
      const first = escapeLike(query.first.toLowerCase());
      if (!query.second && query.first.length >= FRAGMENT_LETTERS) {
        // One word of three letters or more: anywhere in either name (a trigram index serves it).
        params.push(`%${first}%`);
        return `(p.family_name_lower LIKE $${params.length} OR p.given_name_lower LIKE $${params.length})`;
      }
      params.push(`${first}%`);
      const a = `$${params.length}`;
      if (!query.second) return `(p.family_name_lower LIKE ${a} OR p.given_name_lower LIKE ${a})`;
      params.push(`${escapeLike(query.second.toLowerCase())}%`);
      const b = `$${params.length}`;
      return (
        `((p.given_name_lower LIKE ${a} AND p.family_name_lower LIKE ${b}) OR (p.family_name_lower LIKE ${a} ` +
        `AND p.given_name_lower LIKE ${b}))`
      );
    }
  }
}

/**
 * A page of the patients in `scope` that `query` finds, and how many it finds. With `audited`, the search's
 * event is written too, its detail completed with `resultCount` and the listed `patientIds`: for a name,
 * phone or birth date by the search's own statement.
 */
export async function searchPatients(
  db: Queryable,
  orgId: string,
  scope: PatientScope,
  query: PatientQuery,
  page: { limit: number; offset: number; locationId?: string },
  audited?: AuditEventInput,
): Promise<{ rows: PatientRow[]; total: number }> {
  const params: unknown[] = [orgId];
  // A merged record is a tombstone: found only through the record it was merged into.
  const where = ['p.merged_into IS NULL', scopeClause(scope, params), queryClause(query, params)];
  if (page.locationId) {
    params.push([page.locationId]);
    where.push(registeredAt(`$${params.length}::uuid[]`));
  }
  // The organisation is written out in each statement ($1), where the scope check can see it.
  const whereSql = where.join(' AND ');
  const count = async () =>
    (
      await db.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM patients p WHERE p.org_id = $1 AND ${whereSql}`,
        params,
      )
    )[0]?.total ?? 0;
  const pageParams = [...params];
  const first = firstHit(query, pageParams);
  const [limit, offset] = [`$${pageParams.length + 1}`, `$${pageParams.length + 2}`];
  pageParams.push(page.limit, page.offset);
  if (query.kind === 'all') {
    // Everyone in view: the page comes straight off the name index, the count is a statement of its own.
    const rows = await db.query<PatientRow>(
      `SELECT ${COLUMNS} FROM patients p WHERE p.org_id = $1 AND ${whereSql}
        ORDER BY p.family_name_lower, p.given_name_lower, p.id LIMIT ${limit} OFFSET ${offset}`,
      pageParams,
    );
    const total = await count();
    if (audited) {
      const detail = { ...audited.detail, resultCount: total, patientIds: rows.map((r) => r.id) };
      await insertAuditEvents(db, [{ ...audited, detail }]);
    }
    return { rows, total };
  }
  // A name, phone or birth date finds few: they are found once (the slow part: every candidate's row is read),
  // then counted and paged from that, in one statement instead of a count and a page that each found them.
  const order = 'first_hit DESC, family, given, id';
  let logged = '';
  if (audited) {
    pageParams.push(auditRowsJson([audited]));
    logged = `, logged AS (
       INSERT INTO audit_events (${AUDIT_COLUMNS})
       SELECT org_id, actor_user_id, actor_role, action, outcome, patient_id, record_type, record_id, ip,
              coalesce(detail, '{}') || jsonb_build_object('resultCount', (SELECT count(*) FROM matched),
                'patientIds', coalesce((SELECT jsonb_agg(id ORDER BY ${order}) FROM page), '[]'))
         FROM json_populate_recordset(null::audit_events, $${pageParams.length}::json)
     )`;
  }
  const found = await db.query<PatientRow & { matchTotal: number }>(
    `WITH matched AS MATERIALIZED (
       SELECT p.id, ${first} AS first_hit, p.family_name_lower AS family, p.given_name_lower AS given
         FROM patients p WHERE p.org_id = $1 AND ${whereSql}
     ), page AS (
       SELECT * FROM matched ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}
     )${logged}
     SELECT ${COLUMNS}, (SELECT count(*)::int FROM matched) AS "matchTotal"
       FROM page JOIN patients p ON p.org_id = $1 AND p.id = page.id
      ORDER BY page.first_hit DESC, page.family, page.given, page.id`,
    pageParams,
  );
  const rows = found.map(({ matchTotal: _total, ...row }) => row);
  if (found.length > 0) return { rows, total: found[0]!.matchTotal };
  // An empty page says nothing of the count only when it starts past the first match.
  return { rows, total: page.offset > 0 || page.limit === 0 ? await count() : 0 };
}

export type PatientWithAccess = PatientRow & { siteIds: string[]; therapistIds: string[] };

/** A patient with the facts access depends on: the sites they are registered at and their care team. */
export async function findPatient(db: Queryable, orgId: string, id: string): Promise<PatientWithAccess | null> {
  const rows = await db.query<PatientWithAccess>(
    `SELECT ${COLUMNS}, ${SITE_IDS_SQL} AS "siteIds", ${CARE_IDS_SQL} AS "therapistIds"
       FROM patients p WHERE p.org_id = $1 AND p.id = $2 AND p.merged_into IS NULL`,
    [orgId, id],
  );
  return rows[0] ?? null;
}

/**
 * findPatient, with the read's audit events written by the same statement when the patient is within `scope`
 * (the scope a search lists by, which the read policy is defined by): an allowed read costs one round trip,
 * not a read and then a write. `inScope` says whether the events were written.
 */
export async function readPatientAudited(
  db: Queryable,
  orgId: string,
  id: string,
  scope: PatientScope,
  events: AuditEventInput[],
): Promise<(PatientWithAccess & { inScope: boolean }) | null> {
  const params: unknown[] = [orgId, id, auditRowsJson(events)];
  const rows = await db.query<PatientWithAccess & { inScope: boolean }>(
    `WITH found AS (
       SELECT ${COLUMNS}, ${SITE_IDS_SQL} AS "siteIds", ${CARE_IDS_SQL} AS "therapistIds",
              coalesce(${scopeClause(scope, params)}, false) AS "inScope"
         FROM patients p WHERE p.org_id = $1 AND p.id = $2 AND p.merged_into IS NULL
     ), logged AS (
       INSERT INTO audit_events (${AUDIT_COLUMNS}) ${auditRowsFrom('$3')}
        WHERE EXISTS (SELECT 1 FROM found WHERE found."inScope")
     )
     SELECT * FROM found`,
    params,
  );
  return rows[0] ?? null;
}

/** The record a merged patient now lives in (null: no such tombstone). */
export async function findMergedInto(db: Queryable, orgId: string, id: string): Promise<string | null> {
  const rows = await db.query<{ mergedInto: string }>(
    `SELECT p.merged_into AS "mergedInto" FROM patients p WHERE p.org_id = $1 AND p.id = $2
      AND p.merged_into IS NOT NULL`,
    [orgId, id],
  );
  return rows[0]?.mergedInto ?? null;
}

function toParams(f: PatientFields): unknown[] {
  return [
    f.givenName,
    f.familyName,
    f.preferredName,
    f.dateOfBirth,
    f.sexAtBirth,
    f.genderIdentity,
    f.pronouns,
    f.email,
    f.phone,
    f.address === null ? null : JSON.stringify(f.address),
    f.emergencyContact === null ? null : JSON.stringify(f.emergencyContact),
    f.preferredLocationId,
    JSON.stringify(f.communication),
  ];
}

export async function insertPatient(db: Queryable, orgId: string, f: PatientFields, now: Date): Promise<PatientRow> {
  const rows = await db.query<PatientRow>(
    `WITH p AS (
       INSERT INTO patients (org_id, given_name, family_name, preferred_name, date_of_birth, sex_at_birth,
       gender_identity,
                             pronouns, email, phone, address, emergency_contact, preferred_location_id, communication,
                             created_at, updated_at)
       VALUES ($14, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13::jsonb, $15, $15) RETURNING *)
     SELECT ${COLUMNS} FROM p`,
    [...toParams(f), orgId, now],
  );
  return rows[0]!;
}

/** Updates when the stored version is still `version`; null when someone else saved first. */
export async function updatePatient(
  db: Queryable,
  orgId: string,
  id: string,
  version: number,
  f: PatientFields,
  now: Date,
): Promise<PatientRow | null> {
  const rows = await db.query<PatientRow>(
    `WITH p AS (
       UPDATE patients SET given_name = $1, family_name = $2, preferred_name = $3, date_of_birth = $4,
       sex_at_birth = $5,
              gender_identity = $6, pronouns = $7, email = $8, phone = $9, address = $10::jsonb,
              emergency_contact = $11::jsonb,
              preferred_location_id = $12, communication = $13::jsonb, version = version + 1, updated_at = $17
        WHERE org_id = $14 AND id = $15 AND version = $16 AND merged_into IS NULL RETURNING *)
     SELECT ${COLUMNS} FROM p`,
    [...toParams(f), orgId, id, version, now],
  );
  return rows[0] ?? null;
}

/** Ids of the organisation's patients a search finds, for filters elsewhere (the audit log); at most `limit`. */
export async function findPatientIds(
  db: Queryable,
  orgId: string,
  query: PatientQuery,
  limit: number,
): Promise<string[]> {
  const params: unknown[] = [orgId];
  const where = queryClause(query, params);
  params.push(limit);
  const rows = await db.query<{ id: string }>(
    `SELECT p.id FROM patients p WHERE p.org_id = $1 AND ${where} ORDER BY p.id LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => r.id);
}

/**
 * Sets the language a patient reads the portal and messages in (communication.language), a new version
 * of the record like any change of its details. False when the record is gone or merged away.
 */
export async function setPatientLanguage(
  db: Queryable,
  orgId: string,
  id: string,
  language: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE patients SET communication = communication || jsonb_build_object('language', $3::text),
            version = version + 1, updated_at = $4
      WHERE org_id = $1 AND id = $2 AND merged_into IS NULL RETURNING id`,
    [orgId, id, language, now],
  );
  return rows.length > 0;
}
