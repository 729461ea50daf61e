import type { ServiceContext } from '../../services/context.ts';
import { patientRecord, patientRecordPdf, recordFileName } from '../../services/records/patient-record.ts';
import { route } from '../route.ts';
import { PatientRecordSchema, RecordParams, RecordQuery } from './schema.ts';

/**
 * The patient's record to take away: the patient their own (the same routes, with their own id, as
 * every page of theirs), staff a patient whose chart they may open. Every download is audited.
 */
export function recordRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/patients/:id/record.json',
      tag: 'records',
      errors: [403, 404],
      summary:
        "Download the patient's record as JSON: details, visits, questionnaires, safety checks, assessments, " +
        'plans, notes, outcome measures, home care, insurance and balance, each as far as the viewer may read it',
      params: RecordParams,
      query: RecordQuery,
      response: PatientRecordSchema,
      handler: async ({ actor, params, query, reply }) => {
        const record = await patientRecord(ctx, actor, params.id, query.lang);
        reply.header('content-disposition', `attachment; filename="${recordFileName(ctx, actor, 'json')}"`);
        return record;
      },
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/record.pdf',
      tag: 'records',
      errors: [403, 404],
      produces: 'application/pdf',
      summary: "Download the patient's record as a readable PDF, in the patient's language (or lang)",
      params: RecordParams,
      query: RecordQuery,
      handler: async ({ actor, params, query, reply }) => {
        const pdf = await patientRecordPdf(ctx, actor, params.id, query.lang);
        reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${recordFileName(ctx, actor, 'pdf')}"`);
        return pdf;
      },
    }),
  ];
}
