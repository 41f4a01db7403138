import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules, entryPack, packFor, packHash, readPackFile, readRulesSheet, RULES_SHEET, shippedSchemes } from '../../src/core/index';
import type { Preview } from '../../src/node/preview/server';
import { sheetState } from '../bundle/harness';
import { locate, rowOf } from '../rulesheet/sheet-helpers';
import { connect, HAS_CHROMIUM } from './chromium';
import { ruleCell, rulesSheetOf, townshipPreview } from './rules-fixture';

const [cadre, branch] = defaultRules();

type Json = Record<string, any>;

/** A cadre pack as another township would send it: the exported one with its days bands moved to 12. */
function stricter(exported: Json, closeTheGap: boolean): Json {
  const copy = structuredClone(exported);
  // Written as plain numbers, as a file edited by hand drops the parameter it no longer follows.
  copy.rules.find((r: Json) => r.id === 'days-full').when[0] = { fact: 'days', op: '>=', value: 12 };
  if (closeTheGap) copy.rules.find((r: Json) => r.id === 'days-short').when[0] = { fact: 'days', op: '<', value: 12 };
  return copy;
}

/** A branch pack as another township would send it: a 30% star quota, 85% for the closing rate, and an alias of its own. */
function branchOfTheirs(exported: Json): Json {
  const copy = structuredClone(exported);
  copy.starQuota.maxShare = 0.3;
  // Their standard, raised in its parameter and the condition that refers to it, as their sheet would export it.
  copy.params.find((p: Json) => p.name === '办结率要求').value = '85%';
  copy.requirements.find((r: Json) => r.id === 'service-rate').when[0].value = 0.85;
  copy.names.aliases = { 巴彦: '巴彦嘎查党支部' };
  return copy;
}

const fileOf = (name: string, json: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)) });

