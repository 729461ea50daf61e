import type { Queryable } from '../database.ts';

export interface UserRow {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: 'patient' | 'therapist' | 'front_desk' | 'manager' | 'admin';
  patient_id: string | null;
  therapist_id: string | null;
  location_ids: string[] | null;
  must_change_password: boolean;
}

export interface NewUserRow {
  orgId: string;
  email: string;
  displayName: string;
  role: UserRow['role'];
  passwordHash: string;
  patientId: string | null;
  therapistId: string | null;
  mustChangePassword: boolean;
  locationIds: readonly string[];
}

/** Inserts an account and the sites it works for; returns its id. */
export async function insertUserRow(tx: Queryable, user: NewUserRow): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO users (org_id, email, display_name, role, password_hash, patient_id, therapist_id,
      must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      user.orgId,
      user.email,
      user.displayName,
      user.role,
      user.passwordHash,
      user.patientId,
      user.therapistId,
      user.mustChangePassword,
    ],
  );
  const id = rows[0]!.id;
  if (user.locationIds.length > 0) {
    await tx.query('INSERT INTO user_locations (org_id, user_id, location_id) SELECT $1, $2, unnest($3::uuid[])', [
      user.orgId,
      id,
      [...user.locationIds],
    ]);
  }
  return id;
}

/** The account with this (already normalised) email in one organisation, with its sites. */
export async function findUserRowByEmail(db: Queryable, orgId: string, email: string): Promise<UserRow | null> {
  const rows = await db.query<UserRow>(
    `SELECT u.id, u.org_id, u.email, u.display_name, u.role, u.patient_id, u.therapist_id, u.must_change_password,
            array(SELECT ul.location_id FROM user_locations ul
                  WHERE ul.org_id = u.org_id AND ul.user_id = u.id ORDER BY ul.location_id) AS location_ids
       FROM users u WHERE u.org_id = $1 AND u.email = $2`,
    [orgId, email],
  );
  return rows[0] ?? null;
}
