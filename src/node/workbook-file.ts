import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { asShown, mergeFromA1, type Cell, type SheetSnapshot, type WorkbookSnapshot } from '../core/snapshot';
import { FONT_SIZES, type ReportSheet, reportMerges, reportSheetCells } from '../core/report/sheet';
import { type ChartSheet, chartSheetCells } from '../core/results/chart-sheet';
import { sourceText } from '../core/results/cells';
import { type ResultTable, tableTop } from '../core/results/table';

/** A date cell as the snapshot carries it: the day alone when there is no time of day. */
function isoFromDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** An ExcelJS cell value as a snapshot cell: formulas by their result, rich text and links by their text. */
export function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: Cell[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // ExcelJS echoes a merged range's value into every cell it covers; Sheets, like the snapshot, keeps it in the first.
      const value = cell.type === ExcelJS.ValueType.Merge ? null : plainCell(cell.value);
      cells.push(asShown(value, cell.numFmt));
    }
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    values.push(cells);
  }
  return { name: ws.name, values, merges: (ws.model.merges ?? []).map((ref) => mergeFromA1(ref)) };
}

export function workbookSnapshot(wb: ExcelJS.Workbook, skip: string[] = []): WorkbookSnapshot {
  return { sheets: wb.worksheets.filter((ws) => !skip.includes(ws.name)).map(sheetSnapshot) };
}

/** CSV exports from Chinese spreadsheet programs are often GB18030, not UTF-8. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function csvSheet(name: string, text: string): SheetSnapshot {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const values: Cell[][] = parsed.data.map((row) => row.map((v) => (v.trim() === '' ? null : v)));
  return { name, values, merges: [] };
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

/** Opens an .xlsx or .csv file as an ExcelJS workbook (for writing a copy) and as a snapshot. */
export async function loadWorkbook(file: string, skip: string[] = []): Promise<LoadedWorkbook> {
  const ext = extname(file).toLowerCase();
  const workbook = new ExcelJS.Workbook();
  if (ext === '.csv') {
    const sheet = csvSheet(basename(file, extname(file)), decodeText(await readFile(file)));
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const row of sheet.values) ws.addRow(row);
    return { workbook, snapshot: { sheets: [sheet] } };
  }
  if (ext !== '.xlsx' && ext !== '.xlsm') throw new Error(`unsupported file type ${ext || '(none)'}; use .xlsx or .csv`);
  await workbook.xlsx.readFile(file);
  return { workbook, snapshot: workbookSnapshot(workbook, skip) };
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFBDC1C6' } } as const;

/** An Excel sheet reference: quoted, quotes doubled, as a link's location needs it for names such as 4月驻村台账. */
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * Writes a result table as a sheet the add-on owns, replacing an earlier one of
 * the same name: the title, the note, the figures, a frozen header row, then
 * the data with each source a link to its ledger cell, laid out for reading
 * and for printing landscape on one page width.
 */
