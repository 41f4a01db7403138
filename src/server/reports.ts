import { FONT_SIZES, type ReportRowKind, type ReportSheet, reportMerges, reportSheetCells, type RowRun, rowRuns } from '../core/report/sheet';
import { a1 } from '../core/snapshot';
import { BORDER_COLOR, HEADER_FILL, resize, TEXT_FORMAT, widthRuns } from './layout';
import { literalGrid } from './literal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const a1Rows = (run: RowRun, columns: number) => `${a1(run.start - 1, 0)}:${a1(run.start + run.count - 2, columns - 1)}`;

/** The A1 ranges of the rows of these kinds, a range per run of consecutive rows. */
function rangesOf(report: ReportSheet, kinds: ReportRowKind[]): string[] {
  return rowRuns(report, (r) => (kinds.includes(r.kind) ? true : undefined)).map((run) => a1Rows(run, report.columnWidths.length));
}

/** Formats every range of the list in one call each, or nothing when there is none. */
function formatAll(sheet: Sheet, ranges: string[], format: (list: GoogleAppsScript.Spreadsheet.RangeList) => void): void {
  if (ranges.length > 0) format(sheet.getRangeList(ranges));
}

/**
 * Writes a printable report sheet into a fresh sheet: its values with one
 * setValues, wrapped and top-aligned; a merge-across per run of rows that
 * share the same cells; the titles, headings and table headers formatted
 * through one range list each; the grid's column widths; and the rows whose
 * text needs more than a line given the height the layout estimated, since
 * Sheets does not fit a row's height to the wrapped text of a merged cell.
 * The calls grow with the blocks of the document, never with a table's cells.
 *
 * Apps Script has no call that inserts a manual page break, so the layout's
 * breaks are not written here: each page starts after a blank row, and the
 * print dialog's custom page breaks or the .xlsx (which carries them) print
 * one assessment or note per page.
 */
export function layOutReportSheet(sheet: Sheet, report: ReportSheet): void {
  const columns = report.columnWidths.length;
  const rows = report.rows.length;
  resize(sheet, rows, columns);
  const all = sheet.getRange(1, 1, rows, columns);
  // Text stays text: a period "2024-05" or a score "82.95" is written as the report says it.
  all.setNumberFormat(TEXT_FORMAT);
  const literal = literalGrid(reportSheetCells(report));
  all.setValues(literal.values);
  if (literal.notes) all.setNotes(literal.notes);
  all.setWrap(true).setVerticalAlignment('top');

  for (const m of reportMerges(report)) sheet.getRange(m.start, m.column, m.count, m.columns).mergeAcross();

  for (const kind of ['title', 'heading1', 'heading2'] as const) {
    formatAll(sheet, rangesOf(report, [kind]), (list) => list.setFontWeight('bold').setFontSize(FONT_SIZES[kind]!));
  }
  formatAll(sheet, rangesOf(report, ['title']), (list) => list.setHorizontalAlignment('center'));
  formatAll(sheet, rangesOf(report, ['header']), (list) => list.setFontWeight('bold').setBackground(HEADER_FILL).setHorizontalAlignment('center'));
  formatAll(sheet, rangesOf(report, ['header', 'body']), (list) => list.setBorder(true, true, true, true, true, true, BORDER_COLOR, SpreadsheetApp.BorderStyle.SOLID));

  for (const run of widthRuns(report.columnWidths)) sheet.setColumnWidths(run.start, run.count, Math.round(run.width));
  for (const run of rowRuns(report, (r) => r.height)) sheet.setRowHeights(run.start, run.count, run.key);
}
