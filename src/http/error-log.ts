import { sqlState } from '../services/errors.ts';

/**
 * What an unexpected error leaves in the log: its class, SQL state and constraint, where in the
 * code it happened, and the route and request it belongs to. Never its message, parameters, row
 * detail or the request body: database errors carry the values they failed on (a name, a date of
 * birth), and a log is read by people who may not read charts.
 */
export interface ErrorDescription {
  errorClass: string;
  sqlState?: string;
  constraint?: string;
  table?: string;
  column?: string;
  code?: string;
  causeClass?: string;
  frames: string[];
}

const SAFE_NAME = /^[A-Za-z0-9_.$-]{1,100}$/;

function className(err: unknown): string {
  if (err === null || typeof err !== 'object') return typeof err;
  // Both drivers name their errors "error", and PGlite's class name is minified.
  if (sqlState(err)) return 'DatabaseError';
  const ctor = (err as object).constructor?.name;
  const name = (err as { name?: unknown }).name;
  return [ctor, name].find((n): n is string => typeof n === 'string' && n.length > 2 && SAFE_NAME.test(n)) ?? 'Error';
}

/** Stack frames only (`at fn (file:line:col)`): the first lines of a stack repeat the message. */
function framesOf(err: unknown): string[] {
  const stack = (err as { stack?: unknown })?.stack;
  if (typeof stack !== 'string') return [];
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 10)
    .map((line) => line.trim().slice(0, 300));
}

export function describeError(err: unknown): ErrorDescription {
  const e = (err ?? {}) as { constraint?: unknown; table?: unknown; column?: unknown; code?: unknown; cause?: unknown };
  const state = sqlState(err);
  const description: ErrorDescription = { errorClass: className(err), frames: framesOf(err) };
  if (state) description.sqlState = state;
  // Names from the schema, never values.
  for (const key of ['constraint', 'table', 'column'] as const) {
    const value = e[key];
    if (typeof value === 'string' && SAFE_NAME.test(value)) description[key] = value;
  }
  if (typeof e.code === 'string' && e.code !== state && SAFE_NAME.test(e.code)) description.code = e.code;
  if (e.cause !== undefined) description.causeClass = className(e.cause);
  return description;
}

export interface RequestErrorEntry extends ErrorDescription {
  level: 'error';
  time: string;
  msg: string;
  requestId: string;
  method: string;
  /** The route's pattern (`/api/patients/:id`), never the path with its ids or query. */
  route: string;
  status: number;
}

/** Where error lines go: stderr unless a test or an embedding passes its own. */
export type ErrorLogSink = (line: string) => void;
export const stderrSink: ErrorLogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

export function requestErrorLine(
  err: unknown,
  request: { id: string; method: string; routeOptions?: { url?: string } },
  status: number,
  time: Date,
): string {
  const entry: RequestErrorEntry = {
    level: 'error',
    time: time.toISOString(),
    msg: 'request failed',
    requestId: request.id,
    method: request.method,
    route: request.routeOptions?.url ?? '(no route)',
    status,
    ...describeError(err),
  };
  return JSON.stringify(entry);
}
