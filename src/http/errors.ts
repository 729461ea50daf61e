import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isRecordConflict, RateLimitedError, ServiceError } from '../services/errors.ts';
import { requestErrorLine, stderrSink, type ErrorLogSink } from './error-log.ts';
import { frameworkRefusal } from './framework-errors.ts';
import { describeFields } from '../words/issues.ts';
import { isFhirRequest, sendOperationOutcome } from './fhir/outcome.ts';
import { localizeError, replyLocale } from './refusal-words.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where unexpected errors are logged (one JSON line each); stderr by default. */
    errorLog?: ErrorLogSink;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Input that does not match the schema: 400 naming each field (413 when all that is wrong is size). */
export class RequestValidationError extends Error {
  constructor(
    readonly fields: Record<string, string>,
    readonly tooLarge = false,
  ) {
    super(describeFields(fields));
  }
}

const STATUS_BY_CODE: Record<string, number> = {
  validation_failed: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  rate_limited: 429,
  // Booking: the slot was taken (with alternatives), the therapist may not deliver the service.
  slot_unavailable: 409,
  series_conflict: 409,
  not_qualified: 422,
  idempotency_key_reused: 422,
};

function body(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/**
 * The single translation from anything thrown to the one error shape. Whatever is not a known
 * client mistake is a 500 with a generic message: details go to the log, never to the client.
 */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; retryAfter?: number } {
  if (err instanceof RequestValidationError) {
    return err.tooLarge
      ? { status: 413, body: body('payload_too_large', err.message, err.fields) }
      : { status: 400, body: body('invalid_request', err.message, err.fields) };
  }
  if (err instanceof ServiceError) {
    const status = err.status ?? STATUS_BY_CODE[err.code] ?? 400;
    const retryAfter = err instanceof RateLimitedError ? err.retryAfterSeconds : undefined;
    // Some refusals carry more than the error itself (a booking's alternatives), beside `error`.
    const extra = (err as { extra?: Record<string, unknown> }).extra;
    return { status, body: { ...body(err.code, err.message, err.fields), ...extra }, retryAfter };
  }
  if (isRecordConflict(err)) {
    return { status: 409, body: body('conflict', 'This conflicts with an existing record.') };
  }
  const refusal = frameworkRefusal(err);
  if (refusal) return { status: refusal.status, body: body(refusal.code, refusal.message, refusal.fields) };
  return { status: 500, body: body('internal', 'Something went wrong on our side. It has been logged.') };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const { status, body: payload, retryAfter } = toErrorResponse(err);
  if (payload.error.code === 'internal') {
    // Always logged, with or without KNOTWORK_LOG, and never with the error's values.
    (request.server.errorLog ?? stderrSink)(requestErrorLine(err, request, status, new Date()));
    payload.error.message = `Something went wrong on our side. It has been logged with reference ${request.id}.`;
  }
  if (retryAfter) reply.header('retry-after', String(retryAfter));
  if (isFhirRequest(request)) return sendOperationOutcome(reply, status, payload);
  return reply.status(status).send(localizeError(payload, replyLocale(request)));
}

/** zod issues → { "field.path": "message" }; an unknown key names itself; a wrong whole names its part. */
export function issuesToFields(error: z.ZodError, part: 'body' | 'query' | 'params'): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...path, key].join('.')] = 'Not a field we know; leave it out.';
      continue;
    }
    fields[path.length > 0 ? path.join('.') : part] ??= issue.message;
  }
  return fields;
}
