import { describe, expect, it } from 'vitest';
import { defaultRules, readRulesSheet, ruleDraftOf, applyRuleDraft, ruleRowEdit, RULES_SHEET, rulesSheetPaint, sheetDecoration, type ResultTable } from '../../src/core/index';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { FormulaValue, WorkbookModel, type GasSandbox } from '../../src/node/gas/index';
import type { WorkbookPayload } from '../../src/rpc/contract';
import { ledgerSheet, smallWorkbook } from '../rulesheet/workbook-fixture';
import { carriesMark, markAsAddons, sandboxOf, sheetState } from './harness';

const APRIL = '4月驻村台账';
const MAY = ledgerSheet().name;
const RESULTS = '考评结果';
const BRANCHES = '支部汇总';

/**
 * A township's workbook with two ledgers; the April one as staff really keep
 * it: a formula total, a note, a drop-down, bold and coloured cells, aligned
 * and wrapped text, a frozen header and a widened column.
 */
function township(): GasSandbox {
  const book = WorkbookModel.fromSnapshot(smallWorkbook([{ ...ledgerSheet(), name: APRIL }]), { name: '吉仁高勒镇台账' });
  const april = book.sheet(APRIL)!;
  april.setValue(11, 3, new FormulaValue('=SUM(D4:D11)'));
  april.setNote(3, 1, '张三4月请假3天');
  april.setValidation(3, 6, { criteria: 'VALUE_IN_LIST', values: ['√', '×'], showDropdown: true, allowInvalid: false });
  april.updateFormat(2, 0, { bold: true, background: '#fce8b2', horizontalAlignment: 'center', wrap: true });
  april.updateFormat(4, 5, { fontColor: '#c5221f', numberFormat: '0' });
  april.frozenRows = 3;
  april.columnWidths.set(2, 140);
  return sandboxOf(book);
}

function table(sheet: string, rows: (string | number)[][] = [['张三', 92]]): ResultTable {
  return { sheet, note: `由“台账考评”于 2024-06-01 09:00:00 生成：${sheet}`, header: ['姓名', '总分'], rows, columnWidths: [80, 60], numberFormats: ['', '0.##'], wrap: [] };
}

function readBack(sandbox: GasSandbox): SheetSnapshot {
  const payload = sandbox.call('getWorkbook') as WorkbookPayload;
  return payload.snapshot.sheets.find((s) => s.name === RULES_SHEET)!;
}

const ledgers = (sandbox: GasSandbox) => [sheetState(sandbox.workbook, APRIL), sheetState(sandbox.workbook, MAY)];
const names = (sandbox: GasSandbox) => sandbox.workbook.sheets.map((s) => s.name);

/** A rule row edit for a new rule, aimed at `sheet`. */
function newRuleRow(sandbox: GasSandbox, sheet: string) {
  const pack = readRulesSheet(readBack(sandbox)).packs[0]!.pack!;
  const draft = applyRuleDraft(pack, { ...ruleDraftOf(pack, 'days-short')!, points: '每天1分，最多20分' });
  return { ...ruleRowEdit(readBack(sandbox), pack, draft.rule!)!, sheet };
}

describe('"unchanged" means unchanged', () => {
  it('sheetState sees a formula, a style, an alignment, a note, a drop-down and the add-on’s mark change', () => {
    const changes: [string, (s: WorkbookModel) => void][] = [
      ['formula', (b) => b.sheet(APRIL)!.setValue(11, 3, new FormulaValue('=SUM(D4:D10)'))],
      ['font', (b) => b.sheet(APRIL)!.updateFormat(2, 0, { bold: false })],
      ['background', (b) => b.sheet(APRIL)!.updateFormat(2, 1, { background: '#ffffff' })],
      ['alignment', (b) => b.sheet(APRIL)!.updateFormat(2, 0, { horizontalAlignment: 'left' })],
      ['note', (b) => b.sheet(APRIL)!.setNote(3, 1, '')],
      ['drop-down', (b) => b.sheet(APRIL)!.setValidation(3, 6, undefined)],
      ['mark', (b) => markAsAddons(b.sheet(APRIL)!, RESULTS)],
      ['place', (b) => b.sheets.reverse()],
    ];
    for (const [what, change] of changes) {
      const sandbox = township();
      const before = sheetState(sandbox.workbook, APRIL);
      change(sandbox.workbook);
      expect(sheetState(sandbox.workbook, APRIL), what).not.toEqual(before);
    }
  });

  it('every writing server call leaves both ledgers exactly as they were, refused or not', () => {
    const sandbox = township();
    const before = ledgers(sandbox);
    const paint = rulesSheetPaint(defaultRules());
    sandbox.call('ensureRulesSheet', paint);
    sandbox.call('markRuleProblems', { decoration: sheetDecoration(readBack(sandbox).values) });
    sandbox.call('writeRuleRow', newRuleRow(sandbox, RULES_SHEET));
    expect(() => sandbox.call('writeRuleRow', newRuleRow(sandbox, APRIL))).toThrow(/4月驻村台账/);
    sandbox.call('replaceRulesSheet', paint);
    sandbox.call('writeResults', { tables: [table(RESULTS), table(BRANCHES)] });
    sandbox.call('writeResults', { tables: [table(RESULTS, [['李四', 71]]), table(BRANCHES)] });
    expect(() => sandbox.call('writeResults', { tables: [table(APRIL)] })).toThrow(/4月驻村台账/);
    sandbox.call('saveMapping', { 驻村天数: 'days' });
    sandbox.call('recordRulesVersion', { version: 'v1', time: '2024-06-01', pack: '{}' });
    sandbox.call('selectCell', { sheet: APRIL, cell: 'D12' });
    expect(ledgers(sandbox)).toEqual(before);
  });
});

