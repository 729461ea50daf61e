import {
  endCareRelationship,
  getCareTeam,
  grantCareRelationship,
  lookupPatients,
  registerAtSite,
} from '../../services/care.ts';
import type { ServiceContext } from '../../services/context.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  CareParams,
  CareTeamSchema,
  EndSchema,
  GrantSchema,
  LookupResultSchema,
  LookupSchema,
  RegisterSiteResultSchema,
  RegisterSiteSchema,
} from './schema.ts';

/** Registering a patient at another site, and the care team that may see the chart. */
export function careRoutes(ctx: ServiceContext) {
  return [
    route({
      // A POST, so names and a birth date never sit in a URL (logs, history).
      method: 'POST',
      url: '/api/patients/lookup',
      tag: 'patients',
      errors: [403, 422],
      summary:
        'Find a patient of any site by exact first name, last name and date of birth, to register them at your site ' +
        '(audited)',
      body: LookupSchema,
      response: LookupResultSchema,
      // A search: it creates nothing, and each one is audited as asked.
      idempotent: false,
      handler: ({ actor, body }) => lookupPatients(ctx, actor, body),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/sites',
      tag: 'patients',
      status: 201,
      errors: [403, 404, 422],
      summary: 'Register a patient at one of your sites, with a reason (audited); repeating it changes nothing',
      params: IdParams,
      body: RegisterSiteSchema,
      response: RegisterSiteResultSchema,
      handler: ({ actor, params, body, once }) => registerAtSite(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/care-team',
      tag: 'patients',
      errors: [403, 404],
      summary: "The therapists who may see the patient's chart, and the sites the patient is registered at",
      params: IdParams,
      response: CareTeamSchema,
      handler: ({ actor, params }) => getCareTeam(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/care-team',
      tag: 'patients',
      status: 201,
      errors: [403, 404, 422],
      summary: "Let a therapist see the patient's chart (managers of the therapist's site, admins; audited)",
      params: IdParams,
      body: GrantSchema,
      response: CareTeamSchema,
      handler: ({ actor, params, body, once }) => grantCareRelationship(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/care-team/:therapistId/end',
      tag: 'patients',
      errors: [403, 404],
      summary: "End a therapist's access to the patient's chart from today (audited)",
      params: CareParams,
      body: EndSchema,
      response: CareTeamSchema,
      handler: ({ actor, params, body }) => endCareRelationship(ctx, actor, params.id, params.therapistId, body.reason),
    }),
  ];
}
