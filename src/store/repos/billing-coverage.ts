import type { Queryable } from '../database.ts';

/**
 * The payer directory, patients' coverages and payers' authorizations. What an authorization has
 * used is counted here from the patient's appointments (booked, arrived, in session or completed) on
 * the days it covers, each read in its site's zone, so it cannot drift from the schedule.
 */

export interface PayerFields {
  name: string;
  electronicId: string | null;
  kind: 'auto' | 'workers-comp' | 'commercial' | 'medicare' | 'other';
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  phone: string | null;
}

export interface PayerRow extends PayerFields {
  id: string;
  version: number;
}

const PAYER_COLUMNS = `id, name, electronic_id AS "electronicId", kind, address_line1 AS "addressLine1",
  address_line2 AS "addressLine2", city, state, postal_code AS "postalCode", phone, version`;

const payerParams = (f: PayerFields) => [
  f.name,
  f.electronicId,
  f.kind,
  f.addressLine1,
  f.addressLine2,
  f.city,
  f.state,
  f.postalCode,
  f.phone,
];

export function listPayers(db: Queryable, orgId: string): Promise<PayerRow[]> {
  return db.query<PayerRow>(`SELECT ${PAYER_COLUMNS} FROM payers WHERE org_id = $1 ORDER BY lower(name), id`, [orgId]);
}

