import type { Queryable } from '../database.ts';

/** The organisation's own "what to expect" text for a locale, or null while it uses the default. */
export async function findPublicText(
  db: Queryable,
  orgId: string,
  locale: string,
): Promise<{ content: unknown; updatedAt: Date } | null> {
  const rows = await db.query<{ content: unknown; updatedAt: Date }>(
    `SELECT content, updated_at AS "updatedAt" FROM organization_public_texts WHERE org_id = $1 AND locale = $2`,
    [orgId, locale],
  );
  return rows[0] ?? null;
}

export async function savePublicText(
  db: Queryable,
  orgId: string,
  locale: string,
  content: unknown,
  userId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO organization_public_texts (org_id, locale, content, updated_by, updated_at)
     VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (org_id, locale) DO UPDATE SET content = EXCLUDED.content, updated_by = EXCLUDED.updated_by,
       updated_at = EXCLUDED.updated_at`,
    [orgId, locale, JSON.stringify(content), userId, now],
  );
}

export interface SignUpFields {
  email: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phone: string | null;
  preferredLocationId: string | null;
  locale: 'en' | 'es';
  passwordHash: string;
}

export interface SignUpRow extends SignUpFields {
  id: string;
  orgId: string;
  idempotencyKey: string | null;
  createdAt: Date;
  expiresAt: Date;
  verifiedAt: Date | null;
  patientId: string | null;
}

const SIGN_UP_COLUMNS = `id, org_id AS "orgId", email, given_name AS "givenName", family_name AS "familyName",
  to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", phone, preferred_location_id AS "preferredLocationId", locale,
  password_hash AS "passwordHash", idempotency_key AS "idempotencyKey", created_at AS "createdAt",
  expires_at AS "expiresAt", verified_at AS "verifiedAt", patient_id AS "patientId"`;

export async function findSignUpByKey(db: Queryable, orgId: string, key: string): Promise<SignUpRow | null> {
  const rows = await db.query<SignUpRow>(
    `SELECT ${SIGN_UP_COLUMNS} FROM patient_sign_ups WHERE org_id = $1 AND idempotency_key = $2`,
    [orgId, key],
  );
  return rows[0] ?? null;
}

export async function findSignUp(db: Queryable, orgId: string, id: string): Promise<SignUpRow | null> {
  const rows = await db.query<SignUpRow>(
    `SELECT ${SIGN_UP_COLUMNS} FROM patient_sign_ups WHERE org_id = $1 AND id = $2 FOR UPDATE`,
    [orgId, id],
  );
  return rows[0] ?? null;
}

/**
 * Starts a sign-up, or refreshes the one pending for this email (what was typed last wins, the link
 * starts afresh). A verified sign-up is left as it is; null then.
 */
export async function upsertPendingSignUp(
  db: Queryable,
  orgId: string,
  f: SignUpFields,
  key: string | null,
  now: Date,
  expiresAt: Date,
): Promise<SignUpRow | null> {
  const rows = await db.query<SignUpRow>(
    `INSERT INTO patient_sign_ups AS s (org_id, email, given_name, family_name, date_of_birth, phone,
       preferred_location_id, locale, password_hash, idempotency_key, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (org_id, email) DO UPDATE SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
       date_of_birth = EXCLUDED.date_of_birth, phone = EXCLUDED.phone,
       preferred_location_id = EXCLUDED.preferred_location_id, locale = EXCLUDED.locale,
       password_hash = EXCLUDED.password_hash, idempotency_key = coalesce(EXCLUDED.idempotency_key, s.idempotency_key),
       created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
       WHERE s.verified_at IS NULL
     RETURNING ${SIGN_UP_COLUMNS}`,
    [
      orgId,
      f.email,
      f.givenName,
      f.familyName,
      f.dateOfBirth,
      f.phone,
      f.preferredLocationId,
      f.locale,
      f.passwordHash,
      key,
      now,
      expiresAt,
    ],
  );
  return rows[0] ?? null;
}

export async function markSignUpVerified(
  db: Queryable,
  orgId: string,
  id: string,
  patientId: string,
  now: Date,
): Promise<void> {
  await db.query(`UPDATE patient_sign_ups SET verified_at = $3, patient_id = $4 WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
    now,
    patientId,
  ]);
}
