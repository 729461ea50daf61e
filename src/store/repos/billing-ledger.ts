import type { Account, EntryLine, PostedEntry } from '../../billing/index.ts';
import { money } from '../../billing/index.ts';
import type { Queryable } from '../database.ts';

/**
 * Charges and the ledger. Entries and their lines are only ever inserted (the database refuses an
 * UPDATE or DELETE); what anyone owes is summed from the lines by the billing core. Postings for one
 * patient take turns on the patient's row lock, so a balance read before a posting still holds.
 */

export interface VisitFacts {
  noteId: string;
  patientId: string;
  appointmentId: string | null;
  therapistId: string;
  therapistName: string;
  therapistNpi: string | null;
  status: 'draft' | 'signed';
  cptMinutes: Array<{ code: string; minutes: number }>;
  /** The visit's date where it happened (the appointment's site), or the signing date in the organisation's zone. */
  serviceDate: string | null;
  /** The booked service's price, for self-pay. */
  servicePriceCents: number | null;
}

export async function visitFacts(db: Queryable, orgId: string, noteId: string): Promise<VisitFacts | null> {
  const rows = await db.query<VisitFacts>(
    `SELECT n.id AS "noteId", n.patient_id AS "patientId", n.appointment_id AS "appointmentId",
        n.therapist_id AS "therapistId", t.given_name || ' ' || t.family_name AS "therapistName",
        t.npi AS "therapistNpi", n.status, n.cpt_minutes AS "cptMinutes",
        coalesce((lower(a.during) AT TIME ZONE l.time_zone)::date,
                 (n.signed_at AT TIME ZONE o.time_zone)::date)::text AS "serviceDate",
        s.price_cents AS "servicePriceCents"
       FROM session_notes n
       JOIN organizations o ON o.org_id = n.org_id
       JOIN therapists t ON t.org_id = n.org_id AND t.id = n.therapist_id
       LEFT JOIN appointments a ON a.org_id = n.org_id AND a.id = n.appointment_id
       LEFT JOIN locations l ON l.org_id = a.org_id AND l.id = a.location_id
       LEFT JOIN services s ON s.org_id = a.org_id AND s.code = a.service_code
      WHERE n.org_id = $1 AND n.id = $2`,
    [orgId, noteId],
  );
  return rows[0] ?? null;
}

/** The diagnoses of the patient's latest assessment on or before the date (primary first). */
export async function diagnosesOn(db: Queryable, orgId: string, patientId: string, date: string): Promise<string[]> {
  const rows = await db.query<{ diagnoses: string[] }>(
    `SELECT a.diagnoses FROM assessments a
      WHERE a.org_id = $1 AND a.patient_id = $2 AND a.assessed_on <= $3::date AND cardinality(a.diagnoses) > 0
      ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1`,
    [orgId, patientId, date],
  );
  return rows[0]?.diagnoses ?? [];
}

export interface BilledCoverage {
  id: string;
  type: string;
  payerId: string | null;
  payerKind: string | null;
}

/** The first coverage in order that is in force on the date; null when none is. */
export async function coverageOn(
  db: Queryable,
  orgId: string,
  patientId: string,
  date: string,
): Promise<BilledCoverage | null> {
  const rows = await db.query<BilledCoverage>(
    `SELECT c.id, c.type, c.payer_id AS "payerId", py.kind AS "payerKind"
       FROM coverages c LEFT JOIN payers py ON py.org_id = c.org_id AND py.id = c.payer_id
      WHERE c.org_id = $1 AND c.patient_id = $2 AND c.ended_at IS NULL
        AND (c.effective_from IS NULL OR c.effective_from <= $3::date)
        AND (c.effective_to IS NULL OR c.effective_to >= $3::date)
      ORDER BY c.coverage_order LIMIT 1`,
    [orgId, patientId, date],
  );
  return rows[0] ?? null;
}

/** The payer's fee per unit for each code on the date. */
export async function feesOn(
  db: Queryable,
  orgId: string,
  payerId: string,
  date: string,
): Promise<Record<string, number>> {
  const rows = await db.query<{ code: string; feeCents: number }>(
    `SELECT code, fee_cents AS "feeCents" FROM fee_schedule_entries
      WHERE org_id = $1 AND payer_id = $2 AND effective_from <= $3::date
        AND (effective_to IS NULL OR effective_to >= $3::date)`,
    [orgId, payerId, date],
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.feeCents]));
}

