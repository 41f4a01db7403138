import { describe, expect, it } from 'vitest';
import {
  applyRuleDraft,
  defaultRules,
  packFor,
  readRulesSheet,
  ruleDraftOf,
  ruleRowEdit,
  RULES_SHEET,
  RULES_SHEET_COLORS,
  rulesSheetLayout,
  rulesSheetPaint,
  sheetDecoration,
  type RulesEntry,
  type RuleRowEdit,
} from '../../src/core/index';
import { a1, type SheetSnapshot } from '../../src/core/snapshot';
import { SPREADSHEET_SERVICES, WorkbookModel, type GasSandbox } from '../../src/node/gas/index';
import type { WorkbookPayload } from '../../src/rpc/contract';
import { sandboxOf, sheetState } from '../bundle/harness';
import { locate, rowOf } from './sheet-helpers';
import { ledgerSheet, smallWorkbook } from './workbook-fixture';

/** The shipped dist/Code.js over a township's workbook holding one May ledger, as Sheets would run it. */
function township(): GasSandbox {
  return sandboxOf(WorkbookModel.fromSnapshot(smallWorkbook(), { name: '吉仁高勒镇台账' }));
}

/** The rules sheet as the sidebar sees it: through getWorkbook, the way every run reads it. */
function readBack(sandbox: GasSandbox): SheetSnapshot {
  const payload = sandbox.call('getWorkbook') as WorkbookPayload;
  return payload.snapshot.sheets.find((s) => s.name === RULES_SHEET)!;
}

/** The default pack with 60 more rules: a big township's sheet. */
function bigger(): RulesEntry[] {
  const [entry, ...others] = defaultRules();
  const extra = Array.from({ length: 60 }, (_, i) => ({ ...entry.pack.rules[5]!, id: `extra-${i}` }));
  return [{ ...entry, pack: { ...entry.pack, rules: [...entry.pack.rules, ...extra] } }, ...others];
}

const base = defaultRules()[0]!.pack;

