import { audit } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { NotFoundError } from './errors.ts';
import { authorize } from './policies.ts';

export interface OrganizationProfile {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  counts: { locations: number; practitioners: number; patients: number; staff: number };
}

export async function getOrganizationProfile(ctx: ServiceContext, actor: Actor): Promise<OrganizationProfile> {
  authorize(actor, 'organization.read');
  const rows = await ctx.db.query<OrganizationProfile>(
    `SELECT o.id, o.name, o.slug, o.is_demo AS "isDemo",
            json_build_object(
              'locations', (SELECT count(*) FROM locations WHERE org_id = o.id),
              'practitioners', (SELECT count(*) FROM practitioners WHERE org_id = o.id),
              'patients', (SELECT count(*) FROM patients WHERE org_id = o.id AND merged_into IS NULL),
              'staff', (SELECT count(*) FROM users WHERE org_id = o.id AND role <> 'patient')) AS counts
       FROM organizations o WHERE o.id = $1`,
    [actor.orgId],
  );
  const org = rows[0];
  if (!org) throw new NotFoundError('No such organisation.');
  // Patients see the clinic's name, not its size.
  return actor.role === 'patient' ? { ...org, counts: { locations: org.counts.locations, practitioners: 0, patients: 0, staff: 0 } } : org;
}

export async function renameOrganization(ctx: ServiceContext, actor: Actor, name: string): Promise<OrganizationProfile> {
  authorize(actor, 'organization.manage');
  await ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE organizations SET name = $2 WHERE id = $1', [actor.orgId, name]);
    await audit(tx, actor, [{ action: 'organization.update', recordType: 'organization', recordId: actor.orgId }]);
  });
  return getOrganizationProfile(ctx, actor);
}
