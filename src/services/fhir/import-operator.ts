import { canonicalBase } from '../../fhir/base.ts';
import { firstAdmin } from '../../store/repos/fhir-exports.ts';
import { organizationTimeZone } from '../../store/repos/organizations.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { getOrganizationBySlug } from '../organizations.ts';
import { importBundle, type ImportSummary } from './import.ts';

/**
 * `knotwork fhir import`: the same import the API runs, for whoever runs the server, in the name of the
 * organisation's first administrator (so each record is audited under that account, marked as done
 * from the command line), all or nothing.
 */
export async function importForOperator(
  ctx: ServiceContext,
  input: { orgSlug: string; bundle: unknown },
): Promise<ImportSummary> {
  const org = await getOrganizationBySlug(ctx.db, input.orgSlug);
  const admin = await firstAdmin(ctx.db, org.id);
  if (!admin) throw new NotFoundError(`The organisation "${input.orgSlug}" has no administrator to import as.`);
  const actor: Actor = {
    userId: admin.id,
    orgId: org.id,
    role: 'admin',
    email: admin.email,
    displayName: admin.displayName,
    patientId: null,
    therapistId: null,
    locationIds: [],
    orgTimeZone: await organizationTimeZone(ctx.db, org.id),
    sessionId: 'command-line',
    ip: null,
  };
  return (await importBundle(ctx, actor, input.bundle, canonicalBase(org.slug))).summary;
}
