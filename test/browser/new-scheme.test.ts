import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packHash, readRulesSheet, RULES_SHEET } from '../../src/core/index';
import { WorkbookModel, workbookToExcel } from '../../src/node/gas/index';
import { startPreview, type Preview } from '../../src/node/preview/server';
import { ensureBuilt, writtenHeaderRow } from '../bundle/harness';
import { fileTempDir } from '../fixtures/temp';
import { smallWorkbook } from '../rulesheet/workbook-fixture';
import { HAS_CHROMIUM, openSidebar } from './chromium';

/** 吉仁高勒镇's May ledger plus a sheet of the township's own contest, which no assessment reads yet. */
async function contestPreview(): Promise<Preview> {
  ensureBuilt();
  const workbook = smallWorkbook();
  workbook.sheets.push({
    name: '平安家庭评比',
    merges: [],
    values: [
      ['2024年度“平安家庭”评比打分表'],
      ['序号', '户主姓名', '所在嘎查', '矛盾调解（20分）', '环境卫生（30分）', '邻里互助（50分）'],
      [1, '王芳', '乌兰嘎查', 18, 27, 45],
      [2, '李强', '巴彦嘎查', 12, 30, 40],
      [3, '赵敏', '乌兰嘎查', 20, 20, '不详'],
    ],
  });
  const file = join(fileTempDir('new-scheme'), '吉仁高勒镇台账.xlsx');
  await workbookToExcel(WorkbookModel.fromSnapshot(workbook)).xlsx.writeFile(file);
  return startPreview({ file, port: 0 });
}

describe.skipIf(!HAS_CHROMIUM)('新增考核方案 in the sidebar, in Chromium', () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    preview = await contestPreview();
    ({ browser, page, errors } = await openSidebar(preview.sidebarUrl));
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('adds a block for the township’s own contest from its sheet, in cells a clerk edits, and a run then scores it and writes its results', async () => {
    await page.click('[data-tab=rules]');
    await page.click('#new-scheme-add');
    expect(await page.locator('#new-scheme-status').textContent()).toBe('请填写方案名称。');
    await page.fill('#new-scheme-title', '平安家庭评比');
    await page.fill('#new-scheme-subject', '家庭');
    await page.selectOption('#new-scheme-period', 'year');
    await page.selectOption('#new-scheme-sheet', '平安家庭评比');
    await page.click('#new-scheme-add');
    await page.waitForSelector('#new-scheme-status .ok');
    expect(await page.locator('#new-scheme-status').textContent()).toBe('已在“考评规则”中新增“平安家庭评比”，请在其中修改计分规则后考评。');

    const rules = preview.sandbox.workbook.toSnapshot().sheets.find((s) => s.name === RULES_SHEET)!;
    const text = rules.values.map((r) => r.map((c) => String(c ?? '')).join('|'));
    expect(text.some((r) => r.startsWith('【规则包】平安家庭评比'))).toBe(true);
    // The sheet's columns are listed as the ledger, the points read from their headers.
    for (const column of ['户主姓名', '所在嘎查', '矛盾调解（20分）', '环境卫生（30分）', '邻里互助（50分）']) expect(text.some((r) => r.includes(`|${column}|`)), column).toBe(true);
    // The rules status names the new block with its version, after the shipped ones.
    const added = readRulesSheet(rules).packs.find((p) => p.scheme?.title === '平安家庭评比')!.scheme!;
    await expect.poll(async () => page.locator('#rules-status').textContent()).toMatch(new RegExp(`规则来自“考评规则”工作表（规则版本：驻村干部月度考核 [0-9a-f]{8}，.*，平安家庭评比 ${packHash(added)}）`));

    await page.click('[data-tab=assess]');
    await page.click('#run');
    await page.waitForSelector('#assessment');
    await page.selectOption('#assessment', 'scheme-1');
    const list = await page.locator('#scheme-results').textContent();
    expect(list).toContain('王芳');
    expect(list).toContain('90');
    expect(list).toContain('邻里互助');
    const written = preview.sandbox.workbook.toSnapshot().sheets.find((s) => s.name === '平安家庭评比结果');
    // 姓名, 所在嘎查, 考评期, three indicators, then 总分.
    const header = writtenHeaderRow(preview.sandbox.workbook, '平安家庭评比结果');
    expect(written?.values.slice(header + 1).map((r) => [r[0], r[6]])).toEqual([
      ['王芳', 90],
      ['李强', 82],
      ['赵敏', 40],
    ]);
    expect(errors).toEqual([]);
  });
});
