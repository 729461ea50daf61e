import { fileURLToPath } from 'node:url';

/**
 * The package's folder, whether this code runs from `src/` (through tsx) or bundled into
 * `dist/server/` (what `npm start` runs), so files beside the code are found either way.
 */
export const PACKAGE_ROOT = fileURLToPath(
  new URL(import.meta.url.includes('/dist/server/') ? '../../' : '../', import.meta.url),
);
