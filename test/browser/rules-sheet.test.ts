import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules, readRulesSheet, RULES_SHEET, RULES_SHEET_COLORS, rulesSheetPaint } from '../../src/core/index';
import type { Preview } from '../../src/node/preview/server';
import { connect, HAS_CHROMIUM } from './chromium';
import { ruleCell, rulesSheetOf, townshipPreview } from './rules-fixture';

const [defaults, branchDefaults, ...schemeDefaults] = defaultRules();
const testCount = defaultRules().reduce((n, e) => n + e.tests.length, 0);

describe.skipIf(!HAS_CHROMIUM)('the rules sheet from the sidebar, in Chromium', () => {
  let browser: Browser;
  const previews: Preview[] = [];
  const errors: string[] = [];

  async function open(preview: Preview): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 300, height: 1200 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.sidebarUrl);
    return page;
  }

  beforeAll(async () => {
    browser = await connect();
  });

  afterAll(async () => {
    await browser?.close();
    for (const p of previews) await p.close();
  });

  it('creates 考评规则 from the default rules on first use, and runs its rule tests', async () => {
    const preview = await townshipPreview('rules-first');
    previews.push(preview);
    expect(preview.sandbox.workbook.sheet(RULES_SHEET)).toBeUndefined();
    const page = await open(preview);
    await page.waitForSelector('#run:not([disabled])');
    expect(await page.locator('#rules-status').textContent()).toContain('已创建“考评规则”工作表');
    const read = readRulesSheet(rulesSheetOf(preview));
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(defaults!.pack);

    await page.click('[data-tab=rules]');
    await page.click('#run-rule-tests');
    await page.waitForSelector('#rule-test-results');
    expect(await page.locator('.test.pass').count()).toBe(testCount);
    expect(await page.locator('.test.fail').count()).toBe(0);
    expect(await page.locator('#rule-test-results > p').textContent()).toBe(`${testCount} 条通过，0 条未通过`);
    // Each block's cases are listed under its pack: the branch cases ran through the branch assessment, the declared assessments' through theirs.
    expect(await page.locator('.pack-tests h3').allTextContents()).toEqual(['驻村干部月度考核', '党支部考核', '驻村干部季度评星定档', '党员中心户季度测评', '村干部年度目标考评']);
    expect(await page.locator('.pack-tests[data-pack=branch] .test.pass').count()).toBe(branchDefaults.tests.length);
    expect(await page.locator('.pack-tests[data-pack=scheme] .test.pass').count()).toBe(schemeDefaults.reduce((n, e) => n + e.tests.length, 0));
    expect(errors).toEqual([]);
  });

  it('shows a branch rule test that fails, with what was expected and what came out', async () => {
    const preview = await townshipPreview('rules-branch-test');
    previews.push(preview);
    preview.sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    // Staff expect one month without a 支委会 to keep five stars: the rules cap a branch that falls short at four.
    const { row, col } = ruleCell(preview, 'committee-missed', '预期等次', '规则测试', '【规则包】党支部考核');
    preview.sandbox.workbook.sheet(RULES_SHEET)!.setValue(row, col, '五星');

    const page = await open(preview);
    await page.waitForSelector('#run:not([disabled])');
    await page.click('[data-tab=rules]');
    await page.click('#run-rule-tests');
    await page.waitForSelector('#rule-test-results');
    expect(await page.locator('#rule-test-results > p').textContent()).toBe(`${testCount - 1} 条通过，1 条未通过`);
    const failed = page.locator('.pack-tests[data-pack=branch] .test.fail');
    expect(await failed.getAttribute('data-test')).toBe('committee-missed');
    expect(await failed.locator('.problem').allTextContents()).toEqual(['预期等次“五星”，实际“四星”']);
    await page.click('#lang');
    await page.click('#run-rule-tests');
    await page.waitForSelector('#rule-test-results');
    expect(await page.locator('.pack-tests[data-pack=branch] .test.fail .problem').allTextContents()).toEqual(['expected the grade "五星", got "四星"']);
    expect(errors).toEqual([]);
  });

  it('marks a broken condition cell with a colour and a note, lists it with a link, and blocks 考评', async () => {
    const preview = await townshipPreview('rules-broken');
    previews.push(preview);
    preview.sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    // Staff typed a condition with a Chinese numeral into the rules sheet.
    const { row, col } = ruleCell(preview, 'days-full', '下基层天数');
    const model = preview.sandbox.workbook.sheet(RULES_SHEET)!;
    model.setValue(row, col, '>= 十');

    const page = await open(preview);
    await page.waitForSelector('#rule-problems');
    const problems = await page.locator('#rule-problems li').allTextContents();
    expect(problems).toEqual(['考评规则!D14 “>= 十” 不是数字，请写成 “>= 10”']);
    expect([row, col]).toEqual([13, 3]);
    expect(await page.locator('#run').isDisabled()).toBe(true);

    expect(model.format(row, col).background).toBe(RULES_SHEET_COLORS.problemBackground);
    expect(model.note(row, col)).toBe('⚠ “>= 十” 不是数字，请写成 “>= 10”');
    expect(model.format(row, col + 1).background).toBe(RULES_SHEET_COLORS.background);
    expect(model.value(row, col)).toBe('>= 十');

    await page.click('#rule-problems a.cell-link');
    await expect.poll(() => preview.sandbox.workbook.selection).toEqual({ sheet: RULES_SHEET, range: 'D14' });
    expect(errors).toEqual([]);
  });
});
