/**
 * The path a request log may show: no query string (it can hold a patient's name or birth date) and
 * no bearer-like path segments — a self-service link or a calendar feed token in a log would let
 * whoever reads the log cancel a patient's visit or read a therapist's day.
 */
const SECRET_SEGMENTS: [RegExp, string][] = [
  [/^\/a\/[^/]+/, '/a/:token'],
  [/^\/api\/links\/[^/]+/, '/api/links/:token'],
  [/^\/relief\/[^/]+/, '/relief/:token'],
  [/^\/api\/relief\/[^/]+/, '/api/relief/:token'],
  [/^\/cal\/[^/]+\.ics$/, '/cal/:token.ics'],
];

export function logPath(url: string): string {
  const path = url.split('?')[0]!;
  for (const [pattern, replacement] of SECRET_SEGMENTS) {
    if (pattern.test(path)) return path.replace(pattern, replacement);
  }
  return path;
}
