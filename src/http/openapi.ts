import { z } from 'zod';
import { ErrorBodySchema } from './errors.ts';
import { isIdempotent, type AnyRoute } from './route.ts';

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input: the fields are named in error.fields',
  401: 'Not signed in',
  403: 'Signed in, but not allowed',
  404: 'No such record',
  409: 'Conflicts with an existing record',
  413: 'Too large: a text or list over its limit (named in error.fields), or the whole request',
  422: 'Input breaks a rule: the fields are named in error.fields',
  429: 'Too many attempts',
};

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function successContent(r: AnyRoute): Record<string, unknown> | undefined {
  if (r.produces) return { [r.produces]: { schema: { type: 'string', format: 'binary' } } };
  return r.response ? { 'application/json': { schema: toSchema(r.response, 'output') } } : undefined;
}

/** A create takes a key per user intent; a retry with it gets the first answer, not a second record. */
const IDEMPOTENCY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 200 },
  description:
    'One key per intent (e.g. a UUID made when the form opens), reused on retry: the retry gets the first answer. ' +
    'The same key with another request is 422 idempotency_key_reused.',
};

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: AnyRoute[], info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = toSchema(ErrorBodySchema, 'output');
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    const status = String(r.status ?? 200);
    responses[status] =
      r.status === 204 ? { description: 'Done' } : { description: 'Success', content: successContent(r) };
    const errorStatuses = new Set([
      400,
      ...(r.auth === 'public' ? [] : [401, 403]),
      ...(r.body ? [413] : []),
      ...(r.errors ?? []),
    ]);
    for (const code of [...errorStatuses].sort()) {
      responses[String(code)] = {
        description: ERROR_TEXT[code] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()} ${r.url}`,
      parameters: [
        ...parametersOf(r.params, 'path'),
        ...parametersOf(r.query, 'query'),
        ...(isIdempotent(r) && r.auth !== 'public' ? [IDEMPOTENCY_PARAMETER] : []),
      ],
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } }
        : {}),
      responses,
      ...(r.auth === 'public' ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Knotwork API',
      version: info.version,
      description:
        'JSON API of Knotwork. Sign in with POST /api/auth/login (cookie, then send the X-CSRF-Token header on ' +
        'writes) ' +
        'or POST /api/auth/token and send `Authorization: Bearer <token>`. Every error has the shape ' +
        '{"error":{"code","message","fields"?}}.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'knotwork_session' },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}

/** A small, dependency-free page that lists the operations of the document. */
export function renderApiDocs(doc: JsonSchema): string {
  const paths = doc.paths as Record<
    string,
    Record<
      string,
      {
        summary: string;
        tags: string[];
        parameters: { name: string; in: string; required: boolean }[];
        requestBody?: unknown;
        responses: Record<string, unknown>;
      }
    >
  >;
  const escape = (s: string) =>
    s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters
        .map((p) => `<code>${escape(p.name)}</code> (${p.in}${p.required ? ', required' : ''})`)
        .join(', ');
      const request = op.requestBody as { content: { 'application/json': { schema: unknown } } } | undefined;
      const body = request
        ? '<details><summary>Request body schema</summary>' +
          `<pre>${escape(JSON.stringify(request.content['application/json'].schema, null, 2))}</pre></details>`
        : '';
      const item =
        `<li><p><strong class="m m-${method}">${method.toUpperCase()}</strong> <code>${escape(path)}</code> — ` +
        `${escape(op.summary)}</p>${params ? `<p>Parameters: ${params}</p>` : ''}${body}` +
        `<p>Responses: ${Object.keys(op.responses).join(', ')}</p></li>`;
      const tag = op.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), item]);
    }
  }
  const sections = [...byTag.entries()]
    .map(([tag, items]) => `<section><h2>${escape(tag)}</h2><ul>${items.join('')}</ul></section>`)
    .join('');
  const description = escape(String((doc.info as { description: string }).description));
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Knotwork API</title>\n' +
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d2329}' +
    'code,pre{font:14px ui-monospace,monospace;background:#f1f3f5;padding:0 .25rem}pre{padding:.5rem;overflow:auto}' +
    'li{margin:.75rem 0;list-style:none;border-bottom:1px solid #dde}.m{display:inline-block;min-width:4rem}' +
    '.m-get{color:#0b6b3a}.m-post{color:#124e9c}.m-patch,.m-put{color:#8a4b00}.m-delete{color:#a1151b}' +
    '</style></head>\n' +
    `<body><main><h1>Knotwork API</h1><p>${description}</p>` +
    '<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>' +
    `${sections}</main></body></html>`
  );
}
