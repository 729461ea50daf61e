import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor, ServiceContext } from '../services/context.ts';
import { ServiceError, UnauthenticatedError } from '../services/errors.ts';
import { answeredBefore, keyConsulted, readKey, type KeptUnderKey, type Once } from '../services/idempotency.ts';
import { issuesToFields, RequestValidationError } from './errors.ts';
import { nulFields } from './nul.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HandlerInput<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
  /** A create's Idempotency-Key: pass it to the use case, which writes through `createOnce`. */
  once: Once | undefined;
}

interface RouteBase<P, Q, B, R> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The JSON answer's shape: the route × role test parses every success against it, so it cannot drift. */
  response?: z.ZodType<R>;
  /** The answer is a file of this media type rather than JSON (a PDF, an .ics): it has no schema. */
  produces?: string;
  /** Status of a success; 204 sends no body. Without one, the handler may set it (FHIR's 202 while running). */
  status?: 200 | 201 | 202 | 204;
  /** Error statuses this route can answer besides 400/401/500, for the docs. */
  errors?: number[];
  /**
   * Takes an Idempotency-Key: a retry gets the first answer. Every create (POST answering 201) does;
   * set it for another write that must not happen twice.
   */
  idempotent?: boolean;
}

export interface AuthedRoute<P, Q, B, R> extends RouteBase<P, Q, B, R> {
  auth?: 'required';
  /** Returns the JSON body (Dates serialise as ISO strings) in the shape `response` declares. */
  handler: (input: HandlerInput<P, Q, B>) => Promise<unknown>;
}

export interface PublicRoute<P, Q, B, R> extends RouteBase<P, Q, B, R> {
  auth: 'public';
  handler: (input: Omit<HandlerInput<P, Q, B>, 'actor'> & { actor: Actor | null }) => Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = AuthedRoute<any, any, any, any> | PublicRoute<any, any, any, any>;

/** Declares a route; the generic parameters come from the schemas, so handlers are typed by them. */
export function route<P = unknown, Q = unknown, B = unknown, R = unknown>(
  spec: AuthedRoute<P, Q, B, R> | PublicRoute<P, Q, B, R>,
): AnyRoute {
  return spec as AnyRoute;
}

/** Whether a route takes an Idempotency-Key: every create does unless it says otherwise. */
export function isIdempotent(spec: AnyRoute): boolean {
  return spec.idempotent ?? (spec.method === 'POST' && spec.status === 201);
}

/** Only text or lists longer than allowed: the request is too large rather than wrong (413). */
function overLimit(error: z.ZodError): boolean {
  return error.issues.every(
    (issue) => issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array'),
  );
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, part: 'body' | 'query' | 'params'): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!result.success) throw new RequestValidationError(issuesToFields(result.error, part), overLimit(result.error));
  return result.data;
}

function refuseNul(request: FastifyRequest): void {
  const fields = {
    ...nulFields(request.params, 'params'),
    ...nulFields(request.query, 'query'),
    ...nulFields(request.body, 'body'),
  };
  if (Object.keys(fields).length > 0) throw new RequestValidationError(fields);
}

/** Registers routes on Fastify: parse (zod) → authenticate → call the handler → present. */
export function mountRoutes(app: FastifyInstance, ctx: ServiceContext, routes: AnyRoute[]): void {
  for (const spec of routes) {
    const idempotent = isIdempotent(spec);
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const actor = request.actor;
        if (spec.auth !== 'public' && !actor) throw new UnauthenticatedError();
        refuseNul(request);
        const params = parse(spec.params, request.params, 'params');
        const query = parse(spec.query, request.query, 'query');
        const body = parse(spec.body, request.body, 'body');
        // Keys belong to a user: a public route has none to keep them under.
        const once =
          idempotent && actor
            ? readKey(request.headers['idempotency-key'], `${spec.method} ${request.url}`, request.body)
            : undefined;
        const route = `${spec.method} ${spec.url}`;
        const replayed = (answered: { body: unknown }) =>
          reply
            .status(spec.status ?? 200)
            .header('idempotent-replayed', 'true')
            .send(answered.body);
        const answered = actor
          ? await answeredBefore(ctx, actor, once, route, request.keptUnderKey ?? undefined)
          : null;
        if (answered) return replayed(answered);
        let result: unknown;
        try {
          result = await spec.handler({ actor: actor as Actor, params, query, body, request, reply, once });
        } catch (err) {
          // The request with this key that ended first may be why this one failed (its record exists now,
          // or a check before the write saw it): its answer is this request's too.
          if (!once || !actor || keyConsulted(err)) throw err;
          const meanwhile = await answeredBefore(ctx, actor, once, route).catch((lookup: unknown) => {
            if (lookup instanceof ServiceError) throw lookup; // the first answer was a refusal, or another request
            return null;
          });
          if (meanwhile) return replayed(meanwhile);
          throw err;
        }
        if (spec.status === 204) return reply.status(204).send();
        return reply.status(spec.status ?? reply.statusCode).send(result);
      },
    });
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** How the actor authenticated: cookie sessions need a CSRF token for writes. */
    authKind: 'cookie' | 'bearer' | null;
    csrfToken: string | null;
    /** The answer kept under the request's Idempotency-Key, read with the session (null: not read). */
    keptUnderKey: KeptUnderKey | null;
  }
}
