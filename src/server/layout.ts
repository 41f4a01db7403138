import { sourceText } from '../core/results/cells';
import { type ResultTable, tableTop } from '../core/results/table';
import { literalGrid } from './literal';

export const NOTE_COLOR = '#5f6368';
export const HEADER_FILL = '#e8f0fe';
export const BORDER_COLOR = '#bdc1c6';
/** The title's font size in points. */
const TITLE_SIZE = 14;
/** Sheets' format for "plain text": cells keep the string as written. */
export const TEXT_FORMAT = '@';

/**
 * Makes the sheet exactly rows × columns. A new sheet has 1000 × 26 cells:
 * dropping the spare ones keeps the workbook far from Sheets' cell limit, and
 * one call per dimension keeps the cost independent of the table's size.
 */
export function resize(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  else if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
  else if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Consecutive columns of equal width, so each run is one setColumnWidths call. */
export function widthRuns(widths: number[]): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  widths.forEach((width, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width) last.count++;
    else runs.push({ start: i + 1, count: 1, width });
  });
  return runs;
}

/** A sheet's id by name (undefined when there is none), asked of Sheets once per name however many rows link to it. */
export type SheetIds = (name: string) => number | undefined;

export function sheetIdsOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetIds {
  const ids = new Map<string, number | undefined>();
  return (name) => {
    if (!ids.has(name)) ids.set(name, spreadsheet.getSheetByName(name)?.getSheetId());
    return ids.get(name);
  };
}

/** A formula's string literal: quotes doubled. */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Makes each source cell a link to the ledger cell it names, as a HYPERLINK
 * formula to "#gid=<id>&range=<cell>" showing the same text, so the links go
 * in with the values in one setValues. A source whose sheet is gone stays text.
 */
function linkSources(values: (string | number)[][], table: ResultTable, dataIndex: number, sheetIds: SheetIds): void {
  const sources = table.sources;
  if (!sources || sources.column >= table.header.length) return;
  sources.cells.forEach((cell, i) => {
    const row = values[dataIndex + i];
    const id = cell ? sheetIds(cell.sheet) : undefined;
    if (!row || !cell || id === undefined) return;
    row[sources.column] = `=HYPERLINK(${quoted(`#gid=${id}&range=${cell.cell}`)},${quoted(sourceText(cell))})`;
  });
}

/**
 * Writes a result table into a fresh sheet: the title and the note each merged
 * across their row, the figures, then the bold, filled header, frozen, and the
 * data under it. Every format goes on a whole row or column range, so the
 * number of calls depends on the number of columns, never on the number of
 * rows. Landscape, fit-to-width printing has no Apps Script API and is left to
 * the print dialog.
 */
export function layOutTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, table: ResultTable, sheetIds: SheetIds = () => undefined): void {
  const width = table.header.length;
  const dataRows = table.rows.length;
  const top = tableTop(table);
  const headerRow = top.rows.length + 1;
  const firstData = headerRow + 1;
  const height = headerRow + dataRows;
  // Sheets will not freeze every row of a sheet: keep one empty row under a header-only table.
  resize(sheet, Math.max(height, headerRow + 1), width);

  // Formats first: a string such as a rank "3/12" or a period "2024-05" would
  // otherwise turn into a date on setValues; literal() keeps "=…" from becoming a formula.
  sheet.getRange(1, 1, height, width).setNumberFormat(TEXT_FORMAT);
  if (dataRows > 0) {
    table.numberFormats.forEach((format, col) => {
      if (format && col < width) sheet.getRange(firstData, col + 1, dataRows, 1).setNumberFormat(format);
    });
  }
  const cells = literalGrid([...top.rows, table.header, ...table.rows]);
  // The data's first row is values[headerRow]: the header is 1-based row headerRow.
  linkSources(cells.values, table, headerRow, sheetIds);
  const all = sheet.getRange(1, 1, height, width);
  all.setValues(cells.values);
  if (cells.notes) all.setNotes(cells.notes);

  const merged = (row: number) => {
    const range = sheet.getRange(row + 1, 1, 1, width);
    if (width > 1) range.merge();
    return range;
  };
  if (top.title !== undefined) merged(top.title).setFontWeight('bold').setFontSize(TITLE_SIZE).setWrap(false);
  merged(top.note).setFontStyle('italic').setFontColor(NOTE_COLOR).setWrap(false);
  const [firstFigure] = top.figures;
  if (firstFigure !== undefined) {
    // The figures sit in consecutive rows: their values bold, their labels plain, in one call.
    const rows = top.rows.slice(firstFigure, firstFigure + top.figures.length);
    sheet.getRange(firstFigure + 1, 1, rows.length, width).setFontWeights(rows.map((row) => row.map((v, c) => (c % 2 === 1 && v !== '' ? 'bold' : null))));
  }
  sheet
    .getRange(headerRow, 1, 1, width)
    .setFontWeight('bold')
    .setBackground(HEADER_FILL)
    .setHorizontalAlignment('center')
    .setVerticalAlignment('middle')
    .setWrap(true)
    .setBorder(true, true, true, true, true, true, BORDER_COLOR, SpreadsheetApp.BorderStyle.SOLID);
  // Sheets refuses to freeze columns through a merged cell, so the name column
  // is not frozen as it is in .xlsx: the title's and note's merges span every column.
  sheet.setFrozenRows(headerRow);

  for (const run of widthRuns(table.columnWidths.slice(0, width))) sheet.setColumnWidths(run.start, run.count, Math.round(run.width));
  if (dataRows > 0) {
    for (const col of table.wrap) {
      if (col < width) sheet.getRange(firstData, col + 1, dataRows, 1).setWrap(true).setVerticalAlignment('top');
    }
  }
}