describe('the user’s cells, for certain', () => {
  it('writeRuleRow refuses a ledger named in the edit, in both languages, and writes nothing', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const before = ledgers(sandbox);
    const rules = sheetState(sandbox.workbook, RULES_SHEET);
    expect(() => sandbox.call('writeRuleRow', newRuleRow(sandbox, APRIL))).toThrow(
      /^规则只写入“考评规则”表，不能写入工作表“4月驻村台账”，台账不会被改动\nrules are written only to the sheet "考评规则", not to "4月驻村台账"; ledgers are never changed$/,
    );
    expect(ledgers(sandbox)).toEqual(before);
    expect(sheetState(sandbox.workbook, RULES_SHEET)).toEqual(rules);
  });

  it('a 考评规则 the user made by hand (no mark, not the add-on’s layout) is refused by every rules writer and left as it is', () => {
    const sandbox = township();
    const own = sandbox.workbook.addSheet(RULES_SHEET);
    own.setValue(0, 0, '我们自己的考评规则笔记');
    own.setValue(3, 1, '下基层天数');
    const before = sheetState(sandbox.workbook, RULES_SHEET);
    const refused = /^工作表“考评规则”与插件的表同名，但没有插件的标记[^]*\nsheet "考评规则" has the name of one of the add-on's sheets but not its mark/;
    const paint = rulesSheetPaint(defaultRules());
    const edit = { sheet: RULES_SHEET, row: 3, insert: false, values: ['是', 'x', '下基层天数', '>= 10', 20], headers: [] };
    expect(() => sandbox.call('writeRuleRow', edit)).toThrow(refused);
    expect(() => sandbox.call('replaceRulesSheet', paint)).toThrow(refused);
    expect(() => sandbox.call('markRuleProblems', { decoration: paint.decoration })).toThrow(refused);
    expect(sandbox.call('ensureRulesSheet', paint)).toEqual({ created: false, sheet: RULES_SHEET });
    expect(sheetState(sandbox.workbook, RULES_SHEET)).toEqual(before);
  });

  it('a 考评结果 the user made by hand is not overwritten: refused by name, nothing written, no sheet left behind', () => {
    const sandbox = township();
    const own = sandbox.workbook.addSheet(RESULTS);
    own.setValue(0, 0, '我的考评结果（手工）');
    const before = sheetState(sandbox.workbook, RESULTS);
    const sheets = names(sandbox);
    expect(() => sandbox.call('writeResults', { tables: [table(BRANCHES), table(RESULTS)] })).toThrow(/^工作表“考评结果”与插件的表同名，但没有插件的标记/);
    expect(sheetState(sandbox.workbook, RESULTS)).toEqual(before);
    expect(names(sandbox)).toEqual(sheets);
  });

  it('marks every sheet it creates: 考评规则, 考评结果, 支部汇总', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    sandbox.call('writeResults', { tables: [table(RESULTS), table(BRANCHES)] });
    for (const name of [RULES_SHEET, RESULTS, BRANCHES]) expect(carriesMark(sandbox.workbook.sheet(name), name), name).toBe(true);
    expect(carriesMark(sandbox.workbook.sheet(APRIL), RESULTS)).toBe(false);
    // A mark for another sheet does not count: 支部汇总's mark does not make a sheet 考评结果.
    sandbox.workbook.sheet(RESULTS)!.metadata = [];
    markAsAddons(sandbox.workbook.sheet(RESULTS)!, BRANCHES);
    sandbox.workbook.sheet(RESULTS)!.setValue(0, 0, '手工');
    expect(() => sandbox.call('writeResults', { tables: [table(RESULTS)] })).toThrow(/工作表“考评结果”与插件的表同名/);
  });

  it('migration: sheets an earlier version wrote, without the mark, are recognised by their A1 and marked', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    sandbox.call('writeResults', { tables: [table(RESULTS), table(BRANCHES)] });
    for (const s of sandbox.workbook.sheets) s.metadata = [];

    sandbox.call('writeRuleRow', newRuleRow(sandbox, RULES_SHEET));
    expect(carriesMark(sandbox.workbook.sheet(RULES_SHEET), RULES_SHEET)).toBe(true);
    sandbox.call('writeResults', { tables: [table(RESULTS, [['李四', 71]]), table(BRANCHES)] });
    expect(sandbox.workbook.sheet(RESULTS)!.value(2, 0)).toBe('李四');
    expect(carriesMark(sandbox.workbook.sheet(RESULTS), RESULTS)).toBe(true);
  });
});
