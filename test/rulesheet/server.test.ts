import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRules, readRulesSheet, RULES_SHEET, RULES_SHEET_COLORS, rulesSheetLayout, rulesSheetPaint, sheetDecoration, type PackEntry } from '../../src/core/index';
import type { Cell } from '../../src/core/snapshot';
import { ensureRulesSheet, markRuleProblems, replaceRulesSheet, writeRuleRow, writeRulesSheet } from '../../src/server/rules-sheet';

type Grid = unknown[][];

/** Just enough of SpreadsheetApp to run the rules-sheet functions, counting every service call. */
class FakeSheet {
  values: Grid = [];
  backgrounds: Grid = [];
  notes: Grid = [];
  readonly calls: string[] = [];
  constructor(readonly name: string) {}

  private grow(rows: number, cols: number) {
    for (const grid of [this.values, this.backgrounds, this.notes]) {
      while (grid.length < rows) grid.push([]);
      for (const row of grid) while (row.length < cols) row.push('');
    }
  }

  getRange(row: number, col: number, rows = 1, cols = 1) {
    const sheet = this;
    const region = <T>(grid: Grid, data: T[][]) => {
      sheet.grow(row - 1 + rows, col - 1 + cols);
      data.forEach((r, i) => r.forEach((v, j) => (grid[row - 1 + i]![col - 1 + j] = v)));
    };
    const call = (name: string) => sheet.calls.push(name);
    return {
      setValues: (data: unknown[][]) => (call('setValues'), region(sheet.values, data)),
      setValue: (v: unknown) => (call('setValue'), region(sheet.values, [[v]])),
      setBackgrounds: (data: string[][]) => (call('setBackgrounds'), region(sheet.backgrounds, data)),
      setNotes: (data: string[][]) => (call('setNotes'), region(sheet.notes, data)),
      setFontColors: () => call('setFontColors'),
      setFontWeights: () => call('setFontWeights'),
      setDataValidations: () => call('setDataValidations'),
      setNumberFormat: () => call('setNumberFormat'),
      merge: () => call('merge'),
      breakApart: () => call('breakApart'),
      clear: () => {
        call('clear');
        for (const grid of [sheet.values, sheet.backgrounds, sheet.notes]) grid.length = 0;
      },
      clearNote: () => call('clearNote'),
      clearDataValidations: () => call('clearDataValidations'),
    };
  }

  getDataRange() {
    this.calls.push('getDataRange');
    const height = this.values.length;
    const width = Math.max(0, ...this.values.map((r) => r.length));
    return { ...this.getRange(1, 1, height, width), getValues: () => (this.calls.push('getValues'), this.values.map((r) => r.slice())) };
  }

  getRangeList() {
    return { setNumberFormat: () => this.calls.push('setNumberFormat') };
  }

  getMaxColumns() {
    return 26;
  }

  getLastRow() {
    return this.values.length;
  }

  getLastColumn() {
    return Math.max(0, ...this.values.map((r) => r.length));
  }

  getMaxRows() {
    return 1000;
  }

  insertColumnsAfter() {
    this.calls.push('insertColumnsAfter');
  }

  insertRowsAfter() {
    this.calls.push('insertRowsAfter');
  }

  insertRowAfter(after: number) {
    this.calls.push('insertRowAfter');
    for (const grid of [this.values, this.backgrounds, this.notes]) grid.splice(after, 0, []);
  }

  setColumnWidths() {
    this.calls.push('setColumnWidths');
  }
}

class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string) {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }
  getNumSheets() {
    return this.sheets.length;
  }
  getName() {
    return '吉仁高勒镇台账';
  }
}

let spreadsheet: FakeSpreadsheet;

beforeEach(() => {
  spreadsheet = new FakeSpreadsheet();
  const builder = { requireValueInList: () => builder, setAllowInvalid: () => builder, build: () => ({}) };
  (globalThis as Record<string, unknown>).SpreadsheetApp = { getActiveSpreadsheet: () => spreadsheet, newDataValidation: () => builder };
});

afterEach(() => {
  delete (globalThis as Record<string, unknown>).SpreadsheetApp;
});

/** The default pack with 60 more rules: a big township's sheet. */
function bigger(): PackEntry[] {
  const [entry] = defaultRules();
  const extra = Array.from({ length: 60 }, (_, i) => ({ ...entry!.pack.rules[5]!, id: `extra-${i}` }));
  return [{ ...entry!, pack: { ...entry!.pack, rules: [...entry!.pack.rules, ...extra] } }];
}

