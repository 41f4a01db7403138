import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRuleDraft, readRulesSheet, ruleDraftOf } from '../../src/core/index';
import { shippedBranchPack, suppliedBranchFacts } from '../../src/core/rulesheet/index';
import { workbookSnapshot } from '../../src/node/workbook-file';
import { assess, find, threeBranches } from '../branch/helpers';
import { cli, ROOT } from '../fixtures/cli';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { defaultSheet, locate } from './sheet-helpers';
import { addDevelopmentPlan, BRANCH_TITLE, PLAN, PLANS, rowWith, table } from '../fixtures/development-plan';

interface BranchOut {
  name: string;
  score: number;
  indicators: Record<string, number>;
  flags: { rule: string; message: string; messageEn?: string }[];
  values: Record<string, number | null>;
  noData: { rule: string; message: string }[];
}

const byName = (json: { branches: BranchOut[] }) => new Map(json.branches.map((b) => [b.name, b]));

describe('the branch block lays out its declared ledgers and facts', () => {
  it('in 【台账】 and 【数据项】 after 【参数】 and before 【规则测试】, and reads back exactly rules/branch.json', () => {
    const sheet = defaultSheet();
    const from = sheet.values.findIndex((r) => r[0] === BRANCH_TITLE);
    const at = (name: string) => sheet.values.findIndex((r, i) => i > from && r[0] === `【${name}】`);
    expect(at('参数')).toBeLessThan(at('台账'));
    expect(at('台账')).toBeLessThan(at('数据项'));
    expect(at('数据项')).toBeLessThan(at('规则测试'));
    expect(locate(sheet, '数据项', '书记空缺月数', '来源', from)).toBeDefined();
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    const branch = read.packs.find((p) => p.subject === 'branch')!.branch!;
    expect(branch).toEqual(shippedBranchPack());
    expect(branch.ledgers).toEqual(shippedBranchPack().ledgers);
    expect(branch.facts).toEqual(shippedBranchPack().facts);
  });
});

describe('a 数据项 of the branch block', () => {
  it('may read the branch’s built-in facts by their labels, and the run divides them', async () => {
    const sheet = defaultSheet();
    const from = sheet.values.findIndex((r) => r[0] === BRANCH_TITLE);
    const { row } = locate(sheet, '数据项', '近两年发展党员人数', '名称', from);
    const header = sheet.values[sheet.values.findIndex((r, i) => i > from && r[0] === '【数据项】') + 1]!;
    const added = header.map((h) => ({ 编号: 'closedShare', 名称: '办结占受理', 来源: '比率', 计算: '办结数 ÷ 受理数' })[String(h)] ?? null);
    const values = [...sheet.values.slice(0, row + 1), added, ...sheet.values.slice(row + 1)];
    const read = readRulesSheet({ ...sheet, values });
    expect(read.problems).toEqual([]);
    const pack = read.packs.find((p) => p.subject === 'branch')!.branch!;
    expect(pack.facts.at(-1)).toEqual({ fact: 'closedShare', label: '办结占受理', source: 'ratio', numerator: 'closed', denominator: 'received' });

    const a = await assess(threeBranches({ cadreMonths: [4, 5], mengheDays: 12 }), { period: '2024-Q2' }, pack);
    const b = find(a, '巴彦嘎查党支部');
    expect(b.values.closedShare).toBeCloseTo((b.values.closed as number) / (b.values.received as number), 6);
  });
});

