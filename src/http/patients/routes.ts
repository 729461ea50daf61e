import type { ServiceContext } from '../../services/context.ts';
import { mergePatients } from '../../services/patient-merge.ts';
import { patientSummary } from '../../services/patient-summary.ts';
import { createPatient, duplicatesOf, getPatient, searchPatients, updatePatient } from '../../services/patients.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  MergeResultSchema,
  MergeSchema,
  PatientCreateSchema,
  PatientPageSchema,
  PatientSchema,
  PatientSearchQuery,
  PatientUpdateSchema,
  PatientSummarySchema,
  PossibleDuplicatesSchema,
} from './schema.ts';

export function patientRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/patients',
      tag: 'patients',
      errors: [403, 422],
      summary: 'Search patients by name, phone or date of birth (only those you may see); every result is audited',
      query: PatientSearchQuery,
      response: PatientPageSchema,
      handler: ({ actor, query }) =>
        searchPatients(ctx, actor, {
          q: query.q,
          locationId: query.location,
          page: query.page,
          pageSize: query.pageSize,
        }),
    }),
    route({
      method: 'POST',
      url: '/api/patients',
      tag: 'patients',
      status: 201,
      errors: [403, 409, 422],
      summary:
        'Register a patient at one of your sites. When the name and date of birth, the email or the phone match a ' +
        'record, ' +
        'answers 409 possible_duplicate with the matches you may see (and only "elsewhere" for others); ' +
        'send confirmNotDuplicate to register anyway',
      body: PatientCreateSchema,
      response: PatientSchema,
      handler: ({ actor, body, once }) => {
        const { confirmNotDuplicate, ...fields } = body;
        return createPatient(ctx, actor, fields, { confirmNotDuplicate, once });
      },
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id',
      tag: 'patients',
      errors: [403, 404],
      summary:
        "A patient's demographics; a merged record answers 404 patient_merged with mergedInto (when you may open " +
        'that record)',
      params: IdParams,
      response: PatientSchema,
      handler: ({ actor, params }) => getPatient(ctx, actor, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/patients/:id',
      tag: 'patients',
      errors: [403, 404, 409, 422],
      summary: "Change a patient's demographics (send the version you read)",
      params: IdParams,
      body: PatientUpdateSchema,
      response: PatientSchema,
      handler: ({ actor, params, body }) => {
        const { version, ...changes } = body;
        return updatePatient(ctx, actor, params.id, version, changes);
      },
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/summary',
      tag: 'patients',
      errors: [403, 404],
      summary:
        "The patient's page at a glance: visits to come and past, the plan's progress and session notes, " +
        'each only as far as you may see',
      params: IdParams,
      response: PatientSummarySchema,
      handler: ({ actor, params }) => patientSummary(ctx, actor, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/duplicates',
      tag: 'patients',
      errors: [403, 404],
      summary:
        'Records that may be the same person as this one (same name and date of birth, email or phone), ' +
        'among those you may see',
      params: IdParams,
      response: PossibleDuplicatesSchema,
      handler: ({ actor, params }) => duplicatesOf(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/merge',
      tag: 'patients',
      errors: [403, 404, 409, 422],
      summary:
        'Merge a duplicate into this record (managers and admins of both records’ sites): visits and charts move in ' +
        'one transaction; ' +
        'the duplicate is kept only as a pointer here. 409 merge_conflict lists visits both records have at the ' +
        'same time',
      params: IdParams,
      body: MergeSchema,
      response: MergeResultSchema,
      idempotent: true,
      handler: ({ actor, params, body, once }) => mergePatients(ctx, actor, params.id, body.duplicateId, once),
    }),
  ];
}
