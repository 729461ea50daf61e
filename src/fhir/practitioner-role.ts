import type { PractitionerRole } from '@medplum/fhirtypes';
import { ref, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';

export interface TherapistRoleInput {
  id: string;
  name: string;
  discipline: string;
  active?: boolean;
  locationIds: string[];
}

/** What a therapist does for the organisation, and where: one role per therapist. */
export function toPractitionerRole(ctx: FhirContext, t: TherapistRoleInput): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: t.id,
    active: t.active ?? true,
    practitioner: ref('Practitioner', t.id, t.name),
    organization: ref('Organization', ctx.orgId),
    code: [{ coding: [knotworkCoding(ctx, 'discipline', t.discipline)] }],
    ...(t.locationIds.length > 0 ? { location: t.locationIds.map((id) => ref('Location', id)) } : {}),
  };
}
