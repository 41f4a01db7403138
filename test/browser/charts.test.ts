import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedBranchPack } from '../../src/core/rulesheet/defaults';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { HAS_CHROMIUM, sidebarSession } from './chromium';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const CADRE_BANDS = ['优秀', '良好', '合格', '基本合格', '不合格'];

/** Whether the page scrolls sideways: a chart wider than the 300 px panel would make it. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** A PNG's width and height, from its header. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(!HAS_CHROMIUM)('the sidebar’s charts in Chromium at 300 px', () => {
  const session = sidebarSession(TOWNSHIP, 900);
  let dir: string;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = session);
    dir = tempDir('charts');
    await page.click('#run');
    await page.waitForSelector('#status .ok');
  });

  afterAll(() => {
    if (dir) removeTempDir(dir);
  });

  it('draws the cadres’ grades a bar a band, one cadre’s trend over both months and a sparkline by each flagged cadre, each said in words', async () => {
    const distribution = page.locator('#chart-distribution');
    const bars = distribution.locator('svg[role=img] rect.chart-bar');
    expect(await bars.evaluateAll((rects) => rects.map((r) => r.getAttribute('data-grade')))).toEqual(CADRE_BANDS);
    const counts = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(42);
    // Over two months the overview counts person-periods, with the people beside them, never 42 results as 名.
    await expect(page.locator('#overview .grade-label').first().textContent()).resolves.toBe('优秀 29人次（19人）');
    // the sentence names the image and says every count; the table holds the same numbers.
    const sentence = (await distribution.locator('.chart-sentence').textContent())!;
    expect(await distribution.locator('svg').getAttribute('aria-label')).toBe(sentence);
    expect(sentence).toContain('2个考评期共42个考评结果');
    for (const [i, band] of CADRE_BANDS.entries()) expect(sentence).toContain(`${band}${counts[i]}个`);
    expect(await distribution.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent))).toEqual(CADRE_BANDS.map((b, i) => `${b}${counts[i]}`));

    // the trend: the cadre first in the 需关注 list by default, a line through both months; another picked from the list.
    const trend = page.locator('#chart-trend');
    const first = await page.locator('#attention .attention-item[data-assessment=stationed-cadre]').first().getAttribute('data-name');
    expect(await trend.locator('#trend-subject').inputValue()).toBe(first);
    expect(await trend.locator('path.chart-line').getAttribute('d')).toMatch(/^M[\d.,]+L[\d.,]+$/);
    expect(await trend.locator('circle.chart-point').count()).toBe(2);
    const other = (await trend.locator('#trend-subject option').allTextContents()).find((n) => n !== first)!;
    await page.selectOption('#trend-subject', other);
    const said = (await page.locator('#chart-trend .chart-sentence').textContent())!;
    expect(said).toMatch(new RegExp(`^${other}：2024年4月 .+分（.+） → 2024年5月 .+分（.+）。$`));
    expect(await page.locator('#chart-trend svg').getAttribute('aria-label')).toBe(said);
    expect(await page.locator('#chart-trend table tbody tr').count()).toBe(2);

    // a sparkline by each cadre in the 需关注 list, its scores in words beside it and in its label.
    const flagged = page.locator('#attention .attention-item[data-assessment=stationed-cadre]');
    const cards = await flagged.count();
    expect(cards).toBeGreaterThan(0);
    expect(await flagged.locator('.sparkline svg[role=img] path.chart-line').count()).toBe(cards);
    const spark = flagged.first().locator('.sparkline');
    expect(await spark.locator('svg').getAttribute('aria-label')).toMatch(new RegExp(`^${first}各期得分：2024年4月 `));
    expect(await spark.locator('.spark-values').textContent()).toMatch(/^[\d.—]+→[\d.—]+$/);

    expect(await scrollsSideways(page)).toBe(false);
    const shot = join(dir, 'charts.png');
    await page.locator('#charts').screenshot({ path: shot });
    expect(pngSize(shot).width).toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
  });

  it('draws every branch’s score against the line under the lowest band, coloured by the must-meet items, in Chinese and in English', async () => {
    await page.selectOption('#assessment', 'branch');
    const scores = page.locator('#chart-scores');
    const bars = scores.locator('svg[role=img] rect.chart-bar');
    expect(await bars.count()).toBe(24);
    expect(await scores.locator('table tbody tr').count()).toBe(24);
    const line = shippedBranchPack().grades.at(-2)!;
    expect(await scores.locator('line.chart-pass-line').getAttribute('data-score')).toBe(String(line.min));
    expect(await scores.locator('svg').textContent()).toContain(`${line.min}分线（${line.grade}）`);
    // the bars at risk are the branches the list marks at risk; the sentence counts them.
    const atRisk = await page.locator('.branch-short.risk').count();
    expect(await scores.locator('rect.chart-bar.risk').count()).toBe(atRisk);
    expect(await scores.locator('.chart-sentence').textContent()).toContain(`${atRisk}个列为软弱涣散风险`);
    // one quarter only: the trend says so, and no sparkline stands beside a single point.
    expect(await page.locator('#chart-trend .chart-note-text').textContent()).toBe('台账只有2024年第二季度这一期的数据。');
    expect(await page.locator('.branch-short .sparkline').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);

    await page.click('#lang');
    expect(await page.locator('#chart-scores figcaption strong').textContent()).toBe('Score by Party branch, 2024-Q2');
    expect(await page.locator('#chart-scores .chart-legend').textContent()).toContain('at risk of being weak and lax');
    expect(await page.locator('#chart-distribution .chart-sentence').textContent()).toMatch(/^2024-Q2: 24 results — five stars \d+, /);
    expect(await scrollsSideways(page)).toBe(false);
    await page.click('#lang');
    expect(errors).toEqual([]);
  });

  it('with a month chosen, says the trend has that month alone', async () => {
    await page.selectOption('#period', '2024-05');
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    await page.selectOption('#assessment', 'stationed-cadre');
    expect(await page.locator('#chart-trend .chart-note-text').textContent()).toBe('本次只考评了2024年5月，只有这一期；选择“全部期间”再考评，可看各期走势。');
    expect(await page.locator('#chart-trend circle.chart-point').count()).toBe(1);
    expect(await page.locator('#attention .attention-item[data-assessment=stationed-cadre] .sparkline').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  });
});
