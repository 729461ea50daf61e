import type { Queryable } from '../database.ts';

/**
 * Who bills (the organisation's billing profile, each therapist's NPI), what a payer pays per code,
 * and the claims made from posted charges with the 837P batches they went out in.
 */

export interface BillingProfile {
  name: string;
  npi: string;
  taxId: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  submitterId: string;
  contactName: string;
  receiverId: string;
  receiverName: string;
  placeOfService: string;
  usage: 'P' | 'T';
}

const PROFILE_COLUMNS = `name, npi, tax_id AS "taxId", address_line1 AS "addressLine1", address_line2 AS "addressLine2",
  city, state, postal_code AS "postalCode", phone, submitter_id AS "submitterId", contact_name AS "contactName",
  receiver_id AS "receiverId", receiver_name AS "receiverName", place_of_service AS "placeOfService", usage,
  version`;

export async function findProfile(
  db: Queryable,
  orgId: string,
): Promise<(BillingProfile & { version: number }) | null> {
  const rows = await db.query<BillingProfile & { version: number }>(
    `SELECT ${PROFILE_COLUMNS} FROM billing_profiles WHERE org_id = $1`,
    [orgId],
  );
  return rows[0] ?? null;
}

export async function saveProfile(db: Queryable, orgId: string, p: BillingProfile, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO billing_profiles AS b (org_id, name, npi, tax_id, address_line1, address_line2, city, state,
       postal_code, phone, submitter_id, contact_name, receiver_id, receiver_name, place_of_service, usage, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (org_id) DO UPDATE SET name = $2, npi = $3, tax_id = $4, address_line1 = $5, address_line2 = $6,
       city = $7, state = $8, postal_code = $9, phone = $10, submitter_id = $11, contact_name = $12,
       receiver_id = $13, receiver_name = $14, place_of_service = $15, usage = $16, updated_at = $17,
       version = b.version + 1`,
    [
      orgId,
      p.name,
      p.npi,
      p.taxId,
      p.addressLine1,
      p.addressLine2,
      p.city,
      p.state,
      p.postalCode,
      p.phone,
      p.submitterId,
      p.contactName,
      p.receiverId,
      p.receiverName,
      p.placeOfService,
      p.usage,
      now,
    ],
  );
}

/** False when the therapist is not in the organisation. */
export async function setTherapistNpi(db: Queryable, orgId: string, therapistId: string, npi: string) {
  const rows = await db.query('UPDATE therapists SET npi = $3 WHERE org_id = $1 AND id = $2 RETURNING id', [
    orgId,
    therapistId,
    npi,
  ]);
  return rows.length > 0;
}

export interface FeeRow {
  id: string;
  payerId: string;
  code: string;
  feeCents: number;
  effectiveFrom: string;
  effectiveTo: string | null;
}

const FEE_COLUMNS = `id, payer_id AS "payerId", code, fee_cents AS "feeCents", effective_from::text AS "effectiveFrom",
  effective_to::text AS "effectiveTo"`;

export async function insertFee(db: Queryable, orgId: string, f: Omit<FeeRow, 'id'>, now: Date): Promise<FeeRow> {
  const rows = await db.query<FeeRow>(
    `INSERT INTO fee_schedule_entries (org_id, payer_id, code, fee_cents, effective_from, effective_to, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${FEE_COLUMNS}`,
    [orgId, f.payerId, f.code, f.feeCents, f.effectiveFrom, f.effectiveTo, now],
  );
  return rows[0]!;
}

export function listFees(db: Queryable, orgId: string, payerId: string): Promise<FeeRow[]> {
  return db.query<FeeRow>(
    `SELECT ${FEE_COLUMNS} FROM fee_schedule_entries WHERE org_id = $1 AND payer_id = $2
      ORDER BY code, effective_from`,
    [orgId, payerId],
  );
}

export interface ClaimRow {
  id: string;
  patientId: string;
  sessionNoteId: string;
  coverageId: string;
  payerId: string;
  payerName: string;
  controlNumber: string;
  status: 'ready' | 'submitted' | 'paid';
  batchId: string | null;
  /** Every line the claim carries (a void carries the lines it cancels, none billed live). */
  chargeIds: string[];
  version: number;
  /** The payer's own number for this claim (its claim control number, ICN), once the desk has it. */
  payerClaimNumber: string | null;
  frequency: 'original' | 'replacement' | 'void';
  /** The claim this one replaces or voids, with its number and the payer's number for it. */
  corrects: { id: string; controlNumber: string; payerClaimNumber: string | null } | null;
  /** The replacement or void made of this claim, if any. */
  correctedBy: { id: string; controlNumber: string; frequency: 'replacement' | 'void' } | null;
  correctionReason: string | null;
}

const CLAIM_SELECT = `SELECT c.id, c.patient_id AS "patientId", c.session_note_id AS "sessionNoteId",
    c.coverage_id AS "coverageId", c.payer_id AS "payerId", py.name AS "payerName",
    c.control_number AS "controlNumber", c.status, c.batch_id AS "batchId", c.version,
    coalesce((SELECT array_agg(cc.charge_id::text ORDER BY cc.line_no) FROM claim_charges cc
       WHERE cc.org_id = c.org_id AND cc.claim_id = c.id), '{}') AS "chargeIds",
    c.payer_claim_number AS "payerClaimNumber", c.frequency, c.correction_reason AS "correctionReason",
    (SELECT json_build_object('id', o.id, 'controlNumber', o.control_number, 'payerClaimNumber', o.payer_claim_number)
       FROM claims o WHERE o.org_id = c.org_id AND o.id = c.corrects_claim_id) AS corrects,
    (SELECT json_build_object('id', n.id, 'controlNumber', n.control_number, 'frequency', n.frequency)
       FROM claims n WHERE n.org_id = c.org_id AND n.corrects_claim_id = c.id) AS "correctedBy"
   FROM claims c JOIN payers py ON py.org_id = c.org_id AND py.id = c.payer_id`;

export async function insertClaim(
  db: Queryable,
  orgId: string,
  c: {
    patientId: string;
    sessionNoteId: string;
    coverageId: string;
    payerId: string;
    controlNumber: string;
    chargeIds: string[];
    /** A replacement or void of a sent claim; its lines are billed live unless it voids. */
    correction?: { claimId: string; frequency: 'replacement' | 'void'; reason: string | null };
  },
  createdBy: string,
  now: Date,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO claims (org_id, patient_id, session_note_id, coverage_id, payer_id, control_number, created_by,
       created_at, updated_at, frequency, corrects_claim_id, correction_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11) RETURNING id`,
    [
      orgId,
      c.patientId,
      c.sessionNoteId,
      c.coverageId,
      c.payerId,
      c.controlNumber,
      createdBy,
      now,
      c.correction?.frequency ?? 'original',
      c.correction?.claimId ?? null,
      c.correction?.reason ?? null,
    ],
  );
  const id = rows[0]!.id;
  await insertLines(db, orgId, id, c.chargeIds, c.correction?.frequency !== 'void');
  return id;
}

async function insertLines(db: Queryable, orgId: string, claimId: string, chargeIds: string[], live: boolean) {
  for (const [i, chargeId] of chargeIds.entries()) {
    await db.query(
      'INSERT INTO claim_charges (org_id, claim_id, charge_id, line_no, live) VALUES ($1, $2, $3, $4, $5)',
      [orgId, claimId, chargeId, i + 1, live],
    );
  }
}

/**
 * The replacement of this visit's claim to this coverage that waits for the next file (made, not
 * sent, not itself corrected), locked; none when there is no such claim.
 */
export async function waitingReplacement(db: Queryable, orgId: string, noteId: string, coverageId: string) {
  const rows = await db.query<{ id: string }>(
    `SELECT c.id FROM claims c
      WHERE c.org_id = $1 AND c.session_note_id = $2 AND c.coverage_id = $3 AND c.frequency = 'replacement'
        AND c.status = 'ready'
        AND NOT EXISTS (SELECT 1 FROM claims n WHERE n.org_id = c.org_id AND n.corrects_claim_id = c.id)
      FOR UPDATE OF c`,
    [orgId, noteId, coverageId],
  );
  return rows[0]?.id ?? null;
}

/** Adds a line, billed live, after the claim's last one. */
export async function addClaimLine(db: Queryable, orgId: string, claimId: string, chargeId: string, now: Date) {
  await db.query(
    `INSERT INTO claim_charges (org_id, claim_id, charge_id, line_no, live)
     SELECT $1, $2, $3, coalesce(max(line_no), 0) + 1, true FROM claim_charges WHERE org_id = $1 AND claim_id = $2`,
    [orgId, claimId, chargeId],
  );
  await db.query('UPDATE claims SET version = version + 1, updated_at = $3 WHERE org_id = $1 AND id = $2', [
    orgId,
    claimId,
    now,
  ]);
}

/** The claim's lines stop being billed live on it (a correction of it takes them over). */
export async function retireLines(db: Queryable, orgId: string, claimId: string): Promise<void> {
  await db.query('UPDATE claim_charges SET live = false WHERE org_id = $1 AND claim_id = $2', [orgId, claimId]);
}

/**
 * A replacement not yet sent that lost its last line becomes the void of the claim it corrects,
 * carrying that claim's lines, none live.
 */
export async function turnIntoVoid(
  db: Queryable,
  orgId: string,
  claimId: string,
  voidedChargeIds: string[],
  now: Date,
): Promise<void> {
  await db.query('DELETE FROM claim_charges WHERE org_id = $1 AND claim_id = $2', [orgId, claimId]);
  await insertLines(db, orgId, claimId, voidedChargeIds, false);
  await db.query(
    `UPDATE claims SET frequency = 'void', version = version + 1, updated_at = $3
      WHERE org_id = $1 AND id = $2 AND status = 'ready'`,
    [orgId, claimId, now],
  );
}

/** Records the payer's claim number of a claim; false when there is no such claim. */
export async function setPayerClaimNumber(
  db: Queryable,
  orgId: string,
  id: string,
  payerClaimNumber: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE claims SET payer_claim_number = $3, version = version + 1, updated_at = $4
      WHERE org_id = $1 AND id = $2 RETURNING id`,
    [orgId, id, payerClaimNumber, now],
  );
  return rows.length > 0;
}

/** How many claims (the original and its corrections) a visit has to one coverage. */
export async function claimsOfVisitCount(db: Queryable, orgId: string, noteId: string, coverageId: string) {
  const rows = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM claims WHERE org_id = $1 AND session_note_id = $2 AND coverage_id = $3',
    [orgId, noteId, coverageId],
  );
  return rows[0]!.n;
}

export async function findClaim(db: Queryable, orgId: string, id: string): Promise<ClaimRow | null> {
  const rows = await db.query<ClaimRow>(`${CLAIM_SELECT} WHERE c.org_id = $1 AND c.id = $2`, [orgId, id]);
  return rows[0] ?? null;
}

/** The original claim of one visit and coverage, if made (the charge lines a second claim must not repeat). */
export async function claimOfVisit(db: Queryable, orgId: string, noteId: string, coverageId: string) {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM claims WHERE org_id = $1 AND session_note_id = $2 AND coverage_id = $3
        AND corrects_claim_id IS NULL`,
    [orgId, noteId, coverageId],
  );
  return rows[0]?.id ?? null;
}

