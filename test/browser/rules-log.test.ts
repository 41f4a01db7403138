import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES_SHEET } from '../../src/core/index';
import type { Preview } from '../../src/node/preview/server';
import type { RulesLog } from '../../src/rpc/contract';
import { HAS_CHROMIUM, launch } from './chromium';
import { ruleCell, townshipPreview } from './rules-fixture';

describe.skipIf(!HAS_CHROMIUM)('the change log between rules versions, in Chromium', () => {
  let preview: Preview;
  let browser: Browser;

  beforeAll(async () => {
    preview = await townshipPreview('rules-log-');
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('records the rules each run used, and lists what changed in 考评规则 since', async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('#run:not([disabled])');
    expect(await page.locator('#rules-changes').count()).toBe(0);
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    const log = preview.sandbox.call('getRulesLog') as RulesLog;
    expect(log.history).toHaveLength(1);
    expect(log.last!.version).toBe(log.history[0]!.version);
    expect(JSON.parse(log.last!.pack).id).toBe('stationed-cadre');
    await page.close();

    const { row, col } = ruleCell(preview, 'days-full', '得分');
    preview.sandbox.workbook.sheet(RULES_SHEET)!.setValue(row, col, 18);
    const again = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await again.goto(preview.sidebarUrl);
    await again.waitForSelector('#rules-changes');
    const summary = await again.locator('#rules-changes summary').textContent();
    expect(summary).toContain(`版本 ${log.history[0]!.version}`);
    expect(summary).toContain('1 处变化');
    expect(await again.locator('#rules-changes li').first().textContent()).toContain('days-full');
    await again.close();
  });
});
