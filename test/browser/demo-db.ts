import type { Database } from '../../src/store/database.ts';
import { DEMO_PASSWORD, EMAILS, serveDemo, type DemoRole, type DemoServer } from './support.ts';

/**
 * The demo server of support.ts, with its database kept at hand: tests that need what the app
 * wrote for people outside it (the self-service link in an outgoing message) read it there.
 */
export async function startDemoServerWithDb(): Promise<DemoServer & { db: Database; orgId: string }> {
  const server = await serveDemo();
  const [org] = await server.db.query<{ id: string }>('SELECT id FROM organizations ORDER BY created_at LIMIT 1');
  return { ...server, orgId: org!.id };
}

/** Arranges data through the API with a bearer token (no cookie, no CSRF); throws on any refusal. */
export async function bearerApi(baseUrl: string, role: DemoRole) {
  const response = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAILS[role], password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`token for ${role}: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(baseUrl + path, {
      method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
}
