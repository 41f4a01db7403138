import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/node/preview/server';
import { ensureBuilt, sheetState } from '../bundle/harness';
import { defaultRules, RULES_SHEET, rulesSheetPaint } from '../../src/core/index';
import { locate, rowOf } from '../rulesheet/sheet-helpers';
import { connect, HAS_CHROMIUM } from './chromium';
import { rulesSheetOf } from './rules-fixture';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';

describe.skipIf(!HAS_CHROMIUM)('branches that fall short, in the sidebar in Chromium', () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let before: Map<string, unknown>;

  beforeAll(async () => {
    ensureBuilt();
    preview = await startPreview({ file: TOWNSHIP, port: 0 });
    before = new Map(preview.sandbox.workbook.sheets.map((s) => [s.name, sheetState(preview.sandbox.workbook, s.name)]));
    browser = await connect();
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('#run:not([disabled])');
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('names the branch ledgers, lists the branches at risk and falling short first with their failed items and rows, and writes 支部汇总 and 考评结果 leaving every ledger as it was', async () => {
    // names the branch ledgers it found beside the cadre ledgers.
    const text = await page.locator('#branch-ledgers').textContent();
    expect(text).toContain('三会一课记录');
    expect(text).toContain('支部工作台账');

    // assesses the quarter and lists the branches at risk and falling short first, each with its failed items.
    await page.selectOption('#period', '2024-Q2');
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    await page.selectOption('#assessment', 'branch');
    const cards = page.locator('#branches .branch-short');
    expect(await cards.count()).toBeGreaterThan(0);
    const first = cards.first();
    await expect(first.getAttribute('class')).resolves.toContain('risk');
    const firstItems = await first.locator('.flags > li').allTextContents();
    expect(firstItems.length).toBeGreaterThanOrEqual(1);
    const all = (await cards.allTextContents()).join('\n');
    expect(all).toMatch(/未召开（应每月至少1次）/);
    expect(all).toMatch(/办结率 \d+\.\d%，低于90%/);
    expect(await page.locator('#branch-summary').textContent()).toContain('四、下步打算');

    // jumps to the ledger rows behind a failed item.
    const link = page.locator('#branches .branch-short .evidence').first();
    const sheet = (await link.textContent())!.split(' ')[0]!;
    await link.click();
    await expect.poll(() => preview.sandbox.workbook.activeSheet.name).toBe(sheet);

    // writes 支部汇总 and 考评结果 in one run and leaves every ledger as it was.
    const names = preview.sandbox.workbook.sheets.map((s) => s.name);
    expect(names).toContain('支部汇总');
    expect(names).toContain('考评结果');
    for (const [name, state] of before) {
      if (name === '考评规则') continue;
      expect(sheetState(preview.sandbox.workbook, name), name).toEqual(state);
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)('the branch block of 考评规则, in the sidebar in Chromium', () => {
  let preview: Preview;
  let browser: Browser;

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('holds branches to the must-meet items the sheet says: a closing-rate threshold lowered there fails no branch on it', async () => {
    ensureBuilt();
    preview = await startPreview({ file: TOWNSHIP, port: 0 });
    preview.sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const sheet = rulesSheetOf(preview);
    const block = rowOf(sheet, '【规则包】党支部考核');
    const threshold = locate(sheet, '必达要求', 'service-rate', '办结率', block);
    expect(sheet.values[threshold.row]![threshold.col]).toBe('< {办结率要求}');
    // Lowered in the one cell the threshold and its texts refer to.
    const { row, col } = locate(sheet, '参数', '办结率要求', '值', block);
    expect(sheet.values[row]![col]).toBe('90%');
    preview.sandbox.workbook.sheet(RULES_SHEET)!.setValue(row, col, '10%');

    browser = await connect();
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('#run:not([disabled])');
    await page.selectOption('#period', '2024-Q2');
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    await page.selectOption('#assessment', 'branch');
    const all = (await page.locator('#branches .branch-short').allTextContents()).join('\n');
    expect(all).toMatch(/未召开（应每月至少1次）/);
    expect(all).not.toMatch(/办结率 \d+\.\d%，低于(90|10)%/);
  });
});
