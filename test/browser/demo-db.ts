import type { Database } from '../../src/store/database.ts';
import { apiAs, serveDemo, type DemoServer } from './support.ts';

/**
 * The demo server of support.ts, with its database kept at hand: tests that need what the app
 * wrote for people outside it (the self-service link in an outgoing message) read it there.
 */
export async function startDemoServerWithDb(): Promise<DemoServer & { db: Database; orgId: string }> {
  const server = await serveDemo();
  const [org] = await server.db.query<{ id: string }>('SELECT id FROM organizations ORDER BY created_at LIMIT 1');
  return { ...server, orgId: org!.id };
}

/** The browser tests' one API client, under the name these tests know it by. */
export const bearerApi = apiAs;
