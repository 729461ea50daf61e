import type { Queryable } from '../database.ts';

export type Discipline = 'nmt' | 'chiropractic' | 'acupuncture' | 'corrective-exercise';

export interface TherapistRow {
  id: string;
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  discipline: Discipline;
  bio: string | null;
  active: boolean;
  locationIds: string[];
}

export type TherapistFields = Omit<TherapistRow, 'id'>;

export interface CredentialRow {
  id: string;
  therapistId: string;
  kind: 'licence' | 'certification';
  type: string;
  issuer: string;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  educationHours: number | null;
}

export type CredentialFields = Omit<CredentialRow, 'id' | 'therapistId'>;

export interface ContinuingEducationRow {
  id: string;
  therapistId: string;
  periodStart: string;
  periodEnd: string;
  hoursRequired: number;
  hoursCompleted: number;
}

export type ContinuingEducationFields = Omit<ContinuingEducationRow, 'id' | 'therapistId'>;

const COLUMNS = `p.id, p.given_name AS "givenName", p.family_name AS "familyName", p.email, p.phone, p.discipline,
  p.bio, p.active,
  coalesce((SELECT array_agg(pl.location_id::text ORDER BY pl.location_id) FROM therapist_locations pl
             WHERE pl.org_id = p.org_id AND pl.therapist_id = p.id), '{}') AS "locationIds"`;

export interface TherapistFilter {
  locationId?: string;
  discipline?: Discipline;
  activeOnly: boolean;
}

export async function listTherapists(db: Queryable, orgId: string, filter: TherapistFilter): Promise<TherapistRow[]> {
  const params: unknown[] = [orgId];
  const where = ['p.org_id = $1'];
  if (filter.activeOnly) where.push('p.active');
  if (filter.discipline) {
    params.push(filter.discipline);
    where.push(`p.discipline = $${params.length}`);
  }
  if (filter.locationId) {
    params.push(filter.locationId);
    where.push(`EXISTS (SELECT 1 FROM therapist_locations pl WHERE pl.org_id = p.org_id AND pl.therapist_id = p.id
                          AND pl.location_id = $${params.length})`);
  }
  return db.query<TherapistRow>(
    `SELECT ${COLUMNS} FROM therapists p WHERE ${where.join(' AND ')}
      ORDER BY lower(p.family_name), lower(p.given_name), p.id`,
    params,
  );
}

export async function findTherapist(db: Queryable, orgId: string, id: string): Promise<TherapistRow | null> {
  const rows = await db.query<TherapistRow>(`SELECT ${COLUMNS} FROM therapists p WHERE p.org_id = $1 AND p.id = $2`, [
    orgId,
    id,
  ]);
  return rows[0] ?? null;
}

function toParams(f: TherapistFields): unknown[] {
  return [f.givenName, f.familyName, f.email, f.phone, f.discipline, f.bio, f.active];
}

export async function insertTherapist(db: Queryable, orgId: string, f: TherapistFields): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO therapists (given_name, family_name, email, phone, discipline, bio, active, org_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [...toParams(f), orgId],
  );
  return rows[0]!.id;
}

export async function updateTherapist(db: Queryable, orgId: string, id: string, f: TherapistFields): Promise<void> {
  await db.query(
    `UPDATE therapists SET given_name = $1, family_name = $2, email = $3, phone = $4, discipline = $5, bio = $6,
      active = $7
      WHERE org_id = $8 AND id = $9`,
    [...toParams(f), orgId, id],
  );
}

/** Makes the therapist's sites exactly `locationIds`. */
export async function replaceTherapistLocations(
  db: Queryable,
  orgId: string,
  id: string,
  locationIds: string[],
): Promise<void> {
  await db.query('DELETE FROM therapist_locations WHERE org_id = $1 AND therapist_id = $2', [orgId, id]);
  if (locationIds.length === 0) return;
  await db.query(
    'INSERT INTO therapist_locations (org_id, therapist_id, location_id) SELECT $1, $2, unnest($3::uuid[])',
    [orgId, id, locationIds],
  );
}

const CREDENTIAL_COLUMNS = `id, therapist_id AS "therapistId", kind, type, issuer, number, issued_on AS "issuedOn",
  expires_on AS "expiresOn", education_hours AS "educationHours"`;

/** Credentials of many therapists at once, so a list costs one query. */
export async function listCredentials(db: Queryable, orgId: string, therapistIds: string[]): Promise<CredentialRow[]> {
  if (therapistIds.length === 0) return [];
  return db.query<CredentialRow>(
    `SELECT ${CREDENTIAL_COLUMNS} FROM credentials WHERE org_id = $1 AND therapist_id = ANY($2::uuid[])
      ORDER BY therapist_id, expires_on NULLS LAST, id`,
    [orgId, therapistIds],
  );
}

export async function findCredential(db: Queryable, orgId: string, id: string): Promise<CredentialRow | null> {
  const rows = await db.query<CredentialRow>(
    `SELECT ${CREDENTIAL_COLUMNS} FROM credentials WHERE org_id = $1 AND id = $2`,
    [orgId, id],
  );
  return rows[0] ?? null;
}

function credentialParams(f: CredentialFields): unknown[] {
  return [f.kind, f.type, f.issuer, f.number, f.issuedOn, f.expiresOn, f.educationHours];
}

export async function insertCredential(
  db: Queryable,
  orgId: string,
  therapistId: string,
  f: CredentialFields,
): Promise<CredentialRow> {
  const rows = await db.query<CredentialRow>(
    `INSERT INTO credentials (kind, type, issuer, number, issued_on, expires_on, education_hours, org_id, therapist_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${CREDENTIAL_COLUMNS}`,
    [...credentialParams(f), orgId, therapistId],
  );
  return rows[0]!;
}

export async function updateCredential(
  db: Queryable,
  orgId: string,
  id: string,
  f: CredentialFields,
): Promise<CredentialRow> {
  const rows = await db.query<CredentialRow>(
    `UPDATE credentials SET kind = $1, type = $2, issuer = $3, number = $4, issued_on = $5, expires_on = $6,
      education_hours = $7
      WHERE org_id = $8 AND id = $9 RETURNING ${CREDENTIAL_COLUMNS}`,
    [...credentialParams(f), orgId, id],
  );
  return rows[0]!;
}

export async function deleteCredential(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query('DELETE FROM credentials WHERE org_id = $1 AND id = $2', [orgId, id]);
}

const CE_COLUMNS = `id, therapist_id AS "therapistId", period_start AS "periodStart", period_end AS "periodEnd",
  hours_required AS "hoursRequired", hours_completed AS "hoursCompleted"`;

export async function listContinuingEducation(
  db: Queryable,
  orgId: string,
  therapistId: string,
): Promise<ContinuingEducationRow[]> {
  return db.query<ContinuingEducationRow>(
    `SELECT ${CE_COLUMNS} FROM continuing_education WHERE org_id = $1 AND therapist_id = $2
      ORDER BY period_start DESC, id`,
    [orgId, therapistId],
  );
}

export async function insertContinuingEducation(
  db: Queryable,
  orgId: string,
  therapistId: string,
  f: ContinuingEducationFields,
): Promise<ContinuingEducationRow> {
  const rows = await db.query<ContinuingEducationRow>(
    `INSERT INTO continuing_education (org_id, therapist_id, period_start, period_end, hours_required, hours_completed)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${CE_COLUMNS}`,
    [orgId, therapistId, f.periodStart, f.periodEnd, f.hoursRequired, f.hoursCompleted],
  );
  return rows[0]!;
}
