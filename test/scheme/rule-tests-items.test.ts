import { describe, expect, it } from 'vitest';
import { entriesOfRules, readRulesSheet, rulesSheetLayout, type SchemeEntry } from '../../src/core/rulesheet/index';
import { runEntryTests } from '../../src/core/rulesheet/run-tests';
import { shippedSchemes } from '../../src/core/rulesheet/defaults';
import { runSchemeRuleTests, type SchemeTestCase } from '../../src/core/scheme/rule-tests';
import { type Scheme, SchemeSchema } from '../../src/core/scheme/schema';
import type { RuleTestResult } from '../../src/core/rulesheet/rule-tests';
import { sheetDecoration } from '../../src/core/rulesheet/decoration';
import { a1, type Cell, type SheetSnapshot } from '../../src/core/snapshot';
import { locate } from '../rulesheet/sheet-helpers';

/** 党员中心户 with a must-meet item on 政策宣传次数, named apart from its message, and a risk when last with an item failed or rated under 60. */
const WITH_ITEMS: Scheme = SchemeSchema.parse({
  ...shippedSchemes().find((s) => s.id === 'household')!,
  requirements: [
    {
      id: 'publicity-min',
      label: '宣传达标',
      labelEn: 'Publicity held',
      when: [{ fact: 'publicity', op: '<', value: 1 }],
      expected: '至少1次',
      actual: '{publicity}次',
      message: '本季度政策宣传{publicity}次，未达到至少1次',
      messageEn: '{publicity} policy talk(s) this quarter, fewer than 1',
      fix: '下季度至少开展1次政策宣传',
    },
  ],
  risk: {
    label: '需重点帮扶',
    any: [
      { id: 'last', when: [{ fact: 'lastPlace', op: '=', value: true }, { fact: 'failedItems', op: '>=', value: 1 }], reason: '排名末位且有{failedItems}项未达标' },
      { id: 'low-rating', when: [{ fact: 'rating', op: '<', value: 60 }], reason: '民主测评得分{rating}分，低于60分' },
    ],
    maxStars: 0,
    rectifyMonths: 3,
  },
});

const inputs = (publicity: number, rating = 80) => ({ rating, publicity, service: 5, opinions: 2, mediation: 1 });

const CASES: SchemeTestCase[] = [
  { id: 'item-by-label', inputs: inputs(0), flag: '宣传达标' },
  { id: 'item-by-message', inputs: inputs(0), flag: '未达到至少1次' },
  { id: 'none-expected', inputs: inputs(0), noFlag: true },
  { id: 'last-at-risk', inputs: { ...inputs(0), lastPlace: true }, risk: true },
  { id: 'alone-not-at-risk', inputs: inputs(0), risk: false },
  { id: 'met-not-at-risk', inputs: { ...inputs(2), lastPlace: true }, noFlag: true, risk: false },
  { id: 'rated-low', inputs: inputs(2, 50), risk: true },
];

const outcome = (results: RuleTestResult[]) => results.map((r) => [r.id, r.pass, r.checks.map((c) => c.message)]);

/** What every run of CASES gives, through the runner or through the sheet. */
const EXPECTED = [
  ['item-by-label', true, ['预期提示“宣传达标”，实际“本季度政策宣传0次，未达到至少1次”']],
  ['item-by-message', true, ['预期提示“未达到至少1次”，实际“本季度政策宣传0次，未达到至少1次”']],
  ['none-expected', false, ['预期没有提示，实际提示“本季度政策宣传0次，未达到至少1次”']],
  ['last-at-risk', true, ['预期需重点帮扶“是”，实际“是”']],
  ['alone-not-at-risk', true, ['预期需重点帮扶“否”，实际“否”']],
  ['met-not-at-risk', true, ['没有提示', '预期需重点帮扶“否”，实际“否”']],
  ['rated-low', true, ['预期需重点帮扶“是”，实际“是”']],
];

describe('规则测试 of a scheme with must-meet items and a risk', () => {
  it('a case expects a failed item by its name or its message, none, and the risk, first of one unless it says 排名末位', async () => {
    const results = await runSchemeRuleTests(WITH_ITEMS, CASES);
    expect(outcome(results)).toEqual(EXPECTED);
    const wrong = results.find((r) => r.id === 'none-expected')!;
    expect(wrong.checks[0]!.messageEn).toBe('expected no flag, got "0 policy talk(s) this quarter, fewer than 1"');
    expect(wrong.actual.flags).toEqual(['本季度政策宣传0次，未达到至少1次']);
  });

  it('a case expecting the wrong risk fails, saying what came out under the risk’s own name', async () => {
    const [result] = await runSchemeRuleTests(WITH_ITEMS, [{ id: 'wrong', inputs: inputs(0), risk: true }]);
    expect(result!.pass).toBe(false);
    expect(result!.checks.map((c) => [c.message, c.messageEn])).toEqual([['预期需重点帮扶“是”，实际“否”', 'expected 需重点帮扶: yes, got no']]);
  });

  it('a scheme without items or risk is tested as before: a 排名末位 input changes nothing', async () => {
    const plain = shippedSchemes().find((s) => s.id === 'household')!;
    const results = await runSchemeRuleTests(plain, [
      { id: 'none', inputs: inputs(0), noFlag: true, grade: '合格' },
      { id: 'last', inputs: { ...inputs(0), lastPlace: true }, risk: false },
    ]);
    expect(outcome(results)).toEqual([
      ['none', true, ['没有提示', '预期等次“合格”，实际“合格”']],
      ['last', true, ['预期软弱涣散风险“否”，实际“否”']],
    ]);
  });
});

