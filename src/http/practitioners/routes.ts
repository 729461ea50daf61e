import type { ServiceContext } from '../../services/context.ts';
import {
  addContinuingEducation,
  addCredential,
  createPractitioner,
  deleteCredential,
  getPractitioner,
  listPractitioners,
  updateCredential,
  updatePractitioner,
} from '../../services/practitioners.ts';
import { onboardTherapist } from '../../services/therapist-onboarding.ts';
import { IdParams } from '../common.ts';
import { OnboardedSchema, OnboardingSchema } from './onboarding-schema.ts';
import { route } from '../route.ts';
import {
  ContinuingEducationCreateSchema,
  ContinuingEducationSchema,
  CredentialCreateSchema,
  CredentialSchema,
  CredentialUpdateSchema,
  PractitionerCreateSchema,
  PractitionerDetailSchema,
  PractitionerListQuery,
  PractitionerListSchema,
  PractitionerReadSchema,
  PractitionerUpdateSchema,
} from './schema.ts';

export function practitionerRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/practitioners',
      tag: 'practitioners',
      summary:
        'Practitioners, optionally of one site or discipline; staff also see credential status, patients a public view',
      query: PractitionerListQuery,
      response: PractitionerListSchema,
      handler: ({ actor, query }) =>
        listPractitioners(ctx, actor, { locationId: query.location, discipline: query.discipline }),
    }),
    route({
      method: 'POST',
      url: '/api/practitioners',
      tag: 'practitioners',
      status: 201,
      errors: [403, 422],
      summary: 'Add a practitioner (admins; managers for their own sites)',
      body: PractitionerCreateSchema,
      response: PractitionerDetailSchema,
      handler: ({ actor, body, once }) => createPractitioner(ctx, actor, body, once),
    }),
    route({
      method: 'POST',
      url: '/api/practitioners/onboarding',
      tag: 'practitioners',
      status: 201,
      errors: [403, 409, 422],
      summary:
        'Add a therapist in one step (admins; managers at their own sites): record, sites, credentials, weekly shifts and sign-in, ' +
        'all saved or none. The sign-in must change its first password. Send an Idempotency-Key header to retry safely',
      body: OnboardingSchema,
      response: OnboardedSchema,
      handler: ({ actor, body, once }) => {
        const { credentials, shifts, signIn, ...practitioner } = body;
        return onboardTherapist(
          ctx,
          actor,
          { practitioner: { ...practitioner, active: true }, credentials, shifts, signIn },
          once,
        );
      },
    }),
    route({
      method: 'GET',
      url: '/api/practitioners/:id',
      tag: 'practitioners',
      errors: [404],
      summary: 'A practitioner: credentials and continuing education for staff, a public view for patients',
      params: IdParams,
      response: PractitionerReadSchema,
      handler: ({ actor, params }) => getPractitioner(ctx, actor, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/practitioners/:id',
      tag: 'practitioners',
      errors: [403, 404, 422],
      summary: "Change a practitioner's details; locationIds replaces their sites as a whole",
      params: IdParams,
      body: PractitionerUpdateSchema,
      response: PractitionerDetailSchema,
      handler: ({ actor, params, body }) => updatePractitioner(ctx, actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/practitioners/:id/credentials',
      tag: 'practitioners',
      status: 201,
      errors: [403, 404, 422],
      summary: 'Record a licence or certification',
      params: IdParams,
      body: CredentialCreateSchema,
      response: CredentialSchema,
      handler: ({ actor, params, body, once }) => addCredential(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'PATCH',
      url: '/api/credentials/:id',
      tag: 'practitioners',
      errors: [403, 404, 422],
      summary: 'Correct or renew a credential',
      params: IdParams,
      body: CredentialUpdateSchema,
      response: CredentialSchema,
      handler: ({ actor, params, body }) => updateCredential(ctx, actor, params.id, body),
    }),
    route({
      method: 'DELETE',
      url: '/api/credentials/:id',
      tag: 'practitioners',
      status: 204,
      errors: [403, 404],
      summary: 'Remove a credential recorded in error',
      params: IdParams,
      handler: ({ actor, params }) => deleteCredential(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/practitioners/:id/continuing-education',
      tag: 'practitioners',
      status: 201,
      errors: [403, 404, 422],
      summary: 'Record a continuing-education period and its hours',
      params: IdParams,
      body: ContinuingEducationCreateSchema,
      response: ContinuingEducationSchema,
      handler: ({ actor, params, body, once }) => addContinuingEducation(ctx, actor, params.id, body, once),
    }),
  ];
}
