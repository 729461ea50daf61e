import type { ServiceContext } from '../../services/context.ts';
import { getIntake, getIntakeVersion, saveIntakeDraft, submitIntake } from '../../services/charting/intake.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  IntakeDraftBodySchema,
  IntakeOverviewSchema,
  IntakeSubmitSchema,
  IntakeVersionParams,
  IntakeVersionSchema,
  IntakeViewSchema,
  SubmittedIntakeSchema,
} from './schema.ts';

export function intakeRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/patients/:id/intake',
      tag: 'intake',
      errors: [403, 404],
      summary:
        "A patient's newest intake, the draft in progress and every submitted version with its screening decision",
      params: IdParams,
      response: IntakeOverviewSchema,
      handler: ({ actor, params }) => getIntake(ctx, actor, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/intake/:version',
      tag: 'intake',
      errors: [403, 404],
      summary: 'One submitted intake version, as it was submitted',
      params: IntakeVersionParams,
      response: IntakeVersionSchema,
      handler: ({ actor, params }) => getIntakeVersion(ctx, actor, params.id, params.version),
    }),
    route({
      method: 'PUT',
      url: '/api/patients/:id/intake/draft',
      tag: 'intake',
      errors: [403, 404, 422],
      summary: 'Autosave the intake being filled in (not screened, not a version)',
      params: IdParams,
      body: IntakeDraftBodySchema,
      response: IntakeViewSchema,
      handler: ({ actor, params, body }) => saveIntakeDraft(ctx, actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/intake',
      tag: 'intake',
      status: 201,
      errors: [403, 404, 422],
      summary: 'Submit the intake: a new version (earlier ones are kept), screened at once; answers the treatment gate',
      params: IdParams,
      body: IntakeSubmitSchema,
      response: SubmittedIntakeSchema,
      handler: ({ actor, params, body, once }) => submitIntake(ctx, actor, params.id, body, once),
    }),
  ];
}
