import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/node/preview/server';
import { ledgerWorkbook } from '../bundle/ledger-fixture';
import { ensureBuilt, sheetState, writtenHeaderRow } from '../bundle/harness';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { connect, HAS_CHROMIUM } from './chromium';

const LEDGER = '2024年5月驻村干部台账';

describe.skipIf(!HAS_CHROMIUM)('the sidebar in Chromium', () => {
  let dir: string;
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let ledgerBefore: unknown;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    dir = tempDir('sidebar');
    const file = join(dir, '红旗镇台账.xlsx');
    await ledgerWorkbook(12).xlsx.writeFile(file);
    preview = await startPreview({ file, port: 0 });
    ledgerBefore = sheetState(preview.sandbox.workbook, LEDGER);
    browser = await connect();
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.sidebarUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    removeTempDir(dir);
  });

  it('opens on the ledgers it found, assesses on 考评 into 考评结果 leaving the ledger untouched, jumps to a flagged row and speaks English', async () => {
    // opens on the ledgers it found, with their column mapping.
    await page.waitForSelector('#run:not([disabled])');
    const ledger = page.locator('.ledger').first();
    await expect(ledger.textContent()).resolves.toContain(LEDGER);
    await expect(ledger.textContent()).resolves.toContain('12 条记录');
    expect(await page.locator('.mapping li').count()).toBeGreaterThan(10);

    // assesses on 考评 and shows the overview, the cadres that need attention and a summary with figures.
    await page.click('#run');
    await page.waitForSelector('#overview');
    await page.waitForSelector('#status .ok');
    const counts = await page.locator('.grades li').allTextContents();
    expect(counts).toHaveLength(5);
    const total = counts.reduce((n, text) => n + Number(/(\d+)\s*名/.exec(text)![1]), 0);
    expect(total).toBe(12);
    const flagged = page.locator('#attention .attention-item[data-assessment=stationed-cadre]');
    expect(await flagged.count()).toBeGreaterThan(0);
    await expect(page.locator('#attention .attention-item[data-assessment=stationed-cadre] .flags li').first().textContent()).resolves.toMatch(/\S/);
    const summary = await page.locator('#summary').textContent();
    expect(summary).toContain('一、基本情况');
    expect(summary).toMatch(/共考评驻村干部12名/);
    expect(await page.locator('#status').textContent()).toContain('考评结果');
    expect(errors).toEqual([]);

    // has written 考评结果 through the real Code.js and left the ledger untouched.
    const results = preview.sandbox.workbook.sheet('考评结果');
    expect(results).toBeDefined();
    const snapshot = preview.sandbox.workbook.toSnapshot();
    const sheet = snapshot.sheets.find((s) => s.name === '考评结果')!;
    const header = writtenHeaderRow(preview.sandbox.workbook, '考评结果');
    expect(sheet.values[header]).toContain('总分');
    expect(sheet.values.length).toBe(header + 1 + 12);
    expect(sheetState(preview.sandbox.workbook, LEDGER)).toEqual(ledgerBefore);

    // jumps to a flagged cadre’s row in the ledger.
    await page.locator('#attention .attention-item[data-assessment=stationed-cadre] a.cell-link').first().click();
    await expect.poll(() => preview.sandbox.workbook.activeSheet.name).toBe(LEDGER);

    // switches to English from the one message table.
    await page.click('#lang');
    await expect(page.locator('#run').textContent()).resolves.toBe('Assess');
    await expect(page.locator('#overview h2').textContent()).resolves.toBe('Overview');
  });
});
