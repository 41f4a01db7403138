import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyRuleDraft,
  type BranchPack,
  type BranchWhatIf,
  defaultRules,
  type Pack,
  packFor,
  problemsElsewhere,
  readRulesSheet,
  ruleDraftOf,
  ruleRowEdit,
  type RuleRowEdit,
  suppliedBranchFacts,
  whatIf,
  type WhatIfResult,
} from '../../src/core/index';
import { a1, type SheetSnapshot, type WorkbookSnapshot } from '../../src/core/snapshot';
import { loadWorkbook } from '../../src/node/workbook-file';
import { defaultSheet, edit, locate, put, rowOf } from './sheet-helpers';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const [cadreEntry, branchEntry] = defaultRules();
const cadre: Pack = cadreEntry.pack;
const branch: BranchPack = branchEntry.branch;

let township: WorkbookSnapshot;
beforeAll(async () => {
  township = (await loadWorkbook(TOWNSHIP)).snapshot;
});

/** The first row of the branch block: where its tables are looked for. */
const branchBlock = (sheet: SheetSnapshot) => rowOf(sheet, '【规则包】党支部考核');

/** The header row of the branch block's 【规则】 table. */
const branchRulesHeader = (sheet: SheetSnapshot) => sheet.values.findIndex((r, i) => i > branchBlock(sheet) && r[0] === '【规则】') + 1;

/** Each changed branch as the sidebar's line gives it: name, score before and after, the change, stars before and after. */
const lines = (result: WhatIfResult) => result.branches.branches.map((b) => [b.name, b.before.score, b.after.score, b.delta, b.before.stars, b.after.stars]);
const branchNamed = (result: WhatIfResult, name: string): BranchWhatIf => result.branches.branches.find((b) => b.name === name)!;

/** The sheet after the server wrote the edit: a new row goes in under the row named, the rows below move down. */
function written(sheet: SheetSnapshot, change: RuleRowEdit): SheetSnapshot {
  const values = sheet.values.map((r) => r.slice());
  if (change.insert) values.splice(change.row + 1, 0, change.values);
  else values[change.row] = change.values;
  let out: SheetSnapshot = { ...sheet, values };
  for (const header of change.headers) out = put(out, header.row, header.col, header.text);
  return out;
}

