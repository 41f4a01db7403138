import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // dist/ as fresh as the sources, the run's own temp folder, then the one Chromium the browser files share.
    globalSetup: ['test/setup/build.ts', 'test/setup/temp-root.ts', 'test/setup/chromium.ts'],
    setupFiles: ['test/setup/temp-check.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: ['default'],
  },
});
