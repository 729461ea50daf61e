import type { Queryable } from '../database.ts';
import { SITE_IDS_SQL } from './care.ts';

/**
 * What the billing reports read, for the patients of the given sites (null: the whole organisation).
 * A visit's site is where it was booked, else the patient's preferred site.
 */

const IN_SITES = `($2::text[] IS NULL OR ${SITE_IDS_SQL} && $2::text[])`;
const VISIT_SITE = `coalesce(a.location_id, p.preferred_location_id)`;

/** The patients of the sites who have any ledger entry. */
export async function patientsWithEntries(db: Queryable, orgId: string, sites: string[] | null): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT p.id FROM patients p
      WHERE p.org_id = $1 AND ${IN_SITES}
        AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.org_id = p.org_id AND e.patient_id = p.id)
      ORDER BY p.id`,
    [orgId, sites],
  );
  return rows.map((r) => r.id);
}

export async function payerNames(db: Queryable, orgId: string): Promise<Record<string, string>> {
  const rows = await db.query<{ id: string; name: string }>('SELECT id, name FROM payers WHERE org_id = $1', [orgId]);
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

export interface SignedVisitRow {
  visitId: string;
  patientName: string;
  serviceDate: string;
  siteName: string;
  therapistName: string;
  selfPay: boolean;
}

/** Signed visits whose date of service falls in the range. */
export function signedVisits(
  db: Queryable,
  orgId: string,
  sites: string[] | null,
  from: string,
  to: string,
): Promise<SignedVisitRow[]> {
  return db.query<SignedVisitRow>(
    `SELECT * FROM (
       SELECT n.id AS "visitId", p.given_name || ' ' || p.family_name AS "patientName",
          coalesce((lower(a.during) AT TIME ZONE la.time_zone)::date,
                   (n.signed_at AT TIME ZONE o.time_zone)::date)::text AS "serviceDate",
          coalesce(ls.name, '') AS "siteName", t.given_name || ' ' || t.family_name AS "therapistName",
          NOT EXISTS (SELECT 1 FROM coverages cv WHERE cv.org_id = n.org_id AND cv.patient_id = n.patient_id
                        AND cv.type <> 'self-pay' AND cv.ended_at IS NULL) AS "selfPay"
         FROM session_notes n
         JOIN organizations o ON o.org_id = n.org_id
         JOIN patients p ON p.org_id = n.org_id AND p.id = n.patient_id
         JOIN therapists t ON t.org_id = n.org_id AND t.id = n.therapist_id
         LEFT JOIN appointments a ON a.org_id = n.org_id AND a.id = n.appointment_id
         LEFT JOIN locations la ON la.org_id = a.org_id AND la.id = a.location_id
         LEFT JOIN locations ls ON ls.org_id = n.org_id AND ls.id = ${VISIT_SITE}
        WHERE n.org_id = $1 AND n.status = 'signed' AND ${IN_SITES}) v
      WHERE v."serviceDate" BETWEEN $3 AND $4
      ORDER BY v."serviceDate", v."visitId"`,
    [orgId, sites, from, to],
  );
}

/** The charges and claims of the visits, for what is still unbilled. */
export async function billingOfVisits(db: Queryable, orgId: string, visitIds: string[]) {
  const [charges, claims] = await Promise.all([
    db.query<{ visitId: string; status: 'proposed' | 'posted' | 'reversed' }>(
      `SELECT session_note_id AS "visitId", status FROM charges
        WHERE org_id = $1 AND session_note_id = ANY($2::uuid[])`,
      [orgId, visitIds],
    ),
    db.query<{ visitId: string }>(
      `SELECT session_note_id AS "visitId" FROM claims WHERE org_id = $1 AND session_note_id = ANY($2::uuid[])`,
      [orgId, visitIds],
    ),
  ]);
  return { charges, claims: claims.map((c) => ({ visitIds: [c.visitId] })) };
}

export interface AuthorizationReportRow {
  id: string;
  unit: 'visits' | 'units';
  authorized: number;
  startsOn: string;
  endsOn: string;
  patientName: string;
  payerName: string;
  used: number;
}

/** Authorizations not ended by `asOf`, with the visits booked against them (as the coverage screens count them). */
export function authorizationsInUse(
  db: Queryable,
  orgId: string,
  sites: string[] | null,
  asOf: string,
): Promise<AuthorizationReportRow[]> {
  return db.query<AuthorizationReportRow>(
    `SELECT au.id, au.unit, au.authorized, au.starts_on::text AS "startsOn", au.ends_on::text AS "endsOn",
        p.given_name || ' ' || p.family_name AS "patientName", coalesce(py.name, '') AS "payerName",
        (SELECT count(*)::int FROM appointments ap
           JOIN locations l ON l.org_id = ap.org_id AND l.id = ap.location_id
          WHERE ap.org_id = au.org_id AND ap.patient_id = c.patient_id AND ap.occupies
            AND (lower(ap.during) AT TIME ZONE l.time_zone)::date BETWEEN au.starts_on AND au.ends_on) AS used
       FROM authorizations au
       JOIN coverages c ON c.org_id = au.org_id AND c.id = au.coverage_id
       JOIN patients p ON p.org_id = c.org_id AND p.id = c.patient_id
       LEFT JOIN payers py ON py.org_id = c.org_id AND py.id = c.payer_id
      WHERE au.org_id = $1 AND ${IN_SITES} AND au.ends_on >= $3::date AND c.ended_at IS NULL
      ORDER BY au.ends_on, au.id`,
    [orgId, sites, asOf],
  );
}

export interface RevenueChargeRow {
  chargeId: string;
  serviceDate: string;
  siteId: string;
  siteName: string;
  therapistId: string;
  therapistName: string;
  code: string;
  units: number;
  amountCents: number;
  status: 'proposed' | 'posted' | 'reversed';
}

/** Charges whose date of service falls in the range, with the visit's site and the rendering therapist. */
export function chargesBetween(
  db: Queryable,
  orgId: string,
  sites: string[] | null,
  from: string,
  to: string,
): Promise<RevenueChargeRow[]> {
  return db.query<RevenueChargeRow>(
    `SELECT ch.id AS "chargeId", ch.service_date::text AS "serviceDate", coalesce(l.id::text, '') AS "siteId",
        coalesce(l.name, '') AS "siteName", t.id AS "therapistId",
        t.given_name || ' ' || t.family_name AS "therapistName", ch.code, ch.units,
        ch.amount_cents AS "amountCents", ch.status
       FROM charges ch
       JOIN patients p ON p.org_id = ch.org_id AND p.id = ch.patient_id
       JOIN therapists t ON t.org_id = ch.org_id AND t.id = ch.rendering_therapist_id
       LEFT JOIN appointments a ON a.org_id = ch.org_id AND a.id = ch.appointment_id
       LEFT JOIN locations l ON l.org_id = ch.org_id AND l.id = ${VISIT_SITE}
      WHERE ch.org_id = $1 AND ${IN_SITES} AND ch.service_date BETWEEN $3::date AND $4::date
      ORDER BY ch.service_date, ch.id`,
    [orgId, sites, from, to],
  );
}
