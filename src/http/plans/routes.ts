import type { ServiceContext } from '../../services/context.ts';
import {
  bookPlan,
  createPlan,
  listPatientPlans,
  proposeTreatmentPlan,
  updatePlan,
} from '../../services/charting/plan.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  BookedPlanSchema,
  BookSchema,
  PlanCreateSchema,
  PlanProposalSchema,
  PlanUpdateSchema,
  ProposalSchema,
  TreatmentPlanListSchema,
  TreatmentPlanSchema,
} from './schema.ts';

export function planRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'POST',
      url: '/api/patients/:id/plans/proposal',
      tag: 'plans',
      errors: [403, 404, 422],
      summary: "The clinical core's proposed plan for these factors (phase, severity, …); nothing is stored",
      params: IdParams,
      body: ProposalSchema,
      response: PlanProposalSchema,
      handler: ({ actor, params, body }) => proposeTreatmentPlan(ctx, actor, params.id, body.factors),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/plans',
      tag: 'plans',
      errors: [403, 404],
      summary: "A patient's treatment plans, newest first",
      params: IdParams,
      response: TreatmentPlanListSchema,
      handler: ({ actor, params }) => listPatientPlans(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/plans',
      tag: 'plans',
      status: 201,
      errors: [403, 404, 422],
      summary: 'Save a treatment plan (as edited by the therapist) as a draft',
      params: IdParams,
      body: PlanCreateSchema,
      response: TreatmentPlanSchema,
      handler: ({ actor, params, body, once }) => {
        const { assessmentId, ...plan } = body;
        return createPlan(ctx, actor, params.id, plan, once, { assessmentId });
      },
    }),
    route({
      method: 'PATCH',
      url: '/api/plans/:id',
      tag: 'plans',
      errors: [403, 404, 409, 422],
      summary: 'Edit a plan or move its status forward (draft → active → completed)',
      params: IdParams,
      body: PlanUpdateSchema,
      response: TreatmentPlanSchema,
      handler: ({ actor, params, body }) => {
        const { version, status, ...changes } = body;
        return updatePlan(ctx, actor, params.id, { version, status, changes });
      },
    }),
    route({
      method: 'POST',
      url: '/api/plans/:id/book',
      tag: 'plans',
      status: 201,
      errors: [403, 404, 409, 422],
      summary:
        'Book every visit of the plan as one series (all or nothing) and mark the plan active; ' +
        'after a 409 series_conflict, retry with choices (an alternative or a skip per visit)',
      params: IdParams,
      body: BookSchema,
      response: BookedPlanSchema,
      handler: ({ actor, params, body, once }) =>
        bookPlan(ctx, actor, params.id, { time: body.time, choices: body.choices }, once),
    }),
  ];
}
