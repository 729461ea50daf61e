#!/usr/bin/env node
// Entry point for `npx knotwork`: the server bundle when it is up to date with src/ (built by
// `npm start` and `npm test`), otherwise the TypeScript sources through tsx's loader.
import { SERVER_ENTRY, serverBuildIsFresh } from '../scripts/server-build.mjs';

let cli;
if (serverBuildIsFresh()) {
  cli = await import(SERVER_ENTRY);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
}
await cli.main(process.argv);
