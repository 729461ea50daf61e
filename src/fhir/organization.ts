import type { Organization } from '@medplum/fhirtypes';
import { recordIdentifier, type FhirContext } from './base.ts';

export interface OrganizationInput {
  id: string;
  name: string;
  slug: string;
}

/** The clinic group: one Organization, with its slug as an identifier. */
export function toOrganization(ctx: FhirContext, org: OrganizationInput): Organization {
  return {
    resourceType: 'Organization',
    id: org.id,
    identifier: [recordIdentifier(ctx, 'organization', org.slug)],
    active: true,
    type: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov' }],
        text: 'Healthcare provider',
      },
    ],
    name: org.name,
  };
}
