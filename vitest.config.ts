import { defineConfig } from 'vitest/config';

// TEST_DB=pglite (default) or postgres: the same service and HTTP tests run on both databases.
export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'apps/server/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // one seeded database per run, copied by each test file (apps/server/test/global-setup.ts)
    globalSetup: ['apps/server/test/global-setup.ts'],
    pool: 'forks',
    // Test files share a worker's module cache (each still starts its own server on its own database copy):
    // importing the server anew for every file cost ~70 s of the PGlite run's 230 s on these 2-core machines.
    isolate: false,
    maxWorkers: 2,
  },
});
