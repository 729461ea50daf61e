import type { FastifyRequest } from 'fastify';
import { refusalOutcome } from '../../fhir/import-bundle.ts';
import type { ServiceContext } from '../../services/context.ts';
import { importBundle, ImportRefused } from '../../services/fhir/import.ts';
import { route } from '../route.ts';
import { FHIR_JSON } from './outcome.ts';
import { FhirTransactionResponseSchema } from './import-schema.ts';

const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}/fhir/R4`;

/**
 * `POST /fhir/R4` with a transaction Bundle: the import's answer is FHIR's own (a transaction-response,
 * or one OperationOutcome naming every refused entry), so the route sends it itself.
 */
export function fhirImportRoutes(ctx: ServiceContext) {
  // The base with and without its trailing slash: clients post a transaction to either (fhir-kit-client: "/").
  return ['/fhir/R4', '/fhir/R4/'].map((url) =>
    route({
      method: 'POST',
      url,
      tag: 'fhir',
      errors: [403, 409],
      summary:
        'Import a transaction Bundle of patients, therapists, sites, payers, coverages and appointments ' +
        '(all or nothing)',
      response: FhirTransactionResponseSchema,
      handler: async ({ actor, request, reply }) => {
        reply.type(FHIR_JSON);
        try {
          const { response } = await importBundle(ctx, actor, request.body, baseOf(request));
          reply.status(200);
          return response;
        } catch (err) {
          if (!(err instanceof ImportRefused)) throw err;
          reply.status(err.status);
          return refusalOutcome(err.problems);
        }
      },
    }),
  );
}
