import type { ServiceContext } from '../../services/context.ts';
import {
  addContinuingEducation,
  addCredential,
  createTherapist,
  deleteCredential,
  getTherapist,
  listTherapists,
  updateCredential,
  updateTherapist,
} from '../../services/therapists.ts';
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
  TherapistCreateSchema,
  TherapistDetailSchema,
  TherapistListQuery,
  TherapistListSchema,
  TherapistReadSchema,
  TherapistUpdateSchema,
} from './schema.ts';

export function therapistRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/therapists',
      tag: 'therapists',
      summary:
        'Therapists, optionally of one site or discipline; staff also see credential status, patients a public view',
      query: TherapistListQuery,
      response: TherapistListSchema,
      handler: ({ actor, query }) =>
        listTherapists(ctx, actor, { locationId: query.location, discipline: query.discipline }),
    }),
    route({
      method: 'POST',
      url: '/api/therapists',
      tag: 'therapists',
      status: 201,
      errors: [403, 422],
      summary: 'Add a therapist (admins; managers for their own sites)',
      body: TherapistCreateSchema,
      response: TherapistDetailSchema,
      handler: ({ actor, body, once }) => createTherapist(ctx, actor, body, once),
    }),
    route({
      method: 'POST',
      url: '/api/therapists/onboarding',
      tag: 'therapists',
      status: 201,
      errors: [403, 409, 422],
      summary:
        'Add a therapist in one step (admins; managers at their own sites): record, sites, credentials, ' +
        'weekly shifts and sign-in, ' +
        'all saved or none. The sign-in must change its first password. Send an Idempotency-Key header to retry safely',
      body: OnboardingSchema,
      response: OnboardedSchema,
      handler: ({ actor, body, once }) => {
        const { credentials, shifts, signIn, ...therapist } = body;
        return onboardTherapist(
          ctx,
          actor,
          { therapist: { ...therapist, active: true }, credentials, shifts, signIn },
          once,
        );
      },
    }),
    route({
      method: 'GET',
      url: '/api/therapists/:id',
      tag: 'therapists',
      errors: [404],
      summary: 'A therapist: credentials and continuing education for staff, a public view for patients',
      params: IdParams,
      response: TherapistReadSchema,
      handler: ({ actor, params }) => getTherapist(ctx, actor, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/therapists/:id',
      tag: 'therapists',
      errors: [403, 404, 422],
      summary: "Change a therapist's details; locationIds replaces their sites as a whole",
      params: IdParams,
      body: TherapistUpdateSchema,
      response: TherapistDetailSchema,
      handler: ({ actor, params, body }) => updateTherapist(ctx, actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/therapists/:id/credentials',
      tag: 'therapists',
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
      tag: 'therapists',
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
      tag: 'therapists',
      status: 204,
      errors: [403, 404],
      summary: 'Remove a credential recorded in error',
      params: IdParams,
      handler: ({ actor, params }) => deleteCredential(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/therapists/:id/continuing-education',
      tag: 'therapists',
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
