import { defineConfig } from 'vitest/config';

// Each integration file migrates its own database once; two workers keep a 2-core CI machine busy
// without thrashing (a fresh PGlite costs ~2-3 s and several hundred MB).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
