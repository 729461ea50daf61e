import { z } from 'zod';
import type { ServiceContext } from '../../services/context.ts';
import { getOrganizationProfile, renameOrganization } from '../../services/organization-profile.ts';
import { text } from '../common.ts';
import { route } from '../route.ts';

const OrganizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    isDemo: z.boolean(),
    counts: z.object({ locations: z.number(), therapists: z.number(), patients: z.number(), staff: z.number() }),
  })
  .meta({ id: 'Organization' });

export function organizationRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/organization',
      tag: 'organization',
      summary: 'Your organisation',
      response: OrganizationSchema,
      handler: ({ actor }) => getOrganizationProfile(ctx, actor),
    }),
    route({
      method: 'PATCH',
      url: '/api/organization',
      tag: 'organization',
      errors: [403],
      summary: 'Rename the organisation (administrators)',
      body: z.strictObject({ name: text(200) }),
      response: OrganizationSchema,
      handler: ({ actor, body }) => renameOrganization(ctx, actor, body.name),
    }),
  ];
}