export interface ChargeFields {
  lineNo: number;
  code: string;
  minutes: number;
  units: number;
  modifiers: string[];
  diagnoses: string[];
  diagnosisPointers: string[];
  placeOfService: string;
  feeCents: number | null;
  amountCents: number;
}

export interface ChargeRow extends ChargeFields {
  id: string;
  patientId: string;
  sessionNoteId: string;
  appointmentId: string | null;
  coverageId: string | null;
  payerId: string | null;
  payerName: string | null;
  serviceDate: string;
  renderingTherapistId: string;
  renderingNpi: string;
  status: 'proposed' | 'posted' | 'reversed';
  entryId: string | null;
  version: number;
  /** The claim billing the line, if any. */
  claim: { id: string; controlNumber: string; status: 'ready' | 'submitted' | 'paid' } | null;
}

const CHARGE_COLUMNS = `c.id, c.patient_id AS "patientId", c.session_note_id AS "sessionNoteId",
  c.appointment_id AS "appointmentId", c.coverage_id AS "coverageId", c.payer_id AS "payerId",
  py.name AS "payerName", c.service_date::text AS "serviceDate", c.line_no AS "lineNo", c.code, c.minutes, c.units,
  c.modifiers,
  c.diagnoses, c.diagnosis_pointers AS "diagnosisPointers", c.place_of_service AS "placeOfService",
  c.rendering_therapist_id AS "renderingTherapistId", c.rendering_npi AS "renderingNpi", c.fee_cents AS "feeCents",
  c.amount_cents AS "amountCents", c.status, c.entry_id AS "entryId", c.version,
  (SELECT json_build_object('id', cl.id, 'controlNumber', cl.control_number, 'status', cl.status)
     FROM claim_charges cc JOIN claims cl ON cl.org_id = cc.org_id AND cl.id = cc.claim_id
    WHERE cc.org_id = c.org_id AND cc.charge_id = c.id AND cc.live) AS claim`;
const CHARGE_FROM = `charges c LEFT JOIN payers py ON py.org_id = c.org_id AND py.id = c.payer_id`;

export async function insertCharge(
  db: Queryable,
  orgId: string,
  c: ChargeFields & {
    patientId: string;
    sessionNoteId: string;
    appointmentId: string | null;
    coverageId: string | null;
    payerId: string | null;
    serviceDate: string;
    renderingTherapistId: string;
    renderingNpi: string;
  },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO charges (org_id, patient_id, session_note_id, appointment_id, coverage_id, payer_id, service_date,
       line_no, code, minutes, units, modifiers, diagnoses, diagnosis_pointers, place_of_service,
       rendering_therapist_id, rendering_npi, fee_cents, amount_cents, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)`,
    [
      orgId,
      c.patientId,
      c.sessionNoteId,
      c.appointmentId,
      c.coverageId,
      c.payerId,
      c.serviceDate,
      c.lineNo,
      c.code,
      c.minutes,
      c.units,
      c.modifiers,
      c.diagnoses,
      c.diagnosisPointers,
      c.placeOfService,
      c.renderingTherapistId,
      c.renderingNpi,
      c.feeCents,
      c.amountCents,
      now,
    ],
  );
}

export function listVisitCharges(db: Queryable, orgId: string, noteId: string): Promise<ChargeRow[]> {
  return db.query<ChargeRow>(
    `SELECT ${CHARGE_COLUMNS} FROM ${CHARGE_FROM} WHERE c.org_id = $1 AND c.session_note_id = $2
      ORDER BY c.created_at, c.line_no`,
    [orgId, noteId],
  );
}

export async function findCharge(db: Queryable, orgId: string, id: string, lock = false): Promise<ChargeRow | null> {
  const rows = await db.query<ChargeRow>(
    `SELECT ${CHARGE_COLUMNS} FROM ${CHARGE_FROM} WHERE c.org_id = $1 AND c.id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
    [orgId, id],
  );
  return rows[0] ?? null;
}

