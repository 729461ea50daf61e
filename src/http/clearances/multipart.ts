import type { FastifyInstance } from 'fastify';

/**
 * A small multipart/form-data reader (RFC 7578) for clearance letters: the whole body is buffered
 * under a hard limit, then split on the boundary. Enough for one file and a few text fields;
 * we avoid a dependency for it. The letter limit (5 MB) is checked by the service; this limit
 * only stops a body far too large to be a letter (answered 413 by Fastify).
 */
export const MULTIPART_BODY_LIMIT = 5 * 1024 * 1024 + 256 * 1024;

export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

const MULTIPART = Symbol('multipart');

export function isMultipartBody(body: unknown): body is MultipartBody {
  return typeof body === 'object' && body !== null && (body as Record<symbol, unknown>)[MULTIPART] === true;
}

export class MultipartError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_CTP_INVALID_CONTENT';
}

function headerParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const m of value.matchAll(/;\s*([a-zA-Z*]+)=(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/g))
    params[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  return params;
}

export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const boundary = headerParams(contentType).boundary;
  if (!boundary || boundary.length > 200) throw new MultipartError('multipart/form-data needs a boundary.');
  const delimiter = Buffer.from(`--${boundary}`);
  const out: MultipartBody = { fields: {}, files: {} };
  Object.defineProperty(out, MULTIPART, { value: true });
  let start = body.indexOf(delimiter);
  if (start < 0) throw new MultipartError('The form has no parts.');
  for (let parts = 0; parts < 20; parts++) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return out;
    const headerStart = afterDelimiter + 2; // CRLF
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd < 0) throw new MultipartError('A form part has no headers.');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw new MultipartError('The form is cut short.');
    const headers = body.subarray(headerStart, headerEnd).toString('utf8').split('\r\n');
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    const type =
      headers
        .find((h) => /^content-type:/i.test(h))
        ?.split(':')[1]
        ?.trim() ?? 'text/plain';
    const params = headerParams(disposition);
    const data = body.subarray(headerEnd + 4, next);
    if (params.name) {
      if (params.filename !== undefined)
        out.files[params.name] = {
          filename: params.filename.slice(0, 200) || 'upload',
          contentType: type,
          data: Buffer.from(data),
        };
      else out.fields[params.name] = data.toString('utf8');
    }
    start = next + 2;
  }
  throw new MultipartError('The form has too many parts.');
}

/** Teaches the server to read multipart/form-data (registered once, before routes are served). */
export function registerMultipart(app: FastifyInstance): void {
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: MULTIPART_BODY_LIMIT },
    (request, body, done) => {
      try {
        done(null, parseMultipart(body as Buffer, String(request.headers['content-type'] ?? '')));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );
}
