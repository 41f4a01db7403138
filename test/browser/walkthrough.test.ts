import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/node/preview/server';
import { ensureBuilt } from '../bundle/harness';
import { cli, ROOT } from '../fixtures/cli';
import { addDevelopmentPlan } from '../fixtures/development-plan';
import { fileTempDir } from '../fixtures/temp';
import { HAS_CHROMIUM, openSidebar } from './chromium';

/**
 * The README walkthrough as staff would do it in Sheets: the township's
 * ledgers with the default rules written in, a 党员发展计划 ledger and an
 * indicator counted from it added in cells only, then 考评 in the sidebar.
 */
describe.skipIf(!HAS_CHROMIUM)('a ledger and an indicator added in cells, assessed in the sidebar in Chromium', () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ensureBuilt();
    const dir = fileTempDir('walkthrough');
    const ledgers = join(dir, '乡镇党建台账.xlsx');
    copyFileSync(join(ROOT, 'examples/乡镇党建台账示例.xlsx'), ledgers);
    expect((await cli('rules', 'export', ledgers)).code).toBe(0);
    const file = join(dir, '乡镇党建台账-含考评规则.xlsx');
    await addDevelopmentPlan(file);
    preview = await startPreview({ file, port: 0 });
    ({ browser, page, errors } = await openSidebar(preview.sidebarUrl));
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('reads the new ledger, and the branch that developed 0 of 2 is flagged with its rate and loses the points', async () => {
    expect(await page.locator('#rules-status').textContent()).not.toContain('考评规则!');
    await page.click('#run');
    await page.waitForSelector('#assessment');
    await page.selectOption('#assessment', 'branch');
    const alatan = page.locator('#branches li', { hasText: '阿拉坦嘎查党支部' }).first();
    expect(await alatan.textContent()).toContain('发展完成率0.0%，未过半');
    const wulan = await page.locator('#branches li', { hasText: '乌兰嘎查党支部' }).first().textContent();
    expect(wulan).not.toContain('发展完成率');
    // The summary sheet the run wrote carries the new indicator's points.
    const summary = preview.sandbox.workbook.toSnapshot().sheets.find((s) => s.name === '支部汇总')!;
    const rowOf = (branch: string) => summary.values.find((r) => r[0] === branch)!.map(String).join('|');
    expect(rowOf('阿拉坦嘎查党支部')).toContain('发展党员0/10');
    expect(rowOf('乌兰嘎查党支部')).toContain('发展党员10/10');
    expect(errors).toEqual([]);
  });
});