/** The desk's review of a proposed line; false when it is no longer proposed or someone saved first. */
export async function updateProposedCharge(
  db: Queryable,
  orgId: string,
  id: string,
  version: number,
  f: Pick<ChargeFields, 'units' | 'modifiers' | 'diagnosisPointers' | 'placeOfService' | 'feeCents' | 'amountCents'>,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE charges SET units = $4, modifiers = $5, diagnosis_pointers = $6, place_of_service = $7, fee_cents = $8,
        amount_cents = $9, version = version + 1, updated_at = $10
      WHERE org_id = $1 AND id = $2 AND version = $3 AND status = 'proposed' RETURNING id`,
    [orgId, id, version, f.units, f.modifiers, f.diagnosisPointers, f.placeOfService, f.feeCents, f.amountCents, now],
  );
  return rows.length > 0;
}

export async function setChargeStatus(
  db: Queryable,
  orgId: string,
  id: string,
  status: 'posted' | 'reversed',
  entryId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE charges SET status = $3, entry_id = coalesce(entry_id, $4), version = version + 1, updated_at = $5
      WHERE org_id = $1 AND id = $2`,
    [orgId, id, status, entryId, now],
  );
}

/** What an entry is about, beyond the core's posted entry. */
export interface EntryLinks {
  chargeId?: string;
  claimId?: string;
  sessionNoteId?: string;
}

const accountColumns = (a: Account): [string, string | null, string | null] =>
  a.kind === 'payer'
    ? ['payer', a.patientId, a.payerId]
    : a.kind === 'patient'
      ? ['patient', a.patientId, null]
      : [a.kind, null, null];

export async function insertEntry(
  db: Queryable,
  orgId: string,
  entry: PostedEntry,
  postedBy: string,
  links: EntryLinks = {},
): Promise<void> {
  await db.query(
    `INSERT INTO ledger_entries (id, org_id, patient_id, kind, posted_at, method, reference, reason, reverses,
       service_date, charge_id, claim_id, session_note_id, posted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      entry.id,
      orgId,
      entry.patientId,
      entry.kind,
      entry.postedAt,
      entry.method ?? null,
      entry.reference ?? null,
      entry.reason ?? null,
      entry.reverses ?? null,
      entry.serviceDate ?? null,
      links.chargeId ?? null,
      links.claimId ?? null,
      links.sessionNoteId ?? null,
      postedBy,
    ],
  );
  for (const [i, line] of entry.lines.entries()) {
    const [account, patientId, payerId] = accountColumns(line.account);
    await db.query(
      `INSERT INTO ledger_lines (org_id, entry_id, line_no, account, patient_id, payer_id, side, amount_cents)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [orgId, entry.id, i + 1, account, patientId, payerId, line.side, line.amount],
    );
  }
}

interface EntryRow {
  id: string;
  kind: PostedEntry['kind'];
  postedAt: Date;
  patientId: string;
  method: PostedEntry['method'] | null;
  reference: string | null;
  reason: string | null;
  reverses: string | null;
  serviceDate: string | null;
  lines: Array<{ account: string; patientId: string | null; payerId: string | null; side: string; amount: number }>;
}

function toAccount(l: EntryRow['lines'][number]): Account {
  if (l.account === 'payer') return { kind: 'payer', payerId: l.payerId!, patientId: l.patientId! };
  if (l.account === 'patient') return { kind: 'patient', patientId: l.patientId! };
  return { kind: l.account as 'revenue' | 'cash' | 'adjustments' | 'write-offs' };
}

function toEntry(r: EntryRow): PostedEntry {
  const lines: EntryLine[] = r.lines.map((l) => ({
    account: toAccount(l),
    side: l.side as EntryLine['side'],
    amount: money(Number(l.amount)),
  }));
  const entry: PostedEntry = {
    id: r.id,
    kind: r.kind,
    postedAt: r.postedAt.toISOString(),
    patientId: r.patientId,
    lines,
  };
  if (r.method) entry.method = r.method;
  if (r.reference !== null) entry.reference = r.reference;
  if (r.reason !== null) entry.reason = r.reason;
  if (r.reverses !== null) entry.reverses = r.reverses;
  if (r.serviceDate !== null) entry.serviceDate = r.serviceDate;
  return entry;
}