export async function findPayer(db: Queryable, orgId: string, id: string): Promise<PayerRow | null> {
  const rows = await db.query<PayerRow>(`SELECT ${PAYER_COLUMNS} FROM payers WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
  ]);
  return rows[0] ?? null;
}

export async function insertPayer(db: Queryable, orgId: string, f: PayerFields, now: Date): Promise<PayerRow> {
  const rows = await db.query<PayerRow>(
    `INSERT INTO payers (org_id, name, electronic_id, kind, address_line1, address_line2, city, state, postal_code,
       phone, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING ${PAYER_COLUMNS}`,
    [orgId, ...payerParams(f), now],
  );
  return rows[0]!;
}

/** Null when the payer is not there or someone else saved first (a stale version). */
export async function updatePayer(
  db: Queryable,
  orgId: string,
  id: string,
  version: number,
  f: PayerFields,
  now: Date,
): Promise<PayerRow | null> {
  const rows = await db.query<PayerRow>(
    `UPDATE payers SET name = $1, electronic_id = $2, kind = $3, address_line1 = $4, address_line2 = $5, city = $6,
       state = $7, postal_code = $8, phone = $9, version = version + 1, updated_at = $10
     WHERE org_id = $11 AND id = $12 AND version = $13 RETURNING ${PAYER_COLUMNS}`,
    [...payerParams(f), now, orgId, id, version],
  );
  return rows[0] ?? null;
}

export type StoredCoverageType = 'auto-pip' | 'auto-med-pay' | 'workers-comp' | 'commercial' | 'medicare' | 'self-pay';

export interface ContactFields {
  name: string;
  phone: string | null;
  email: string | null;
}

export interface CoverageFields {
  order: number;
  type: StoredCoverageType;
  payerId: string | null;
  memberId: string | null;
  groupNumber: string | null;
  relationship: 'self' | 'spouse' | 'child' | 'other';
  subscriberName: string | null;
  subscriberBirthDate: string | null;
  claimNumber: string | null;
  dateOfInjury: string | null;
  employerName: string | null;
  adjuster: ContactFields | null;
  attorney: ContactFields | null;
  state: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** The copay on the card, in cents; the default the desk collects at checkout. */
  copay: number | null;
}

export interface CoverageRow extends CoverageFields {
  id: string;
  patientId: string;
  payerName: string | null;
  endedAt: Date | null;
  version: number;
}

interface RawCoverage extends Omit<CoverageRow, 'adjuster' | 'attorney'> {
  adjusterName: string | null;
  adjusterPhone: string | null;
  adjusterEmail: string | null;
  attorneyName: string | null;
  attorneyPhone: string | null;
  attorneyEmail: string | null;
}

const COVERAGE_COLUMNS = `c.id, c.patient_id AS "patientId", c.coverage_order AS "order", c.type,
  c.payer_id AS "payerId",
  py.name AS "payerName", c.member_id AS "memberId", c.group_number AS "groupNumber", c.relationship,
  c.subscriber_name AS "subscriberName", c.subscriber_birth_date::text AS "subscriberBirthDate",
  c.claim_number AS "claimNumber", c.date_of_injury::text AS "dateOfInjury", c.employer_name AS "employerName",
  c.adjuster_name AS "adjusterName", c.adjuster_phone AS "adjusterPhone", c.adjuster_email AS "adjusterEmail",
  c.attorney_name AS "attorneyName", c.attorney_phone AS "attorneyPhone", c.attorney_email AS "attorneyEmail",
  c.state, c.effective_from::text AS "effectiveFrom", c.effective_to::text AS "effectiveTo",
  c.copay_cents AS copay, c.ended_at AS "endedAt", c.version`;

const COVERAGE_FROM = `coverages c LEFT JOIN payers py ON py.org_id = c.org_id AND py.id = c.payer_id`;

function toCoverage(r: RawCoverage): CoverageRow {
  const { adjusterName, adjusterPhone, adjusterEmail, attorneyName, attorneyPhone, attorneyEmail, ...rest } = r;
  return {
    ...rest,
    adjuster: adjusterName ? { name: adjusterName, phone: adjusterPhone, email: adjusterEmail } : null,
    attorney: attorneyName ? { name: attorneyName, phone: attorneyPhone, email: attorneyEmail } : null,
  };
}

const coverageParams = (f: CoverageFields) => [
  f.order,
  f.type,
  f.payerId,
  f.memberId,
  f.groupNumber,
  f.relationship,
  f.subscriberName,
  f.subscriberBirthDate,
  f.claimNumber,
  f.dateOfInjury,
  f.employerName,
  f.adjuster?.name ?? null,
  f.adjuster?.phone ?? null,
  f.adjuster?.email ?? null,
  f.attorney?.name ?? null,
  f.attorney?.phone ?? null,
  f.attorney?.email ?? null,
  f.state,
  f.effectiveFrom,
  f.effectiveTo,
  f.copay,
];

export async function listCoverages(db: Queryable, orgId: string, patientId: string): Promise<CoverageRow[]> {
  const rows = await db.query<RawCoverage>(
    `SELECT ${COVERAGE_COLUMNS} FROM ${COVERAGE_FROM} WHERE c.org_id = $1 AND c.patient_id = $2
      ORDER BY c.ended_at IS NOT NULL, c.coverage_order, c.created_at, c.id`,
    [orgId, patientId],
  );
  return rows.map(toCoverage);
}

export async function findCoverage(db: Queryable, orgId: string, id: string): Promise<CoverageRow | null> {
  const rows = await db.query<RawCoverage>(
    `SELECT ${COVERAGE_COLUMNS} FROM ${COVERAGE_FROM} WHERE c.org_id = $1 AND c.id = $2`,
    [orgId, id],
  );
  return rows[0] ? toCoverage(rows[0]) : null;
}

export async function insertCoverage(
  db: Queryable,
  orgId: string,
  patientId: string,
  f: CoverageFields,
  now: Date,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO coverages (org_id, patient_id, coverage_order, type, payer_id, member_id, group_number, relationship,
       subscriber_name, subscriber_birth_date, claim_number, date_of_injury, employer_name, adjuster_name,
       adjuster_phone, adjuster_email, attorney_name, attorney_phone, attorney_email, state, effective_from,
       effective_to, copay_cents, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
     $24, $24)
     RETURNING id`,
    [orgId, patientId, ...coverageParams(f), now],
  );
  return rows[0]!.id;
}

/** False when the coverage is not there, already ended, or someone else saved first. */
export async function updateCoverage(
  db: Queryable,
  orgId: string,
  id: string,
  version: number,
  f: CoverageFields,
  now: Date,
  end = false,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE coverages SET coverage_order = $1, type = $2, payer_id = $3, member_id = $4, group_number = $5,
       relationship = $6, subscriber_name = $7, subscriber_birth_date = $8, claim_number = $9, date_of_injury = $10,
       employer_name = $11, adjuster_name = $12, adjuster_phone = $13, adjuster_email = $14, attorney_name = $15,
       attorney_phone = $16, attorney_email = $17, state = $18, effective_from = $19, effective_to = $20,
       copay_cents = $21,
       ended_at = CASE WHEN $22::boolean THEN $23::timestamptz ELSE NULL END, version = version + 1, updated_at = $23
     WHERE org_id = $24 AND id = $25 AND version = $26 AND ended_at IS NULL RETURNING id`,
    [...coverageParams(f), end, now, orgId, id, version],
  );
  return rows.length > 0;
}

export interface AuthorizationFields {
  reference: string | null;
  unit: 'visits' | 'units';
  authorized: number;
  startsOn: string;
  endsOn: string;
  alertAt: number;
}

export interface AuthorizationRow extends AuthorizationFields {
  id: string;
  coverageId: string;
  patientId: string;
  version: number;
  /** Appointments of the patient on the days it covers, not cancelled or missed. */
  used: number;
}

const AUTHORIZATION_SELECT = `SELECT au.id, au.coverage_id AS "coverageId", c.patient_id AS "patientId", au.reference,
    au.unit, au.authorized, au.starts_on::text AS "startsOn", au.ends_on::text AS "endsOn", au.alert_at AS "alertAt",
    au.version,
    (SELECT count(*)::int FROM appointments ap
       JOIN locations l ON l.org_id = ap.org_id AND l.id = ap.location_id
      WHERE ap.org_id = au.org_id AND ap.patient_id = c.patient_id AND ap.occupies
        AND (lower(ap.during) AT TIME ZONE l.time_zone)::date BETWEEN au.starts_on AND au.ends_on) AS used
  FROM authorizations au JOIN coverages c ON c.org_id = au.org_id AND c.id = au.coverage_id`;

export function listAuthorizations(db: Queryable, orgId: string, patientId: string): Promise<AuthorizationRow[]> {
  return db.query<AuthorizationRow>(
    `${AUTHORIZATION_SELECT} WHERE au.org_id = $1 AND c.patient_id = $2 ORDER BY au.starts_on, au.id`,
    [orgId, patientId],
  );
}

export async function findAuthorization(db: Queryable, orgId: string, id: string): Promise<AuthorizationRow | null> {
  const rows = await db.query<AuthorizationRow>(`${AUTHORIZATION_SELECT} WHERE au.org_id = $1 AND au.id = $2`, [
    orgId,
    id,
  ]);
  return rows[0] ?? null;
}

const authorizationParams = (f: AuthorizationFields) => [
  f.reference,
  f.unit,
  f.authorized,
  f.startsOn,
  f.endsOn,
  f.alertAt,
];

export async function insertAuthorization(
  db: Queryable,
  orgId: string,
  coverageId: string,
  f: AuthorizationFields,
  now: Date,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO authorizations (org_id, coverage_id, reference, unit, authorized, starts_on, ends_on, alert_at,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [orgId, coverageId, ...authorizationParams(f), now],
  );
  return rows[0]!.id;
}

export async function updateAuthorization(
  db: Queryable,
  orgId: string,
  id: string,
  version: number,
  f: AuthorizationFields,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE authorizations SET reference = $1, unit = $2, authorized = $3, starts_on = $4, ends_on = $5, alert_at = $6,
       version = version + 1, updated_at = $7
     WHERE org_id = $8 AND id = $9 AND version = $10 RETURNING id`,
    [...authorizationParams(f), now, orgId, id, version],
  );
  return rows.length > 0;
}

/**
 * For booking: the authorizations of the patient's coverages still in force (not ended, not self-pay),
 * with what each has used, in one query. None when the patient has no coverage.
 */
export function authorizationsInForce(db: Queryable, orgId: string, patientId: string): Promise<AuthorizationRow[]> {
  return db.query<AuthorizationRow>(
    `${AUTHORIZATION_SELECT} WHERE au.org_id = $1 AND c.patient_id = $2 AND c.ended_at IS NULL AND c.type <> 'self-pay'
      ORDER BY au.starts_on, au.id`,
    [orgId, patientId],
  );
}
