/** The sidebar's 考评 writes the printable 考评报告 every time, and 考评反馈单 when 同时生成考评反馈单 is ticked. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Preview } from '../../src/node/preview/server';
import { carriesMark } from '../bundle/harness';
import { HAS_CHROMIUM, sidebarSession } from './chromium';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';

describe.skipIf(!HAS_CHROMIUM)('the report sheets written by the sidebar’s run, in Chromium', () => {
  const session = sidebarSession(TOWNSHIP, 900);
  let preview: Preview;
  let page: Page;
  let errors: string[];
  beforeAll(() => ({ preview, page, errors } = session));

  const names = () => preview.sandbox.workbook.sheets.map((s) => s.name);

  it('writes 考评报告 with every run, and 考评反馈单 only with the box ticked', async () => {
    expect(await page.locator('#feedback-sheet').isChecked()).toBe(false);
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    expect(names()).toContain('考评报告');
    expect(names()).not.toContain('考评反馈单');
    expect(carriesMark(preview.sandbox.workbook.sheet('考评报告'), '考评报告')).toBe(true);

    await page.check('#feedback-sheet');
    await page.click('#run');
    await page.waitForSelector('#status .ok');
    expect(names()).toContain('考评反馈单');
    expect(carriesMark(preview.sandbox.workbook.sheet('考评反馈单'), '考评反馈单')).toBe(true);
    // Under the generation note, the first note's title.
    expect(String(preview.sandbox.workbook.sheet('考评反馈单')!.value(1, 0))).toMatch(/考评反馈单$/);
    expect(errors).toEqual([]);
  });
});
