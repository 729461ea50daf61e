import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, ServiceContext } from '../../services/context.ts';
import { ValidationError } from '../../services/errors.ts';
import { cancelExport, exportFile, exportStatus, kickOffExport, type KickOff } from '../../services/fhir/export.ts';
import { route } from '../route.ts';
import { FHIR_JSON } from './outcome.ts';
import { fhirBaseOf as baseOf, pathPart } from './request.ts';
import { FhirExportStatusSchema, FhirOutcomeSchema } from './schema.ts';

const NDJSON = 'application/fhir+ndjson';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TYPE = /^[A-Z][A-Za-z]{1,40}$/;

const PARTS = {
  id: [UUID, 'This is not the id of an export or a site.'],
  type: [TYPE, 'Name a resource type, e.g. Patient.'],
  part: [/^[1-9][0-9]{0,5}$/, 'A file number is a whole number from 1.'],
} as const;
const part = (request: FastifyRequest, name: keyof typeof PARTS) =>
  pathPart(request, name, PARTS[name][0], PARTS[name][1]);

const information = (text: string) => ({
  resourceType: 'OperationOutcome' as const,
  issue: [{ severity: 'information' as const, code: 'informational' as const, details: { text } }],
});

const values = (raw: unknown): string[] | undefined =>
  raw === undefined ? undefined : (Array.isArray(raw) ? raw : [raw]).map(String);

/** The kick-off's parameters, read here so a refusal names the FHIR parameter (`_type`, `_since`). */
function kickOff(request: FastifyRequest, level: KickOff['level'], groupId?: string): KickOff {
  const prefer = String(request.headers.prefer ?? '');
  if (!/\brespond-async\b/.test(prefer)) {
    const message = 'An export runs in the background: send the header "Prefer: respond-async".';
    throw new ValidationError({ Prefer: message }, message);
  }
  const query = (request.query ?? {}) as Record<string, unknown>;
  const one = (name: string) => values(query[name])?.[0];
  for (const name of ['_since', '_outputFormat'])
    if ((values(query[name])?.length ?? 0) > 1) {
      const message = `Give ${name} once.`;
      throw new ValidationError({ [name]: message }, message);
    }
  return {
    level,
    groupId,
    types: values(query._type),
    since: one('_since'),
    outputFormat: one('_outputFormat'),
    request: `${baseOf(request)}${request.url.replace(/^\/fhir\/R4/, '')}`,
  };
}

async function accepted(ctx: ServiceContext, actor: Actor, k: KickOff, request: FastifyRequest, reply: FastifyReply) {
  const id = await kickOffExport(ctx, actor, k);
  reply
    .status(202)
    .type(FHIR_JSON)
    .header('content-location', `${baseOf(request)}/$export-status/${id}`);
  return information('The export has started. Poll the Content-Location URL for its progress and files.');
}

export function fhirExportRoutes(ctx: ServiceContext) {
  const kickOffRoute = (url: string, level: KickOff['level'], summary: string) =>
    route({
      method: 'GET',
      url,
      tag: 'fhir',
      errors: [403, 404],
      summary,
      response: FhirOutcomeSchema,
      handler: ({ actor, request, reply }) => {
        const groupId = level === 'group' ? part(request, 'id') : undefined;
        return accepted(ctx, actor, kickOff(request, level, groupId), request, reply);
      },
    });
  return [
    kickOffRoute('/fhir/R4/$export', 'system', 'Start a bulk export of the whole organisation (Prefer: respond-async)'),
    kickOffRoute('/fhir/R4/Patient/$export', 'patient', "Start a bulk export of every patient's records"),
    kickOffRoute('/fhir/R4/Group/:id/$export', 'group', "Start a bulk export of one site's patients"),
    route({
      method: 'GET',
      url: '/fhir/R4/$export-status/:id',
      tag: 'fhir',
      errors: [404],
      summary: "A bulk export's status: 202 with X-Progress while it runs, then its manifest",
      response: FhirExportStatusSchema,
      handler: async ({ actor, request, reply }) => {
        const base = baseOf(request);
        const id = part(request, 'id');
        const status = await exportStatus(ctx, actor, id, (type, part) => `${base}/$export-file/${id}/${type}/${part}`);
        reply.type(FHIR_JSON).header('cache-control', 'no-store');
        if (status.state === 'done') return status.manifest;
        if (status.state === 'failed') {
          reply.status(500);
          return {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'exception', details: { text: status.error } }],
          };
        }
        reply.status(202).header('x-progress', `${status.progress}% of patients read`).header('retry-after', '2');
        return information(`The export is running: ${status.progress}% of patients read.`);
      },
    }),
    route({
      method: 'DELETE',
      url: '/fhir/R4/$export-status/:id',
      tag: 'fhir',
      errors: [404],
      summary: 'Cancel a bulk export, or delete a finished one and its files',
      response: FhirOutcomeSchema,
      handler: async ({ actor, request, reply }) => {
        await cancelExport(ctx, actor, part(request, 'id'));
        reply.status(202).type(FHIR_JSON);
        return information('The export and its files are deleted.');
      },
    }),
    route({
      method: 'GET',
      url: '/fhir/R4/$export-file/:id/:type/:part',
      tag: 'fhir',
      errors: [404],
      summary: "One NDJSON file of a finished bulk export's manifest",
      produces: NDJSON,
      handler: async ({ actor, request, reply }) => {
        const ndjson = await exportFile(
          ctx,
          actor,
          part(request, 'id'),
          part(request, 'type'),
          Number(part(request, 'part')),
        );
        reply.type(NDJSON).header('cache-control', 'private, no-store');
        return ndjson;
      },
    }),
  ];
}
