import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../../services/errors.ts';

/** The server as the client reached it, for links to documents. */
export const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The FHIR base as the client reached it, for fullUrls, links and an export's Content-Location. */
export const fhirBaseOf = (request: FastifyRequest) => `${originOf(request)}/fhir/R4`;

/**
 * One path part, read here rather than by a schema: FHIR names its own parts, and a refusal must come back as an
 * OperationOutcome naming the part in plain words.
 */
export function pathPart(request: FastifyRequest, name: string, pattern: RegExp, refusal: string): string {
  const value = (request.params as Record<string, string>)[name] ?? '';
  if (pattern.test(value)) return value;
  throw new ValidationError({ [name]: refusal }, refusal);
}
