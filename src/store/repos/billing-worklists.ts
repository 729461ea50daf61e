import type { Queryable } from '../database.ts';
import { SITE_IDS_SQL } from './care.ts';

/**
 * The desk's money worklists, for the patients of the given sites (null: the whole organisation):
 * signed visits whose charges wait for review, the claims made, and the 837P files sent.
 */

const IN_SITES = `($2::text[] IS NULL OR ${SITE_IDS_SQL} && $2::text[])`;
const NAME = `p.given_name || ' ' || p.family_name`;

export interface ReviewRow {
  visitId: string;
  patientId: string;
  patientName: string;
  serviceDate: string;
  therapistName: string;
  lines: number;
  amountCents: number;
}

/** Signed visits with proposed charge lines not yet posted, oldest first. */
export function visitsToReview(db: Queryable, orgId: string, sites: string[] | null): Promise<ReviewRow[]> {
  return db.query<ReviewRow>(
    `SELECT c.session_note_id AS "visitId", p.id AS "patientId", ${NAME} AS "patientName",
        min(c.service_date)::text AS "serviceDate", t.given_name || ' ' || t.family_name AS "therapistName",
        count(*)::int AS lines, sum(c.amount_cents)::int AS "amountCents"
       FROM charges c
       JOIN patients p ON p.org_id = c.org_id AND p.id = c.patient_id
       JOIN therapists t ON t.org_id = c.org_id AND t.id = c.rendering_therapist_id
      WHERE c.org_id = $1 AND c.status = 'proposed' AND ${IN_SITES}
      GROUP BY c.session_note_id, p.org_id, p.id, t.org_id, t.id
      ORDER BY min(c.service_date), c.session_note_id
      LIMIT 200`,
    [orgId, sites],
  );
}

export interface ClaimListRow {
  id: string;
  patientId: string;
  patientName: string;
  visitId: string;
  serviceDate: string;
  payerId: string;
  payerName: string;
  controlNumber: string;
  status: 'ready' | 'submitted' | 'paid';
  batchId: string | null;
  totalCents: number;
  createdAt: Date;
  payerClaimNumber: string | null;
  frequency: 'original' | 'replacement' | 'void';
  /** The number of the claim this one replaces or voids. */
  correctsControlNumber: string | null;
  /** The replacement or void made of this claim. */
  correctedBy: { controlNumber: string; frequency: 'replacement' | 'void' } | null;
}

/** Claims of the sites' patients, newest first; of one visit, or in one state, when asked. */
export function listClaims(
  db: Queryable,
  orgId: string,
  sites: string[] | null,
  filter: { visitId?: string | undefined; status?: string | undefined },
): Promise<ClaimListRow[]> {
  return db.query<ClaimListRow>(
    `SELECT c.id, p.id AS "patientId", ${NAME} AS "patientName", c.session_note_id AS "visitId",
        coalesce((SELECT min(ch.service_date)::text FROM claim_charges cc
                    JOIN charges ch ON ch.org_id = cc.org_id AND ch.id = cc.charge_id
                   WHERE cc.org_id = c.org_id AND cc.claim_id = c.id), '') AS "serviceDate",
        c.payer_id AS "payerId", py.name AS "payerName", c.control_number AS "controlNumber", c.status,
        c.batch_id AS "batchId",
        coalesce((SELECT sum(ch.amount_cents) FROM claim_charges cc
                    JOIN charges ch ON ch.org_id = cc.org_id AND ch.id = cc.charge_id
                   WHERE cc.org_id = c.org_id AND cc.claim_id = c.id), 0)::int AS "totalCents",
        c.created_at AS "createdAt", c.payer_claim_number AS "payerClaimNumber", c.frequency,
        (SELECT o.control_number FROM claims o WHERE o.org_id = c.org_id AND o.id = c.corrects_claim_id)
          AS "correctsControlNumber",
        (SELECT json_build_object('controlNumber', n.control_number, 'frequency', n.frequency) FROM claims n
          WHERE n.org_id = c.org_id AND n.corrects_claim_id = c.id) AS "correctedBy"
       FROM claims c
       JOIN patients p ON p.org_id = c.org_id AND p.id = c.patient_id
       JOIN payers py ON py.org_id = c.org_id AND py.id = c.payer_id
      WHERE c.org_id = $1 AND ${IN_SITES}
        AND ($3::uuid IS NULL OR c.session_note_id = $3::uuid) AND ($4::text IS NULL OR c.status = $4)
      ORDER BY c.created_at DESC, c.id
      LIMIT 500`,
    [orgId, sites, filter.visitId ?? null, filter.status ?? null],
  );
}

export interface BatchRow {
  id: string;
  controlNumber: number;
  usage: 'P' | 'T';
  claimCount: number;
  createdAt: Date;
  /** The patients whose claims the file carries. */
  patientIds: string[];
}

const BATCH_COLUMNS = `b.id, b.interchange_control_number AS "controlNumber", b.usage,
    b.claim_count AS "claimCount", b.created_at AS "createdAt",
    coalesce((SELECT array_agg(DISTINCT c.patient_id::text) FROM claims c
               WHERE c.org_id = b.org_id AND c.batch_id = b.id), '{}') AS "patientIds"`;

/** The 837P files holding a claim of the sites' patients, newest first. */
export function listBatches(db: Queryable, orgId: string, sites: string[] | null): Promise<BatchRow[]> {
  return db.query<BatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM claim_batches b
      WHERE b.org_id = $1 AND EXISTS (
        SELECT 1 FROM claims c JOIN patients p ON p.org_id = c.org_id AND p.id = c.patient_id
         WHERE c.org_id = b.org_id AND c.batch_id = b.id AND ${IN_SITES})
      ORDER BY b.interchange_control_number DESC
      LIMIT 200`,
    [orgId, sites],
  );
}

export async function findBatch(
  db: Queryable,
  orgId: string,
  id: string,
): Promise<(BatchRow & { file: string }) | null> {
  const rows = await db.query<BatchRow & { file: string }>(
    `SELECT ${BATCH_COLUMNS}, b.file FROM claim_batches b WHERE b.org_id = $1 AND b.id = $2`,
    [orgId, id],
  );
  return rows[0] ?? null;
}