describe('the rule editor on the branch block', () => {
  it('starts from a branch rule as its row on the sheet reads', () => {
    expect(ruleDraftOf(branch, 'service-rate')).toEqual({
      id: 'service-rate',
      enabled: true,
      indicator: '为民服务',
      conditions: { 办结率: '>= 0%' },
      points: '每1%0.15分，最多15分',
      flag: '',
      flagEn: '',
      note: '按办结率折算：办结率×15分',
    });
  });

  it('says what is wrong with a field in the words the sheet uses for the same cell', () => {
    const sheet = defaultSheet();
    const from = branchBlock(sheet);
    const wrong = edit(sheet, '规则', 'service-rate', '办结率', '>= 九十五', from);
    const points = locate(sheet, '规则', 'service-rate', '得分', from);
    // On the sheet: the cell, and the points per 办结率 of a row whose 办结率 could not be read.
    const onSheet = readRulesSheet(wrong.sheet).problems;
    expect(onSheet.map((p) => p.cell)).toEqual([wrong.cell, `O${points.row + 1}`]);
    expect(onSheet[0]!.message).toBe('“>= 九十五” 不是数字，请写成 “>= 95”');
    const drafted = applyRuleDraft(branch, { ...ruleDraftOf(branch, 'service-rate')!, conditions: { 办结率: '>= 九十五' } });
    expect(drafted.problems).toEqual(onSheet.map((p, i) => ({ field: i === 0 ? 'condition:办结率' : 'points', message: p.message, messageEn: p.messageEn })));
    expect(drafted.candidate).toBeUndefined();

    // A name the branch assessment does not read: the block's own message, with the nearest fact.
    const header = branchRulesHeader(sheet);
    const renamed = readRulesSheet(put(sheet, header, sheet.values[header]!.indexOf('办结率'), '办理率')).problems;
    const unknown = applyRuleDraft(branch, { indicator: '为民服务', conditions: { 办理率: '>= 95%' }, points: 15 }).problems;
    expect(unknown).toEqual([{ field: 'condition:办理率', message: renamed[0]!.message, messageEn: renamed[0]!.messageEn }]);
    expect(unknown[0]!.message).toBe('“办理率”不是支部考核能读取的数据项（是不是“办结率”？）；请改成已有的数据项名称');
  });

  it('offers the facts whose ledgers the workbook holds, with the columns they are computed from', () => {
    const labels = (workbook: WorkbookSnapshot) => suppliedBranchFacts(workbook, branch, cadre).map((f) => f.label);
    const meetingFacts = ['有会议记录的月数', '支委会次数', '支部党员大会次数', '党小组会次数', '党课次数', '主题党日次数', '组织生活会次数', '民主评议党员次数'];
    const missedFacts = ['支委会未召开月数', '党小组会未召开月数', '主题党日未开展月数', '党员大会未召开季度数', '党课未开展季度数', '组织生活会未召开年数', '民主评议党员未开展年数'];
    const workCounts = ['承诺数', '完成数', '受理数', '办结数', '排查数', '化解数'];
    // The township also keeps the ledgers the pack declares (支部基本情况, 群众满意度测评, 发展党员情况): their facts too.
    const declaredCounts = ['书记空缺月数', '参评人数', '满意人数', '近两年发展党员人数'];
    const declaredRates = ['按人数算的满意度', '填报满意度', '群众满意度'];
    expect(labels(township)).toEqual([...meetingFacts, ...workCounts, ...missedFacts, '不合格驻村干部人数', ...declaredCounts, '主题党日出席率', '办结率', '承诺完成率', '矛盾纠纷化解率', ...declaredRates]);

    const only = (...names: string[]) => ({ sheets: township.sheets.filter((s) => names.includes(s.name)) });
    const meetingSheets = ['三会一课记录', '阿拉坦嘎查', '都兰嘎查', '镇区第二社区'];
    expect(labels(only(...meetingSheets, '支部工作台账'))).toEqual([...meetingFacts, ...workCounts, ...missedFacts, '主题党日出席率', '办结率', '承诺完成率', '矛盾纠纷化解率']);
    expect(labels(only(...meetingSheets, '4月驻村台账'))).toEqual([...meetingFacts, ...missedFacts, '不合格驻村干部人数', '主题党日出席率']);

    // Meeting records without 应到人数 / 实到人数 cannot give an attendance rate.
    const records = township.sheets.find((s) => s.name === '三会一课记录')!;
    const header = records.values.findIndex((r) => r.includes('应到人数'));
    const cut = [records.values[header]!.indexOf('应到人数'), records.values[header]!.indexOf('实到人数')];
    const bare = { ...records, values: records.values.map((r) => r.filter((_, c) => !cut.includes(c))) };
    expect(labels({ sheets: [bare] })).toEqual([...meetingFacts, ...missedFacts]);
  });
});

