import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules, packHash, readPackFile, readRulesSheet, RULES_SHEET } from '../../src/core/index';
import type { Preview } from '../../src/node/preview/server';
import { sheetState } from '../bundle/harness';
import { HAS_CHROMIUM, launch } from './chromium';
import { ruleCell, rulesSheetOf, townshipPreview } from './rules-fixture';

const [defaults] = defaultRules();

/** A pack file as another township would send it: the exported one with its days bands moved to 12. */
function stricter(exported: Record<string, unknown>, closeTheGap: boolean): Record<string, unknown> {
  const copy = structuredClone(exported) as { rules: { id: string; when: { value: unknown }[] }[] };
  copy.rules.find((r) => r.id === 'days-full')!.when[0]!.value = 12;
  if (closeTheGap) copy.rules.find((r) => r.id === 'days-short')!.when[0]!.value = 12;
  return copy;
}

const fileOf = (name: string, json: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)) });

describe.skipIf(!HAS_CHROMIUM)('sharing rules as a pack file, in Chromium', () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let exported: Record<string, unknown>;
  const errors: string[] = [];

  beforeAll(async () => {
    preview = await townshipPreview('rules-share-');
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 300, height: 1200 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('#run:not([disabled])');
    await page.click('[data-tab=rules]');
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('exports the rules and their tests as a .json file named with the rules version', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-rules')]);
    expect(download.suggestedFilename()).toBe(`考评规则-${packHash(defaults!.pack)}.json`);
    exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    const read = readPackFile(exported, download.suggestedFilename());
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(defaults!.pack);
    expect(read.packs[0]!.tests.map((t) => t.test)).toEqual(defaults!.tests);
  });

  it('lists the problems of a pack file, with the same messages as the sheet, and writes nothing', async () => {
    const before = sheetState(preview.sandbox.workbook, RULES_SHEET);
    await page.setInputFiles('#import-rules', fileOf('巴彦镇规则.json', stricter(exported, false)));
    await page.waitForSelector('#import-problems');
    expect(await page.locator('#import-problems > p').textContent()).toBe('“巴彦镇规则.json”有 1 处问题，未导入：');
    expect(await page.locator('#import-problems li').allTextContents()).toEqual([
      '巴彦镇规则.json rules[1].when[0]：指标“下基层天数”中，下基层天数为 [10,12) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [10,12)），或调整相邻行的条件',
    ]);
    expect(await page.locator('#replace-rules').count()).toBe(0);

    await page.setInputFiles('#import-rules', fileOf('说明.json', '规则见附件'));
    await page.waitForSelector('#import-result .problem:has-text("不是有效的 JSON 文件")');
    expect(sheetState(preview.sandbox.workbook, RULES_SHEET)).toEqual(before);
  });

  it('shows what an import changes, then replaces 考评规则 with it', async () => {
    const incoming = stricter(exported, true);
    await page.setInputFiles('#import-rules', fileOf('巴彦镇规则.json', incoming));
    await page.waitForSelector('#import-changes');
    const version = packHash(readPackFile(incoming, 'x').packs[0]!.pack);
    expect(await page.locator('#import-changes > p').textContent()).toBe(`导入“巴彦镇规则.json”将带来 2 处变更（规则版本 ${packHash(defaults!.pack)} → ${version}）：`);
    expect(await page.locator('.change-log li').allTextContents()).toEqual(['规则“days-full”的下基层天数：>= 10 → >= 12', '规则“days-short”的下基层天数：< 10 → < 12']);

    await page.click('#replace-rules');
    await page.waitForSelector('#rules-share .ok');
    expect(await page.locator('#rules-share .ok').textContent()).toBe('已用“巴彦镇规则.json”替换“考评规则”');
    await expect.poll(async () => page.locator('#rules-status').textContent()).toContain(version);
    const { row, col } = ruleCell(preview, 'days-full', '下基层天数');
    expect(preview.sandbox.workbook.sheet(RULES_SHEET)!.value(row, col)).toBe('>= 12');
    expect(readRulesSheet(rulesSheetOf(preview)).problems).toEqual([]);
    expect(await page.locator('#rule-problems').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
