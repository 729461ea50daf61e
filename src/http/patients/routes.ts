import type { ServiceContext } from '../../services/context.ts';
import { createPatient, getPatient, searchPatients, updatePatient } from '../../services/patients.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import { PatientCreateSchema, PatientPageSchema, PatientSchema, PatientSearchQuery, PatientUpdateSchema } from './schema.ts';

export function patientRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET', url: '/api/patients', tag: 'patients', errors: [403, 422],
      summary: 'Search patients by name, phone or date of birth (only those you may see); every result is audited',
      query: PatientSearchQuery, response: PatientPageSchema,
      handler: ({ actor, query }) => searchPatients(ctx, actor, { q: query.q, locationId: query.location, page: query.page, pageSize: query.pageSize }),
    }),
    route({
      method: 'POST', url: '/api/patients', tag: 'patients', status: 201, errors: [403, 422],
      summary: 'Register a patient at one of your sites',
      body: PatientCreateSchema, response: PatientSchema,
      handler: ({ actor, body, once }) => createPatient(ctx, actor, body, once),
    }),
    route({
      method: 'GET', url: '/api/patients/:id', tag: 'patients', errors: [403, 404],
      summary: "A patient's demographics", params: IdParams, response: PatientSchema,
      handler: ({ actor, params }) => getPatient(ctx, actor, params.id),
    }),
    route({
      method: 'PATCH', url: '/api/patients/:id', tag: 'patients', errors: [403, 404, 409, 422],
      summary: "Change a patient's demographics (send the version you read)",
      params: IdParams, body: PatientUpdateSchema, response: PatientSchema,
      handler: ({ actor, params, body }) => {
        const { version, ...changes } = body;
        return updatePatient(ctx, actor, params.id, version, changes);
      },
    }),
  ];
}
