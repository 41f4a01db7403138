import { defineConfig } from 'vitest/config';
import { SlowestFirst } from './test/setup/sequencer';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // dist/ as fresh as the sources, the run's own temp folder, then the one Chromium the browser files share.
    globalSetup: ['test/setup/build.ts', 'test/setup/temp-root.ts', 'test/setup/chromium.ts'],
    setupFiles: ['test/setup/temp-check.ts'],
    // Two cores: one worker process each. Test files change no globals and clean up their own files (the setup
    // checks), so a worker keeps its loaded modules from file to file instead of loading ExcelJS, zod and the
    // core again for every file, which took most of a run's time.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 2 } },
    isolate: false,
    sequence: { sequencer: SlowestFirst },
    reporters: ['default'],
  },
});
