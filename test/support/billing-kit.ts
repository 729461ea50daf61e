/** Payers, coverages and authorizations written straight to the store, for tests that need one in place. */
import type { Queryable } from '../../src/store/database.ts';
import { buildPatient } from './factories.ts';

const one = async (db: Queryable, sql: string, params: unknown[]) =>
  (await db.query<{ id: string }>(sql, params))[0]!.id;

export function buildPayer(db: Queryable, orgId: string, name = 'Cascade Health Plan'): Promise<string> {
  return one(
    db,
    `INSERT INTO payers (org_id, name, electronic_id, kind, state, created_at, updated_at)
     VALUES ($1, $2, '87726', 'commercial', 'OR', now(), now()) RETURNING id`,
    [orgId, name],
  );
}

/** A commercial plan in the given order, the patient the insured, open-ended. */
export function buildCoverage(
  db: Queryable,
  orgId: string,
  patientId: string,
  payerId: string,
  order = 1,
): Promise<string> {
  return one(
    db,
    `INSERT INTO coverages (org_id, patient_id, coverage_order, type, payer_id, member_id, relationship, created_at,
      updated_at)
     VALUES ($1, $2, $3, 'commercial', $4, 'XJH1234567', 'self', now(), now()) RETURNING id`,
    [orgId, patientId, order, payerId],
  );
}

/**
 * The patient's primary coverage: the one in force if a test made it already (the matrix shares one
 * world, and a patient has one primary), otherwise a new plan and coverage.
 */
export async function primaryCoverage(
  db: Queryable,
  orgId: string,
  patientId: string,
  payerName: string,
): Promise<{ payerId: string; coverageId: string }> {
  const [held] = await db.query<{ payerId: string; coverageId: string }>(
    `SELECT payer_id AS "payerId", id AS "coverageId" FROM coverages
      WHERE org_id = $1 AND patient_id = $2 AND coverage_order = 1 AND ended_at IS NULL`,
    [orgId, patientId],
  );
  if (held) return held;
  const payerId = await buildPayer(db, orgId, payerName);
  return { payerId, coverageId: await buildCoverage(db, orgId, patientId, payerId) };
}

export function buildAuthorization(
  db: Queryable,
  orgId: string,
  coverageId: string,
  range: { startsOn: string; endsOn: string; authorized?: number; alertAt?: number },
): Promise<string> {
  return one(
    db,
    `INSERT INTO authorizations (org_id, coverage_id, unit, authorized, starts_on, ends_on, alert_at, created_at,
      updated_at)
     VALUES ($1, $2, 'visits', $3, $4, $5, $6, now(), now()) RETURNING id`,
    [orgId, coverageId, range.authorized ?? 12, range.startsOn, range.endsOn, range.alertAt ?? 2],
  );
}

/** A new patient registered at a site, so a create that holds one per patient can run again. */
export function freshPatient(db: Queryable, orgId: string, siteId: string, family: string): Promise<string> {
  return buildPatient(db, orgId, { givenName: 'Cora', familyName: family, preferredLocationId: siteId });
}

export async function versionOf(db: Queryable, table: 'payers' | 'coverages' | 'authorizations', id: string) {
  return (await db.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0]!.version;
}
