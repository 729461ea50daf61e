import type { AnyRoute } from '../../src/http/route.ts';

/**
 * What is wrong with a success answer measured against the route's declared `response`, or null when it
 * fits. The schema is the contract the web builds on, so an answer that breaks it is a broken API.
 */
export function contractBreach(spec: AnyRoute, status: number, body: string): string | null {
  if (status < 200 || status >= 300 || status === 204 || spec.produces) return null;
  if (!spec.response) return `${spec.method} ${spec.url} answers JSON but declares no response schema`;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return `${spec.method} ${spec.url} answered ${status} with a body that is not JSON`;
  }
  const result = spec.response.safeParse(json);
  if (result.success) return null;
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return `${spec.method} ${spec.url} answered ${status} outside its response schema — ${issues.join('; ')}`;
}
