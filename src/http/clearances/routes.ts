import type { ServiceContext } from '../../services/context.ts';
import { downloadFile, recordClearance } from '../../services/charting/clearance.ts';
import { getGate, overrideGate } from '../../services/charting/gate/service.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import { isMultipartBody } from './multipart.ts';
import { ClearanceResultSchema, GateOverrideResultSchema, OverrideSchema, TreatmentGateSchema } from './schema.ts';

/** `Content-Disposition` with a filename that cannot break out of its quotes or the header. */
function attachment(filename: string): string {
  const ascii =
    filename
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_')
      .slice(0, 150) || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename.slice(0, 150))}`;
}

/** The form's fields and its `letter` file; a JSON body (no file) passes through and is refused by the service. */
function clearanceForm(body: unknown): unknown {
  if (!isMultipartBody(body)) return body ?? {};
  const letter = body.files.letter;
  return {
    ...body.fields,
    ...(letter ? { letter: { filename: letter.filename, declaredType: letter.contentType, data: letter.data } } : {}),
  };
}

export function clearanceRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/patients/:id/gate',
      tag: 'screening',
      errors: [403, 404],
      summary:
        'May this patient be treated today: decision, regions to avoid, technique changes, clearances, open tasks',
      params: IdParams,
      response: TreatmentGateSchema,
      handler: ({ actor, params }) => getGate(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/gate/override',
      tag: 'screening',
      status: 201,
      errors: [403, 404, 409, 422],
      summary: 'A manager or admin lets treatment go ahead for the current intake version, saying why',
      params: IdParams,
      body: OverrideSchema,
      response: GateOverrideResultSchema,
      handler: ({ actor, params, body, once }) => overrideGate(ctx, actor, params.id, body.reason, once),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/clearances',
      tag: 'screening',
      status: 201,
      errors: [403, 404, 413, 422],
      summary:
        'Record a physician clearance (multipart/form-data: physician, clearedOn, scope, letter = PDF/PNG/JPEG up ' +
        'to 5 MB)',
      params: IdParams,
      response: ClearanceResultSchema,
      handler: ({ actor, params, request, once }) =>
        recordClearance(ctx, actor, params.id, clearanceForm(request.body), once),
    }),
    route({
      method: 'GET',
      url: '/api/files/:id',
      tag: 'screening',
      errors: [403, 404],
      produces: 'application/octet-stream',
      summary: 'Download an uploaded letter (always as an attachment)',
      params: IdParams,
      handler: async ({ actor, params, reply }) => {
        const { meta, data } = await downloadFile(ctx, actor, params.id);
        reply.type(meta.contentType);
        reply.header('content-disposition', attachment(meta.filename));
        reply.header('x-content-type-options', 'nosniff');
        reply.header('cache-control', 'private, no-store');
        return data;
      },
    }),
  ];
}
