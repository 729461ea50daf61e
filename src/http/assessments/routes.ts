import type { ServiceContext } from '../../services/context.ts';
import {
  assessmentSuggestions,
  createAssessment,
  getAssessment,
  listPatientAssessments,
  updateAssessment,
} from '../../services/charting/assessment.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  AssessmentCreateSchema,
  AssessmentListSchema,
  AssessmentSchema,
  AssessmentUpdateSchema,
  MuscleSuggestionsSchema,
} from './schema.ts';

export function assessmentRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/patients/:id/assessments',
      tag: 'assessments',
      errors: [403, 404],
      summary: "A patient's assessments, newest first",
      params: IdParams,
      response: AssessmentListSchema,
      handler: ({ actor, params }) => listPatientAssessments(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/assessments',
      tag: 'assessments',
      status: 201,
      errors: [403, 404, 409, 422],
      summary:
        'Record an assessment: pain map, posture, ROM (with % of normal), strength, palpated trigger points, ' +
        'the five elements',
      params: IdParams,
      body: AssessmentCreateSchema,
      response: AssessmentSchema,
      handler: ({ actor, params, body, once }) => createAssessment(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/assessments/:id',
      tag: 'assessments',
      errors: [403, 404],
      summary: 'One assessment',
      params: IdParams,
      response: AssessmentSchema,
      handler: ({ actor, params }) => getAssessment(ctx, actor, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/assessments/:id',
      tag: 'assessments',
      errors: [403, 404, 409, 422],
      summary: 'Edit an assessment (send the version you read)',
      params: IdParams,
      body: AssessmentUpdateSchema,
      response: AssessmentSchema,
      handler: ({ actor, params, body }) => updateAssessment(ctx, actor, params.id, body),
    }),
    route({
      method: 'GET',
      url: '/api/assessments/:id/suggestions',
      tag: 'assessments',
      errors: [403, 404],
      summary: 'Muscles to examine for the pain map, ranked, with reasons; confirmed = found on palpation',
      params: IdParams,
      response: MuscleSuggestionsSchema,
      handler: ({ actor, params }) => assessmentSuggestions(ctx, actor, params.id),
    }),
  ];
}
