import type { ServiceContext } from '../../services/context.ts';
import { searchClinicDiagnoses } from '../../services/charting/diagnoses.ts';
import { route } from '../route.ts';
import { DiagnosisListSchema, DiagnosisSearchQuery } from './schema.ts';

export function diagnosisRoutes(_ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/diagnoses',
      tag: 'assessments',
      errors: [403],
      summary: "Search the clinic's diagnosis list (ICD-10-CM) by code or words; only codes complete enough to bill",
      query: DiagnosisSearchQuery,
      response: DiagnosisListSchema,
      handler: async ({ actor, query }) => searchClinicDiagnoses(actor, query.q, query.limit),
    }),
  ];
}