describe('the rules sheet in Google Sheets', () => {
  it('is created once from the default packs, in a fixed number of calls', () => {
    expect(ensureRulesSheet(rulesSheetPaint(defaultRules()))).toEqual({ created: true, sheet: RULES_SHEET });
    const sheet = spreadsheet.getSheetByName(RULES_SHEET)!;
    const layout = rulesSheetLayout(defaultRules());
    expect(sheet.values.slice(0, layout.values.length).map((r) => r.slice(0, layout.values[0]!.length))).toEqual(layout.values);
    expect(sheet.calls.filter((c) => c === 'setValues')).toHaveLength(1);
    expect(ensureRulesSheet(rulesSheetPaint(defaultRules()))).toEqual({ created: false, sheet: RULES_SHEET });
    expect(spreadsheet.sheets).toHaveLength(1);
  });

  it('takes as many calls for 81 rules as for 21', () => {
    const small = new FakeSheet('a');
    const big = new FakeSheet('b');
    writeRulesSheet(small as unknown as GoogleAppsScript.Spreadsheet.Sheet, rulesSheetPaint(defaultRules()));
    writeRulesSheet(big as unknown as GoogleAppsScript.Spreadsheet.Sheet, rulesSheetPaint(bigger()));
    expect(big.values.length).toBeGreaterThan(small.values.length + 50);
    expect(big.calls).toEqual(small.calls);
  });

  it('marks problem cells with a colour and a note, and clears old marks, in one call each', () => {
    ensureRulesSheet(rulesSheetPaint(defaultRules()));
    const sheet = spreadsheet.getSheetByName(RULES_SHEET)!;
    sheet.calls.length = 0;
    // As the sidebar does it: the rules sheet's values from the snapshot, the problems found in them.
    const values = sheet.values.map((r) => r.map((v): Cell => (v === '' ? null : (v as string | number))));
    const problem = { sheet: RULES_SHEET, cell: 'D14', message: '“>= 十” 不是数字，请写成 “>= 10”', messageEn: '">= 十" is not a number' };
    expect(markRuleProblems({ decoration: sheetDecoration(values, [problem]) })).toEqual({ cells: sheet.values.length * sheet.values[0]!.length });
    expect(sheet.backgrounds[13]![3]).toBe(RULES_SHEET_COLORS.problemBackground);
    expect(sheet.notes[13]![3]).toBe('⚠ “>= 十” 不是数字，请写成 “>= 10”');
    expect(sheet.notes[12]![3]).toContain('条件：');
    expect(sheet.calls).toEqual(['setBackgrounds', 'setFontColors', 'setFontWeights', 'setNotes']);

    markRuleProblems({ decoration: sheetDecoration(values.slice(0, 20)) });
    expect(sheet.backgrounds[13]![3]).toBe(RULES_SHEET_COLORS.background);
    expect(sheet.notes[13]![3]).toBe('');
  });

  it('writes a rule from the editor as a new row under the table', () => {
    ensureRulesSheet(rulesSheetPaint(defaultRules()));
    const sheet = spreadsheet.getSheetByName(RULES_SHEET)!;
    expect(writeRuleRow({ sheet: RULES_SHEET, row: 33, insert: true, values: ['是', 'pilot', '五个一'], headers: [{ row: 12, col: 17, text: '所驻村' }] })).toEqual({ row: 35 });
    expect(sheet.values[34]!.slice(0, 3)).toEqual(['是', 'pilot', '五个一']);
    expect(sheet.values[12]![17]).toBe('所驻村');
    expect(() => writeRuleRow({ sheet: '别的表', row: 1, insert: false, values: [], headers: [] })).toThrow('找不到工作表“别的表”');
  });

  it('replaces the sheet with imported rules, leaving nothing of the old one', () => {
    ensureRulesSheet(rulesSheetPaint(defaultRules()));
    const sheet = spreadsheet.getSheetByName(RULES_SHEET)!;
    sheet.calls.length = 0;
    expect(replaceRulesSheet(rulesSheetPaint(bigger()))).toEqual({ created: false, sheet: RULES_SHEET });
    expect(sheet.calls.slice(0, 4)).toEqual(['breakApart', 'clear', 'clearNote', 'clearDataValidations']);
    const values = sheet.values.map((r) => r.map((v) => (v === '' ? null : (v as string | number))));
    expect(readRulesSheet({ name: RULES_SHEET, values, merges: [] }).packs[0]!.pack!.rules).toHaveLength(81);
  });
});
