import { describe, expect, it } from 'vitest';
import { defaultRules, readRulesSheet, runEntryTests, type RulesEntry } from '../../src/core/index';
import { a1, type Cell, type SheetSnapshot } from '../../src/core/snapshot';
import { defaultSheet, edit, locate, put, rowOf } from './sheet-helpers';

const BLOCK = '【规则包】党支部考核';

/** A copy of the default sheet with cells of the branch block's 【规则测试】 changed, by test id and header. */
function editTests(edits: [string, string, Cell][]): { sheet: SheetSnapshot; cells: string[] } {
  let sheet = defaultSheet();
  const cells: string[] = [];
  for (const [id, header, value] of edits) {
    const done = edit(sheet, '规则测试', id, header, value, rowOf(sheet, BLOCK));
    sheet = done.sheet;
    cells.push(done.cell);
  }
  return { sheet, cells };
}

const branchOf = (sheet: SheetSnapshot) => readRulesSheet(sheet).packs.find((p) => p.subject === 'branch')!;

/** The failed checks of each test that did not pass, as the sidebar and `rules check` list them. */
async function failures(sheet: SheetSnapshot): Promise<Record<string, string[]>> {
  const read = branchOf(sheet);
  const entry: RulesEntry = { branch: read.branch!, tests: read.tests.map((t) => t.test) };
  const results = await runEntryTests(entry);
  return Object.fromEntries(results.filter((r) => !r.pass).map((r) => [r.id, r.checks.filter((c) => !c.pass).map((c) => c.message)]));
}

describe('the branch block’s 【规则测试】', () => {
  it('ships cases that pass against rules/branch.json, through the branch assessor', async () => {
    const [, branch] = defaultRules();
    expect(branch.tests.map((t) => t.id)).toEqual(['all-met', 'committee-missed', 'service-counts', 'three-failures', 'last-place', 'cadre-failing']);
    const results = await runEntryTests(branch);
    expect(results.filter((r) => !r.pass)).toEqual([]);
    const byId = Object.fromEntries(results.map((r) => [r.id, r.actual]));
    expect(byId['all-met']).toMatchObject({ score: 97.9, grade: '五星', flags: [] });
    // One month without a 支委会: 5 points off, and a failed item caps the branch at four stars.
    expect(byId['committee-missed']).toMatchObject({ score: 92.9, grade: '四星', flags: ['支委会：1个月未召开（应每月至少1次）'] });
    // 48 of 57 closed: the rate is worked out from the two counts.
    expect(byId['service-counts']!.indicators.service).toBe(12.63);
    expect(byId['three-failures']).toMatchObject({ grade: '二星', flags: ['支委会：1个月未召开（应每月至少1次）', '办结率 80.0%，低于90%', '承诺完成率 70.0%，低于80%'] });
    expect(byId['last-place']).toMatchObject({ score: 97.9, grade: '二星' });
  });

  it('sits at the end of the branch block, one input column per fact the cases use, and reads back as written', () => {
    const sheet = defaultSheet();
    const { row, col } = locate(sheet, '规则测试', 'committee-missed', '支委会未召开月数', rowOf(sheet, BLOCK));
    expect(sheet.values[row]![col]).toBe(1);
    const header = sheet.values[row - 2]!.filter((c) => c !== null);
    expect(header.slice(0, 3)).toEqual(['编号', '说明', '有会议记录的月数']);
    expect(header.slice(-6)).toEqual(['矛盾纠纷化解率', '指标', '预期得分', '预期未达标事项', '预期等次', '预期软弱涣散风险']);
    expect(sheet.values[row]![header.indexOf('办结率')]).toBe('96%');
    // Nothing of the branch block comes after its tests: the next title is the next block's.
    const next = sheet.values.slice(row).find((r) => r.some((c) => typeof c === 'string' && c.startsWith('【')));
    expect(next?.[0]).toMatch(/^【规则包】/);
    const read = branchOf(sheet);
    expect(read.tests.map((t) => t.test)).toEqual(defaultRules()[1].tests);
  });

  it('says which expectation failed and what came out, in the branch’s own words', async () => {
    const { sheet } = editTests([
      ['committee-missed', '预期得分', 35],
      ['committee-missed', '预期未达标事项', '党课'],
      ['committee-missed', '预期等次', '五星'],
      ['committee-missed', '预期软弱涣散风险', '是'],
      ['all-met', '支委会未召开月数', 2],
    ]);
    expect(await failures(sheet)).toEqual({
      'all-met': ['总分预期 97.9 分，实际 87.9 分', '预期全部达标，实际未达标：支委会：2个月未召开（应每月至少1次）', '预期等次“五星”，实际“四星”'],
      'committee-missed': ['三会一课预期 35 分，实际 30 分', '预期未达标“党课”，实际“支委会：1个月未召开（应每月至少1次）”', '预期等次“五星”，实际“四星”', '预期软弱涣散风险“是”，实际“否”'],
    });
  });

  it('leaves a blank input as no data: its item is not judged and its indicator is left out of the total', async () => {
    const { sheet } = editTests([
      ['committee-missed', '支委会未召开月数', null],
      ['committee-missed', '预期未达标事项', '无'],
      ['committee-missed', '预期得分', null],
      ['committee-missed', '指标', null],
      ['committee-missed', '预期等次', '五星'],
    ]);
    expect(await failures(sheet)).toEqual({});
  });

  it('names an input column the branch assessment does not read, and holds back the cases that fill it in', () => {
    const sheet = defaultSheet();
    const { row, col } = locate(sheet, '规则测试', 'all-met', '办结率', rowOf(sheet, BLOCK));
    const read = readRulesSheet(put(sheet, row - 1, col, '办件率'));
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual([[a1(row - 1, col), '“办件率”不是支部考核能读取的数据项（是不是“办结率”？）；请改成已有的数据项名称']]);
    expect(branchOf(put(sheet, row - 1, col, '办件率')).tests.map((t) => t.test.id)).toEqual(['service-counts', 'cadre-failing']);
  });

  it('names the cell of every unreadable test cell, and keeps the other cases', () => {
    const { sheet, cells } = editTests([
      ['committee-missed', '支委会未召开月数', '一个月'],
      ['service-counts', '指标', '为民办事'],
      ['three-failures', '预期软弱涣散风险', '可能'],
      ['cadre-failing', '预期得分', null],
      ['cadre-failing', '预期未达标事项', null],
    ]);
    const read = readRulesSheet(sheet);
    const idCell = locate(sheet, '规则测试', 'cadre-failing', '编号', rowOf(sheet, BLOCK));
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual([
      [cells[0], '“一个月” 不是有效的支委会未召开月数'],
      [cells[1], '指标“为民办事”不在【指标】表中（是不是“为民服务”？）'],
      [cells[2], '预期软弱涣散风险“可能”请写“是”或“否”'],
      [a1(idCell.row, idCell.col), '这条测试没有写预期结果；请填写预期得分、预期未达标事项、预期等次或预期软弱涣散风险'],
    ]);
    expect(branchOf(sheet).tests.map((t) => t.test.id)).toEqual(['all-met', 'last-place']);
  });
});