describe.skipIf(!HAS_CHROMIUM)('sharing rules as a pack file, in Chromium', () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let exported: Json;
  const errors: string[] = [];

  /** A condition cell of the branch block: its 【必达要求】 table is the only one of that name. */
  const requirementCell = (id: string, header: string) => {
    const { row, col } = locate(rulesSheetOf(preview), '必达要求', id, header);
    return preview.sandbox.workbook.sheet(RULES_SHEET)!.value(row, col);
  };
  const cadreCell = (id: string, header: string) => {
    const { row, col } = ruleCell(preview, id, header);
    return preview.sandbox.workbook.sheet(RULES_SHEET)!.value(row, col);
  };
  const choose = async (name: string, json: unknown) => {
    await page.setInputFiles('#import-rules', fileOf(name, json));
    await page.waitForSelector(`#import-result:has-text("${name}")`);
  };
  const replaceWith = async (name: string) => {
    await page.click('#replace-rules');
    await page.waitForSelector(`#rules-share .ok:has-text("${name}")`);
  };

  beforeAll(async () => {
    preview = await townshipPreview('rules-share');
    browser = await connect();
    page = await browser.newPage({ viewport: { width: 300, height: 1600 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.sidebarUrl);
    await page.waitForSelector('#run:not([disabled])');
    await page.click('[data-tab=rules]');
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('exports the rules as one file, lists a file’s problems writing nothing, and imports a branch, a cadre and a two-pack file into their blocks', async () => {
    // exports the whole rules, both packs and the cadre tests, as one file named with their versions.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-rules')]);
    expect(download.suggestedFilename()).toBe(`考评规则-${defaultRules().map((e) => packHash(entryPack(e))).join('-')}.json`);
    // Read over the connection: the shared Chromium keeps the file on its side, and removes it when it closes.
    const bytes: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) bytes.push(chunk as Buffer);
    exported = JSON.parse(Buffer.concat(bytes).toString('utf8')) as Json;
    expect(Object.keys(exported)).toEqual(['packs']);
    const read = readPackFile(exported, download.suggestedFilename());
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(cadre.pack);
    expect(read.packs[0]!.tests.map((t) => t.test)).toEqual(cadre.tests);
    expect(read.packs[1]!.branch).toEqual(branch.branch);

    // lists the problems of a file in either shape, with the same messages as the sheet, and writes nothing.
    let before = sheetState(preview.sandbox.workbook, RULES_SHEET);
    await choose('巴彦镇规则.json', stricter(exported.packs[0], false));
    expect(await page.locator('#import-problems > p').textContent()).toBe('“巴彦镇规则.json”有 1 处问题，未导入：');
    expect(await page.locator('#import-problems li').allTextContents()).toEqual([
      '巴彦镇规则.json rules[1].when[0]：指标“下基层天数”中，下基层天数为 [10,12) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [10,12)），或调整相邻行的条件',
    ]);
    expect(await page.locator('#replace-rules').count()).toBe(0);

    const whole = structuredClone(exported);
    whole.packs[0] = stricter(exported.packs[0], false);
    whole.packs[1].rules.find((r: Json) => r.id === 'cadres-failing').when[0] = { fact: 'failingCadres', op: '=', value: 0 };
    await choose('全镇规则.json', whole);
    expect(await page.locator('#import-problems > p').textContent()).toBe('“全镇规则.json”有 3 处问题，未导入：');
    expect(await page.locator('#import-problems li').allTextContents()).toEqual([
      '全镇规则.json packs[0].rules[1].when[0]：指标“下基层天数”中，下基层天数为 [10,12) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [10,12)），或调整相邻行的条件',
      '全镇规则.json packs[1].rules[12].when[0]：cadres-failing永远不会生效：满足它的都先满足cadres-clear（packs[1].rules[11].when[0]），“取第一条”只按cadres-clear计分；请调整条件，或把这一行移到cadres-clear之前',
      '全镇规则.json packs[1].rules[11].when[0]：指标“驻村干部”中，不合格驻村干部人数为 > 0 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 > 0），或调整相邻行的条件',
    ]);
    expect(await page.locator('#replace-rules').count()).toBe(0);

    await page.setInputFiles('#import-rules', fileOf('说明.json', '规则见附件'));
    await page.waitForSelector('#import-result .problem:has-text("不是有效的 JSON 文件")');
    expect(sheetState(preview.sandbox.workbook, RULES_SHEET)).toEqual(before);

    // imports a branch pack file into the branch block alone, its name aliases with it.
    const theirs = branchOfTheirs(exported.packs[1]);
    await choose('支部规则.json', theirs);
    expect(await page.locator('#import-changes > p.import-head').textContent()).toBe('导入“支部规则.json”将带来 3 处变更：');
    const sheetVersion = packHash(readPackFile(theirs, 'x').packs[0]!.branch);
    expect(await page.locator('#import-changes p.pack-changes').allTextContents()).toEqual([`规则包“党支部考核”：3 处变更（规则版本 ${packHash(branch.branch)} → ${sheetVersion}）`]);
    expect(await page.locator('.change-log li').allTextContents()).toEqual([
      '设置“规则包”的限额星级最多占比：20% → 30%',
      '参数“办结率要求”：90% → 85%',
      '新增名称对照“巴彦”：台账中的写法 巴彦；对应支部 巴彦嘎查党支部',
    ]);
    expect(await page.locator('#import-changes .problem').count()).toBe(0);
    expect(await page.locator('#import-changes .muted').textContent()).toBe('规则表中的“驻村干部月度考核、驻村干部季度评星定档、党员中心户季度测评、村干部年度目标考评”保持不变');

    const cadreBefore = rulesSheetOf(preview).values.slice(0, rowOf(rulesSheetOf(preview), '【规则包】党支部考核'));
    await replaceWith('支部规则.json');
    await expect.poll(async () => page.locator('#rules-status').textContent()).toContain(`党支部考核 ${sheetVersion}`);
    expect(requirementCell('service-rate', '办结率')).toBe('< {办结率要求}');
    expect(rulesSheetOf(preview).values.slice(0, cadreBefore.length)).toEqual(cadreBefore);
    const afterBranch = readRulesSheet(rulesSheetOf(preview));
    expect(afterBranch.problems).toEqual([]);
    expect(packFor(afterBranch, 'branch')!.pack!.starQuota).toEqual({ stars: 5, maxShare: 0.3 });
    expect(packFor(afterBranch, 'branch')!.pack!.names).toEqual({ ...branch.branch.names, aliases: { 巴彦: '巴彦嘎查党支部' } });

    // imports a cadre pack file into the cadre block alone, keeping the branch block as it now is.
    const incoming = stricter(exported.packs[0], true);
    await choose('巴彦镇规则.json', incoming);
    const version = packHash(readPackFile(incoming, 'x').packs[0]!.pack);
    expect(await page.locator('#import-changes > p.import-head').textContent()).toBe('导入“巴彦镇规则.json”将带来 2 处变更：');
    expect(await page.locator('#import-changes p.pack-changes').allTextContents()).toEqual([`规则包“驻村干部月度考核”：2 处变更（规则版本 ${packHash(cadre.pack)} → ${version}）`]);
    expect(await page.locator('.change-log li').allTextContents()).toEqual(['规则“days-full”的下基层天数：>= {下基层天数标准} → >= 12', '规则“days-short”的下基层天数：< {下基层天数标准} → < 12']);
    expect(await page.locator('#import-changes .muted').textContent()).toBe('规则表中的“党支部考核、驻村干部季度评星定档、党员中心户季度测评、村干部年度目标考评”保持不变');

    await replaceWith('巴彦镇规则.json');
    expect(await page.locator('#rules-share .ok').textContent()).toBe('已用“巴彦镇规则.json”替换“考评规则”');
    await expect.poll(async () => page.locator('#rules-status').textContent()).toContain(`规则版本：驻村干部月度考核 ${version}，党支部考核 ${sheetVersion}，`);
    expect(cadreCell('days-full', '下基层天数')).toBe('>= 12');
    expect(requirementCell('service-rate', '办结率')).toBe('< {办结率要求}');
    expect(readRulesSheet(rulesSheetOf(preview)).problems).toEqual([]);
    expect(await page.locator('#rule-problems').count()).toBe(0);

    // will not keep a block with problems, and a file with both packs replaces both.
    // Staff mistype a cadre condition; a branch pack file alone would have to write the broken cadre block back.
    const { row, col } = ruleCell(preview, 'days-full', '下基层天数');
    preview.sandbox.workbook.sheet(RULES_SHEET)!.setValue(row, col, '>= 十');
    await page.reload();
    await page.waitForSelector('#rule-problems');
    await page.click('[data-tab=rules]');
    before = sheetState(preview.sandbox.workbook, RULES_SHEET);
    await choose('支部规则.json', exported.packs[1]);
    expect(await page.locator('#import-changes .problem').textContent()).toBe(
      '规则表中的“驻村干部月度考核”还有问题，导入“支部规则.json”会原样保留它：请先改正这些问题，或导入含全部规则包的文件',
    );
    expect(await page.locator('#replace-rules').count()).toBe(0);
    expect(sheetState(preview.sandbox.workbook, RULES_SHEET)).toEqual(before);

    await choose('全镇规则.json', exported);
    expect(await page.locator('#import-changes p.pack-changes').allTextContents()).toEqual([
      expect.stringMatching(/^规则包“驻村干部月度考核”：\d+ 处变更（规则版本 [0-9a-f]{8} → /),
      `规则包“党支部考核”：3 处变更（规则版本 ${packHash(readRulesSheet(rulesSheetOf(preview)).packs[1]!.branch)} → ${packHash(branch.branch)}）`,
      // The file's declared assessments are compared with their blocks too: the same, and said so.
      ...shippedSchemes().map((s) => `规则包“${s.title}”没有变更（规则版本 ${packHash(s)}）`),
    ]);
    expect(await page.locator('.change-log[data-subject=branch] li').allTextContents()).toEqual(['设置“规则包”的限额星级最多占比：30% → 20%', '参数“办结率要求”：85% → 90%', '删除名称对照“巴彦”']);
    expect(await page.locator('#import-changes .muted').count()).toBe(0);

    await replaceWith('全镇规则.json');
    await expect.poll(async () => page.locator('#rule-problems').count()).toBe(0);
    await expect.poll(async () => page.locator('#rules-status').textContent()).toContain(
      `规则版本：${[cadre.pack, branch.branch, ...shippedSchemes()].map((a) => `${a.title} ${packHash(a)}`).join('，')}）`,
    );
    const afterBoth = readRulesSheet(rulesSheetOf(preview));
    expect(afterBoth.problems).toEqual([]);
    expect(packFor(afterBoth, 'cadre')!.pack).toEqual(cadre.pack);
    expect(packFor(afterBoth, 'branch')!.pack).toEqual(branch.branch);
    expect(errors).toEqual([]);
  });
});
