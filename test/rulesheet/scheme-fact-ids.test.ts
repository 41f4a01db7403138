import { describe, expect, it } from 'vitest';
import { defaultRules, shippedBranchPack } from '../../src/core/rulesheet/defaults';
import { readRulesSheet, type RulesEntry, runEntryTests } from '../../src/core/rulesheet/index';
import { summaryText } from '../../src/core/results/summary';
import { assessAll } from '../../src/core/run';
import { assessmentsJson } from '../../src/core/scheme/json';
import type { Scheme } from '../../src/core/scheme/schema';
import { schemeSummary } from '../../src/core/scheme/summary';
import { schemeResultTable } from '../../src/core/scheme/table';
import { a1, type SheetSnapshot } from '../../src/core/snapshot';
import { sheet, snapshotOf } from '../fixtures/workbook';
import { HOUSEHOLD_HEADER } from '../scheme/helpers';
import { HOUSEHOLD, VILLAGE_CADRE } from './scheme-fixtures';
import { defaultSheet, endOf, insertRow, locate, put, rowFor, rowOf, sheetOf } from './sheet-helpers';

const entry = (scheme: Scheme): RulesEntry => ({ scheme, tests: [] });
const LEDGER = '党员中心户测评台账';
/** An id made up for a row: what no text a clerk or a reader sees may show. */
const MADE_UP = /fact\d/;

/** The sheet with a 数据项 row added, its 编号 left blank. */
const withFact = (s: SheetSnapshot, cells: Record<string, string>) => insertRow(s, endOf(s, '数据项'), rowFor(s, '数据项', 0, cells));

/** The sheet with a column headed `name` added to a table, when it has none: the row and column of that header. */
function headed(s: SheetSnapshot, table: string, name: string): { sheet: SheetSnapshot; row: number; col: number } {
  const row = rowOf(s, `【${table}】`) + 1;
  const at = s.values[row]!.indexOf(name);
  return at >= 0 ? { sheet: s, row, col: at } : { sheet: put(s, row, s.values[row]!.length, name), row, col: s.values[row]!.length };
}

/** The sheet with a row added to a table, cells by header, a header added for any name the table lacks; the new row's index. */
function withRow(s: SheetSnapshot, table: string, cells: Record<string, string | number>): { sheet: SheetSnapshot; row: number } {
  let out = s;
  const cols = Object.keys(cells).map((name) => {
    const h = headed(out, table, name);
    out = h.sheet;
    return h.col;
  });
  const row = endOf(out, table);
  out = insertRow(out, row, out.values[rowOf(out, `【${table}】`) + 1]!.map(() => null));
  Object.values(cells).forEach((value, i) => (out = put(out, row, cols[i]!, value)));
  return { sheet: out, row };
}

