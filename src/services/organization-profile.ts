import {
  findOrganizationProfile,
  renameOrganizationRow,
  type OrganizationProfileRow,
} from '../store/repos/organizations.ts';
import { audit } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { NotFoundError } from './errors.ts';
import { authorize } from './policies.ts';

export type OrganizationProfile = OrganizationProfileRow;

export async function getOrganizationProfile(ctx: ServiceContext, actor: Actor): Promise<OrganizationProfile> {
  authorize(actor, 'organization.read');
  const org = await findOrganizationProfile(ctx.db, actor.orgId);
  if (!org) throw new NotFoundError('No such organisation.');
  // Patients see the clinic's name, not its size.
  return actor.role === 'patient'
    ? { ...org, counts: { locations: org.counts.locations, therapists: 0, patients: 0, staff: 0 } }
    : org;
}

export async function renameOrganization(
  ctx: ServiceContext,
  actor: Actor,
  name: string,
): Promise<OrganizationProfile> {
  authorize(actor, 'organization.manage');
  await ctx.db.transaction(async (tx) => {
    await renameOrganizationRow(tx, actor.orgId, name);
    await audit(tx, actor, [{ action: 'organization.update', recordType: 'organization', recordId: actor.orgId }]);
  });
  return getOrganizationProfile(ctx, actor);
}