describe('README walkthrough: a ledger and an indicator added in cells only, through the CLI on a real .xlsx', () => {
  let dir: string;
  let rulesFile: string;
  let before: Map<string, BranchOut>;
  beforeAll(async () => {
    dir = tempDir('branch-declared-cells');
    const ledgers = join(dir, '乡镇党建台账.xlsx');
    copyFileSync(join(ROOT, 'examples/乡镇党建台账示例.xlsx'), ledgers);
    const exported = await cli('rules', 'export', ledgers);
    expect(exported.code).toBe(0);
    rulesFile = join(dir, '乡镇党建台账-含考评规则.xlsx');
    const run = await cli('assess', rulesFile, '--json');
    expect(run.code).toBe(0);
    before = byName(JSON.parse(run.stdout));
  });
  afterAll(() => removeTempDir(dir));

  it('scores 发展党员 from the new ledger: a branch with 0 of 2 loses the points, flagged with its rate', async () => {
    const file = join(dir, 'walkthrough.xlsx');
    copyFileSync(rulesFile, file);
    await addDevelopmentPlan(file);
    const run = await cli('assess', file, '--json');
    expect(run.stderr).not.toContain('考评规则!');
    expect(run.code).toBe(0);
    const after = byName(JSON.parse(run.stdout));

    const met = after.get('乌兰嘎查党支部')!;
    // The 数据项 rows left their 编号 blank: they are numbered fact1, fact2, fact3 in the order written.
    expect(met.values).toMatchObject({ fact1: 2, fact2: 2, fact3: 1 });
    expect(met.indicators).toMatchObject({ develop: 10 });
    // The total is out of 100 over the indicators scored: the six of 100 points and now 发展党员's 10.
    const total = (b: BranchOut) => Object.values(b.indicators).reduce((a, x) => a + x, 0);
    expect(total(met)).toBeCloseTo(total(before.get('乌兰嘎查党支部')!) + 10, 2);
    expect(met.score).toBeCloseTo((total(met) / 110) * 100, 1);
    expect(met.flags.some((f) => f.rule === 'develop-plan')).toBe(false);

    for (const [name, rate, detail] of [
      ['阿拉坦嘎查党支部', '0.0%', '0/2'],
      ['都兰嘎查党支部', '33.3%', '1/3'],
    ] as const) {
      const short = after.get(name)!;
      expect(short.indicators).toMatchObject({ develop: 0 });
      expect(total(short)).toBeCloseTo(total(before.get(name)!), 2);
      expect(short.score).toBeCloseTo((total(short) / 110) * 100, 1);
      expect(short.score).toBeLessThan(before.get(name)!.score);
      expect(short.flags).toContainEqual(expect.objectContaining({ rule: 'develop-plan', message: `发展完成率${rate}，未过半`, actual: `完成${rate}（${detail}）` }));
    }
    // The rule editor offers the new fact by its name once the workbook holds the plan, and takes a condition on it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const snapshot = workbookSnapshot(wb);
    const edited = readRulesSheet(snapshot.sheets.find((x) => x.name === '考评规则')!).packs.find((p) => p.subject === 'branch')!.branch!;
    const offered = (sheets: typeof snapshot.sheets) => suppliedBranchFacts({ sheets }, edited, undefined).map((f) => f.label);
    expect(offered(snapshot.sheets)).toContain('发展完成率');
    expect(offered(snapshot.sheets.filter((x) => x.name !== PLAN))).not.toContain('发展完成率');
    const metRule = ruleDraftOf(edited, 'develop-met')!;
    expect(metRule.conditions).toEqual({ 发展完成率: '>= 50%' });
    const draft = applyRuleDraft(edited, { ...metRule, conditions: { 发展完成率: '>= 40%' } });
    expect(draft.problems).toEqual([]);
    expect(draft.candidate!.rules.find((r) => r.id === 'develop-met')!.when).toEqual([{ fact: 'fact3', op: '>=', value: 0.4 }]);

    // The change log names the new ledger's columns and facts as the sheet shows them.
    const diff = await cli('rules', 'diff', rulesFile, file);
    expect(diff.code).toBe(0);
    for (const added of ['党员发展计划/支部名称', '党员发展计划/已发展人数', '发展完成率', 'develop-plan', 'develop-met', '发展党员']) expect(diff.stdout).toContain(added);
    expect(diff.stdout).toContain('已发展人数 ÷ 计划发展人数');

    // A branch the plan has no row for scores nothing on it, as an entry left blank does, and is told so.
    const unplanned = [...after.values()].find((b) => !PLANS.some(([n]) => n === b.name))!;
    expect(unplanned.indicators).toMatchObject({ develop: 0 });
    expect(unplanned.noData).toContainEqual(expect.objectContaining({ rule: 'score:unreported', message: expect.stringContaining('发展党员') }));
  });

  it('a typo in the new 数据项 row’s 台账 cell stops the run with exit 2 and one bilingual problem at that cell', async () => {
    const file = join(dir, 'typo.xlsx');
    copyFileSync(rulesFile, file);
    await addDevelopmentPlan(file, '党员发展计画');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('考评规则')!;
    const facts = table(ws, '数据项');
    const row = rowWith(ws, '计划发展人数', facts.header);
    const cell = ws.getRow(row).getCell(facts.col('台账')).address;

    const run = await cli('assess', file, '--json');
    expect(run.code).toBe(2);
    const problems = run.stderr.split('\n').filter((line) => line.includes('考评规则!'));
    expect(run.stderr).toContain('规则有 1 处问题');
    expect(run.stderr).toContain('the rules have 1 problems');
    // One problem, said in Chinese and then in English, at the cell, with the ledger it most likely meant.
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(`考评规则!${cell}：台账“党员发展计画”不在【台账】表中（是不是“${PLAN}”？）`);
    expect(problems[1]).toContain(`考评规则!${cell}: the ledger "党员发展计画" is not in the 【台账】 table (did you mean "${PLAN}"?)`);
  });
});

describe('the branch rule editor offers the declared facts', () => {
  it('once a sheet holds their declared ledger', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ROOT, 'examples/乡镇党建台账示例.xlsx'));
    const snapshot = workbookSnapshot(wb);
    const pack = shippedBranchPack();
    const labels = (sheets: typeof snapshot.sheets) => suppliedBranchFacts({ sheets }, pack, undefined).map((f) => f.label);
    expect(labels(snapshot.sheets)).toEqual(expect.arrayContaining(['书记空缺月数', '群众满意度', '近两年发展党员人数']));
    const without = labels(snapshot.sheets.filter((s) => s.name !== '发展党员情况'));
    expect(without).not.toContain('近两年发展党员人数');
    expect(without).toContain('群众满意度');
  });
});
