import { request, withQuery } from './http.ts';
import type { AuditPage, AuditQuery } from './types.ts';

/**
 * The audit log.
 * Every (method, OpenAPI path) called here; test/browser/api-contract.test.ts checks each against
 * the server's /api/openapi.json so the two cannot drift apart silently.
 */
export const AUDIT_OPERATIONS = [['GET', '/api/audit']] as const satisfies readonly (readonly [string, string])[];

export function listAuditEvents(query: AuditQuery): Promise<AuditPage> {
  return request('GET', withQuery('/api/audit', { ...query }));
}