const ENTRY_SELECT = `SELECT e.id, e.kind, e.posted_at AS "postedAt", e.patient_id AS "patientId", e.method,
    e.reference, e.reason, e.reverses, e.service_date::text AS "serviceDate",
    (SELECT json_agg(json_build_object('account', l.account, 'patientId', l.patient_id, 'payerId', l.payer_id,
        'side', l.side, 'amount', l.amount_cents) ORDER BY l.line_no)
       FROM ledger_lines l WHERE l.org_id = e.org_id AND l.entry_id = e.id) AS lines
   FROM ledger_entries e`;

/**
 * The patient's entries in posting order. `lock` first takes the patient's row lock, so postings for
 * one patient take turns and each sees the entries before it.
 */
export async function patientEntries(
  db: Queryable,
  orgId: string,
  patientId: string,
  lock = false,
): Promise<PostedEntry[]> {
  if (lock) await db.query('SELECT 1 FROM patients WHERE org_id = $1 AND id = $2 FOR UPDATE', [orgId, patientId]);
  const rows = await db.query<EntryRow>(
    `${ENTRY_SELECT} WHERE e.org_id = $1 AND e.patient_id = $2 ORDER BY e.posted_at, e.id`,
    [orgId, patientId],
  );
  return rows.map(toEntry);
}

/** Every entry that touches one payer's receivables, across its patients. */
export async function payerEntries(db: Queryable, orgId: string, payerId: string): Promise<PostedEntry[]> {
  const rows = await db.query<EntryRow>(
    `${ENTRY_SELECT} WHERE e.org_id = $1 AND EXISTS (SELECT 1 FROM ledger_lines x
        WHERE x.org_id = e.org_id AND x.entry_id = e.id AND x.payer_id = $2)
      ORDER BY e.posted_at, e.id`,
    [orgId, payerId],
  );
  return rows.map(toEntry);
}

/** Whose entry it is, and the charge it posted (if it did). */
export async function entryOwner(
  db: Queryable,
  orgId: string,
  entryId: string,
): Promise<{ patientId: string; chargeId: string | null } | null> {
  const rows = await db.query<{ patientId: string; chargeId: string | null }>(
    `SELECT patient_id AS "patientId", CASE WHEN kind = 'charge' THEN charge_id END AS "chargeId"
       FROM ledger_entries WHERE org_id = $1 AND id = $2`,
    [orgId, entryId],
  );
  return rows[0] ?? null;
}

export interface PaymentFields {
  entryId: string;
  patientId: string;
  payerId: string | null;
  claimId: string | null;
  sessionNoteId: string | null;
  direction: 'received' | 'refunded';
  method: string;
  reference: string | null;
  amountCents: number;
}

export async function insertPayment(
  db: Queryable,
  orgId: string,
  p: PaymentFields,
  recordedBy: string,
  now: Date,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO payments (org_id, entry_id, patient_id, payer_id, claim_id, session_note_id, direction, method,
       reference, amount_cents, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      orgId,
      p.entryId,
      p.patientId,
      p.payerId,
      p.claimId,
      p.sessionNoteId,
      p.direction,
      p.method,
      p.reference,
      p.amountCents,
      recordedBy,
      now,
    ],
  );
  return rows[0]!.id;
}

export interface CheckoutRow {
  copayCents: number;
  entryId: string | null;
  checkedOutAt: Date;
}

export async function findCheckout(db: Queryable, orgId: string, noteId: string): Promise<CheckoutRow | null> {
  const rows = await db.query<CheckoutRow>(
    `SELECT copay_cents AS "copayCents", entry_id AS "entryId", checked_out_at AS "checkedOutAt"
       FROM visit_checkouts WHERE org_id = $1 AND session_note_id = $2`,
    [orgId, noteId],
  );
  return rows[0] ?? null;
}

export async function insertCheckout(
  db: Queryable,
  orgId: string,
  noteId: string,
  copayCents: number,
  entryId: string | null,
  userId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO visit_checkouts (org_id, session_note_id, copay_cents, entry_id, checked_out_by, checked_out_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [orgId, noteId, copayCents, entryId, userId, now],
  );
}