describe('a 数据项 row left without an id', () => {
  it('takes its name as its id where the name is plain letters (Home visits → homeVisits), numbered on where an output or the branch’s 得分 has that id', () => {
    let household = withFact(sheetOf([entry(HOUSEHOLD)]), { 名称: 'Home visits', 来源: '求和', 台账: LEDGER, 列: '政策宣传' });
    household = withFact(household, { 名称: 'Ｔｏｔａｌ', 来源: '求和', 台账: LEDGER, 列: '帮代办服务' });
    household = withFact(household, { 名称: 'constructor', 来源: '求和', 台账: LEDGER, 列: '调解纠纷' });
    household = withRow(household, '规则', { 启用: '是', 指标: '政策宣传', 'Home visits': '>= 3', 得分: 2, 提示: '入户{Home visits}次' }).sheet;
    const read = readRulesSheet(household);
    expect(read.problems).toEqual([]);
    const scheme = read.packs[0]!.scheme!;
    expect(scheme.facts.map((f) => [f.fact, f.label])).toEqual([
      ['homeVisits', 'Home visits'],
      ['total', 'Ｔｏｔａｌ'],
      // Every object has a constructor: a fact's value is looked up by id, so the id moves on.
      ['constructor2', 'constructor'],
    ]);
    expect(scheme.rules.at(-1)).toMatchObject({ when: [{ fact: 'homeVisits', op: '>=', value: 3 }], flag: '入户{homeVisits}次' });

    // 【输出】 has pay: a fact named Pay may not take it.
    const village = withFact(sheetOf([entry(VILLAGE_CADRE)]), { 名称: 'Pay', 来源: '取值', 台账: '村干部年度目标考评表', 列: '基本绩效报酬' });
    const villageRead = readRulesSheet(village);
    expect(villageRead.problems).toEqual([]);
    expect(villageRead.packs[0]!.scheme!.facts.at(-1)).toMatchObject({ fact: 'pay2', label: 'Pay' });

    // A branch 数据项 named score may not take the id of the branch's 得分, which rules after scoring read.
    const branchSheet = defaultSheet();
    const from = branchSheet.values.findIndex((r) => r[0] === '【规则包】党支部考核');
    const branch = insertRow(branchSheet, endOf(branchSheet, '数据项', from), rowFor(branchSheet, '数据项', from, { 名称: 'score', 来源: '比率', 计算: '办结数 ÷ 受理数' }));
    const branchRead = readRulesSheet(branch);
    expect(branchRead.problems).toEqual([]);
    expect(branchRead.packs.find((p) => p.branch)!.branch!.facts.at(-1)).toMatchObject({ fact: 'score2', label: 'score', source: 'ratio' });
  });

  it('gets fact1 where its name is Chinese, and every message about it names it by its name and its cell, never fact1', async () => {
    let s = withFact(sheetOf([entry(HOUSEHOLD)]), { 名称: '宣传合计', 来源: '求和', 台账: LEDGER, 列: '政策宣传' });
    s = withRow(s, '规则', { 启用: '是', 指标: '政策宣传', 宣传合计: '>= 3', 得分: 2, 提示: '政策宣传{宣传合计}次，明细：{宣传合计明细}' }).sheet;
    // A case giving the fact and expecting another value of it: its check names the fact.
    s = withRow(s, '规则测试', { 编号: 'total', 宣传合计: 5, 预期宣传合计: 6 }).sheet;
    const read = readRulesSheet(s);
    expect(read.problems).toEqual([]);
    const scheme = read.packs[0]!.scheme!;
    expect(scheme.facts).toEqual([{ fact: 'fact1', label: '宣传合计', source: 'rows', ledger: 'household', op: 'sum', column: 'publicity' }]);
    expect(scheme.rules.at(-1)).toMatchObject({ when: [{ fact: 'fact1', op: '>=', value: 3 }], flag: '政策宣传{fact1}次，明细：{fact1Detail}' });
    const texts: string[] = [];

    // The rule test: its check and the flags it got.
    const [test] = await runEntryTests({ scheme, tests: read.packs[0]!.tests.map((x) => x.test) });
    expect(test!.pass).toBe(false);
    expect(test!.checks.map((c) => c.message)).toEqual(['宣传合计预期 6，实际 5']);
    expect(test!.actual.flags).toContain('政策宣传5次，明细：—');
    texts.push(...test!.checks.flatMap((c) => [c.message, c.messageEn]), ...test!.actual.flags);

    // The run: a flag filled with the value, a sum with nothing to list says —, a missing input names the fact and its cell once.
    const households = sheet('一季度中心户测评', [['巴彦宝力格镇2024年第一季度党员中心户测评表'], HOUSEHOLD_HEADER, [1, '贾志强', '巴彦嘎查', 83, 4, 6, 2, 2, null], [2, '牧仁', '宝力根嘎查', 81.7, null, 5, 2, 2, null]]);
    const run = await assessAll(await snapshotOf(households), { cadre: defaultRules()[0].pack, branch: shippedBranchPack(), schemes: [scheme] });
    const a = run.schemes[0]!;
    const flags = (name: string) => a.results.find((r) => r.name === name)!.flags;
    expect(flags('贾志强').map((f) => f.message)).toEqual(['政策宣传4次，明细：—']);
    expect(flags('牧仁')[0]).toMatchObject({
      message: '政策宣传：缺少“政策宣传”、“宣传合计”，不计分（一季度中心户测评!E4）',
      messageEn: expect.stringMatching(/: "政策宣传", "宣传合计" missing, no points \(一季度中心户测评!E4\)$/),
      cells: ['一季度中心户测评!E4'],
    });
    texts.push(
      ...a.results.flatMap((r) => [...r.flags, ...r.notes].flatMap((f) => [f.message, f.messageEn])),
      ...[...a.warnings, ...a.notes].flatMap((w) => [w.message, w.messageEn]),
      JSON.stringify(assessmentsJson([a])),
      JSON.stringify(schemeResultTable(a, scheme, { time: '2024-04-01T00:00:00Z' })),
      summaryText(schemeSummary(a, scheme)),
    );

    // Problems on the sheet: a row no value reaches, a flag naming it on a row that does not read it, a 数据项 reading it and a name no row has.
    let bad = withRow(s, '规则', { 启用: '是', 指标: '政策宣传', 宣传合计: '[5,3)', 得分: 1 });
    const empty = bad.row;
    bad = withRow(bad.sheet, '规则', { 启用: '是', 指标: '政策宣传', 得分: 1, 提示: '共{宣传合计}次' });
    const unread = bad.row;
    const share = withFact(bad.sheet, { 名称: '宣传占比', 来源: '比率', 计算: '宣传合计 ÷ 宣传总数' });
    const problems = readRulesSheet(share).problems;
    const cell = (table: string, row: number, header: string) => a1(row, share.values[rowOf(share, `【${table}】`) + 1]!.indexOf(header));
    const shareRow = locate(share, '数据项', '宣传占比', '计算');
    expect(problems.map((p) => [p.cell, p.message])).toEqual([
      [a1(shareRow.row, shareRow.col), '“宣传总数”不是【台账】中的列，也不是【数据项】或【输出】的名称（是不是“宣传合计”？）'],
      [cell('规则', empty + 1, '宣传合计'), `第${empty + 2}行（publicityPart-2）的条件 “[5,3)” 没有任何值能满足，这一行永远不会生效；请检查两端的数（[80,90) 表示 80 到 90，含 80 不含 90）`],
      [cell('规则', unread + 1, '提示'), `提示中的 {宣传合计} 不是第${unread + 2}行（publicityPart-3）读取的列，考评时不会被替换；请为“宣传合计”写一个条件（如 >= 0），或从提示中删去`],
    ]);
    texts.push(...problems.flatMap((p) => [p.message, p.messageEn]));

    expect(texts.filter((x) => MADE_UP.test(x))).toEqual([]);
  });
});
