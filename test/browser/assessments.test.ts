import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Preview } from '../../src/node/preview/server';
import { writtenHeaderRow } from '../bundle/harness';
import { HAS_CHROMIUM, sidebarSession } from './chromium';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const VILLAGE = '村干部年度目标考评结果';

/** One row of a result sheet the run wrote, by the name in its first column, keyed by the header row. */
function resultRow(preview: Preview, sheet: string, name: string): Record<string, unknown> | undefined {
  const values = preview.sandbox.workbook.toSnapshot().sheets.find((s) => s.name === sheet)?.values;
  if (!values) return undefined;
  const header = writtenHeaderRow(preview.sandbox.workbook, sheet);
  const row = values.slice(header + 1).find((r) => r[0] === name);
  return row && Object.fromEntries(values[header]!.map((h, i) => [String(h), row[i]]));
}

describe.skipIf(!HAS_CHROMIUM)('every assessment of a run, in the sidebar in Chromium', () => {
  const session = sidebarSession(TOWNSHIP, 900);
  let preview: Preview;
  let page: Page;
  let errors: string[];
  beforeAll(() => ({ preview, page, errors } = session));

  it('offers every ledger’s months, quarters and year; picks 村干部年度目标考评 and sees 绩效报酬 and the 一票否决 flag, 党员中心户季度测评 and its 后20% flag; a month says the yearly one was not assessed', async () => {
    // the declared ledgers are named before the run.
    expect(await page.locator('#scheme-ledgers [data-assessment=village-cadre]').textContent()).toContain('2024年度村干部考评');

    // the period picker offers the months, quarters and year of every ledger, the declared ones included (一季度中心户测评).
    expect(await page.locator('#period option').allTextContents()).toEqual(['全部期间', '2024年3月', '2024年4月', '2024年5月', '2024年第一季度', '2024年第二季度', '2024年']);
    await page.selectOption('#period', '2024');
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    expect(await page.locator('#status').textContent()).toContain(VILLAGE);
    const options = await page.locator('#assessment option').allTextContents();
    expect(options).toEqual([
      expect.stringMatching(/^驻村干部月度考核（\d+）$/),
      expect.stringMatching(/^党支部考核（\d+）$/),
      expect.stringMatching(/^驻村干部季度评星定档（\d+）$/),
      expect.stringMatching(/^党员中心户季度测评（\d+）$/),
      '村干部年度目标考评（16）',
    ]);

    // 村干部: every card shows its 绩效报酬, as the result sheet has it; the vetoed one carries the flag.
    await page.selectOption('#assessment', 'village-cadre');
    const cards = page.locator('#scheme-results .scheme-result');
    expect(await cards.count()).toBe(16);
    const vetoed = page.locator('#scheme-results .scheme-result[data-name=杨国华]');
    await expect(vetoed.locator('.flags').textContent()).resolves.toBe('一票否决：发生重大安全生产事故');
    expect(await vetoed.locator('.score-line').textContent()).toContain('不称职');
    const pay = resultRow(preview, VILLAGE, '杨国华')!['绩效报酬'];
    expect(typeof pay).toBe('number');
    expect(await vetoed.locator('.values').textContent()).toContain(`绩效报酬：${pay}`);
    expect(await page.locator('#scheme-summary').textContent()).toContain('一票否决：发生重大安全生产事故：1名（杨国华）');

    // 党员中心户: the bottom fifth are flagged 后20%.
    await page.selectOption('#assessment', 'household');
    const bottom = await page.locator('#scheme-results .scheme-result .flags li[data-rule]').allTextContents();
    expect(bottom.filter((f) => f.startsWith('后20%')).length).toBeGreaterThanOrEqual(6);
    // An indicator shows its points, not the rating it is counted from (民主测评 is 0.6 of 民主测评得分).
    const first = page.locator('#scheme-results .scheme-result').first();
    const name = await first.getAttribute('data-name');
    const points = resultRow(preview, '党员中心户季度测评结果', name!)!['民主测评（60）'];
    expect(await first.locator('.values').textContent()).toContain(`民主测评：${points}`);
    expect(await page.locator('#scheme-summary').textContent()).toContain('四、下步打算');

    // a month: the yearly assessment is listed with no results and the reason.
    await page.selectOption('#period', '2024-05');
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    await page.selectOption('#assessment', 'village-cadre');
    expect(await page.locator('#assessment option[value=village-cadre]').textContent()).toBe('村干部年度目标考评（0）');
    expect(await page.locator('#assessment-notes').textContent()).toBe('“村干部年度目标考评”按年度考评，所选期间 2024年5月 不是完整的年度，本次未考评。');
    expect(errors).toEqual([]);
  });
});
