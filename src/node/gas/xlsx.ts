import ExcelJS from 'exceljs';
import { mergeFromA1 } from '../../core/snapshot';
import { plainCell } from '../workbook-file';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, FormulaValue, WorkbookModel, type CellFormat, type SheetModel, type StoredValue, type ValidationRule, type WorkbookOptions } from './model';
import { instantFromWall, wallAsUtc } from './time';

/** Excel's column width unit is about 7 pixels of the default font; Sheets counts pixels. */
const PX_PER_WIDTH = 7;

/** An .xlsx cell as Sheets would hold it after import: dates as instants in the spreadsheet's zone. */
function storedFromExcel(value: ExcelJS.CellValue, timeZone: string): StoredValue | undefined {
  if (value instanceof Date) return new Date(instantFromWall(value.getTime(), timeZone));
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    return storedFromExcel((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, timeZone);
  }
  const cell = plainCell(value);
  return cell === null ? undefined : cell;
}

const hex = (argb: string | undefined) => (argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toLowerCase()}` : undefined);

function formatFromExcel(cell: ExcelJS.Cell): CellFormat | undefined {
  const format: CellFormat = {};
  if (cell.numFmt) format.numberFormat = cell.numFmt;
  if (cell.font?.bold) format.bold = true;
  if (cell.font?.italic) format.italic = true;
  const color = hex(cell.font?.color?.argb);
  if (color) format.fontColor = color;
  const fill = cell.fill?.type === 'pattern' ? hex(cell.fill.fgColor?.argb) : undefined;
  if (fill) format.background = fill;
  if (cell.alignment?.wrapText) format.wrap = true;
  if (cell.alignment?.horizontal) format.horizontalAlignment = cell.alignment.horizontal;
  return Object.keys(format).length > 0 ? format : undefined;
}

/** A note's text, whether ExcelJS read it as a string or as rich text. */
function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** An inline list ("a,b,c" in quotes) as Sheets imports it; other kinds of validation are not modelled. */
function validationFromExcel(v: ExcelJS.DataValidation | undefined): ValidationRule | undefined {
  const formula = v?.type === 'list' ? v.formulae?.[0] : undefined;
  const m = typeof formula === 'string' ? /^"(.*)"$/s.exec(formula) : null;
  if (!v || !m) return undefined;
  return { criteria: 'VALUE_IN_LIST', values: m[1]!.split(','), showDropdown: true, allowInvalid: !v.showErrorMessage };
}

function validationToExcel(rule: ValidationRule): ExcelJS.DataValidation {
  return { type: 'list', allowBlank: true, formulae: [`"${rule.values.join(',')}"`], showErrorMessage: !rule.allowInvalid };
}

function sheetFromExcel(book: WorkbookModel, ws: ExcelJS.Worksheet): void {
  const sheet = book.addSheet(ws.name);
  sheet.maxRows = Math.max(DEFAULT_ROWS, ws.rowCount);
  sheet.maxColumns = Math.max(DEFAULT_COLUMNS, ws.columnCount);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cell.type === ExcelJS.ValueType.Merge ? undefined : storedFromExcel(cell.value, book.timeZone);
      if (value !== undefined) sheet.setValue(r - 1, c - 1, value);
      const format = formatFromExcel(cell);
      if (format) sheet.updateFormat(r - 1, c - 1, format);
      const note = noteText(cell.note);
      if (note) sheet.setNote(r - 1, c - 1, note);
      const rule = validationFromExcel(cell.dataValidation);
      if (rule) sheet.setValidation(r - 1, c - 1, rule);
    });
  });
  for (const ref of ws.model.merges ?? []) sheet.merges.push(mergeFromA1(ref));
  for (let c = 1; c <= ws.columnCount; c++) {
    const width = ws.getColumn(c).width;
    if (width) sheet.columnWidths.set(c, Math.round(width * PX_PER_WIDTH));
  }
  const view = ws.views?.[0];
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }
  sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
}

/** A workbook as Sheets would show it after importing the .xlsx file. */
export function workbookFromExcel(wb: ExcelJS.Workbook, options: WorkbookOptions = {}): WorkbookModel {
  const book = new WorkbookModel(options);
  for (const ws of wb.worksheets) sheetFromExcel(book, ws);
  if (book.sheets.length === 0) book.addSheet('Sheet1');
  book.activeSheetId = book.sheets[0]!.id;
  return book;
}

export async function readWorkbookFile(file: string, options: WorkbookOptions = {}): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookFromExcel(wb, options);
}

function excelValue(value: StoredValue | undefined, timeZone: string): ExcelJS.CellValue {
  if (value === undefined || value === '') return null;
  if (value instanceof Date) return new Date(wallAsUtc(value.getTime(), timeZone));
  if (value instanceof FormulaValue) return { formula: value.formula.slice(1), result: value.link?.text } as ExcelJS.CellFormulaValue;
  return value;
}

const argb = (color: string) => `FF${color.replace('#', '').toUpperCase()}`;

function styleCell(cell: ExcelJS.Cell, format: CellFormat): void {
  if (format.numberFormat && format.numberFormat !== '@') cell.numFmt = format.numberFormat;
  if (format.bold || format.italic || format.fontColor || format.fontSize) {
    cell.font = { bold: format.bold, italic: format.italic, ...(format.fontSize ? { size: format.fontSize } : {}), ...(format.fontColor ? { color: { argb: argb(format.fontColor) } } : {}) };
  }
  if (format.background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(format.background) } };
  if (format.wrap || format.horizontalAlignment || format.verticalAlignment) {
    cell.alignment = {
      wrapText: format.wrap,
      horizontal: format.horizontalAlignment as ExcelJS.Alignment['horizontal'],
      vertical: format.verticalAlignment as ExcelJS.Alignment['vertical'],
    };
  }
}

function sheetToExcel(wb: ExcelJS.Workbook, sheet: SheetModel, timeZone: string): void {
  const ws = wb.addWorksheet(sheet.name, sheet.frozenRows || sheet.frozenColumns ? { views: [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }] } : {});
  const grids = [sheet.values, sheet.formats, sheet.notes, sheet.validations];
  const rows = Math.max(...grids.map((g) => g.length));
  for (let r = 0; r < rows; r++) {
    const width = Math.max(...grids.map((g) => g[r]?.length ?? 0));
    for (let c = 0; c < width; c++) {
      const value = sheet.values[r]?.[c];
      const format = sheet.formats[r]?.[c];
      const note = sheet.note(r, c);
      const rule = sheet.validation(r, c);
      if (value === undefined && !format && !note && !rule) continue;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = excelValue(value, timeZone);
      if (format) styleCell(cell, format);
      if (note) cell.note = note;
      if (rule) cell.dataValidation = validationToExcel(rule);
    }
  }
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const [col, px] of sheet.columnWidths) ws.getColumn(col).width = Math.max(1, Math.round(px / PX_PER_WIDTH));
  if (sheet.hidden) ws.state = 'hidden';
}

/** The fake workbook as an ExcelJS workbook, to save or to compare with a file. */
export function workbookToExcel(book: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of book.sheets) sheetToExcel(wb, sheet, book.timeZone);
  return wb;
}
