import type { Merge } from '../../core/snapshot';
import { formatDate, FormulaValue, type SheetModel, type StoredValue, type WorkbookModel } from '../gas/index';

/** Rows the page renders per sheet; a browser table of more gets slow and tells nothing more. */
export const MAX_ROWS_SHOWN = 3000;

export interface CellView {
  text: string;
  /** Index into WorkbookView.styles, or -1 for none. */
  style: number;
  number?: boolean;
  /** The cell's note, shown as a corner mark with the text on hover, as Sheets does. */
  note?: string;
}

export interface SheetView {
  name: string;
  rows: CellView[][];
  hiddenRows: number;
  columns: number;
  merges: Merge[];
  frozenRows: number;
  widths: Record<number, number>;
}

export interface WorkbookView {
  name: string;
  timeZone: string;
  active: string;
  selection: { sheet: string; range: string } | null;
  styles: string[];
  sheets: SheetView[];
}

function decimals(format: string): number | undefined {
  const m = /^0(?:\.(0*)(#*))?%?$/.exec(format);
  return m ? (m[1]?.length ?? 0) + (m[2]?.length ?? 0) : undefined;
}

/** A number as the cell shows it under the formats result tables use ("0", "0.00", "0.##", "0%"). */
function numberText(value: number, format: string | undefined): string {
  if (!format || format === '@') return String(Number(value.toFixed(10)));
  const places = decimals(format);
  if (places === undefined) return String(Number(value.toFixed(10)));
  const scaled = format.endsWith('%') ? value * 100 : value;
  const minimum = /\.(0*)/.exec(format)?.[1]?.length ?? 0;
  const text = scaled.toLocaleString('en-US', { useGrouping: false, minimumFractionDigits: minimum, maximumFractionDigits: places });
  return format.endsWith('%') ? `${text}%` : text;
}

function cellText(value: StoredValue | undefined, format: string | undefined, timeZone: string): string {
  if (value === undefined) return '';
  if (value instanceof Date) {
    const day = formatDate(value.getTime(), timeZone, 'yyyy-MM-dd');
    const time = formatDate(value.getTime(), timeZone, 'HH:mm:ss');
    return time === '00:00:00' ? day : `${day} ${time.slice(0, 5)}`;
  }
  if (value instanceof FormulaValue) return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberText(value, format);
  return value;
}

/** Inline CSS for a cell's format, shared between cells that look alike. */
function styleOf(sheet: SheetModel, r: number, c: number): string {
  const f = sheet.format(r, c);
  const parts: string[] = [];
  if (f.bold) parts.push('font-weight:bold');
  if (f.italic) parts.push('font-style:italic');
  if (f.fontColor) parts.push(`color:${f.fontColor}`);
  if (f.background) parts.push(`background:${f.background}`);
  if (f.horizontalAlignment) parts.push(`text-align:${f.horizontalAlignment}`);
  if (f.verticalAlignment) parts.push(`vertical-align:${f.verticalAlignment}`);
  if (f.wrap) parts.push('white-space:pre-wrap');
  if (f.border) parts.push(`border:1px solid ${f.border}`);
  return parts.join(';');
}

/** The workbook as the page draws it: display text, merges, formats, frozen rows and the selection. */
export function workbookView(book: WorkbookModel): WorkbookView {
  const styles: string[] = [];
  const styleIndex = new Map<string, number>();
  const sheets = book.sheets.map((sheet): SheetView => {
    const lastRow = Math.max(sheet.lastRow, ...sheet.merges.map((m) => m.bottom + 1));
    const shown = Math.min(lastRow, MAX_ROWS_SHOWN);
    const columns = Math.max(sheet.lastColumn, ...sheet.merges.map((m) => m.right + 1), 1);
    const rows: CellView[][] = [];
    for (let r = 0; r < shown; r++) {
      const row: CellView[] = [];
      for (let c = 0; c < columns; c++) {
        const value = sheet.value(r, c);
        const css = styleOf(sheet, r, c);
        let style = -1;
        if (css) {
          style = styleIndex.get(css) ?? styles.length;
          if (style === styles.length) {
            styles.push(css);
            styleIndex.set(css, style);
          }
        }
        const note = sheet.note(r, c);
        row.push({ text: cellText(value, sheet.format(r, c).numberFormat, book.timeZone), style, ...(typeof value === 'number' ? { number: true } : {}), ...(note ? { note } : {}) });
      }
      rows.push(row);
    }
    return {
      name: sheet.name,
      rows,
      hiddenRows: lastRow - shown,
      columns,
      merges: sheet.merges.filter((m) => m.top < shown),
      frozenRows: sheet.frozenRows,
      widths: Object.fromEntries(sheet.columnWidths),
    };
  });
  return { name: book.name, timeZone: book.timeZone, active: book.activeSheet.name, selection: book.selection ?? null, styles, sheets };
}
