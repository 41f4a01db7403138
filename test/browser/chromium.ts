import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { startPreview, type Preview } from '../../src/node/preview/server';
import { ensureBuilt } from '../bundle/harness';

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

/** A sidebar served by a preview, open in a 300 px page, ready to run; `errors` collects what the page throws. */
export interface OpenSidebar {
  browser: Browser;
  page: Page;
  errors: string[];
}

export async function openSidebar(sidebarUrl: string, height = 1600): Promise<OpenSidebar> {
  const browser = await connect();
  const page = await browser.newPage({ viewport: { width: 300, height } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(sidebarUrl);
  await page.waitForSelector('#run:not([disabled])');
  return { browser, page, errors };
}

/** A preview of one workbook with its sidebar open, for the tests of the describe block that asks for it. */
export interface SidebarSession extends OpenSidebar {
  preview: Preview;
}

/**
 * Opens `file` in a preview and its sidebar in a 300 px page before the
 * block's tests, and closes both after them. The fields are there once the
 * block's first `beforeAll` has run: read them inside hooks and tests.
 */
export function sidebarSession(file: string, height = 1600): SidebarSession {
  const session = {} as SidebarSession;
  beforeAll(async () => {
    ensureBuilt();
    session.preview = await startPreview({ file, port: 0 });
    Object.assign(session, await openSidebar(session.preview.sidebarUrl, height));
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.preview?.close();
  });
  return session;
}
