import type { Queryable } from '../database.ts';
import { scopeClause } from './patients.ts';
import type { PatientScope } from './scope.ts';

/** Why a record may be the same person: the same name and birth date, the same email, the same phone. */
export type DuplicateReason = 'name-and-birth-date' | 'email' | 'phone';

export interface DuplicateCandidate {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email: string | null;
  phone: string | null;
}

export interface DuplicateMatch {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  preferredLocationId: string | null;
  reasons: DuplicateReason[];
}

/** Digits of a phone number without a leading US country code, so "+1 503…" matches "(503) …". */
export function phoneKey(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  // Too few digits to say anything about who it belongs to.
  return national.length >= 7 ? national : null;
}

const STORED_PHONE_KEY =
  `CASE WHEN length(p.phone_digits) = 11 AND left(p.phone_digits, ` +
  `1) = '1' THEN substr(p.phone_digits, 2) ELSE p.phone_digits END`;

/**
 * Live records (never tombstones) that may be the candidate, within `scope`, plus how many more
 * match outside it: those are counted, never returned, so nothing about them leaves the store.
 */
export async function findPossibleDuplicates(
  db: Queryable,
  orgId: string,
  scope: PatientScope,
  candidate: DuplicateCandidate,
  excludeId: string | null,
): Promise<{ visible: DuplicateMatch[]; hiddenCount: number }> {
  const params: unknown[] = [
    orgId,
    candidate.givenName.trim().toLowerCase(),
    candidate.familyName.trim().toLowerCase(),
    candidate.dateOfBirth,
    candidate.email?.trim().toLowerCase() || null,
    phoneKey(candidate.phone),
    excludeId,
  ];
  const reasons = `array_remove(ARRAY[
      CASE WHEN lower(trim(p.given_name)) = $2 AND lower(trim(p.family_name)) = $3
      AND p.date_of_birth = $4::date THEN 'name-and-birth-date' END,
      CASE WHEN $5::text IS NOT NULL AND lower(p.email) = $5 THEN 'email' END,
      CASE WHEN $6::text IS NOT NULL AND ${STORED_PHONE_KEY} = $6 THEN 'phone' END], NULL)`;
  const visibleClause = scopeClause(scope, params);
  const rows = await db.query<DuplicateMatch & { visible: boolean; sort_family: string; sort_given: string }>(
    `SELECT * FROM (
       SELECT p.id, p.given_name AS "givenName", p.family_name AS "familyName", p.date_of_birth AS "dateOfBirth",
              p.preferred_location_id AS "preferredLocationId", ${reasons} AS reasons, (${visibleClause}) AS visible,
              p.family_name_lower AS sort_family, p.given_name_lower AS sort_given
         FROM patients p
        WHERE p.org_id = $1 AND p.merged_into IS NULL AND ($7::uuid IS NULL OR p.id <> $7::uuid)
          AND ((p.date_of_birth = $4::date AND lower(trim(p.family_name)) = $3)
               OR ($5::text IS NOT NULL AND lower(p.email) = $5)
               OR ($6::text IS NOT NULL AND p.phone_digits LIKE '%' || $6))) m
      WHERE cardinality(m.reasons) > 0
      ORDER BY m.sort_family, m.sort_given, m.id
      LIMIT 50`,
    params,
  );
  const visible = rows
    .filter((r) => r.visible)
    .map(({ visible: _v, sort_family: _f, sort_given: _g, ...match }): DuplicateMatch => match);
  return { visible, hiddenCount: rows.length - visible.length };
}
