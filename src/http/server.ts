import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { ServiceContext } from '../services/context.ts';
import { ForbiddenError, NotFoundError } from '../services/errors.ts';
import { authenticate } from '../services/auth/sessions.ts';
import { requireOwnPassword } from '../services/auth/first-password.ts';
import { sendError } from './errors.ts';
import { describeError, stderrSink, type ErrorLogSink } from './error-log.ts';
import { clientErrorHandler } from './framework-errors.ts';
import { logPath } from './log-path.ts';
import { buildOpenApi, renderApiDocs } from './openapi.ts';
import { mountRoutes, type AnyRoute } from './route.ts';
import { apiRoutes } from './routes.ts';
import { registerMultipart } from './clearances/multipart.ts';
import { SESSION_COOKIE } from './auth/cookies.ts';
import { securityHeaders } from './security.ts';
import type { TrustedProxies } from './trust-proxy.ts';
import { installLoadShedding, type SheddingLimits } from './load-shedding.ts';

export interface ServerOptions {
  /** Folder of the built web app; the API runs without it (tests, API-only deployments). */
  webRoot?: string;
  logger?: boolean;
  /** Where the request log goes when `logger` is on (default stdout). */
  logStream?: { write(line: string): void };
  /** Proxies whose X-Forwarded-For gives the client address (see trust-proxy.ts). */
  trustProxy?: TrustedProxies;
  version?: string;
  /** Where unexpected errors are logged, one JSON line each (default stderr). */
  errorLog?: ErrorLogSink;
  /** Bounds on requests served at once and waiting (see load-shedding.ts); none when left out. */
  limits?: SheddingLimits;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const requestSerializer = (req: { method: string; url: string; id: string }) => ({
  id: req.id,
  method: req.method,
  path: logPath(req.url),
});

/** Pino's shape for an error, filled with what our own error log keeps and nothing more. */
const errorSerializer = (err: unknown) => {
  const { errorClass, frames, ...rest } = describeError(err);
  return { type: errorClass, message: '(not logged: may hold patient data)', stack: frames.join('\n'), ...rest };
};

/**
 * 16 hex digits (64 random bits) from a v4 UUID's first and last groups, which hold no version or variant bits.
 * randomUUID draws on a cache of random bytes; randomBytes(8) asked the system for each request (~4 µs of ~100 µs
 * of a patient read's own work).
 */
function requestReference(): string {
  const id = randomUUID();
  return id.slice(0, 8) + id.slice(24, 32);
}

export async function buildServer(ctx: ServiceContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          // Any error Fastify itself logs is described like ours: never its message or values.
          serializers: { req: requestSerializer, err: errorSerializer },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Random ids: a reference a clinic can quote that no other request, nor another instance, shares.
    genReqId: requestReference,
    // Refusals Fastify makes before routing (a malformed address) take the same path as the rest.
    frameworkErrors: (err, request, reply) => {
      securityHeaders(request, reply);
      return sendError(request, reply, err);
    },
    clientErrorHandler,
  });
  app.decorate('errorLog', options.errorLog ?? stderrSink);
  await app.register(cookie);
  // The API reads JSON (and letters as multipart); plain text, which a cross-site form can post, is refused (415).
  app.removeContentTypeParser('text/plain');
  registerMultipart(app);
  // FHIR clients send their JSON as application/fhir+json; an import Bundle may be larger than a form.
  app.addContentTypeParser(
    'application/fhir+json',
    { parseAs: 'string', bodyLimit: 16 * 1024 * 1024 },
    app.getDefaultJsonParser('error', 'error'),
  );

  app.decorateRequest('actor', null);
  app.decorateRequest('authKind', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('keptUnderKey', null);

  // First of all hooks: a request shed for load never reaches sign-in, which reads the database.
  if (options.limits) installLoadShedding(app, options.limits);

  app.addHook('onRequest', async (request, reply) => {
    securityHeaders(request, reply);
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/fhir/')) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? request.cookies[SESSION_COOKIE];
    if (!token) return;
    // A create's Idempotency-Key is looked up with the session: a retry is known without another round trip.
    const header = request.headers['idempotency-key'];
    const key = SAFE_METHODS.has(request.method) ? undefined : Array.isArray(header) ? header[0] : header;
    const session = await authenticate(ctx, token, request.ip, key);
    if (!session) return;
    if (key !== undefined && session.kept !== undefined) request.keptUnderKey = { key, kept: session.kept };
    request.actor = session.actor;
    request.authKind = bearer ? 'bearer' : 'cookie';
    request.csrfToken = session.csrfToken;
    // A cookie rides along on cross-site requests; a token the page read from our API does not.
    if (!bearer && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== session.csrfToken) throw new ForbiddenError('Missing or wrong X-CSRF-Token header.');
    }
    requireOwnPassword(session.actor, `${request.method} ${request.routeOptions.url ?? request.url}`);
  });

  app.setErrorHandler((err, request, reply) => sendError(request, reply, err));

  const routes: AnyRoute[] = apiRoutes(ctx);
  mountRoutes(app, ctx, routes);
  // Described when first asked for, not at start: a start then serves its first page sooner.
  let docs: { openapi: ReturnType<typeof buildOpenApi>; page: string } | undefined;
  const apiDocs = () => {
    if (!docs) {
      const openapi = buildOpenApi(routes, { version: options.version ?? '0.1.0' });
      docs = { openapi, page: renderApiDocs(openapi) };
    }
    return docs;
  };
  app.get('/api/openapi.json', async () => apiDocs().openapi);
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(apiDocs().page));

  const indexHtml =
    options.webRoot && existsSync(join(options.webRoot, 'index.html'))
      ? readFileSync(join(options.webRoot, 'index.html'), 'utf8')
      : null;
  if (options.webRoot && indexHtml) {
    await app.register(fastifyStatic, { root: options.webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || request.url.startsWith('/fhir/') || request.method !== 'GET' || !indexHtml) {
      return sendError(request, reply, new NotFoundError('No such page or resource.'));
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html; charset=utf-8').send(indexHtml);
  });
  return app;
}