describe('the what-if of a branch rule on the township’s ledgers', () => {
  it('raises the 办结率 a branch must reach for the 为民服务 points: who drops, by how much, and what it does to stars and risk', async () => {
    const raised = applyRuleDraft(branch, { ...ruleDraftOf(branch, 'service-rate')!, conditions: { 办结率: '>= 95%' } });
    expect(raised.problems).toEqual([]);
    // One band raised leaves the rates below it to the next row: a warning, not a fault of this one.
    expect(problemsElsewhere(branch, raised).map((p) => p.message)).toEqual([
      '指标“为民服务”中，办结率为 [0%,95%) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [0%,95%)），或调整相邻行的条件',
    ]);

    const result = await whatIf(township, { cadre, branch }, branch, raised.candidate!);
    expect(result.subject).toBe('branch');
    expect(result.cadres).toEqual([]);
    expect(result.ruleChanges.map((c) => c.message)).toEqual(['规则“service-rate”的办结率：>= 0% → >= 95%']);
    expect(lines(result)).toEqual([
      // 镇机关 has no stationed cadre and no disputes: its score is scaled from the 75 points it has data for.
      ['镇机关党支部', 96.2, 79.05, -17.15, 4, 3],
      ['宝力根嘎查党支部', 96.83, 82.59, -14.24, 4, 4],
      ['希日塔拉嘎查党支部', 77.6, 63.5, -14.1, 2, 2],
      // 乌兰 is at risk either way (its secretary post vacant 5 months): two stars at most.
      ['乌兰嘎查党支部', 92.24, 78.38, -13.86, 2, 2],
      ['阿拉坦嘎查党支部', 96.32, 82.5, -13.82, 4, 4],
      ['朝克图嘎查党支部', 85.13, 72.5, -12.63, 2, 2],
      ['查干诺尔嘎查党支部', 96.71, 84.21, -12.5, 4, 4],
      // Same score, but the last place moves from it to 希日塔拉.
      ['敖包图嘎查党支部', 71.22, 71.22, 0, 2, 2],
    ]);
    expect(result.branches.branches.every((b) => b.period === '2024-Q2')).toBe(true);
    expect(branchNamed(result, '乌兰嘎查党支部').indicators).toEqual([{ id: 'service', label: '为民服务', before: 13.86, after: 0, delta: -13.86 }]);
    const xiri = branchNamed(result, '希日塔拉嘎查党支部');
    expect(xiri.risksAdded).toEqual([{ message: '排名末位（24个支部中第24名）', messageEn: 'last place (24 of 24)' }]);
    expect(branchNamed(result, '敖包图嘎查党支部').risksRemoved.map((r) => r.message)).toEqual(['排名末位（24个支部中第24名）']);
    expect(result.branches.unchanged).toBe(16);
    // 乌兰, at risk for its vacant secretary post, keeps its two stars.
    expect(result.branches.counts).toEqual({ up: 0, down: 7, starsChanged: 1, standingChanged: 0 });

    // The next row closes the gap: 95% and over keep the 15 points, below scores a tenth of a point per 1%.
    const current = raised.candidate!;
    const below = applyRuleDraft(current, { indicator: '为民服务', conditions: { 办结率: '< 95%' }, points: '每1%0.1分，最多10分', note: '办结率不足95%的按10分折算' });
    expect(below.problems).toEqual([]);
    expect(below.rule).toMatchObject({ id: 'service-1', when: [{ fact: 'serviceRate', op: '<', value: 0.95 }], points: { per: 'serviceRate', each: 10, max: 10 } });
    expect(problemsElsewhere(current, below)).toEqual([]);
    expect(below.candidate!.rules.filter((r) => r.indicator === 'service').map((r) => r.id)).toEqual(['service-rate', 'service-1']);
    const back = await whatIf(township, { cadre, branch }, current, below.candidate!);
    expect(lines(back).slice(0, 2)).toEqual([
      ['镇机关党支部', 79.05, 90.49, 11.44, 3, 4],
      ['宝力根嘎查党支部', 82.59, 92.08, 9.49, 4, 4],
    ]);
    expect(branchNamed(back, '乌兰嘎查党支部')).toMatchObject({ delta: 9.24, indicators: [{ before: 0, after: 9.24 }] });
  });

  it('switches a rule off: the branches it docked get the points back', async () => {
    const off = applyRuleDraft(branch, { ...ruleDraftOf(branch, 'meetings-committee')!, enabled: false });
    expect(off.problems).toEqual([]);
    const result = await whatIf(township, { cadre, branch }, branch, off.candidate!);
    expect(result.ruleChanges.map((c) => c.message)).toEqual(['规则“meetings-committee”的启用：是 → 否']);
    // 希日塔拉 missed two months of 支委会, 乌兰 one: 5 points a month.
    expect(lines(result)).toEqual([
      ['希日塔拉嘎查党支部', 77.6, 87.6, 10, 2, 2],
      ['乌兰嘎查党支部', 92.24, 97.24, 5, 2, 2],
    ]);
    // Must-meet items are another table: both still fail 支委会, so neither stops falling short.
    expect(result.branches.branches.map((b) => [b.after.fallsShort, b.flagsRemoved.length])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    expect(result.branches.unchanged).toBe(22);
  });

  it('changes the points of a 主题党日 rule: only the branch that missed a month moves', async () => {
    const harder = applyRuleDraft(branch, { ...ruleDraftOf(branch, 'themeday-missed')!, points: '每个扣10分' });
    expect(harder.problems).toEqual([]);
    const result = await whatIf(township, { cadre, branch }, branch, harder.candidate!);
    expect(result.ruleChanges.map((c) => c.message)).toEqual(['规则“themeday-missed”的得分：每个扣5分 → 每个扣10分']);
    expect(lines(result)).toEqual([['敖包图嘎查党支部', 71.22, 66.22, -5, 2, 2]]);
    expect(result.branches.branches[0]!.indicators).toEqual([{ id: 'themeDay', label: '主题党日', before: 10, after: 5, delta: -5 }]);
  });

  it('finds nothing to show when the rule is saved as it was', async () => {
    const same = applyRuleDraft(branch, ruleDraftOf(branch, 'service-rate')!);
    expect(same.problems).toEqual([]);
    const result = await whatIf(township, { cadre, branch }, branch, same.candidate!);
    expect(result.ruleChanges).toEqual([]);
    expect(result.branches.branches).toEqual([]);
    expect(result.branches.unchanged).toBe(24);
  });

  it('lists the rule changes as the branch change log does: a raised standard of 【参数】 too, not only the scoring tables', async () => {
    const param = branch.params![0]!;
    const raised: BranchPack = { ...branch, params: [{ ...param, value: 95 }, ...branch.params!.slice(1)] };
    const result = await whatIf(township, { cadre, branch }, branch, raised);
    expect(result.ruleChanges.map((c) => c.message)).toEqual([`参数“${param.name}”：${param.value} → 95`]);
  });
});

describe('writing a branch rule to 考评规则', () => {
  it('writes an edited rule over its own row in the branch block, not the cadre block’s rule of the same id', () => {
    // The cadre block has a rule called service-rate too: ids are the block's own.
    const sheet = edit(defaultSheet(), '规则', 'commit-90', '编号', 'service-rate').sheet;
    const cadreBefore = packFor(readRulesSheet(sheet), 'cadre')!.pack!;
    expect(cadreBefore.rules.map((r) => r.id)).toContain('service-rate');
    const from = branchBlock(sheet);
    const draft = applyRuleDraft(branch, { ...ruleDraftOf(branch, 'service-rate')!, conditions: { 办结率: '>= 95%' } });
    const change = ruleRowEdit(sheet, branch, draft.rule!)!;
    const { row, col } = locate(sheet, '规则', 'service-rate', '办结率', from);
    expect(change).toMatchObject({ sheet: '考评规则', row, insert: false, headers: [] });
    expect(change.values[col]).toBe('>= 95%');
    const read = readRulesSheet(written(sheet, change));
    // The sheet marks, at the row, the gap the editor warned of before saving.
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual(problemsElsewhere(branch, draft).map((p) => [a1(row, col), p.message]));
    expect(packFor(read, 'branch')!.pack!.rules.find((r) => r.id === 'service-rate')).toEqual(draft.rule);
    expect(packFor(read, 'cadre')!.pack).toEqual(cadreBefore);
  });

  it('appends a new rule inside the branch 【规则】 table, with a column for a fact it did not read; the tables below still read', () => {
    const sheet = defaultSheet();
    const from = branchBlock(sheet);
    const draft = applyRuleDraft(branch, { indicator: '主题党日', conditions: { 主题党日次数: '< 3' }, points: '扣5分', note: '一个季度不足3次主题党日扣5分' });
    expect(draft.problems).toEqual([]);
    const change = ruleRowEdit(sheet, branch, draft.rule!)!;
    const last = locate(sheet, '规则', 'cadres-failing', '编号', from).row;
    const header = branchRulesHeader(sheet);
    expect(change).toMatchObject({ row: last, insert: true, headers: [{ row: header, text: '主题党日次数' }] });
    // The new column sits right of the table's last, on the header row only: no other table is touched.
    expect(sheet.values[header]!.slice(change.headers[0]!.col).every((c) => c === null)).toBe(true);

    const after = written(sheet, change);
    expect(after.values[last + 2]!.every((c) => c === null || c === '')).toBe(true);
    const read = readRulesSheet(after);
    expect(read.problems).toEqual([]);
    const pack = packFor(read, 'branch')!.pack!;
    expect(pack.rules.find((r) => r.id === draft.rule!.id)).toEqual(draft.rule);
    expect(pack.rules.filter((r) => r.indicator === 'themeDay').map((r) => r.id)).toEqual(['themeday-base', 'themeday-missed', 'themeday-attendance', 'themeDay-1']);
    // Every table under the rules moved down one row and reads as before.
    const { rules: _rules, ...rest } = pack;
    const { rules: _shipped, ...shipped } = branch;
    expect(rest).toEqual(shipped);
    expect(packFor(read, 'cadre')!.pack).toEqual(cadre);
  });
});
