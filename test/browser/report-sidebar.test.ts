/** The sidebar as a report: the run's progress by stage, one 需关注 list most severe first with its filters, the Word report downloaded. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { readDocx } from '../report/docx';
import { HAS_CHROMIUM, sidebarSession } from './chromium';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';

/** The count line under the filters, as numbers: shown of all. */
async function shownOf(page: Page): Promise<[number, number]> {
  const text = (await page.locator('#attention-count').textContent())!;
  const [, shown, count] = /(\d+)\D+(\d+)/.exec(text)!;
  return [Number(shown), Number(count)];
}

describe.skipIf(!HAS_CHROMIUM)('the sidebar reads as a report, in Chromium at 300 px', () => {
  const session = sidebarSession(TOWNSHIP, 900);
  let dir: string;
  let page: Page;
  let errors: string[];
  /** Each stage and its detail the status showed during the run, in order, a change at a time. */
  let stages: { stage: string; detail: string }[];

  beforeAll(async () => {
    ({ page, errors } = session);
    dir = tempDir('report-sidebar');
    // Watched from before the click: the run re-renders the status many times between two polls.
    await page.evaluate(() => {
      const seen: { stage: string; detail: string }[] = [];
      (window as unknown as { stages: typeof seen }).stages = seen;
      new MutationObserver(() => {
        const stage = document.querySelector('#status .stage.active')?.textContent;
        const detail = document.querySelector('#status .stage-detail')?.textContent ?? '';
        const last = seen.at(-1);
        if (stage && (last?.stage !== stage || last.detail !== detail)) seen.push({ stage, detail });
      }).observe(document.getElementById('app')!, { childList: true, subtree: true, characterData: true });
    });
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    stages = await page.evaluate(() => (window as unknown as { stages: { stage: string; detail: string }[] }).stages);
  });

  afterAll(() => {
    if (dir) removeTempDir(dir);
  });

  it('shows the run by stage with counts: each assessment read, judged from none to all as step i of n, then the sheets written', () => {
    const names = [...new Set(stages.map((s) => s.stage))];
    expect(names).toEqual(['读取台账', '考评', '写入结果']);
    // Reading and judging alternate, an assessment at a time; writing comes last.
    expect(stages.at(-1)!.stage).toBe('写入结果');
    expect(stages.at(-1)!.detail).toMatch(/^\d+ 张结果表、\d+ 行$/);
    const reads = stages.filter((s) => s.stage === '读取台账').map((s) => s.detail);
    expect(reads[0]).toMatch(/^第1\/5项 驻村干部月度考核：\d+ 张台账、\d+ 条记录$/);
    expect(reads.length).toBe(5);
    const judged = stages.filter((s) => s.stage === '考评').map((s) => s.detail);
    // The bar moves: every assessment from none judged to all, under its place in the run.
    for (const [i, title] of ['驻村干部月度考核', '党支部考核', '村干部年度目标考评'].entries()) {
      const mine = judged.filter((d) => d.includes(title));
      expect(mine[0]).toMatch(new RegExp(`^第\\d/5项 正在考评 ${title}… 0/\\d+$`));
      const total = /\/(\d+)$/.exec(mine[0]!)![1];
      expect(mine.at(-1)).toMatch(new RegExp(`${total}/${total}$`));
      expect(mine.length, `${i}`).toBeGreaterThan(2);
    }
  });

  it('lists who needs attention across the assessments, at risk first, and narrows the list by assessment, village and flag, keeping the filters through a re-render', async () => {
    const items = page.locator('#attention .attention-item');
    const [all, count] = await shownOf(page);
    expect(all).toBe(count);
    expect(await items.count()).toBe(count);
    expect(await page.locator('#attention h2').textContent()).toBe(`需关注（${count}）`);
    // Most severe first: every entry at risk before every other one.
    const risk = await items.evaluateAll((els) => els.map((e) => e.classList.contains('risk')));
    expect(risk[0]).toBe(true);
    expect(risk).toEqual([...risk].sort((a, b) => Number(b) - Number(a)));
    expect(new Set(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-assessment')))).size).toBeGreaterThan(2);

    await page.selectOption('#attention-assessment', 'stationed-cadre');
    const [cadres] = await shownOf(page);
    expect(cadres).toBeLessThan(count);
    expect(await items.count()).toBe(cadres);
    expect(await page.locator('#attention .attention-item:not([data-assessment=stationed-cadre])').count()).toBe(0);
    // Sparklines stand by the cadres: the run covers two months.
    expect(await items.locator('.sparkline svg[role=img]').count()).toBe(cadres);

    const group = await page.locator('#attention-group option').nth(1).getAttribute('value');
    await page.selectOption('#attention-group', group!);
    const [inGroup] = await shownOf(page);
    expect(inGroup).toBeLessThanOrEqual(cadres);
    expect(await items.count()).toBe(inGroup);

    await page.selectOption('#attention-assessment', '');
    await page.selectOption('#attention-group', '');
    await page.selectOption('#attention-flag', 'ranking:bottom');
    const [bottom] = await shownOf(page);
    expect(bottom).toBeGreaterThan(0);
    expect(await items.count()).toBe(bottom);
    expect(await page.locator('#attention .attention-item:not(:has(li[data-rule="ranking:bottom"]))').count()).toBe(0);

    // A re-render (another language) keeps the filter and its count.
    await page.click('#lang');
    expect(await page.locator('#attention-flag').inputValue()).toBe('ranking:bottom');
    expect(await page.locator('#attention-count').textContent()).toBe(`Showing ${bottom} of ${count}`);
    await page.click('#lang');
    await page.selectOption('#attention-flag', '');
    expect(await shownOf(page)).toEqual([count, count]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('downloads the Word report the command line writes, with feedback notes when asked', async () => {
    await page.check('#report-feedback');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-download')]);
    expect(download.suggestedFilename()).toMatch(/^考评报告-.+\.docx$/);
    const file = join(dir, 'report.docx');
    await download.saveAs(file);
    const docx = await readDocx(readFileSync(file));
    const headings = docx.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toContain('一、基本情况');
    expect(docx.paragraphs.some((p) => p.text.endsWith('考评反馈单'))).toBe(true);
    await expect(page.locator('#report-download').textContent()).resolves.toBe('下载考评报告 (.docx)');
    // Each May note compares with April, with nothing passed for it.
    expect(docx.paragraphs.some((p) => p.text.startsWith('上期（2024年4月）得分'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows the summary and downloads the report in English when the sidebar is in English', async () => {
    expect(await page.locator('#summary').textContent()).toContain('二、主要成效');
    await page.click('#lang');
    const summary = await page.locator('#summary').textContent();
    expect(summary).toContain('2. Achievements');
    expect(summary).toContain('Grades: excellent 29 person-periods (19 people, 69.0%)');
    expect(summary).not.toContain('等次分布');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-download')]);
    const file = join(dir, 'report-en.docx');
    await download.saveAs(file);
    const docx = await readDocx(readFileSync(file));
    expect(docx.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain('1. Overview');
    expect(docx.paragraphs.some((p) => p.text.startsWith('Last period (2024-04) scored'))).toBe(true);
    expect(docx.paragraphs.some((p) => p.text.startsWith('等次分布'))).toBe(false);
    await page.click('#lang');
    expect(errors).toEqual([]);
  });
});
