import { defineConfig } from 'vitest/config';

// TEST_DB=pglite (default) or postgres: the same service and HTTP tests run on both databases.
export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'apps/server/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
