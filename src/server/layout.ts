import type { ResultTable } from '../core/results/table';
import { literalGrid } from './literal';

export const NOTE_COLOR = '#5f6368';
export const HEADER_FILL = '#e8f0fe';
export const BORDER_COLOR = '#bdc1c6';
/** The note row and the header row above the data, as the .xlsx host lays them out too. */
const TOP_ROWS = 2;
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

/**
 * Writes a result table into a fresh sheet: the note merged across row 1, the
 * bold, filled header frozen in row 2, the data from row 3. Every format goes
 * on a whole row or column range, so the number of calls depends on the
 * number of columns, never on the number of rows. Landscape, fit-to-width
 * printing has no Apps Script API and is left to the print dialog.
 */
export function layOutTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, table: ResultTable): void {
  const width = table.header.length;
  const dataRows = table.rows.length;
  const height = TOP_ROWS + dataRows;
  // Sheets will not freeze every row of a sheet: keep one empty row under a header-only table.
  resize(sheet, Math.max(height, TOP_ROWS + 1), width);

  // Formats first: a string such as a rank "3/12" or a period "2024-05" would
  // otherwise turn into a date on setValues; literal() keeps "=…" from becoming a formula.
  sheet.getRange(1, 1, height, width).setNumberFormat(TEXT_FORMAT);
  if (dataRows > 0) {
    table.numberFormats.forEach((format, col) => {
      if (format && col < width) sheet.getRange(TOP_ROWS + 1, col + 1, dataRows, 1).setNumberFormat(format);
    });
  }
  const note = [table.note, ...Array<string>(width - 1).fill('')];
  const cells = literalGrid([note, table.header, ...table.rows]);
  const all = sheet.getRange(1, 1, height, width);
  all.setValues(cells.values);
  if (cells.notes) all.setNotes(cells.notes);

  const noteRange = sheet.getRange(1, 1, 1, width);
  if (width > 1) noteRange.merge();
  noteRange.setFontStyle('italic').setFontColor(NOTE_COLOR).setWrap(false);
  sheet
    .getRange(2, 1, 1, width)
    .setFontWeight('bold')
    .setBackground(HEADER_FILL)
    .setHorizontalAlignment('center')
    .setVerticalAlignment('middle')
    .setWrap(true)
    .setBorder(true, true, true, true, true, true, BORDER_COLOR, SpreadsheetApp.BorderStyle.SOLID);
  // Sheets refuses to freeze columns through a merged cell, so the name column
  // is not frozen as it is in .xlsx: the note's merge spans every column.
  sheet.setFrozenRows(TOP_ROWS);

  for (const run of widthRuns(table.columnWidths.slice(0, width))) sheet.setColumnWidths(run.start, run.count, Math.round(run.width));
  if (dataRows > 0) {
    for (const col of table.wrap) {
      if (col < width) sheet.getRange(TOP_ROWS + 1, col + 1, dataRows, 1).setWrap(true).setVerticalAlignment('top');
    }
  }
}
