// The server bundle: src/ as plain JavaScript in dist/server (libraries stay in node_modules),
// so a start skips transpiling hundreds of TypeScript files through tsx's loader.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist/server');
const stampFile = join(outdir, 'built-from.json');
export const SERVER_ENTRY = join(outdir, 'main.mjs');

export function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the bundle was built from sources no older than the newest file under src/ now. */
export function serverBuildIsFresh() {
  if (!existsSync(SERVER_ENTRY) || !existsSync(stampFile)) return false;
  const { sources } = JSON.parse(readFileSync(stampFile, 'utf8'));
  return newestMtime(join(root, 'src')) <= sources;
}

export async function buildServer() {
  // Taken before building: a file saved during the build makes the bundle stale, not silently old.
  const sources = newestMtime(join(root, 'src'));
  const { build } = await import('esbuild');
  await build({
    entryPoints: { main: join(root, 'src/cli/main.ts') },
    outdir,
    bundle: true,
    // Code loaded with `await import()` (pg, PDF and mail modules) becomes its own file, loaded when first used.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    sourcemap: true,
    logLevel: 'warning',
  });
  writeFileSync(stampFile, JSON.stringify({ sources }));
}
