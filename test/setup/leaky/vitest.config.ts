import { defineConfig } from 'vitest/config';

/** A run of test files that leave folders behind, with the suite's own temp setup: test/setup/leftovers.test.ts runs it. */
export default defineConfig({
  test: {
    root: new URL('../../..', import.meta.url).pathname,
    include: ['test/setup/leaky/*.fixture.ts'],
    globalSetup: ['test/setup/temp-root.ts'],
    setupFiles: ['test/setup/temp-check.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
    isolate: false,
  },
});