describe('the rules sheet written by the shipped Code.js', () => {
  it('is created once from the default packs: values, merges, colours, notes, drop-downs, plain-text conditions', () => {
    const sandbox = township();
    const ledgerBefore = sheetState(sandbox.workbook, ledgerSheet().name);
    expect(sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()))).toEqual({ created: true, sheet: RULES_SHEET });
    expect(sandbox.workbook.sheets.map((s) => s.name)).toEqual([ledgerSheet().name, RULES_SHEET]);

    const layout = rulesSheetLayout(defaultRules());
    const model = sandbox.workbook.sheet(RULES_SHEET)!;
    const grid = layout.values.map((row, r) => row.map((_, c) => model.value(r, c) ?? ''));
    // Outside the plain-text ranges Sheets reads "20%" as it would if typed: the number 0.2.
    const plain = (r: number, c: number) => layout.textRanges.some((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
    const typed = (v: string | number, r: number, c: number) => (typeof v === 'string' && !plain(r, c) && /^\d+(\.\d+)?%$/.test(v) ? Number(v.slice(0, -1)) / 100 : v);
    expect(grid).toEqual(layout.values.map((row, r) => row.map((v, c) => typed(v, r, c))));
    expect(model.merges).toEqual(layout.merges);
    expect(model.columnWidths.get(3)).toBe(layout.columnWidths[2]);

    const rules = locate(readBack(sandbox), '规则', 'days-full', '下基层天数');
    // A condition cell keeps "1-2" as text; the 启用 column offers 是/否 but lets other words through.
    expect(model.format(rules.row, rules.col).numberFormat).toBe('@');
    expect(model.validation(rules.row, 0)).toEqual({ criteria: 'VALUE_IN_LIST', values: ['是', '否'], showDropdown: true, allowInvalid: true });
    expect(model.format(0, 0)).toMatchObject({ background: RULES_SHEET_COLORS.packBackground, fontColor: RULES_SHEET_COLORS.packText, bold: true });
    expect(model.note(rules.row - 1, rules.col)).toContain('条件：');

    const read = readRulesSheet(readBack(sandbox));
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(base);
    expect(sheetState(sandbox.workbook, ledgerSheet().name)).toEqual(ledgerBefore);
  });

  it('leaves an existing rules sheet as the staff left it, without writing anything', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const { row, col } = locate(readBack(sandbox), '规则', 'days-full', '下基层天数');
    sandbox.workbook.sheet(RULES_SHEET)!.setValue(row, col, '12天以上');
    const before = sheetState(sandbox.workbook, RULES_SHEET);
    sandbox.calls.reset();
    expect(sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()))).toEqual({ created: false, sheet: RULES_SHEET });
    expect(sheetState(sandbox.workbook, RULES_SHEET)).toEqual(before);
    expect(sandbox.calls.byMethod(SPREADSHEET_SERVICES)).toEqual({ 'Spreadsheet.getSheetByName': 1, 'SpreadsheetApp.flush': 1, 'SpreadsheetApp.getActiveSpreadsheet': 1 });
  });

  it('takes as many service calls for 81 rules as for 21', () => {
    const measure = (entries: RulesEntry[]) => {
      const sandbox = township();
      sandbox.calls.reset();
      sandbox.call('ensureRulesSheet', rulesSheetPaint(entries));
      return { calls: sandbox.calls.byMethod(SPREADSHEET_SERVICES), rows: sandbox.workbook.sheet(RULES_SHEET)!.lastRow };
    };
    const small = measure(defaultRules());
    const big = measure(bigger());
    expect(big.rows).toBe(small.rows + 60);
    expect(big.calls).toEqual(small.calls);
    expect(small.calls['Range.setValues']).toBe(1);
    expect(small.calls['Range.setDataValidations']).toBe(1);
    expect(small.calls['RangeList.setNumberFormat']).toBe(1);
  });

  it('marks problem cells with a colour and a note, and clears old marks, in one call each', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const sheet = readBack(sandbox);
    const { row, col } = locate(sheet, '规则', 'days-full', '下基层天数');
    const problem = { sheet: RULES_SHEET, cell: a1(row, col), message: '“>= 十” 不是数字，请写成 “>= 10”', messageEn: '">= 十" is not a number' };
    const model = sandbox.workbook.sheet(RULES_SHEET)!;
    sandbox.calls.reset();
    expect(sandbox.call('markRuleProblems', { decoration: sheetDecoration(sheet.values, [problem]) })).toEqual({ cells: model.lastRow * model.lastColumn });
    expect(model.format(row, col).background).toBe(RULES_SHEET_COLORS.problemBackground);
    expect(model.note(row, col)).toBe('⚠ “>= 十” 不是数字，请写成 “>= 10”');
    expect(model.note(row - 1, col)).toContain('条件：');
    expect(sandbox.calls.byMethod(['Range'])).toEqual({ 'Range.getNotes': 1, 'Range.setBackgrounds': 1, 'Range.setFontColors': 1, 'Range.setFontWeights': 1, 'Range.setNotes': 1 });

    sandbox.call('markRuleProblems', { decoration: sheetDecoration(sheet.values) });
    expect(model.format(row, col).background).toBe(RULES_SHEET_COLORS.background);
    expect(model.note(row, col)).toBe('');
  });

  it('writes an edited rule over its own row, and the sheet reads back with it', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const draft = applyRuleDraft(base, { ...ruleDraftOf(base, 'days-short')!, points: '每天1分，最多20分' });
    expect(draft.problems).toEqual([]);
    const sheet = readBack(sandbox);
    const edit = ruleRowEdit(sheet, base, draft.rule!)!;
    expect(edit.insert).toBe(false);
    expect(sandbox.call('writeRuleRow', edit)).toEqual({ row: edit.row + 1 });
    const after = readBack(sandbox);
    expect(after.values.length).toBe(sheet.values.length);
    const read = readRulesSheet(after);
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack!.rules[1]).toEqual(draft.rule);
    expect(read.packs[0]!.pack!.rules[1]!.points).toEqual({ per: 'days', each: 1, max: 20 });
  });

  it('inserts a new rule under its table, with the row above’s drop-downs and a header for a new condition column', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const draft = applyRuleDraft(base, { id: 'pilot', indicator: '五个一', conditions: { 所驻村: '阿拉坦嘎查,巴彦嘎查' }, points: 2, note: '试点嘎查加分' });
    expect(draft.problems).toEqual([]);
    const sheet = readBack(sandbox);
    const edit = ruleRowEdit(sheet, base, draft.rule!)!;
    expect(edit).toMatchObject({ insert: true, headers: [{ text: '所驻村' }] });
    expect(sandbox.call('writeRuleRow', edit)).toEqual({ row: edit.row + 2 });

    const model = sandbox.workbook.sheet(RULES_SHEET)!;
    expect(model.value(edit.row + 1, 1)).toBe('pilot');
    expect(model.validation(edit.row + 1, 0)?.values).toEqual(['是', '否']);
    expect(model.value(edit.headers[0]!.row, edit.headers[0]!.col)).toBe('所驻村');
    const read = readRulesSheet(readBack(sandbox));
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack!.rules.find((r) => r.id === 'pilot')).toEqual(draft.rule);
    // The tables below moved down by one row and still read.
    expect(read.packs[0]!.tests.length).toBe(defaultRules()[0]!.tests.length);
  });

  it('writes the branch block’s rules: over a row, and a new one inside its 【规则】 table; the tables below still read', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const shipped = defaultRules()[1].branch;
    const sheet = readBack(sandbox);
    const from = rowOf(sheet, '【规则包】党支部考核');

    const raised = applyRuleDraft(shipped, { ...ruleDraftOf(shipped, 'service-rate')!, conditions: { 办结率: '>= 95%' } });
    const over = ruleRowEdit(sheet, shipped, raised.rule!)!;
    expect(over).toMatchObject({ row: locate(sheet, '规则', 'service-rate', '办结率', from).row, insert: false });
    expect(sandbox.call('writeRuleRow', over)).toEqual({ row: over.row + 1 });

    const current = packFor(readRulesSheet(readBack(sandbox)), 'branch')!.pack!;
    const below = applyRuleDraft(current, { indicator: '为民服务', conditions: { 办结率: '< 95%' }, points: '每1%0.1分，最多10分' });
    const edit = ruleRowEdit(readBack(sandbox), current, below.rule!)!;
    const last = locate(sheet, '规则', 'cadres-failing', '编号', from).row;
    expect(edit).toMatchObject({ row: last, insert: true, headers: [] });
    sandbox.calls.reset();
    expect(sandbox.call('writeRuleRow', edit)).toEqual({ row: last + 2 });
    // A few calls, whatever the number of rules: the row inserted, formatted and written at once.
    expect(sandbox.calls.byMethod(SPREADSHEET_SERVICES)).toEqual({
      'Range.setNumberFormat': 1,
      'Range.setValues': 1,
      'Sheet.getDeveloperMetadata': 1,
      'Sheet.getMaxColumns': 1,
      'Sheet.getRange': 1,
      'Sheet.insertRowAfter': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });

    const model = sandbox.workbook.sheet(RULES_SHEET)!;
    expect(model.value(last + 1, 1)).toBe('service-1');
    expect(model.validation(last + 1, 0)?.values).toEqual(['是', '否']);
    const after = readBack(sandbox);
    expect(after.values.length).toBe(sheet.values.length + 1);
    const read = readRulesSheet(after);
    expect(read.problems).toEqual([]);
    const pack = packFor(read, 'branch')!.pack!;
    expect(pack.rules.filter((r) => r.indicator === 'service')).toEqual([raised.rule, below.rule]);
    // 【等次】【必达要求】【软弱涣散风险】【设置】 moved down one row and read as before; the cadre block is untouched.
    expect({ ...pack, rules: [] }).toEqual({ ...shipped, rules: [] });
    expect(read.packs[0]!.pack).toEqual(base);
    expect(read.packs[0]!.tests.length).toBe(defaultRules()[0]!.tests.length);
  });

  it('widens a narrowed sheet when a new rule’s condition columns reach past its edge', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const model = sandbox.workbook.sheet(RULES_SHEET)!;
    const width = rulesSheetLayout(defaultRules()).values[0]!.length;
    // Staff deleted the empty columns right of the tables.
    model.deleteColumns(width, model.maxColumns - width);
    const shipped = defaultRules()[1].branch;
    // The branch block is wider with the yearly and declared facts: seven meeting counts still reach past its edge.
    const counts = { 支委会次数: '< 3', 党小组会次数: '< 3', 支部党员大会次数: '< 1', 党课次数: '< 1', 主题党日次数: '< 3', 组织生活会次数: '< 1', 民主评议党员次数: '< 1' };
    const draft = applyRuleDraft(shipped, { indicator: '三会一课', conditions: counts, points: '扣5分' });
    expect(draft.problems).toEqual([]);
    const edit = ruleRowEdit(readBack(sandbox), shipped, draft.rule!)!;
    expect(Math.max(...edit.headers.map((h) => h.col))).toBeGreaterThanOrEqual(width);
    sandbox.call('writeRuleRow', edit);
    expect(model.maxColumns).toBe(Math.max(...edit.headers.map((h) => h.col)) + 1);
    const read = readRulesSheet(readBack(sandbox));
    expect(read.problems).toEqual([]);
    expect(packFor(read, 'branch')!.pack!.rules.find((r) => r.id === draft.rule!.id)).toEqual(draft.rule);
  });

  it('refuses a rule row for a rules sheet that is not there, or for any other sheet, in both languages', () => {
    const edit: RuleRowEdit = { sheet: RULES_SHEET, row: 1, insert: false, values: ['是'], headers: [] };
    expect(() => township().call('writeRuleRow', edit)).toThrow(/^找不到工作表“考评规则”\nthere is no sheet named "考评规则"$/);
    expect(() => township().call('writeRuleRow', { ...edit, sheet: '别的表' })).toThrow(/^规则只写入“考评规则”表，不能写入工作表“别的表”[^]*\nrules are written only to the sheet "考评规则", not to "别的表"/);
  });

  it('replaces the sheet with imported rules, leaving nothing of the old one', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(bigger()));
    const old = readBack(sandbox);
    const last = old.values.length - 1;
    const problem = { sheet: RULES_SHEET, cell: `B${last + 1}`, message: '旧的问题', messageEn: 'an old problem' };
    sandbox.call('markRuleProblems', { decoration: sheetDecoration(old.values, [problem]) });
    const model = sandbox.workbook.sheet(RULES_SHEET)!;
    expect(model.note(last, 1)).toContain('旧的问题');

    expect(sandbox.call('replaceRulesSheet', rulesSheetPaint(defaultRules()))).toEqual({ created: false, sheet: RULES_SHEET });
    const layout = rulesSheetLayout(defaultRules());
    const height = layout.values.reduce((h, row, r) => (row.some((v) => v !== '') ? r + 1 : h), 0);
    expect(model.lastRow).toBe(height);
    expect(model.merges).toEqual(layout.merges);
    for (let r = layout.values.length; r <= last; r++) {
      for (let c = 0; c < model.maxColumns; c++) {
        expect([model.value(r, c), model.note(r, c), model.validation(r, c), model.format(r, c).background]).toEqual([undefined, '', undefined, undefined]);
      }
    }
    const read = readRulesSheet(readBack(sandbox));
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(base);
  });

  it('creates the sheet when importing into a workbook that has none', () => {
    const sandbox = township();
    expect(sandbox.call('replaceRulesSheet', rulesSheetPaint(bigger()))).toEqual({ created: true, sheet: RULES_SHEET });
    expect(readRulesSheet(readBack(sandbox)).packs[0]!.pack!.rules).toHaveLength(81);
  });
});
