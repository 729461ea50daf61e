import { canonicalBase, type FhirContext } from '../../fhir/base.ts';
import type { Queryable } from '../../store/database.ts';
import { findOrganizationProfile } from '../../store/repos/organizations.ts';
import type { Actor } from '../context.ts';
import { NotFoundError } from '../errors.ts';

/** The organisation's canonical root and id, which every mapping is given. */
export async function fhirContext(db: Queryable, actor: Actor): Promise<FhirContext> {
  const org = await findOrganizationProfile(db, actor.orgId);
  if (!org) throw new NotFoundError('No such organisation.');
  return { base: canonicalBase(org.slug), orgId: org.id };
}