export function writeResultTable(wb: ExcelJS.Workbook, table: ResultTable): ExcelJS.Worksheet {
  const old = wb.getWorksheet(table.sheet);
  if (old) wb.removeWorksheet(old.id);
  const top = tableTop(table);
  const headerRow = top.rows.length + 1;
  const width = table.header.length;
  const ws = wb.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  for (const row of top.rows) ws.addRow(row.map((v) => (v === '' ? null : v)));
  if (top.title !== undefined) {
    ws.mergeCells(top.title + 1, 1, top.title + 1, width);
    ws.getRow(top.title + 1).font = { bold: true, size: 14 };
  }
  ws.mergeCells(top.note + 1, 1, top.note + 1, width);
  ws.getRow(top.note + 1).font = { italic: true, color: { argb: 'FF5F6368' } };
  for (const r of top.figures) {
    top.rows[r]!.forEach((v, c) => {
      if (c % 2 === 1 && v !== '') ws.getCell(r + 1, c + 1).font = { bold: true };
    });
  }
  const header = ws.addRow(table.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  for (const row of table.rows) ws.addRow(row);
  table.sources?.cells.forEach((source, i) => {
    if (source) ws.getCell(headerRow + 1 + i, table.sources!.column + 1).value = { text: sourceText(source), hyperlink: `#${sheetRef(source.sheet)}!${source.cell}` };
  });
  table.columnWidths.forEach((px, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(6, Math.round(px / 7));
    if (table.numberFormats[i]) col.numFmt = table.numberFormats[i]!;
    if (table.wrap.includes(i)) col.alignment = { wrapText: true, vertical: 'top' };
  });
  return ws;
}

/**
 * Writes the 图表 sheet's tables, each under its title, where Sheets puts them.
 * ExcelJS writes no charts: the .xlsx carries the tables the charts read, and
 * Sheets draws the charts when the add-on runs there.
 */
export function writeChartSheet(wb: ExcelJS.Workbook, charts: ChartSheet): ExcelJS.Worksheet {
  const old = wb.getWorksheet(charts.sheet);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(charts.sheet);
  chartSheetCells(charts).forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== '') ws.getCell(r + 1, c + 1).value = value;
    });
  });
  ws.getRow(1).font = { italic: true, color: { argb: 'FF5F6368' } };
  for (const block of charts.blocks) {
    ws.getCell(block.row, 1).font = { bold: true };
    block.header.forEach((_, c) => {
      const cell = ws.getCell(block.row + 1, c + 1);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center' };
      cell.fill = HEADER_FILL;
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    });
    block.numberFormats.forEach((format, c) => {
      if (!format) return;
      block.rows.forEach((_, i) => (ws.getCell(block.row + 2 + i, c + 1).numFmt = format));
    });
  }
  charts.columnWidths.forEach((px, i) => (ws.getColumn(i + 1).width = Math.max(6, Math.round(px / 7))));
  return ws;
}

/**
 * Writes a printable report sheet (考评报告, 考评反馈单) as the server lays it
 * out: the grid's widths, merged and wrapped cells, bold headings, bordered
 * tables and the rows' estimated heights (Excel fits no row to a merged cell),
 * set up to print on A4 portrait one page wide, with a manual break before
 * every row the layout starts a page with.
 */
export function writeReportSheet(wb: ExcelJS.Workbook, report: ReportSheet): ExcelJS.Worksheet {
  const old = wb.getWorksheet(report.sheet);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(report.sheet, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  // Excel's width is in characters of about 7 px, plus 5 px of padding.
  report.columnWidths.forEach((px, i) => (ws.getColumn(i + 1).width = Math.round(((px - 5) / 7) * 100) / 100));
  const cells = reportSheetCells(report);
  report.rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    cells[i]!.forEach((text, c) => {
      if (text !== '') row.getCell(c + 1).value = text;
    });
    row.alignment = { wrapText: true, vertical: 'top', ...(r.kind === 'title' || r.kind === 'header' ? { horizontal: 'center' } : {}) };
    const size = FONT_SIZES[r.kind];
    if (size !== undefined || r.kind === 'header') row.font = { bold: true, ...(size === undefined ? {} : { size }) };
    if (r.kind === 'header' || r.kind === 'body') {
      for (let c = 1; c <= report.columnWidths.length; c++) {
        const cell = row.getCell(c);
        cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
        if (r.kind === 'header') cell.fill = HEADER_FILL;
      }
    }
    // Points, as Excel measures rows: three quarters of a pixel.
    if (r.height !== undefined) row.height = Math.round(r.height * 0.75 * 10) / 10;
  });
  for (const m of reportMerges(report)) {
    for (let r = m.start; r < m.start + m.count; r++) ws.mergeCells(r, m.column, r, m.column + m.columns - 1);
  }
  // A break goes under the last row of a page.
  for (const start of report.breaks) ws.getRow(start - 1).addPageBreak();
  return ws;
}
