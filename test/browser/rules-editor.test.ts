import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES_SHEET } from '../../src/core/index';
import type { Preview } from '../../src/node/preview/server';
import { connect, HAS_CHROMIUM } from './chromium';
import { resultOf, ruleCell, townshipPreview } from './rules-fixture';

/** The cadre pack's version, as the status line names it. */
const versionIn = (text: string | null) => /驻村干部月度考核 ([0-9a-f]{8})/.exec(text ?? '')?.[1];

describe.skipIf(!HAS_CHROMIUM)('the rule editor in the sidebar, in Chromium', () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let firstVersion: string | undefined;
  let liBefore: number;
  const errors: string[] = [];

  const daysCell = () => {
    const { row, col } = ruleCell(preview, 'days-full', '下基层天数');
    return preview.sandbox.workbook.sheet(RULES_SHEET)!.value(row, col);
  };

  beforeAll(async () => {
    preview = await townshipPreview('rule-editor');
    browser = await connect();
    page = await browser.newPage({ viewport: { width: 300, height: 1400 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('#run:not([disabled])');
    firstVersion = versionIn(await page.locator('#rules-status').textContent());
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('edits a cadre rule: a wrong condition is said at its field, the what-if shows who would drop, saving marks the gap until the next row closes it, the next run scores by it, in Chinese and English', async () => {
    // assesses the month under the default rules first, to compare with.
    await page.click('#run');
    await expect.poll(() => resultOf(preview, '李四')?.['总分']).toBeTypeOf('number');
    liBefore = resultOf(preview, '李四')!['总分'] as number;

    // starts from a rule as the sheet has it, and says a wrong condition next to its field.
    await page.click('[data-tab=rules]');
    await page.selectOption('#rule-select', 'days-full');
    await expect(page.locator('#cond-days').inputValue()).resolves.toBe('>= {下基层天数标准}');
    await expect(page.locator('#rule-points').inputValue()).resolves.toBe('20');
    await page.waitForSelector('#whatif :text("与规则表中的规则相同")');
    expect(await page.locator('#save-rule').isDisabled()).toBe(true);

    await page.fill('#cond-days', '>= 十');
    const problem = page.locator('.field-problem[data-field="condition:下基层天数"]');
    await expect.poll(() => problem.textContent()).toBe('“>= 十” 不是数字，请写成 “>= 10”');
    expect(await page.locator('#cond-days').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#save-rule').isDisabled()).toBe(true);

    // shows who would drop, by how much and to which grade, before anything is written.
    await page.fill('#cond-days', '>= 12');
    await page.waitForSelector('.whatif-list');
    expect(await page.locator('.field-problem[data-field="condition:下基层天数"]').textContent()).toBe('');
    expect(await page.locator('.whatif-summary').textContent()).toBe('4 名干部的得分、等次或提示会变化（升 0，降 3），4 名不变');
    const li = page.locator('.whatif-cadre[data-name="李四"]');
    const text = await li.textContent();
    // 李四 keeps 10 days a month: under ">= 12" that band no longer scores him.
    expect(text).toContain(`李四 ${liBefore} → ${Math.round((liBefore - 20) * 100) / 100}（-20），合格 → 不合格`);
    expect(text).toContain('下基层天数 20 → 0');
    expect(await li.getAttribute('class')).toContain('down');
    expect(await page.locator('.whatif-cadre').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toEqual(['李四', '王五', '郑十', '孙七']);
    expect(await page.locator('.rule-changes').textContent()).toBe('规则“days-full”的下基层天数：>= {下基层天数标准} → >= 12');
    expect(await page.locator('#elsewhere').textContent()).toContain('下基层天数为 [10,12) 时没有任何规则满足');
    expect(daysCell()).toBe('>= {下基层天数标准}');

    // writes the row to 考评规则 and re-reads it: the gap it leaves is marked until the next row closes it.
    await page.click('#save-rule');
    await page.waitForSelector('#rule-saved');
    expect(await page.locator('#rule-saved').textContent()).toBe('规则“days-full”已写入 考评规则!A14');
    expect(daysCell()).toBe('>= 12');
    await expect(page.locator('#rule-problems li').allTextContents()).resolves.toEqual([
      '考评规则!D15 指标“下基层天数”中，下基层天数为 [10,12) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [10,12)），或调整相邻行的条件',
    ]);

    await page.selectOption('#rule-select', 'days-short');
    await page.fill('#cond-days', '< 12');
    await page.fill('#rule-points', '每天1.5分，最多20分');
    await page.fill('#rule-flag', '下基层天数不足12天（{下基层天数}天）');
    await page.waitForSelector('.whatif-cadre[data-name="李四"]');
    expect(await page.locator('.whatif-cadre[data-name="李四"]').textContent()).toContain('新增提示：下基层天数不足12天（10天）');
    expect(await page.locator('#elsewhere').count()).toBe(0);
    await page.click('#save-rule');
    await page.waitForSelector('#rule-saved:has-text("days-short")');
    await page.waitForSelector('#rule-problems', { state: 'detached' });
    const version = versionIn(await page.locator('#rules-status').textContent());
    expect(version).toMatch(/^[0-9a-f]{8}$/);
    expect(version).not.toBe(firstVersion);
    expect(errors).toEqual([]);

    // assesses with the rules as saved: 李四’s 10 days now score 15 instead of 20.
    await page.click('[data-tab=assess]');
    await page.click('#run:not([disabled])');
    await expect.poll(() => resultOf(preview, '李四')?.['总分']).toBe(Math.round((liBefore - 5) * 100) / 100);
    expect(String(resultOf(preview, '李四')!['提示与扣分原因'])).toContain('下基层天数不足12天（10天）');

    // speaks English from the same message table.
    await page.click('#lang');
    await page.click('[data-tab=rules]');
    await expect(page.locator('#rule-editor h2').textContent()).resolves.toBe('Edit a rule');
    await page.selectOption('#rule-select', 'days-full');
    await page.fill('#cond-days', '>= 11');
    await page.waitForSelector('.whatif-summary');
    expect(await page.locator('.whatif-summary').textContent()).toMatch(/^\d+ cadres would change score, grade or flags \(\d+ up, \d+ down\); \d+ unchanged$/);
    expect(await page.locator('#save-rule').textContent()).toBe('Save to the rules sheet');
  });
});
