import * as z from 'zod';
import { t } from '../messages';
import type { Block, ReportDocument, TableBlock } from './document';

/**
 * A report document laid out as a sheet to print on A4 portrait, as plain
 * data: one grid of equal columns the width of the page's text, a row per
 * title, heading and paragraph (merged across the grid and wrapped), each
 * table's columns mapped onto whole grid columns, and the rows the document
 * breaks the page before. The server and the .xlsx writer lay out the same
 * rows; this module imports nothing but zod, so the server bundle stays small.
 */

/**
 * A4 portrait is 8.27 in wide; Sheets' default print margins ("Normal") leave
 * 0.7 in either side, so 6.87 in of text, 659 px at 96 px to the inch. Eight
 * columns of 81 px (648 px) fit it with room to spare at 100% scale.
 */
export const REPORT_COLUMNS = 8;
export const REPORT_COLUMN_PX = 81;
/** Sheets' default row height, the height of one line of 10 pt text. */
export const LINE_ROW_PX = 21;

export const ReportRowKindSchema = z.enum(['title', 'heading1', 'heading2', 'paragraph', 'header', 'body', 'blank']);
export type ReportRowKind = z.infer<typeof ReportRowKindSchema>;

const ReportRowSchema = z
  .object({
    kind: ReportRowKindSchema,
    /** One text per cell, each written into the first grid column it covers. */
    cells: z.array(z.string()).min(1),
    /** How many grid columns each cell covers: a cell over more than one is merged. */
    spans: z.array(z.number().int().positive()).min(1),
    /** The row's height in pixels where one line will not do (wrapped text, a larger font); absent for the default. */
    height: z.number().int().positive().max(2000).optional(),
  })
  .refine((r) => r.cells.length === r.spans.length, 'one span per cell');
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const ReportSheetSchema = z
  .object({
    sheet: z.string().min(1).max(100),
    /** Pixels per grid column: together no wider than the page. */
    columnWidths: z.array(z.number().positive()).min(1).max(26),
    rows: z.array(ReportRowSchema).min(1).max(20_000),
    /** 1-based rows that start a new printed page. */
    breaks: z.array(z.number().int().min(2)),
  })
  .refine((s) => s.rows.every((r) => r.spans.reduce((a, b) => a + b, 0) === s.columnWidths.length), { message: 'every row as wide as the grid', path: ['rows'] })
  .refine((s) => s.breaks.every((b) => b <= s.rows.length), { message: 'every break inside the sheet', path: ['breaks'] });
export type ReportSheet = z.infer<typeof ReportSheetSchema>;

export const REPORT_SHEET = t('reportSheetTitle');
export const FEEDBACK_SHEET = t('feedbackSheetTitle');

/** Font sizes in points by kind; the rest are Sheets' default 10 pt. */
export const FONT_SIZES: Partial<Record<ReportRowKind, number>> = { title: 16, heading1: 13, heading2: 11 };

/** Cell padding Sheets leaves either side of wrapped text, in pixels. */
const PADDING_PX = 8;

/** How wide a text is drawn: a CJK or full-width character about the font's size, any other about half. */
function textWidth(text: string, fontPx: number): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? fontPx : fontPx * 0.55;
  return width;
}

/**
 * Lines a text wraps to in a cell of this width; each line break starts one.
 * Wrapping breaks before a word or a closing bracket, not mid-way, so a line
 * holds less than its width: a tenth is kept spare, or the last line is cut off in print.
 */
export function linesOf(text: string, cellPx: number, points = 10): number {
  const fontPx = (points * 4) / 3;
  const room = Math.max(1, (cellPx - PADDING_PX) * 0.9);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line, fontPx) / room)), 0);
}

/** The height a row needs, or undefined when Sheets' default line is enough. */
function heightOf(kind: ReportRowKind, cells: string[], spans: number[]): number | undefined {
  const points = FONT_SIZES[kind] ?? 10;
  const lines = Math.max(...cells.map((text, i) => linesOf(text, spans[i]! * REPORT_COLUMN_PX, points)));
  if (lines === 1 && points <= 10) return undefined;
  return Math.max(LINE_ROW_PX, Math.ceil(lines * ((points * 4) / 3) * 1.3 + 6));
}

function row(kind: ReportRowKind, cells: string[], spans: number[]): ReportRow {
  const height = heightOf(kind, cells, spans);
  return { kind, cells, spans, ...(height === undefined ? {} : { height }) };
}

const fullWidth = (kind: ReportRowKind, text: string) => row(kind, [text], [REPORT_COLUMNS]);

/**
 * Whole grid columns per table column, in proportion to the table's width
 * shares (largest remainder), each at least one. A table with more columns
 * than the grid keeps its first ones and folds the rest into its last cell.
 */
