import { RULES_SHEET } from '../core/rulesheet/name';
import { RULES_SHEET_COLORS, type RulesSheetPaint, type SheetDecoration } from '../core/rulesheet/schemas';
import { a1 } from '../core/snapshot';
import type { RpcArgs, RpcResult } from '../rpc/contract';
import { UserError } from './errors';
import { TEXT_FORMAT, widthRuns } from './layout';
import { isCutNote, literal, literalGrid } from './literal';
import { markOwned, requireOwn } from './owned';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const rangeA1 = (r: { top: number; left: number; bottom: number; right: number }) => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/** A grid cut or padded to height × width, so it fits a range exactly. */
function fit<T>(grid: T[][], height: number, width: number, blank: T): T[][] {
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? blank));
}

/** The decoration's notes, with the note of each cell whose text was cut to fit added to it. */
function withCutNotes(notes: string[][], cut: string[][] | undefined): string[][] {
  if (!cut) return notes;
  return notes.map((row, r) => row.map((note, c) => [note, cut[r]?.[c] ?? ''].filter((n) => n !== '').join('\n')));
}

function paintDecoration(range: GoogleAppsScript.Spreadsheet.Range, deco: SheetDecoration, height: number, width: number, cut?: string[][]): void {
  const C = RULES_SHEET_COLORS;
  range.setBackgrounds(fit(deco.backgrounds, height, width, C.background));
  range.setFontColors(fit(deco.fontColors, height, width, C.text));
  range.setFontWeights(fit<'bold' | 'normal'>(deco.fontWeights, height, width, 'normal'));
  range.setNotes(withCutNotes(fit(deco.notes, height, width, ''), cut));
}

/**
 * Writes a whole rules sheet in a number of calls that depends on the number
 * of tables and columns, never on the number of rules: formats, values,
 * colours, weights, notes and drop-downs each go over the whole range at once.
 */
export function writeRulesSheet(sheet: Sheet, { layout, decoration }: RulesSheetPaint): void {
  const height = layout.values.length;
  const width = layout.values[0]?.length ?? 0;
  if (height === 0 || width === 0) return;
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (sheet.getMaxRows() < height) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  const range = sheet.getRange(1, 1, height, width);
  if (layout.textRanges.length > 0) sheet.getRangeList(layout.textRanges.map(rangeA1)).setNumberFormat(TEXT_FORMAT);
  const cells = literalGrid(layout.values);
  range.setValues(cells.values);
  paintDecoration(range, decoration, height, width, cells.notes);
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
export function ensureRulesSheet(paint: RpcArgs<'ensureRulesSheet'>[0]): RpcResult<'ensureRulesSheet'> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (spreadsheet.getSheetByName(RULES_SHEET)) return { created: false, sheet: RULES_SHEET };
  writeRulesSheet(newRulesSheet(spreadsheet), paint);
  return { created: true, sheet: RULES_SHEET };
}

function newRulesSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  const sheet = spreadsheet.insertSheet(RULES_SHEET, spreadsheet.getNumSheets());
  markOwned(sheet, RULES_SHEET);
  return sheet;
}

/** 考评规则 when the add-on may write it (its mark, or the layout of an earlier version); refused, named, when the user made a sheet of that name. */
function ownRulesSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet | null {
  const sheet = spreadsheet.getSheetByName(RULES_SHEET);
  if (sheet) requireOwn(sheet, RULES_SHEET);
  return sheet;
}

/**
 * Replaces 考评规则 with rules the sidebar has already read and checked (a
 * pack file a township shared): the sheet is the add-on's, so it is cleared
 * of values, formats, notes, merges and drop-downs first.
 */
export function replaceRulesSheet(paint: RpcArgs<'replaceRulesSheet'>[0]): RpcResult<'replaceRulesSheet'> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = ownRulesSheet(spreadsheet);
  const sheet = existing ?? newRulesSheet(spreadsheet);
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.breakApart();
  all.clear();
  all.clearNote();
  all.clearDataValidations();
  writeRulesSheet(sheet, paint);
  return { created: !existing, sheet: RULES_SHEET };
}

/**
 * Paints the problems found in 考评规则 (a colour and a note on each cell,
 * worked out by the sidebar with sheetDecoration) over the sheet's whole used
 * range, one call each, so the marks of earlier runs give way; the notes of
 * cells whose text was cut to fit stay, since the sidebar cannot know of them.
 */
export function markRuleProblems(args: RpcArgs<'markRuleProblems'>[0]): RpcResult<'markRuleProblems'> {
  const sheet = ownRulesSheet(SpreadsheetApp.getActiveSpreadsheet());
  if (!sheet) return { cells: 0 };
  const height = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (height === 0 || width === 0) return { cells: 0 };
  const range = sheet.getRange(1, 1, height, width);
  const cut = range.getNotes().map((row) => row.map((note) => note.split('\n').filter(isCutNote).join('\n')));
  paintDecoration(range, args.decoration, height, width, cut);
  return { cells: height * width };
}

/**
 * Writes one rule from the sidebar's editor (a row of either block's 【规则】):
 * over its own row, or as a new row right under the table's last, so the
 * tables below move down together and still read; plus a header for a
 * condition column the table lacked, the sheet widened first if that column is
 * past its edge. The row is plain text, as the rules sheet's condition cells are.
 * Only the add-on's own 考评规则 is written: any other sheet named is refused.
 */
export function writeRuleRow(edit: RpcArgs<'writeRuleRow'>[0]): RpcResult<'writeRuleRow'> {
  if (edit.sheet !== RULES_SHEET) throw new UserError('ruleRowNotRules', { rules: RULES_SHEET, sheet: edit.sheet });
  const sheet = ownRulesSheet(SpreadsheetApp.getActiveSpreadsheet());
  if (!sheet) throw new UserError('sheetMissing', { sheet: edit.sheet });
  const width = Math.max(edit.values.length, ...edit.headers.map((h) => h.col + 1));
  const columns = sheet.getMaxColumns();
  if (columns < width) sheet.insertColumnsAfter(columns, width - columns);
  let row = edit.row + 1;
  if (edit.insert) {
    sheet.insertRowAfter(row);
    row++;
  }
  const target = sheet.getRange(row, 1, 1, edit.values.length);
  target.setNumberFormat(TEXT_FORMAT);
  const cells = literalGrid([edit.values]);
  target.setValues(cells.values);
  cells.notes?.[0]!.forEach((note, c) => {
    if (note !== '') sheet.getRange(row, c + 1).setNote(note);
  });
  for (const h of edit.headers) {
    const header = literal(h.text);
    const cell = sheet.getRange(h.row + 1, h.col + 1).setValue(header.value);
    if (header.note !== undefined) cell.setNote(header.note);
  }
  return { row };
}
