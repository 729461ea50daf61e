import type { Queryable } from '../database.ts';
import { scheduleStampColumn } from './schedule-versions.ts';

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  is_demo: boolean;
  time_zone: string;
  created_at: Date;
}

const COLUMNS = 'id, name, slug, is_demo, time_zone, created_at';

/** Without a zone the column's default applies. */
export async function insertOrganization(
  db: Queryable,
  org: { name: string; slug: string; isDemo: boolean; timeZone?: string | undefined },
): Promise<OrganizationRow> {
  const rows = org.timeZone
    ? await db.query<OrganizationRow>(
        `INSERT INTO organizations (name, slug, is_demo, time_zone) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
        [org.name, org.slug, org.isDemo, org.timeZone],
      )
    : await db.query<OrganizationRow>(
        `INSERT INTO organizations (name, slug, is_demo) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
        [org.name, org.slug, org.isDemo],
      );
  return rows[0]!;
}

export async function findOrganizationRowBySlug(db: Queryable, slug: string): Promise<OrganizationRow | null> {
  const rows = await db.query<OrganizationRow>(`SELECT ${COLUMNS} FROM organizations WHERE slug = $1`, [slug]);
  return rows[0] ?? null;
}

/** Every organisation's id (work done for each, e.g. rebuilding derived rows after a restore). */
export async function organizationIds(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(`SELECT id FROM organizations ORDER BY created_at, id`);
  return rows.map((r) => r.id);
}

/** The first `limit` organisations' slugs, oldest first (the public pages warmed at start). */
export async function organizationSlugs(db: Queryable, limit: number): Promise<string[]> {
  const rows = await db.query<{ slug: string }>('SELECT slug FROM organizations ORDER BY created_at, id LIMIT $1', [
    limit,
  ]);
  return rows.map((r) => r.slug);
}

export async function countOrganizationRows(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
  return rows[0]?.n ?? 0;
}

/** Location ids by slug within one organisation; slugs it does not have are simply absent. */
export async function locationIdsBySlug(
  db: Queryable,
  orgId: string,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; slug: string }>(
    'SELECT id, slug FROM locations WHERE org_id = $1 AND slug = ANY($2::text[])',
    [orgId, [...slugs]],
  );
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export interface OrganizationProfileRow {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  counts: { locations: number; therapists: number; patients: number; staff: number };
}

/** The organisation with how many sites, therapists, (unmerged) patients and staff it has. */
export async function findOrganizationProfile(db: Queryable, orgId: string): Promise<OrganizationProfileRow | null> {
  const rows = await db.query<OrganizationProfileRow>(
    `SELECT o.id, o.name, o.slug, o.is_demo AS "isDemo",
            json_build_object(
              'locations', (SELECT count(*) FROM locations WHERE org_id = o.id),
              'therapists', (SELECT count(*) FROM therapists WHERE org_id = o.id),
              'patients', (SELECT count(*) FROM patients WHERE org_id = o.id AND merged_into IS NULL),
              'staff', (SELECT count(*) FROM users WHERE org_id = o.id AND role <> 'patient')) AS counts
       FROM organizations o WHERE o.id = $1`,
    [orgId],
  );
  return rows[0] ?? null;
}

export async function renameOrganizationRow(db: Queryable, orgId: string, name: string): Promise<void> {
  await db.query('UPDATE organizations SET name = $2 WHERE id = $1', [orgId, name]);
}

/** The organisation's zone and its schedule stamp, in one round trip: a calendar's conflicts read both. */
export async function organizationZoneAndStamp(
  db: Queryable,
  orgId: string,
): Promise<{ timeZone: string; stamp: string }> {
  const rows = await db.query<{ timeZone: string; stamp: string }>(
    `SELECT time_zone AS "timeZone", ${scheduleStampColumn('$1')} AS stamp FROM organizations WHERE id = $1`,
    [orgId],
  );
  if (!rows[0]) throw new Error('organisation not found');
  return rows[0];
}

/** The organisation's IANA zone: the calendar of dates that belong to no site. */
export async function organizationTimeZone(db: Queryable, orgId: string): Promise<string> {
  const rows = await db.query<{ time_zone: string }>('SELECT time_zone FROM organizations WHERE id = $1', [orgId]);
  if (!rows[0]) throw new Error('organisation not found');
  return rows[0].time_zone;
}
