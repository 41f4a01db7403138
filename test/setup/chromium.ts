/**
 * Global setup: one Chromium for every browser test file. It is started once, only when the run holds a browser
 * test, and each file connects to it over its websocket (see test/browser/chromium.ts).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

/** Debian's Chromium, never a downloaded one. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The flags a root, offline machine needs: no sandbox, no background traffic to Google. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's websocket; why the browser tests are skipped; or null when the run holds none. */
    chromium: { endpoint: string } | { skipped: string } | null;
  }
}

async function runsBrowserTests(project: TestProject): Promise<boolean> {
  // The file filters given on the command line (`vitest run test/core`); none means every file.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.some((file) => file.replaceAll('\\', '/').includes('/test/browser/'));
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!(await runsBrowserTests(project))) {
    project.provide('chromium', null);
    return undefined;
  }
  if (!existsSync(CHROMIUM)) {
    const line = '!'.repeat(78);
    console.warn(`\n${line}\n!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}.\n!! Install it with: apt-get install chromium   (CI does this in .ci/run)\n${line}\n`);
    if (process.env.CI) throw new Error(`CI must run the browser tests, but there is no Chromium at ${CHROMIUM}`);
    project.provide('chromium', { skipped: `no Chromium at ${CHROMIUM}` });
    return undefined;
  }
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: ARGS });
  project.provide('chromium', { endpoint: server.wsEndpoint() });
  return () => server.close();
}
