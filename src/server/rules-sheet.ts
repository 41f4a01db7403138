import { type Cell, a1 } from '../core/snapshot';
import { defaultRules, fromA1, RULES_SHEET, type RuleProblem, rulesSheetLayout, type SheetLayout, sheetDecoration, t } from '../core/index';
import type { RpcArgs, RpcResult } from '../rpc/contract';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets' number format for plain text: a condition such as 1-2 stays text instead of becoming a date. */
const TEXT_FORMAT = '@';

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** What getValues gives, as cells the core reads; only the layout of the sheet matters here, so dates need no time zone. */
function cells(values: unknown[][]): Cell[][] {
  return values.map((row) => row.map((v) => (v === '' || v === null || v === undefined ? null : isDate(v) ? v.toISOString() : typeof v === 'number' || typeof v === 'boolean' ? v : String(v))));
}

const rangeA1 = (r: { top: number; left: number; bottom: number; right: number }) => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/** Consecutive columns of equal width, one setColumnWidths call each. */
function widthRuns(widths: number[]): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  widths.forEach((width, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width) last.count++;
    else runs.push({ start: i + 1, count: 1, width });
  });
  return runs;
}

/**
 * Writes a rules sheet layout in a number of calls that depends on the number
 * of tables and columns, never on the number of rules: formats, values,
 * colours, weights, notes and drop-downs each go over the whole range at once.
 */
export function writeLayout(sheet: Sheet, layout: SheetLayout): void {
  const height = layout.values.length;
  const width = layout.values[0]?.length ?? 0;
  if (height === 0 || width === 0) return;
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (sheet.getMaxRows() < height) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  const range = sheet.getRange(1, 1, height, width);
  if (layout.textRanges.length > 0) sheet.getRangeList(layout.textRanges.map(rangeA1)).setNumberFormat(TEXT_FORMAT);
  range.setValues(layout.values);
  const deco = sheetDecoration(layout.values);
  range.setBackgrounds(deco.backgrounds);
  range.setFontColors(deco.fontColors);
  range.setFontWeights(deco.fontWeights);
  range.setNotes(deco.notes);
  for (const m of layout.merges) sheet.getRange(m.top + 1, m.left + 1, m.bottom - m.top + 1, m.right - m.left + 1).merge();
  for (const run of widthRuns(layout.columnWidths)) sheet.setColumnWidths(run.start, run.count, run.width);
  if (layout.lists.length > 0) {
    const rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();
    const grid: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = layout.values.map((row) => row.map(() => null));
    for (const list of layout.lists) {
      const key = list.values.join('\u0000');
      if (!rules.has(key)) rules.set(key, SpreadsheetApp.newDataValidation().requireValueInList(list.values, true).setAllowInvalid(true).build());
      for (let r = list.top; r <= list.bottom; r++) for (let c = list.left; c <= list.right; c++) grid[r]![c] = rules.get(key)!;
    }
    range.setDataValidations(grid);
  }
}

/** Creates 考评规则 from the default packs when the workbook has none; an existing one is the staff's and stays as it is. */
export function ensureRulesSheet(): RpcResult<'ensureRulesSheet'> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (spreadsheet.getSheetByName(RULES_SHEET)) return { created: false, sheet: RULES_SHEET };
  const sheet = spreadsheet.insertSheet(RULES_SHEET, spreadsheet.getNumSheets());
  writeLayout(sheet, rulesSheetLayout(defaultRules()));
  return { created: true, sheet: RULES_SHEET };
}

/**
 * Replaces 考评规则 with rules the sidebar has already read and checked (a
 * pack file a township shared): the sheet is the add-on's, so it is cleared
 * of values, formats, notes, merges and drop-downs first.
 */
export function replaceRulesSheet(layout: RpcArgs<'replaceRulesSheet'>[0]): RpcResult<'replaceRulesSheet'> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(RULES_SHEET) ?? spreadsheet.insertSheet(RULES_SHEET, spreadsheet.getNumSheets());
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.breakApart();
  all.clear();
  all.clearNote();
  all.clearDataValidations();
  writeLayout(sheet, layout);
  return { created: false, sheet: RULES_SHEET };
}

/**
 * Marks the problems found in 考评规则: each cell gets a colour and a note
 * saying what is wrong and how to fix it, and the marks of earlier runs give
 * way. The sheet is the add-on's, so colours and notes are rewritten over its
 * whole used range in one call each.
 */
export function markRuleProblems(args: RpcArgs<'markRuleProblems'>[0]): RpcResult<'markRuleProblems'> {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(RULES_SHEET);
  if (!sheet) return { marked: 0 };
  const range = sheet.getDataRange();
  const values = cells(range.getValues());
  const problems: RuleProblem[] = args.problems.filter((p) => p.sheet === RULES_SHEET);
  const deco = sheetDecoration(values, problems);
  range.setBackgrounds(deco.backgrounds);
  range.setFontColors(deco.fontColors);
  range.setFontWeights(deco.fontWeights);
  range.setNotes(deco.notes);
  const width = values[0]?.length ?? 0;
  const inside = new Set(
    problems.filter((p) => {
      const at = fromA1(p.cell);
      return at !== undefined && at.row < values.length && at.col < width;
    }).map((p) => p.cell),
  );
  return { marked: inside.size };
}

/**
 * Writes one rule from the sidebar's editor: over its own row, or as a new row
 * at the end of its table, plus a header for a condition column the table
 * lacked. The row is plain text, as the rules sheet's condition cells are.
 */
export function writeRuleRow(edit: RpcArgs<'writeRuleRow'>[0]): RpcResult<'writeRuleRow'> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(edit.sheet);
  if (!sheet) {
    const file = spreadsheet.getName();
    throw new Error(`${t('rsCliNoRulesSheet', { file })}\n${t('rsCliNoRulesSheet', { file }, 'en')}`);
  }
  let row = edit.row + 1;
  if (edit.insert) {
    sheet.insertRowAfter(row);
    row++;
  }
  const target = sheet.getRange(row, 1, 1, edit.values.length);
  target.setNumberFormat(TEXT_FORMAT);
  target.setValues([edit.values]);
  for (const h of edit.headers) sheet.getRange(h.row + 1, h.col + 1).setValue(h.text);
  return { row };
}
