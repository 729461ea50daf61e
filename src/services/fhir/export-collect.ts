import type { Resource } from '@medplum/fhirtypes';
import { changedSince } from '../../fhir/bulk.ts';
import { toLocation } from '../../fhir/location.ts';
import { toOrganization } from '../../fhir/organization.ts';
import { toPractitionerRole } from '../../fhir/practitioner-role.ts';
import { toPractitioner } from '../../fhir/practitioner.ts';
import { exportPatientIds } from '../../store/repos/fhir-exports.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { listLocations } from '../locations.ts';
import { getOrganizationProfile } from '../organization-profile.ts';
import { listTherapists } from '../therapists.ts';
import { fhirContext } from './context.ts';
import { payerOrganizations } from './coverage.ts';
import { patientEverything } from './search.ts';

export interface ExportScope {
  level: 'system' | 'patient' | 'group';
  /** The site whose patients a group export holds. */
  groupId: string | null;
  types: readonly string[];
  since: Date | null;
}

export class ExportCancelled extends Error {}

/** Reports patients done of all; answering false stops the export (it was cancelled). */
export type OnProgress = (done: number, total: number) => Promise<boolean | void>;

/**
 * What an export holds, by type, each type sorted by id: every patient in scope read whole as
 * `$everything` reads them (the same policies, each chart section audited as a read), with the
 * directory those charts name; a system export adds the whole directory (every site, therapist, role
 * and payer).
 */
export async function collectExport(
  ctx: ServiceContext,
  actor: Actor,
  scope: ExportScope,
  onProgress?: OnProgress,
): Promise<Map<string, Resource[]>> {
  const fhir = await fhirContext(ctx.db, actor);
  const found = new Map<string, Resource>();
  const add = (r: Resource) => found.set(`${r.resourceType}/${r.id}`, r);
  const patients = await exportPatientIds(ctx.db, actor.orgId, scope.level === 'group' ? scope.groupId : null);
  for (const [i, { id }] of patients.entries()) {
    const bundle = await patientEverything(ctx, actor, id, fhir.base);
    for (const entry of bundle.entry ?? []) add(entry.resource!);
    if (onProgress && (await onProgress(i + 1, patients.length)) === false) throw new ExportCancelled();
  }
  if (scope.level === 'system') {
    add(toOrganization(fhir, await getOrganizationProfile(ctx, actor)));
    for (const l of (await listLocations(ctx, actor)).locations) add(toLocation(fhir, l));
    for (const t of (await listTherapists(ctx, actor, {})).therapists) {
      add(toPractitioner(fhir, t, 'credentials' in t ? t.credentials : []));
      add(toPractitionerRole(fhir, t));
    }
    for (const p of await payerOrganizations(ctx, actor, fhir)) add(p);
  }
  const byType = new Map<string, Resource[]>(scope.types.map((t) => [t, []]));
  for (const r of found.values()) if (changedSince(r, scope.since)) byType.get(r.resourceType)?.push(r);
  for (const list of byType.values()) list.sort((a, b) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0));
  for (const [type, list] of byType) if (list.length === 0) byType.delete(type);
  return byType;
}
