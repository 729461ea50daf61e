import type { FastifyRequest } from 'fastify';
import { toCapabilityStatement } from '../../fhir/capability-statement.ts';
import type { ServiceContext } from '../../services/context.ts';
import { ValidationError } from '../../services/errors.ts';
import { readResource } from '../../services/fhir/read.ts';
import { patientEverything, searchResources, type SearchParams } from '../../services/fhir/search.ts';
import { route } from '../route.ts';
import { FHIR_JSON } from './outcome.ts';
import { fhirBaseOf as baseOf, originOf, pathPart } from './request.ts';
import { FhirBundleSchema, FhirCapabilitySchema, FhirResourceSchema } from './schema.ts';

const TYPE = /^[A-Z][A-Za-z]{1,40}$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const MAX_VALUE = 200;
const MAX_VALUES = 10;

const typePart = (request: FastifyRequest) =>
  pathPart(request, 'type', TYPE, 'Name a resource type, e.g. Patient or Observation.');
const idPart = (request: FastifyRequest) =>
  pathPart(request, 'id', ID, 'A resource id is 1 to 64 letters, digits, dashes or dots.');

/**
 * The query is read here rather than by a schema: FHIR names its parameters itself (`_count`, repeated `date`), and a
 * refusal must come back as an OperationOutcome naming the parameter.
 */
function searchParams(request: FastifyRequest): SearchParams {
  const out: SearchParams = {};
  for (const [name, raw] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    if (values.length > MAX_VALUES || values.some((v) => v.length > MAX_VALUE)) {
      const message = `Give ${name} at most ${MAX_VALUES} times, each at most ${MAX_VALUE} characters long.`;
      throw new ValidationError({ [name]: message }, message);
    }
    out[name] = values;
  }
  return out;
}

export function fhirRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/fhir/R4/metadata',
      tag: 'fhir',
      auth: 'public',
      summary: "The FHIR server's CapabilityStatement: which resources it reads and searches, and how",
      response: FhirCapabilitySchema,
      handler: async ({ request, reply }) => {
        reply.type(FHIR_JSON);
        return toCapabilityStatement(baseOf(request), ctx.now().toISOString());
      },
    }),
    route({
      method: 'GET',
      url: '/fhir/R4/Patient/:id/$everything',
      tag: 'fhir',
      errors: [403, 404],
      summary: "Everything in one patient's chart that the caller may read, as a searchset Bundle",
      response: FhirBundleSchema,
      handler: async ({ actor, request, reply }) => {
        const bundle = await patientEverything(ctx, actor, idPart(request), baseOf(request));
        reply.type(FHIR_JSON);
        return bundle;
      },
    }),
    route({
      method: 'GET',
      url: '/fhir/R4/:type',
      tag: 'fhir',
      errors: [403, 404],
      summary: 'Search one resource type (e.g. Patient?name=, Observation?patient=&code=&date=) as a searchset Bundle',
      response: FhirBundleSchema,
      handler: async ({ actor, request, reply }) => {
        const bundle = await searchResources(ctx, actor, typePart(request), searchParams(request), baseOf(request));
        reply.type(FHIR_JSON);
        return bundle;
      },
    }),
    route({
      method: 'GET',
      url: '/fhir/R4/:type/:id',
      tag: 'fhir',
      errors: [403, 404],
      summary: 'Read one resource by type and id',
      response: FhirResourceSchema,
      handler: async ({ actor, request, reply }) => {
        const resource = await readResource(ctx, actor, typePart(request), idPart(request), originOf(request));
        reply.type(FHIR_JSON);
        return resource;
      },
    }),
  ];
}
