import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const WEB = join(ROOT, 'web/src');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/**
 * Ways a page would decide by the signed-in user's role instead of asking what the server allows
 * (`user.can` from the session, or the `can` of the record at hand).
 */
const ROLE_DECISIONS = [
  /(?<![\w.])role\s*[!=]==/, // a bare `role` compared: `role === 'admin'`
  /user\.role\s*[!=]==/,
  /useUser\(\)\.role/,
  /\{[^}]*\brole\b[^}]*\}\s*=\s*useUser\(\)/,
  /\.includes\(\s*(user\.)?role\s*\)/,
  /\bCAN\./,
];

describe('the web decides nothing by role', () => {
  it('asks the session or the record what the user may do, and reads the role only to show it', () => {
    const found = sourcesUnder(WEB).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          ROLE_DECISIONS.some((rule) => rule.test(line)) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
