import { z } from 'zod';
import { SQLSTATE, sqlState, type Queryable } from '../store/database.ts';
import { ConflictError, NotFoundError, ValidationError, fieldsFromIssues } from './errors.ts';
import { isTimeZone } from '../time/index.ts';

export interface Organization {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  /** IANA zone of the organisation's calendar (sites keep their own for opening hours). */
  timeZone: string;
  createdAt: Date;
}

export const organizationInput = z.object({
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,60}$/, 'must be 2–60 lowercase letters, digits or hyphens'),
  isDemo: z.boolean().optional(),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. America/Los_Angeles').optional(),
});
export type OrganizationInput = z.input<typeof organizationInput>;

interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  is_demo: boolean;
  time_zone: string;
  created_at: Date;
}

const COLUMNS = 'id, name, slug, is_demo, time_zone, created_at';

function present(row: OrganizationRow): Organization {
  return { id: row.id, name: row.name, slug: row.slug, isDemo: row.is_demo, timeZone: row.time_zone, createdAt: row.created_at };
}

export async function createOrganization(db: Queryable, input: OrganizationInput): Promise<Organization> {
  const parsed = organizationInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldsFromIssues(parsed.error.issues));
  const { name, slug, isDemo = false, timeZone } = parsed.data;
  try {
    // Without a zone the column's default applies.
    const rows = timeZone
      ? await db.query<OrganizationRow>(
        `INSERT INTO organizations (name, slug, is_demo, time_zone) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
        [name, slug, isDemo, timeZone],
      )
      : await db.query<OrganizationRow>(`INSERT INTO organizations (name, slug, is_demo) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [name, slug, isDemo]);
    return present(rows[0]!);
  } catch (err) {
    if (sqlState(err) === SQLSTATE.uniqueViolation) {
      throw new ConflictError('slug', `An organisation with slug "${slug}" already exists`);
    }
    throw err;
  }
}

export async function findOrganizationBySlug(db: Queryable, slug: string): Promise<Organization | null> {
  const rows = await db.query<OrganizationRow>(`SELECT ${COLUMNS} FROM organizations WHERE slug = $1`, [slug]);
  return rows[0] ? present(rows[0]) : null;
}

/** Like findOrganizationBySlug, for callers to whom a missing organisation is the caller's mistake. */
export async function getOrganizationBySlug(db: Queryable, slug: string): Promise<Organization> {
  const org = await findOrganizationBySlug(db, slug);
  if (!org) throw new NotFoundError(`No organisation with slug "${slug}"`);
  return org;
}

export async function countOrganizations(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
  return rows[0]?.n ?? 0;
}

/** Location ids for slugs within one organisation, in the order given; an unknown slug is an error. */
export async function resolveLocationSlugs(db: Queryable, orgId: string, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await db.query<{ id: string; slug: string }>(
    'SELECT id, slug FROM locations WHERE org_id = $1 AND slug = ANY($2::text[])',
    [orgId, [...slugs]],
  );
  const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
  const unknown = slugs.filter((slug) => !bySlug.has(slug));
  if (unknown.length > 0) throw new NotFoundError(`Unknown location slug(s): ${unknown.join(', ')}`);
  return slugs.map((slug) => bySlug.get(slug)!);
}
