import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { readPackFile, readRulesSheet, RULES_SHEET, RULES_SHEET_COLORS, type RuleProblem, type RulesRead, type SheetLayout, sheetDecoration } from '../core/index';
import { loadWorkbook } from './workbook-file';

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/**
 * Writes a rules sheet into a workbook, replacing an earlier one: values,
 * merged title rows, colours and notes from sheetDecoration (with any
 * problems marked), drop-downs, plain-text condition cells and widths — the
 * same sheet the add-on writes in Google Sheets.
 */
export function writeRulesSheet(wb: ExcelJS.Workbook, layout: SheetLayout, problems: RuleProblem[] = []): ExcelJS.Worksheet {
  const old = wb.getWorksheet(layout.sheet);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(layout.sheet);
  const deco = sheetDecoration(layout.values, problems.filter((p) => p.sheet === layout.sheet));
  for (const range of layout.textRanges) {
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) ws.getCell(r + 1, c + 1).numFmt = '@';
  }
  layout.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      if (value !== '') cell.value = value;
      const background = deco.backgrounds[r]![c]!;
      if (background !== RULES_SHEET_COLORS.background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(background) } };
      cell.font = { bold: deco.fontWeights[r]![c] === 'bold', color: { argb: argb(deco.fontColors[r]![c]!) } };
      if (deco.notes[r]![c]) cell.note = deco.notes[r]![c]!;
    });
  });
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const list of layout.lists) {
    const formula = `"${list.values.join(',')}"`;
    for (let r = list.top; r <= list.bottom; r++) {
      for (let c = list.left; c <= list.right; c++) ws.getCell(r + 1, c + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: false };
    }
  }
  layout.columnWidths.forEach((px, i) => {
    ws.getColumn(i + 1).width = Math.max(4, Math.round(px / 7));
  });
  return ws;
}

/** Why rules could not be loaded at all (as opposed to rules with problems): unreadable, or no rules sheet. */
export class RulesFileError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'noSheet',
    detail: string,
  ) {
    super(detail);
  }
}

/** Rules from a pack file (.json) or from the 考评规则 sheet of a workbook (.xlsx). */
export async function loadRulesFile(file: string): Promise<RulesRead> {
  if (extname(file).toLowerCase() === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new RulesFileError('unreadable', (e as Error).message);
    }
    return readPackFile(json, basename(file));
  }
  let snapshot;
  try {
    ({ snapshot } = await loadWorkbook(file));
  } catch (e) {
    throw new RulesFileError('unreadable', (e as Error).message);
  }
  const sheet = snapshot.sheets.find((s) => s.name === RULES_SHEET);
  if (!sheet) throw new RulesFileError('noSheet', RULES_SHEET);
  return readRulesSheet(sheet);
}