export function spansOf(widths: number[], columns = REPORT_COLUMNS): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const exact = widths.map((w) => Math.max(1, (w / total) * columns));
  const spans = exact.map((x) => Math.max(1, Math.floor(x)));
  while (spans.reduce((a, b) => a + b, 0) > columns) {
    const widest = spans.indexOf(Math.max(...spans));
    spans[widest]!--;
  }
  while (spans.reduce((a, b) => a + b, 0) < columns) {
    const short = exact.map((x, i) => x - spans[i]!);
    spans[short.indexOf(Math.max(...short))]!++;
  }
  return spans;
}

/** A table's header and rows on the grid: a table wider than the grid says its last columns as "header：value" lines in its last cell. */
function tableRows(block: TableBlock): ReportRow[] {
  const fits = block.header.length <= REPORT_COLUMNS;
  const keep = fits ? block.header.length : REPORT_COLUMNS - 1;
  const fold = (cells: string[], header?: string[]) =>
    fits ? cells : [...cells.slice(0, keep), cells.slice(keep).map((c, i) => (header ? `${header[keep + i]}：${c}` : c)).join('\n')];
  const widths = fits ? block.widths : [...block.widths.slice(0, keep), block.widths.slice(keep).reduce((a, b) => a + b, 0)];
  const spans = spansOf(widths);
  return [row('header', fold(block.header), spans), ...block.rows.map((r) => row('body', fold(r, block.header), spans))];
}

/**
 * Lays a document out on the grid. A blank row goes before every title and
 * level-1 heading, after every table and before every page break, except at
 * the top of a page; a page break starts its page at the row after that blank.
 */
export function reportSheet(sheet: string, document: Pick<ReportDocument, 'blocks'>, note?: string): ReportSheet {
  const rows: ReportRow[] = note === undefined ? [] : [fullWidth('paragraph', note)];
  // The note heads the first page: what follows it starts that page, with no break or blank row before it.
  const top = rows.length;
  const breaks: number[] = [];
  const pageStart = () => rows.length === top || breaks.at(-1) === rows.length + 1;
  const blank = () => {
    if (!pageStart() && rows.at(-1)?.kind !== 'blank') rows.push(fullWidth('blank', ''));
  };
  const lay: { [K in Block['kind']]: (b: Extract<Block, { kind: K }>) => void } = {
    title: (b) => {
      blank();
      rows.push(fullWidth('title', b.text));
    },
    heading: (b) => {
      if (b.level === 1) blank();
      rows.push(fullWidth(b.level === 1 ? 'heading1' : 'heading2', b.text));
    },
    paragraph: (b) => rows.push(fullWidth('paragraph', b.text)),
    table: (b) => {
      rows.push(...tableRows(b));
      rows.push(fullWidth('blank', ''));
    },
    pageBreak: () => {
      // A break at the top of the sheet, or right after another, starts no page.
      if (pageStart()) return;
      // Sheets cannot be told to break the page (see src/server/reports.ts): a blank row still sets the pages apart there.
      if (rows.at(-1)?.kind !== 'blank') rows.push(fullWidth('blank', ''));
      breaks.push(rows.length + 1);
    },
  };
  for (const block of document.blocks) (lay[block.kind] as (b: Block) => void)(block);
  while (rows.length > 1 && rows.at(-1)?.kind === 'blank') rows.pop();
  if (rows.length === 0) rows.push(fullWidth('blank', ''));
  return { sheet, columnWidths: Array<number>(REPORT_COLUMNS).fill(REPORT_COLUMN_PX), rows, breaks: breaks.filter((b) => b <= rows.length) };
}

/** The sheet's values, a row per layout row as wide as the grid: each cell's text in the first column it covers, '' in the rest. */
export function reportSheetCells(sheet: ReportSheet): string[][] {
  return sheet.rows.map((r) => r.cells.flatMap((text, i) => [text, ...Array<string>(r.spans[i]! - 1).fill('')]));
}

/** A run of consecutive rows, 1-based. */
export interface RowRun {
  start: number;
  count: number;
}

/** Consecutive rows grouped by a key (undefined: left out), so one call covers each run. */
export function rowRuns<K>(sheet: ReportSheet, key: (r: ReportRow) => K | undefined): (RowRun & { key: K })[] {
  const runs: (RowRun & { key: K; id: string })[] = [];
  sheet.rows.forEach((r, i) => {
    const k = key(r);
    if (k === undefined) return;
    const id = JSON.stringify(k);
    const last = runs.at(-1);
    if (last && last.id === id && last.start + last.count === i + 1) last.count++;
    else runs.push({ start: i + 1, count: 1, key: k, id });
  });
  return runs.map(({ start, count, key: k }) => ({ start, count, key: k }));
}

/** The merges of the sheet, each a run of rows with the same spans over one cell wider than a column: one merge-across each. */
export function reportMerges(sheet: ReportSheet): (RowRun & { column: number; columns: number })[] {
  return rowRuns(sheet, (r) => (r.spans.some((s) => s > 1) ? r.spans : undefined)).flatMap((run) => {
    let column = 1;
    return run.key.flatMap((span) => {
      const at = column;
      column += span;
      return span > 1 ? [{ start: run.start, count: run.count, column: at, columns: span }] : [];
    });
  });
}
