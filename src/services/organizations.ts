import { z } from 'zod';
import { SQLSTATE, sqlState, type Queryable } from '../store/database.ts';
import {
  countOrganizationRows,
  findOrganizationRowBySlug,
  insertOrganization,
  locationIdsBySlug,
  type OrganizationRow,
} from '../store/repos/organizations.ts';
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

function present(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    isDemo: row.is_demo,
    timeZone: row.time_zone,
    createdAt: row.created_at,
  };
}

export async function createOrganization(db: Queryable, input: OrganizationInput): Promise<Organization> {
  const parsed = organizationInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldsFromIssues(parsed.error.issues));
  const { name, slug, isDemo = false, timeZone } = parsed.data;
  try {
    return present(await insertOrganization(db, { name, slug, isDemo, timeZone }));
  } catch (err) {
    if (sqlState(err) === SQLSTATE.uniqueViolation) {
      throw new ConflictError('slug', `An organisation with slug "${slug}" already exists`);
    }
    throw err;
  }
}

export async function findOrganizationBySlug(db: Queryable, slug: string): Promise<Organization | null> {
  const row = await findOrganizationRowBySlug(db, slug);
  return row ? present(row) : null;
}

/** Like findOrganizationBySlug, for callers to whom a missing organisation is the caller's mistake. */
export async function getOrganizationBySlug(db: Queryable, slug: string): Promise<Organization> {
  const org = await findOrganizationBySlug(db, slug);
  if (!org) throw new NotFoundError(`No organisation with slug "${slug}"`);
  return org;
}

export async function countOrganizations(db: Queryable): Promise<number> {
  return countOrganizationRows(db);
}

/** Location ids for slugs within one organisation, in the order given; an unknown slug is an error. */
export async function resolveLocationSlugs(db: Queryable, orgId: string, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const bySlug = await locationIdsBySlug(db, orgId, slugs);
  const unknown = slugs.filter((slug) => !bySlug.has(slug));
  if (unknown.length > 0) throw new NotFoundError(`Unknown location slug(s): ${unknown.join(', ')}`);
  return slugs.map((slug) => bySlug.get(slug)!);
}
