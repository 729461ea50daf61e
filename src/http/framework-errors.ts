import type { Socket } from 'node:net';
import type { FastifyError } from 'fastify';
import { SECURITY_HEADERS } from './security.ts';

/**
 * Refusals raised by Fastify or Node before a route runs (a malformed address, a body that is not
 * JSON or too large, an unknown content type…), in plain words for the one error shape. The
 * framework's own texts name its internals; these say what to do instead.
 */
const FRAMEWORK_REFUSALS: Record<string, { code: string; message: string; field?: string }> = {
  FST_ERR_BAD_URL: {
    code: 'invalid_request',
    message: 'The address is not valid: a "%" in it must be followed by two hexadecimal digits.',
  },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'invalid_request', message: 'The address is too long.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Send the request as JSON (Content-Type: application/json), or a letter as multipart/form-data.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_request',
    message: 'The request body is not as long as its Content-Length says.',
    field: 'body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_request',
    message: 'The request says it is JSON but has no body.',
    field: 'body',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid_request',
    message: 'The request body is not valid JSON.',
    field: 'body',
  },
  FST_ERR_NOT_FOUND: { code: 'not_found', message: 'No such page or resource.' },
};

/** A Fastify refusal of what the client sent (4xx), in the one error shape; null for anything else. */
export function frameworkRefusal(
  err: unknown,
): { status: number; code: string; message: string; fields?: Record<string, string> } | null {
  const e = err as Partial<FastifyError> | null;
  const status = e?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  const known = e?.code ? FRAMEWORK_REFUSALS[e.code] : undefined;
  if (known)
    return {
      status,
      code: known.code,
      message: known.message,
      ...(known.field ? { fields: { [known.field]: known.message } } : {}),
    };
  // The JSON parser's own SyntaxError, and our multipart reader, whose messages are our own words.
  if (err instanceof SyntaxError) {
    const message = 'The request body is not valid JSON.';
    return { status: 400, code: 'invalid_request', message, fields: { body: message } };
  }
  if (e?.code === 'FST_ERR_CTP_INVALID_CONTENT' && typeof e.message === 'string') {
    return { status, code: 'invalid_request', message: e.message, fields: { body: e.message } };
  }
  return { status, code: 'invalid_request', message: 'The request could not be read.' };
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'timeout',
    message: 'The request took too long to arrive.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message: 'The request headers are too large.',
  },
};

/**
 * A request Node could not even parse (bad request line or headers): answered on the socket in
 * the one error shape with the usual security headers, then the connection is closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[err.code ?? ''] ?? {
    status: 400,
    reason: 'Bad Request',
    code: 'invalid_request',
    message: 'The request could not be read.',
  };
  const body = JSON.stringify({ error: { code: known.code, message: known.message } });
  const headers = {
    ...SECURITY_HEADERS,
    'cache-control': 'no-store',
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  if (socket.writable) {
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
    socket.write(`HTTP/1.1 ${known.status} ${known.reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy();
}
