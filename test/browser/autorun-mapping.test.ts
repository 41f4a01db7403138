import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/node/preview/server';
import { ensureBuilt, writtenHeaderRow } from '../bundle/harness';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { connect, HAS_CHROMIUM } from './chromium';

/**
 * A ledger whose visits column is headed in a way no alias covers: 走访农牧户 (户); beside it a roster the add-on does
 * not read and a notes sheet.
 */
async function oddLedger(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('6月台账');
  ws.addRow(['2024年6月驻嘎查干部台账']);
  ws.addRow(['姓名', '所驻嘎查', '在嘎查天数', '联系户数', '走访农牧户（户）', '一事一议', '合作社', '党员中心户', '致富能手', '贫困户', '承诺数', '完成数', '领导评分', '群众测评']);
  ws.addRow(['巴特尔', '巴彦嘎查', 12, 40, 10, '√', '√', '√', '√', '√', 4, 4, 90, 92]);
  ws.addRow(['其其格', '乌兰嘎查', 8, 40, 4, '√', '×', '√', '√', '√', 4, 2, 80, 85]);
  const roster = wb.addWorksheet('党员名册');
  roster.addRow(['姓名', '性别', '入党时间', '籍贯']);
  roster.addRow(['乌力吉', '男', '2001.7', '巴彦嘎查']);
  roster.addRow(['萨仁', '女', '2010.6', '乌兰嘎查']);
  wb.addWorksheet('填表说明').addRow(['本表由各嘎查填写，每月5日前报送。']);
  await wb.xlsx.writeFile(file);
}

describe.skipIf(!HAS_CHROMIUM)('立即考评 and mapping a column by hand, in Chromium', () => {
  let dir: string;
  let preview: Preview;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    dir = tempDir('autorun');
    const file = join(dir, '巴彦苏木.xlsx');
    await oddLedger(file);
    preview = await startPreview({ file, port: 0 });
    browser = await connect();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    removeTempDir(dir);
  });

  it('maps the unknown column from the sidebar and remembers it; 立即考评 then runs at once with that mapping', async () => {
    // maps the unknown column from the sidebar, remembers it, and re-reads the ledger.
    let page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('.unmapped select');
    expect(await page.locator('.ledger').textContent()).toContain('缺少“入户数”列');
    // Every sheet is said: the roster not read, with why, in its own section; the notes on the line of other sheets.
    const unread = page.locator('#sheets-not-read li[data-sheet="党员名册"]');
    expect(await unread.locator('.problem').textContent()).toMatch(/^最像驻村干部月度考核台账（第1行表头），但只识别出姓名共1列/);
    expect(await page.locator('#ledgers p.muted').textContent()).toBe('其他工作表（不是台账，不读取）：填表说明、考评规则');
    await page.selectOption('.unmapped select[data-header="走访农牧户（户）"]', 'visits');
    await page.waitForSelector('text=缺少“入户数”列', { state: 'detached' });
    // The sidebar re-reads at once and saves the mapping in the background.
    await expect.poll(() => (preview.sandbox.call('getWorkbook') as { mapping: Record<string, string> }).mapping).toEqual({ '走访农牧户（户）': 'visits' });
    await page.close();

    // runs at once when opened from the 立即考评 menu item, using the remembered mapping.
    const response = await fetch(`${preview.url}menu/assessNow`, { method: 'POST' });
    expect(response.ok).toBe(true);
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('#status .ok');
    const flagged = await page.locator('#attention .attention-item[data-assessment=stationed-cadre]').allTextContents();
    expect(flagged.join('\n')).toContain('其其格');
    expect(flagged.join('\n')).not.toContain('入户数');
    const results = preview.sandbox.workbook.toSnapshot().sheets.find((s) => s.name === '考评结果')!;
    const header = results.values[writtenHeaderRow(preview.sandbox.workbook, '考评结果')]!;
    const visits = header.findIndex((h) => String(h).startsWith('入户率'));
    const row = results.values.find((r) => r[0] === '巴特尔')!;
    expect(row[visits]).toBe(20);
    await page.close();
  });
});
