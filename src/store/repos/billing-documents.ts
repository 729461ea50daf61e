import type { Queryable } from '../database.ts';

/** What the billing documents print beyond the ledger: the patient, the site, the visit's payments and notes. */

export interface DocumentPatient {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  address: { line1: string; line2?: string | null; city: string; state: string; postalCode: string } | null;
}

export async function documentPatient(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<DocumentPatient | null> {
  const rows = await db.query<DocumentPatient>(
    `SELECT given_name AS "givenName", family_name AS "familyName", date_of_birth::text AS "dateOfBirth", address
       FROM patients WHERE org_id = $1 AND id = $2`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

export interface DocumentSite {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postalCode: string;
  phone: string | null;
}

/** The site a visit was booked at (none for a walk-in), and the organisation's name. */
export async function visitSite(
  db: Queryable,
  orgId: string,
  noteId: string,
): Promise<{ orgName: string; site: DocumentSite | null }> {
  const rows = await db.query<{ orgName: string; site: DocumentSite | null }>(
    `SELECT o.name AS "orgName",
        CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('name', l.name, 'line1', l.address_line1,
          'line2', l.address_line2, 'city', l.city, 'state', l.state, 'postalCode', l.postal_code,
          'phone', l.phone) END AS site
       FROM session_notes n
       JOIN organizations o ON o.org_id = n.org_id
       LEFT JOIN appointments a ON a.org_id = n.org_id AND a.id = n.appointment_id
       LEFT JOIN locations l ON l.org_id = a.org_id AND l.id = a.location_id
      WHERE n.org_id = $1 AND n.id = $2`,
    [orgId, noteId],
  );
  return rows[0] ?? { orgName: '', site: null };
}

export interface VisitPayment {
  recordedAt: Date;
  method: 'card' | 'cash' | 'check' | 'transfer';
  reference: string | null;
  amountCents: number;
}

/** What the patient paid for the visits (not a payer's payment, not a refund), oldest first. */
export function patientPaymentsFor(db: Queryable, orgId: string, noteIds: string[]): Promise<VisitPayment[]> {
  return db.query<VisitPayment>(
    `SELECT recorded_at AS "recordedAt", method, reference, amount_cents AS "amountCents"
       FROM payments
      WHERE org_id = $1 AND session_note_id = ANY($2::uuid[]) AND payer_id IS NULL AND direction = 'received'
      ORDER BY recorded_at, id`,
    [orgId, noteIds],
  );
}

/** The patient's signed visits whose service date falls in the range (by their posted or proposed charges). */
export async function visitsBetween(
  db: Queryable,
  orgId: string,
  patientId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT c.session_note_id AS id, min(c.service_date) AS d
       FROM charges c
      WHERE c.org_id = $1 AND c.patient_id = $2 AND c.service_date BETWEEN $3::date AND $4::date
        AND c.status <> 'reversed'
      GROUP BY c.session_note_id ORDER BY d, id`,
    [orgId, patientId, from, to],
  );
  return rows.map((r) => r.id);
}

export interface PacketNoteRow {
  noteId: string;
  serviceDate: string;
  therapistName: string;
  signedAt: Date | null;
  subjective: Record<string, unknown>;
  objective: Record<string, unknown>;
  assessment: string | null;
  plan: string | null;
}

/** The signed notes of every visit claimed to one coverage, in date order (an adjuster reads them all). */
export function claimedNotes(db: Queryable, orgId: string, coverageId: string): Promise<PacketNoteRow[]> {
  return db.query<PacketNoteRow>(
    `SELECT n.id AS "noteId",
        (SELECT min(ch.service_date)::text FROM charges ch WHERE ch.org_id = n.org_id AND ch.session_note_id = n.id)
          AS "serviceDate",
        t.given_name || ' ' || t.family_name AS "therapistName", n.signed_at AS "signedAt",
        n.subjective, n.objective, n.assessment, n.plan
       FROM claims c
       JOIN session_notes n ON n.org_id = c.org_id AND n.id = c.session_note_id
       JOIN therapists t ON t.org_id = n.org_id AND t.id = n.therapist_id
      WHERE c.org_id = $1 AND c.coverage_id = $2 AND n.status = 'signed'
      ORDER BY "serviceDate", n.signed_at`,
    [orgId, coverageId],
  );
}

/** The coverage's claims adjuster, when the desk recorded one. */
export async function coverageAdjuster(
  db: Queryable,
  orgId: string,
  coverageId: string,
): Promise<{ name: string; phone: string | null; email: string | null } | null> {
  const rows = await db.query<{ name: string | null; phone: string | null; email: string | null }>(
    `SELECT adjuster_name AS name, adjuster_phone AS phone, adjuster_email AS email
       FROM coverages WHERE org_id = $1 AND id = $2`,
    [orgId, coverageId],
  );
  const row = rows[0];
  return row?.name ? { name: row.name, phone: row.phone, email: row.email } : null;
}

/** The insurance a superbill names: the patient's first plan in force on a date (self-pay left out). */
export interface SuperbillCoverage {
  type: string;
  payerName: string;
  electronicId: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  memberId: string | null;
  groupNumber: string | null;
  relationship: 'self' | 'spouse' | 'child' | 'other';
  subscriberName: string | null;
  claimNumber: string | null;
  dateOfInjury: string | null;
}

export async function coverageInForce(
  db: Queryable,
  orgId: string,
  patientId: string,
  date: string,
): Promise<SuperbillCoverage | null> {
  const rows = await db.query<SuperbillCoverage>(
    `SELECT c.type, py.name AS "payerName", py.electronic_id AS "electronicId", py.address_line1 AS "addressLine1",
        py.address_line2 AS "addressLine2", py.city, py.state, py.postal_code AS "postalCode",
        c.member_id AS "memberId", c.group_number AS "groupNumber", c.relationship,
        c.subscriber_name AS "subscriberName", c.claim_number AS "claimNumber",
        c.date_of_injury::text AS "dateOfInjury"
       FROM coverages c JOIN payers py ON py.org_id = c.org_id AND py.id = c.payer_id
      WHERE c.org_id = $1 AND c.patient_id = $2 AND c.type <> 'self-pay'
        AND (c.effective_from IS NULL OR c.effective_from <= $3::date)
        AND (c.effective_to IS NULL OR c.effective_to >= $3::date)
      ORDER BY c.ended_at IS NOT NULL, c.coverage_order, c.created_at LIMIT 1`,
    [orgId, patientId, date],
  );
  return rows[0] ?? null;
}
