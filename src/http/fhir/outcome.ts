import type { FastifyReply, FastifyRequest } from 'fastify';
import { operationOutcome, type IssueCode } from '../../fhir/bundle.ts';
import type { ErrorBody } from '../errors.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Whether a request is for the FHIR API, which answers errors as OperationOutcome. */
export function isFhirRequest(request: FastifyRequest): boolean {
  return request.url === '/fhir/R4' || request.url.startsWith('/fhir/');
}

function issueCode(status: number): IssueCode {
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429 || status === 503) return 'throttled';
  if (status >= 500) return 'exception';
  return 'invalid';
}

/** The one error shape, said as FHIR says it: an OperationOutcome with the same words and the fields it names. */
export function sendOperationOutcome(reply: FastifyReply, given: number, payload: ErrorBody): FastifyReply {
  // The read API's refusals of input are search parameters it cannot read: FHIR answers those 400.
  const status = given === 422 ? 400 : given;
  const fields = Object.entries(payload.error.fields ?? {});
  const outcome =
    fields.length > 0
      ? {
          resourceType: 'OperationOutcome' as const,
          issue: fields.map(([field, text]) => operationOutcome(issueCode(status), text, field).issue[0]!),
        }
      : operationOutcome(issueCode(status), payload.error.message);
  return reply.status(status).type(FHIR_JSON).send(outcome);
}
