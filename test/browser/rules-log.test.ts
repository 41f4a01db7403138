import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules, packHash, RULES_SHEET, type Scheme, shippedSchemes } from '../../src/core/index';
import type { Preview } from '../../src/node/preview/server';
import { LOG_SHEET, type RulesLog } from '../../src/rpc/contract';
import { connect, HAS_CHROMIUM } from './chromium';
import { locate } from '../rulesheet/sheet-helpers';
import { ruleCell, rulesSheetOf, townshipPreview } from './rules-fixture';

const [cadre, branch] = defaultRules();
const [quarter, household, village] = shippedSchemes() as [Scheme, Scheme, Scheme];
const HOUSEHOLD = '【规则包】党员中心户季度测评';

describe.skipIf(!HAS_CHROMIUM)('the change log between rules versions, in Chromium', () => {
  let preview: Preview;
  let browser: Browser;

  beforeAll(async () => {
    preview = await townshipPreview('rules-log');
    browser = await connect();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('records every block each run used, lists what changed in any since, and compares a run recorded before the branch pack was kept on its cadre pack alone', async () => {
    // records both packs and every declared assessment each run used, and lists what changed in any since.
    let page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('#run:not([disabled])');
    expect(await page.locator('#rules-changes').count()).toBe(0);
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    const log = preview.sandbox.call('getRulesLog') as RulesLog;
    // The May ledger holds cadres only: the monthly cadre assessment and its quarterly roll-up ran.
    const ran = { 'stationed-cadre': packHash(cadre.pack), 'stationed-cadre-quarter': packHash(quarter) };
    expect(log.history).toEqual([{ version: packHash(cadre.pack), time: log.last!.time, branchVersion: packHash(branch.branch), assessments: ran }]);
    expect(JSON.parse(log.last!.pack).id).toBe('stationed-cadre');
    expect(JSON.parse(log.last!.branch!)).toEqual(JSON.parse(JSON.stringify(branch.branch)));
    expect(log.last!.schemes!.map((s) => [s.id, s.version])).toEqual([quarter, household, village].map((s) => [s.id, packHash(s)]));
    await page.close();

    const sheet = preview.sandbox.workbook.sheet(RULES_SHEET)!;
    const points = ruleCell(preview, 'days-full', '得分');
    sheet.setValue(points.row, points.col, 18);
    const rate = locate(rulesSheetOf(preview), '必达要求', 'service-rate', '办结率');
    sheet.setValue(rate.row, rate.col, '< 85%');
    // household's 优秀 band moves up to 92, 良好 with it.
    const excellent = ruleCell(preview, '优秀', '总分', '等次', HOUSEHOLD);
    sheet.setValue(excellent.row, excellent.col, '>= 92');
    const good = ruleCell(preview, '良好', '总分', '等次', HOUSEHOLD);
    sheet.setValue(good.row, good.col, '[75,92)');
    const again = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await again.goto(preview.sidebarUrl);
    await again.waitForSelector('#rules-changes');
    expect(await again.locator('#rules-changes summary').textContent()).toBe(`自上次考评（${log.last!.time}）以来，规则有 3 处变化`);
    const heads = await again.locator('#rules-changes p.pack-changes').allTextContents();
    expect(heads[0]).toMatch(new RegExp(`^规则包“驻村干部月度考核”：1 处变更（规则版本 ${packHash(cadre.pack)} → [0-9a-f]{8}）$`));
    expect(heads[1]).toMatch(new RegExp(`^规则包“党支部考核”：1 处变更（规则版本 ${packHash(branch.branch)} → [0-9a-f]{8}）$`));
    expect(heads[2]).toMatch(new RegExp(`^规则包“党员中心户季度测评”：1 处变更（规则版本 ${packHash(household)} → [0-9a-f]{8}）$`));
    expect(heads).toHaveLength(3);
    expect(await again.locator('#rules-changes ul[data-subject=cadre] li').allTextContents()).toEqual(['规则“days-full”的得分：20 → 18']);
    expect(await again.locator('#rules-changes ul[data-subject=branch] li').allTextContents()).toEqual(['必达要求“service-rate”的办结率：< {办结率要求} → < 85%']);
    expect(await again.locator('#rules-changes ul[data-assessment=household] li').allTextContents()).toEqual(['等次“优秀”的总分：>= 90 → >= 92']);
    await again.close();

    // names a block added since the last run, and one deleted: a last run whose rules had 平安家庭评比 but not 村干部年度目标考评.
    const family = { ...household, id: 'family', title: '平安家庭评比', subject: '家庭' };
    const recorded = [quarter, household, family].map((s) => ({ id: s.id, version: packHash(s), pack: JSON.stringify(s) }));
    preview.sandbox.call('recordRulesVersion', { ...log.last!, time: '2024/6/2 09:00:00', schemes: recorded });
    const third = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await third.goto(preview.sidebarUrl);
    await third.waitForSelector('#rules-changes');
    expect(await third.locator('#rules-changes summary').textContent()).toBe('自上次考评（2024/6/2 09:00:00）以来，规则有 5 处变化');
    expect(await third.locator('#rules-changes p.pack-added').allTextContents()).toEqual([
      `规则包“村干部年度目标考评”是新增的：${village.indicators.length} 个指标，${village.rules.length} 条规则（规则版本 ${packHash(village)}）`,
    ]);
    expect(await third.locator('#rules-changes p.pack-removed').allTextContents()).toEqual([`规则包“平安家庭评比”已删除（原规则版本 ${packHash(family)}）`]);
    await third.close();

    // compares a last run recorded before the branch pack was kept on its cadre pack alone.
    // What earlier versions of the sidebar recorded: the cadre pack only (the sheet still holds both edits).
    preview.sandbox.call('recordRulesVersion', { version: packHash(cadre.pack), time: '2024/6/1 09:00:00', pack: JSON.stringify(cadre.pack) });
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('#rules-changes');
    expect(await page.locator('#rules-changes summary').textContent()).toBe('自上次考评（2024/6/1 09:00:00）以来，规则有 1 处变化');
    expect(await page.locator('#rules-changes li').allTextContents()).toEqual(['规则“days-full”的得分：20 → 18']);
    await page.close();
  });

  it('reports a run whose rules could not be logged as done, with a warning', async () => {
    const own = await townshipPreview('rules-log-fails');
    try {
      const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
      await page.goto(own.sidebarUrl);
      await page.waitForSelector('#run:not([disabled])');
      await page.click('#run');
      await page.waitForSelector('#status .ok');
      // The log sheet back in view, and hiding it again fails: the log is not saved, the results are.
      own.sandbox.workbook.sheet(LOG_SHEET)!.hidden = false;
      own.sandbox.calls.failOn('Sheet.hideSheet');
      await page.goto(own.sidebarUrl);
      await page.waitForSelector('#run:not([disabled])');
      await page.click('#run');
      await page.waitForSelector('#status .ok');
      expect(await page.locator('#status .error').count()).toBe(0);
      expect(await page.locator('#rules-log-warning').textContent()).toMatch(
        /^注意：结果已写入，但本次所用的规则未能记入日志（Service Spreadsheets failed while accessing document \(Sheet\.hideSheet, injected failure\)\.）/,
      );
      await page.close();
    } finally {
      await own.close();
    }
  });
});
