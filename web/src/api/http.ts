/** The one way the web app talks to the API: same origin, JSON, the CSRF header on every write. */

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** The whole answer: some refusals carry more beside `error` (a booking's alternatives). */
    readonly payload: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A failed write as form errors: the fields the server named, else its message under `form`. */
export function formFieldErrors(err: unknown): Record<string, string> {
  if (err instanceof ApiError && Object.keys(err.fields).length > 0) return err.fields;
  return { form: err instanceof Error ? err.message : 'Something went wrong.' };
}

let csrfToken = '';
/** The page's language, sent as Accept-Language so a refusal comes back in the words the page is in. */
let pageLanguage = 'en';

export function setRequestLanguage(locale: string): void {
  pageLanguage = locale;
}

type OfflineAnswer = (method: string, path: string, body: unknown, key: string | undefined) => Promise<unknown>;
let offlineAnswer: OfflineAnswer | null = null;

/** What answers when the server cannot be reached: the tablet's kept day and outbox (web/src/offline). */
export function setOfflineAnswer(answer: OfflineAnswer | null): void {
  offlineAnswer = answer;
}
/** The server's path for a tablet's path (a note started offline), or null while only the tablet has it. */
let tabletPaths: (path: string) => string | null = (path) => path;

export function setTabletPaths(paths: (path: string) => string | null): void {
  tabletPaths = paths;
}
let onUnauthenticated: () => void = () => undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when any request answers 401, so the app can show the sign-in page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string';
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: {
    signal?: AbortSignal;
    quiet401?: boolean;
    headers?: Record<string, string>;
    anonymous?: boolean;
    idempotencyKey?: string;
    /** Only the server may answer (the outbox sending its writes). */
    noTablet?: boolean;
  } = {},
): Promise<T> {
  const to = options.noTablet ? path : tabletPaths(path);
  if (to === null) return answerFromTablet<T>(method, path, body, options.idempotencyKey);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': pageLanguage,
    ...options.headers,
  };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && !options.anonymous) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(to, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // A self-service link is its own credential: a signed-in cookie must not ride along (nor need CSRF).
      credentials: options.anonymous ? 'omit' : 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    const kept =
      offlineAnswer && !options.noTablet ? await offlineAnswer(method, to, body, options.idempotencyKey) : undefined;
    if (kept !== undefined) return kept as T;
    throw new ApiError(0, 'network', 'Could not reach Knotwork. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  if (response.status === 401 && !options.quiet401) onUnauthenticated();
  if (isErrorBody(payload)) {
    throw new ApiError(response.status, payload.error.code, payload.error.message, payload.error.fields ?? {}, payload);
  }
  throw new ApiError(response.status, 'http_' + response.status, `The server answered ${response.status}.`);
}

/** A note started on the tablet and not sent yet: only the tablet can answer for it. */
async function answerFromTablet<T>(method: string, path: string, body: unknown, key: string | undefined): Promise<T> {
  const kept = offlineAnswer ? await offlineAnswer(method, path, body, key) : undefined;
  if (kept !== undefined) return kept as T;
  throw new ApiError(409, 'not_sent', 'This note is saved on this tablet and not sent yet; do this once it is sent.');
}

/** A create: the key (one per user intent, see CreateIntent) makes a retry return the first answer. */
export function create<T>(path: string, body: unknown, key: string): Promise<T> {
  return request<T>('POST', path, body, { idempotencyKey: key });
}
