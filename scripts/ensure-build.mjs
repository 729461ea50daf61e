// Builds what `npm start` and the tests serve when it is missing or older than its sources: the web
// app (dist/web) and the server bundle (dist/server, see server-build.mjs).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildServer, newestMtime, serverBuildIsFresh } from './server-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');

const sources = Math.max(newestMtime(join(root, 'web')), newestMtime(join(root, 'src/clinical/bodymap')));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the web app…');
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
if (!serverBuildIsFresh()) {
  console.log('Building the server…');
  await buildServer();
}