describe('the same cases on 考评规则', () => {
  const sheetOf = (entry: SchemeEntry): SheetSnapshot => {
    const layout = rulesSheetLayout([entry]);
    return { name: layout.sheet, values: layout.values.map((r) => r.map((v): Cell => (v === '' ? null : v))), merges: [] };
  };

  it('lay out with 排名末位 and 预期需重点帮扶 columns, read back as written, and run as through the runner', async () => {
    const entry: SchemeEntry = { scheme: WITH_ITEMS, tests: CASES };
    const sheet = sheetOf(entry);
    const last = locate(sheet, '规则测试', 'last-at-risk', '排名末位');
    expect(sheet.values[last.row]![last.col]).toBe('是');
    const risk = locate(sheet, '规则测试', 'last-at-risk', '预期需重点帮扶');
    expect(sheet.values[risk.row]![risk.col]).toBe('是');
    expect(sheet.values[locate(sheet, '规则测试', 'item-by-label', '编号').row - 1]).not.toContain('预期软弱涣散风险');
    const flag = locate(sheet, '规则测试', 'item-by-label', '预期提示');
    expect(sheet.values[flag.row]![flag.col]).toBe('宣传达标');

    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    const [back] = entriesOfRules(read) as SchemeEntry[];
    expect(back).toEqual(entry);
    expect(outcome(await runEntryTests(back!))).toEqual(EXPECTED);
  });

  it('a sheet written before, under the fixed 预期软弱涣散风险, reads the same column; its note and checks name 需重点帮扶', async () => {
    const sheet = sheetOf({ scheme: WITH_ITEMS, tests: CASES });
    const at = locate(sheet, '规则测试', 'item-by-label', '预期需重点帮扶');
    const header = locate(sheet, '规则测试', 'item-by-label', '编号').row - 1;
    const note = sheetDecoration(sheet.values).notes[header]![at.col]!;
    expect([note.includes('需重点帮扶'), note.includes('支部'), note.includes('软弱涣散')]).toEqual([true, false, false]);
    const values = sheet.values.map((r) => r.slice());
    values[header]![at.col] = '预期软弱涣散风险';
    const read = readRulesSheet({ ...sheet, values });
    expect(read.problems).toEqual([]);
    const [back] = entriesOfRules(read) as SchemeEntry[];
    expect(back).toEqual({ scheme: WITH_ITEMS, tests: CASES });
    expect(outcome(await runEntryTests(back!))).toEqual(EXPECTED);
  });

  it('a risk cell that is not 是 or 否 is named by the scheme’s own header', () => {
    const sheet = sheetOf({ scheme: WITH_ITEMS, tests: CASES.slice(5, 6) });
    const at = locate(sheet, '规则测试', 'met-not-at-risk', '预期需重点帮扶');
    const values = sheet.values.map((r) => r.slice());
    values[at.row]![at.col] = '也许';
    const read = readRulesSheet({ ...sheet, values });
    expect(read.problems.map((p) => [p.cell, p.message.includes('预期需重点帮扶')])).toEqual([[a1(at.row, at.col), true]]);
  });

  it('a case a clerk edits in cells to expect no flag fails with the item’s message', async () => {
    const sheet = sheetOf({ scheme: WITH_ITEMS, tests: CASES.slice(0, 1) });
    const at = locate(sheet, '规则测试', 'item-by-label', '预期提示');
    const values = sheet.values.map((r) => r.slice());
    values[at.row]![at.col] = '无';
    const read = readRulesSheet({ ...sheet, values });
    expect(read.problems).toEqual([]);
    const [result] = await runEntryTests(entriesOfRules(read)[0]!);
    expect([result!.pass, result!.checks.map((c) => c.message)]).toEqual([false, ['预期没有提示，实际提示“本季度政策宣传0次，未达到至少1次”']]);
  });

  it('a scheme without a risk lays out its tests as before, and reads 排名末位 as no input of its', () => {
    const plain = shippedSchemes().find((s) => s.id === 'household')!;
    const sheet = sheetOf({ scheme: plain, tests: [{ id: 'none', inputs: inputs(0), noFlag: true }] });
    const header = locate(sheet, '规则测试', 'none', '编号').row - 1;
    expect(sheet.values[header]).not.toContain('预期软弱涣散风险');
    const values = sheet.values.map((r) => r.slice());
    const col = values[header]!.indexOf(null, values[header]!.indexOf('预期等次'));
    values[header]![col] = '排名末位';
    values[header + 1]![col] = '是';
    const read = readRulesSheet({ ...sheet, values });
    expect(read.problems.map((p) => [p.cell, p.message.slice(0, 7)])).toEqual([[a1(header, col), '“排名末位”不']]);
    // A case of it that expects a risk keeps its column all the same.
    const expecting: SchemeEntry = { scheme: plain, tests: [{ id: 'risk', inputs: inputs(0), risk: false }] };
    expect(entriesOfRules(readRulesSheet(sheetOf(expecting)))).toEqual([expecting]);
  });
});