export async function setClaimStatus(
  db: Queryable,
  orgId: string,
  ids: string[],
  status: 'submitted' | 'paid',
  batchId: string | null,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE claims SET status = $3, batch_id = coalesce($4, batch_id), version = version + 1, updated_at = $5
      WHERE org_id = $1 AND id = ANY($2::uuid[])`,
    [orgId, ids, status, batchId, now],
  );
}

/** The organisation's next interchange control number, taken under a lock on the profile row. */
export async function nextControlNumber(db: Queryable, orgId: string): Promise<number> {
  await db.query('SELECT 1 FROM billing_profiles WHERE org_id = $1 FOR UPDATE', [orgId]);
  const rows = await db.query<{ next: number }>(
    `SELECT coalesce(max(interchange_control_number), 0) + 1 AS next FROM claim_batches WHERE org_id = $1`,
    [orgId],
  );
  return rows[0]!.next;
}

export async function insertBatch(
  db: Queryable,
  orgId: string,
  b: { controlNumber: number; usage: 'P' | 'T'; claimCount: number; file: string },
  createdBy: string,
  now: Date,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO claim_batches (org_id, interchange_control_number, group_control_number, usage, claim_count, file,
       created_by, created_at)
     VALUES ($1, $2, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [orgId, b.controlNumber, b.usage, b.claimCount, b.file, createdBy, now],
  );
  return rows[0]!.id;
}

/** What a claim says about the patient, the insured and the coverage. */
export interface ClaimParties {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sexAtBirth: string;
  phone: string | null;
  address: { line1: string; line2?: string | null; city: string; state: string; postalCode: string } | null;
  coverageType: string;
  coverageOrder: number;
  memberId: string | null;
  groupNumber: string | null;
  relationship: 'self' | 'spouse' | 'child' | 'other';
  subscriberName: string | null;
  subscriberBirthDate: string | null;
  claimNumber: string | null;
  dateOfInjury: string | null;
  employerName: string | null;
  state: string | null;
  payerName: string;
  payerElectronicId: string | null;
  therapistGivenName: string;
  therapistFamilyName: string;
}

export async function claimParties(
  db: Queryable,
  orgId: string,
  claimId: string,
  therapistId: string,
): Promise<ClaimParties | null> {
  const rows = await db.query<ClaimParties>(
    `SELECT p.given_name AS "givenName", p.family_name AS "familyName", p.date_of_birth::text AS "dateOfBirth",
        p.sex_at_birth AS "sexAtBirth", p.phone, p.address, cv.type AS "coverageType",
        cv.coverage_order AS "coverageOrder", cv.member_id AS "memberId", cv.group_number AS "groupNumber",
        cv.relationship, cv.subscriber_name AS "subscriberName",
        cv.subscriber_birth_date::text AS "subscriberBirthDate", cv.claim_number AS "claimNumber",
        cv.date_of_injury::text AS "dateOfInjury", cv.employer_name AS "employerName", cv.state,
        py.name AS "payerName", py.electronic_id AS "payerElectronicId",
        t.given_name AS "therapistGivenName", t.family_name AS "therapistFamilyName"
       FROM claims c
       JOIN patients p ON p.org_id = c.org_id AND p.id = c.patient_id
       JOIN coverages cv ON cv.org_id = c.org_id AND cv.id = c.coverage_id
       JOIN payers py ON py.org_id = c.org_id AND py.id = c.payer_id
       JOIN therapists t ON t.org_id = c.org_id AND t.id = $3
      WHERE c.org_id = $1 AND c.id = $2`,
    [orgId, claimId, therapistId],
  );
  return rows[0] ?? null;
}

/** The claims of a batch, locked so their lines and state hold until the file is kept. */
export function lockClaims(db: Queryable, orgId: string, ids: string[]): Promise<ClaimRow[]> {
  return db.query<ClaimRow>(`${CLAIM_SELECT} WHERE c.org_id = $1 AND c.id = ANY($2::uuid[]) FOR UPDATE OF c`, [
    orgId,
    ids,
  ]);
}

export interface ChargeClaim {
  id: string;
  controlNumber: string;
  status: ClaimRow['status'];
  payerName: string;
}

/** The claim a charge is billed on live, locked (none when it is on no claim). */
export async function claimOfCharge(db: Queryable, orgId: string, chargeId: string): Promise<ChargeClaim | null> {
  const rows = await db.query<ChargeClaim>(
    `SELECT c.id, c.control_number AS "controlNumber", c.status, py.name AS "payerName"
       FROM claim_charges cc
       JOIN claims c ON c.org_id = cc.org_id AND c.id = cc.claim_id
       JOIN payers py ON py.org_id = c.org_id AND py.id = c.payer_id
      WHERE cc.org_id = $1 AND cc.charge_id = $2 AND cc.live
      FOR UPDATE OF c`,
    [orgId, chargeId],
  );
  return rows[0] ?? null;
}

/**
 * Takes a line off a claim not yet sent; a claim left with no line is removed (nothing was paid
 * against it: payments need a sent claim). Answers whether the claim is gone.
 */
export async function removeClaimLine(
  db: Queryable,
  orgId: string,
  claimId: string,
  chargeId: string,
  now: Date,
): Promise<boolean> {
  await db.query('DELETE FROM claim_charges WHERE org_id = $1 AND claim_id = $2 AND charge_id = $3', [
    orgId,
    claimId,
    chargeId,
  ]);
  const left = await db.query('SELECT 1 FROM claim_charges WHERE org_id = $1 AND claim_id = $2 LIMIT 1', [
    orgId,
    claimId,
  ]);
  if (left.length > 0) {
    await db.query('UPDATE claims SET version = version + 1, updated_at = $3 WHERE org_id = $1 AND id = $2', [
      orgId,
      claimId,
      now,
    ]);
    return false;
  }
  await db.query(`DELETE FROM claims WHERE org_id = $1 AND id = $2 AND status = 'ready'`, [orgId, claimId]);
  return true;
}

/**
 * The payer's reference of the authorization of this coverage covering a date (CMS-1500 box 23,
 * 837P REF*G1); the latest-starting one when several do. None when no authorization carries one.
 */
export async function authorizationReference(
  db: Queryable,
  orgId: string,
  coverageId: string,
  date: string,
): Promise<string | null> {
  const rows = await db.query<{ reference: string }>(
    `SELECT reference FROM authorizations
      WHERE org_id = $1 AND coverage_id = $2 AND $3::date BETWEEN starts_on AND ends_on
        AND reference IS NOT NULL AND btrim(reference) <> ''
      ORDER BY starts_on DESC, created_at DESC LIMIT 1`,
    [orgId, coverageId, date],
  );
  return rows[0]?.reference ?? null;
}
