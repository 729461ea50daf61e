import type { Queryable } from '../database.ts';

export interface StaffRow {
  id: string;
  email: string;
  displayName: string;
  role: string;
  therapistId: string | null;
  locationIds: string[];
  disabled: boolean;
  createdAt: Date;
}

const SELECT = `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.therapist_id AS "therapistId",
       CASE WHEN u.role = 'therapist'
            THEN coalesce((SELECT array_agg(pl.location_id::text ORDER BY pl.location_id) FROM therapist_locations pl
                            WHERE pl.org_id = u.org_id AND pl.therapist_id = u.therapist_id), '{}')
            ELSE coalesce((SELECT array_agg(ul.location_id::text ORDER BY ul.location_id) FROM user_locations ul
                            WHERE ul.org_id = u.org_id AND ul.user_id = u.id), '{}') END AS "locationIds",
       u.disabled_at IS NOT NULL AS disabled, u.created_at AS "createdAt"
  FROM users u`;

/** Staff accounts; with `locationIds`, only those working at one of those sites. */
export async function listStaff(db: Queryable, orgId: string, locationIds: string[] | null): Promise<StaffRow[]> {
  const rows = await db.query<StaffRow>(
    `SELECT * FROM (${SELECT} WHERE u.org_id = $1 AND u.role <> 'patient') s
      WHERE $2::uuid[] IS NULL OR s."locationIds"::uuid[] && $2::uuid[]
      ORDER BY lower(s."displayName"), s.id`,
    [orgId, locationIds],
  );
  return rows;
}

export async function findStaff(db: Queryable, orgId: string, id: string): Promise<StaffRow | null> {
  const rows = await db.query<StaffRow>(`${SELECT} WHERE u.org_id = $1 AND u.id = $2 AND u.role <> 'patient'`, [
    orgId,
    id,
  ]);
  return rows[0] ?? null;
}

export async function updateStaff(
  db: Queryable,
  orgId: string,
  id: string,
  changes: { displayName?: string; disabledAt?: Date | null; locationIds?: string[] },
): Promise<void> {
  if (changes.displayName !== undefined) {
    await db.query('UPDATE users SET display_name = $3 WHERE org_id = $1 AND id = $2', [
      orgId,
      id,
      changes.displayName,
    ]);
  }
  if (changes.disabledAt !== undefined) {
    await db.query('UPDATE users SET disabled_at = $3 WHERE org_id = $1 AND id = $2', [orgId, id, changes.disabledAt]);
    if (changes.disabledAt) await db.query('DELETE FROM sessions WHERE org_id = $1 AND user_id = $2', [orgId, id]);
  }
  if (changes.locationIds !== undefined) {
    await db.query('DELETE FROM user_locations WHERE org_id = $1 AND user_id = $2', [orgId, id]);
    await db.query('INSERT INTO user_locations (org_id, user_id, location_id) SELECT $1, $2, unnest($3::uuid[])', [
      orgId,
      id,
      changes.locationIds,
    ]);
  }
}
