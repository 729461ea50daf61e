import type { FastifyRequest } from 'fastify';
import { toCapabilityStatement } from '../../fhir/capability-statement.ts';
import type { ServiceContext } from '../../services/context.ts';
import { ValidationError } from '../../services/errors.ts';
import { readResource } from '../../services/fhir/read.ts';
import { patientEverything, searchResources, type SearchParams } from '../../services/fhir/search.ts';
import { route } from '../route.ts';
import { FHIR_JSON } from './outcome.ts';
import { FhirBundleSchema, FhirCapabilitySchema, FhirResourceSchema } from './schema.ts';

/** The server as the client reached it, for links to documents. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
/** The FHIR base as the client reached it, for each entry's fullUrl. */
const baseOf = (request: FastifyRequest) => `${originOf(request)}/fhir/R4`;

const TYPE = /^[A-Z][A-Za-z]{1,40}$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const MAX_VALUE = 200;
const MAX_VALUES = 10;

/**
 * Path and query are read here rather than by a schema: FHIR names its parameters itself (`_count`,
 * repeated `date`), and a refusal must come back as an OperationOutcome naming the parameter.
 */
function pathPart(request: FastifyRequest, name: 'type' | 'id'): string {
  const value = (request.params as Record<string, string>)[name] ?? '';
  if (!(name === 'type' ? TYPE : ID).test(value)) {
    const message =
      name === 'type'
        ? `"${value.slice(0, 40)}" is not a resource type.`
        : 'A resource id is 1 to 64 letters, digits, dashes or dots.';
    throw new ValidationError({ [name]: message }, message);
  }
  return value;
}

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
        const bundle = await patientEverything(ctx, actor, pathPart(request, 'id'), baseOf(request));
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
        const bundle = await searchResources(
          ctx,
          actor,
          pathPart(request, 'type'),
          searchParams(request),
          baseOf(request),
        );
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
        const resource = await readResource(
          ctx,
          actor,
          pathPart(request, 'type'),
          pathPart(request, 'id'),
          originOf(request),
        );
        reply.type(FHIR_JSON);
        return resource;
      },
    }),
  ];
}
