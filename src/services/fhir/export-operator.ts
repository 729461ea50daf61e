import type { Resource } from '@medplum/fhirtypes';
import { canonicalBase } from '../../fhir/base.ts';
import { isRefused, parseExportTypes, parseSince } from '../../fhir/bulk.ts';
import { firstAdmin } from '../../store/repos/fhir-exports.ts';
import { locationIdsBySlug, organizationTimeZone } from '../../store/repos/organizations.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { getOrganizationBySlug } from '../organizations.ts';
import { authorize } from '../policies.ts';
import { collectExport, type OnProgress } from './export-collect.ts';

export interface OperatorExport {
  orgSlug: string;
  types?: string[];
  /** A site's slug: that site's patients (a group export); the whole organisation without one. */
  site?: string;
  since?: string;
}

/**
 * Whoever runs the server acts in the name of the organisation's first administrator (an operator at the
 * server has the database anyway), so each record read or written is audited under that account, marked as
 * done from the command line.
 */
export async function operatorActor(ctx: ServiceContext, orgSlug: string, doing: 'export' | 'import') {
  const org = await getOrganizationBySlug(ctx.db, orgSlug);
  const admin = await firstAdmin(ctx.db, org.id);
  if (!admin) throw new NotFoundError(`The organisation "${orgSlug}" has no administrator to ${doing} as.`);
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
  return { org, actor };
}

/**
 * `knotwork fhir export`: the same export the API runs, for whoever runs the server. It reads in the
 * name of the organisation's first administrator (an operator at the server has the database anyway),
 * so every chart read is audited under that account, marked as done from the command line.
 */
export async function exportForOperator(
  ctx: ServiceContext,
  input: OperatorExport,
  onProgress?: OnProgress,
): Promise<{ transactionTime: Date; request: string; byType: Map<string, Resource[]> }> {
  const { org, actor } = await operatorActor(ctx, input.orgSlug, 'export');
  const types = parseExportTypes(input.types);
  if (isRefused(types)) throw new ValidationError({ type: types.refused }, types.refused);
  const transactionTime = ctx.now();
  const since = parseSince(input.since, transactionTime);
  if (isRefused(since)) throw new ValidationError({ since: since.refused }, since.refused);
  const groupId = input.site ? (await locationIdsBySlug(ctx.db, org.id, [input.site])).get(input.site) : null;
  if (groupId === undefined) throw new NotFoundError(`The organisation has no site "${input.site}".`);
  authorize(actor, 'fhir.export', groupId ? { locationIds: [groupId] } : {});
  const level = groupId ? 'group' : 'system';
  await audit(ctx.db, actor, [
    { action: 'fhir.export', recordType: 'fhir-export', detail: { via: 'command-line', level, groupId, types } },
  ]);
  const byType = await collectExport(ctx, actor, { level, groupId, types, since }, onProgress);
  const request = `${canonicalBase(org.slug)}${groupId ? `/Group/${groupId}` : ''}/$export`;
  return { transactionTime, request, byType };
}
