import { startApp } from '../../src/app.ts';
import { seedDemo } from '../../src/demo/index.ts';
import type { Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { DEMO_PASSWORD, DEMO_TODAY, EMAILS, WEB_ROOT, ensureWebBuild, type DemoRole, type DemoServer } from './support.ts';

/**
 * The demo server of support.ts, with its database kept at hand: tests that need what the app
 * wrote for people outside it (the self-service link in an outgoing message) read it there.
 */
export async function startDemoServerWithDb(): Promise<DemoServer & { db: Database; orgId: string }> {
  ensureWebBuild();
  const db = await openPglite();
  await migrate(db);
  await seedDemo(db, { seed: 1, patients: 60, today: DEMO_TODAY });
  const app = await startApp(db, { port: 0, webRoot: WEB_ROOT });
  const [org] = await db.query<{ id: string }>('SELECT id FROM organizations ORDER BY created_at LIMIT 1');
  return {
    url: app.url,
    db,
    orgId: org!.id,
    stop: async () => {
      await app.stop();
      await db.close();
    },
  };
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
