import { describe, expect, it } from 'vitest';
import oldShape from '../fixtures/branch-old-shape.json';
import branchJson from '../../rules/branch.json';
import { assessBranches } from '../../src/core/branch/assess';
import { validateBranchPack } from '../../src/core/branch/validate';
import type { BranchPack } from '../../src/core/branch/schema';
import { readRulesSheet } from '../../src/core/index';
import { shippedBranchPack } from '../../src/core/rulesheet/index';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { loadWorkbook } from '../../src/node/workbook-file';
import { cadrePack } from '../branch/helpers';
import { BRANCH_TITLE } from '../fixtures/development-plan';
import { defaultSheet, edit, locate } from './sheet-helpers';

const EXAMPLE = 'examples/乡镇党建台账示例.xlsx';
const COMMITTEE = '支委会未召开月数';

function branchOf(sheet: SheetSnapshot): BranchPack {
  const read = readRulesSheet(sheet);
  expect(read.problems).toEqual([]);
  return read.packs.find((p) => p.subject === 'branch')!.branch!;
}

/** The branch block's 【数据项】 row of a fact, cell by header. */
function factRow(sheet: SheetSnapshot, label: string): Record<string, unknown> {
  const from = sheet.values.findIndex((r) => r[0] === BRANCH_TITLE);
  const { row } = locate(sheet, '数据项', label, '名称', from);
  const start = sheet.values.findIndex((r, i) => i > from && r[0] === '【数据项】');
  const header = sheet.values[start + 1]!;
  return Object.fromEntries(header.map((h, i) => [String(h), sheet.values[row]![i]]));
}

const editFact = (sheet: SheetSnapshot, header: string, value: string) => edit(sheet, '数据项', COMMITTEE, header, value, sheet.values.findIndex((r) => r[0] === BRANCH_TITLE)).sheet;

async function committeeOnExample(pack: BranchPack) {
  const { snapshot } = await loadWorkbook(EXAMPLE);
  const a = await assessBranches(snapshot, { branch: pack, cadre: cadrePack() });
  return new Map(a.branches.map((b) => [b.name, { missed: b.values.committeeMissedMonths, flagged: b.flags.some((f) => f.rule === 'committee-monthly'), score: b.score }]));
}

/** The branches failing 支委会, with their months missed, by name. */
const flaggedMissed = (m: Awaited<ReturnType<typeof committeeOnExample>>) =>
  [...m].filter(([, b]) => b.flagged).map(([name, b]) => [name, b.missed]).sort((x, y) => String(x[0]).localeCompare(String(y[0]), 'zh'));

describe('the branch pack’s facts on 考评规则', () => {
  it('lists every fact in the branch block’s 【数据项】, the meeting records named by their title', () => {
    const sheet = defaultSheet();
    expect(factRow(sheet, COMMITTEE)).toMatchObject({ 编号: 'committeeMissedMonths', 来源: '缺少月数', 台账: '三会一课记录', 条件: '会议类型=支委会' });
    expect(factRow(sheet, '主题党日出席率')).toMatchObject({ 来源: '出席率', 台账: '三会一课记录', 条件: '会议类型=主题党日', 计算: '实到人数 ÷ 应到人数' });
    expect(factRow(sheet, '办结率')).toMatchObject({ 来源: '比率', 计算: '办结数 ÷ 受理数' });
    expect(factRow(sheet, '不合格驻村干部人数')).toMatchObject({ 台账: 'stationed-cadre', 条件: '等次=不合格' });
    expect(branchOf(sheet).facts).toEqual(shippedBranchPack().facts);
  });

  it('makes 支委会 due per quarter in cells, and the township example is judged so', async () => {
    const monthly = await committeeOnExample(shippedBranchPack());
    const pack = branchOf(editFact(defaultSheet(), '来源', '缺少季度数'));
    expect(pack.facts.find((f) => f.fact === 'committeeMissedMonths')).toMatchObject({ source: 'unitsWithout', ledger: 'meetings', per: 'quarter', min: 1 });
    const quarterly = await committeeOnExample(pack);
    // 乌兰 skipped a month and 希日塔拉 two, each meeting in the quarter: neither fails the item any more.
    expect(flaggedMissed(monthly)).toEqual([['乌兰嘎查党支部', 1], ['希日塔拉嘎查党支部', 2]]);
    expect(flaggedMissed(quarterly)).toEqual([]);
    expect([...quarterly.values()].every((q) => q.missed === 0)).toBe(true);
    expect(quarterly.get('希日塔拉嘎查党支部')!.score).toBeGreaterThanOrEqual(monthly.get('希日塔拉嘎查党支部')!.score);
  });

  it('asks for two 支委会 a month in cells, and more branches of the example fall short', async () => {
    const monthly = await committeeOnExample(shippedBranchPack());
    const pack = branchOf(editFact(defaultSheet(), '计算', '至少2条'));
    expect(pack.facts.find((f) => f.fact === 'committeeMissedMonths')).toMatchObject({ per: 'month', min: 2 });
    const twice = await committeeOnExample(pack);
    // The example holds one 支委会 a month: every branch now misses all three months of 2024-Q2.
    expect(flaggedMissed(twice)).toHaveLength(24);
    expect([...twice.values()].every((b) => b.missed === 3)).toBe(true);
    expect(flaggedMissed(monthly)).toHaveLength(2);
  });

  it('keeps the carried facts of the branch’s own ledgers when a sheet’s 【数据项】 was written with the declared facts alone', () => {
    const sheet = defaultSheet();
    const from = sheet.values.findIndex((r) => r[0] === BRANCH_TITLE);
    const own = new Set(shippedBranchPack().facts.slice(0, 12).map((f) => f.fact));
    const start = sheet.values.findIndex((r, i) => i > from && r[0] === '【数据项】');
    const values = sheet.values.filter((r, i) => !(i > start + 1 && i < start + 20 && own.has(String(r[0]))));
    expect(values.length).toBe(sheet.values.length - own.size);
    const pack = branchOf({ ...sheet, values });
    expect(new Set(pack.facts.map((f) => f.fact))).toEqual(new Set(shippedBranchPack().facts.map((f) => f.fact)));
  });
});

describe('a branch pack in the shape before its facts were the model’s', () => {
  it('still validates, to the same facts as rules/branch.json', () => {
    expect(oldShape.facts.some((f) => f.source === 'meetingsMissed')).toBe(true);
    expect(oldShape.declaredFacts.length).toBeGreaterThan(0);
    const old = validateBranchPack(oldShape);
    const now = validateBranchPack(branchJson);
    expect(old.ok && now.ok).toBe(true);
    if (old.ok && now.ok) {
      expect(old.pack.facts).toEqual(now.pack.facts);
      expect(old.pack).toEqual(now.pack);
    }
  });
});
