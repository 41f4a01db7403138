import { type Browser, chromium } from 'playwright-core';
import { inject } from 'vitest';

function sharedChromium(): { endpoint: string } | { skipped: string } {
  const shared = inject('chromium');
  if (shared === null) throw new Error('test/setup/chromium.ts started no Chromium, yet a browser test file runs: its file filter missed this file');
  return shared;
}

const shared = sharedChromium();

/** False only when the machine has no Chromium: test/setup/chromium.ts then printed the SKIPPED banner (and failed under CI). */
export const HAS_CHROMIUM = 'endpoint' in shared;

/** A connection to the run's one Chromium; closing it closes the pages this file opened, not the browser. */
export function connect(): Promise<Browser> {
  if (!('endpoint' in shared)) throw new Error(`no shared Chromium: ${shared.skipped}`);
  return chromium.connect(shared.endpoint);
}
