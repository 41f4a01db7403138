import * as z from 'zod';
import { t } from '../messages';
import { type Cell, MergeSchema } from '../snapshot';
import { RULES_SHEET } from './name';
import type { PackEntry } from './section';
import { SECTIONS } from './sections/index';

/**
 * A rules sheet as plain data, the way a ResultTable is: what a host writes in
 * a few batch calls (values, merges, widths, drop-downs, plain-text ranges).
 * Colours and notes come from sheetDecoration, which works from the values
 * alone, so a sheet staff have edited is decorated the same way.
 */
export const SheetLayoutSchema = z.object({
  sheet: z.string().min(1).max(100),
  /** Rectangular; "" for an empty cell. */
  values: z.array(z.array(z.union([z.string(), z.number()]))),
  merges: z.array(MergeSchema),
  columnWidths: z.array(z.number().positive()),
  /** Cells offering a drop-down of values (typing others stays allowed). */
  lists: z.array(MergeSchema.extend({ values: z.array(z.string()).min(1) })),
  /** Cells kept as plain text, so "1-2" stays a range and never becomes a date. */
  textRanges: z.array(MergeSchema),
});
export type SheetLayout = z.infer<typeof SheetLayoutSchema>;

const MIN_WIDTH = 8;
const DEFAULT_WIDTH = 80;

/** The rules sheet for some packs: one block per pack, each a title, a hint, then its tables. */
export function rulesSheetLayout(entries: PackEntry[]): SheetLayout {
  const rows: Cell[][] = [];
  const widths: number[] = [];
  const lists: SheetLayout['lists'] = [];
  const textRanges: SheetLayout['textRanges'] = [];
  /** Rows merged from a column to the sheet's last one, known once every table is laid out. */
  const spans: { row: number; left: number }[] = [];

  for (const entry of entries) {
    spans.push({ row: rows.length, left: 0 });
    rows.push([`【${t('rsPackTitle')}】${entry.pack.title}`]);
    spans.push({ row: rows.length, left: 0 });
    rows.push([t('rsPackHint')]);
    rows.push([]);
    for (const section of SECTIONS) {
      const table = section.write(entry);
      spans.push({ row: rows.length, left: 1 });
      rows.push([`【${t(section.name)}】`, t(section.hint)]);
      rows.push(table.columns.map((c) => c.header));
      const first = rows.length;
      rows.push(...table.rows);
      const last = rows.length - 1;
      table.columns.forEach((c, col) => {
        widths[col] = Math.max(widths[col] ?? 0, c.width);
        if (table.rows.length === 0) return;
        if (c.list) lists.push({ top: first, bottom: last, left: col, right: col, values: c.list });
        if (c.text) textRanges.push({ top: first, bottom: last, left: col, right: col });
      });
      rows.push([]);
    }
  }
  const width = Math.max(MIN_WIDTH, widths.length, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === null || r[c] === undefined ? '' : (r[c] as string | number))));
  return {
    sheet: RULES_SHEET,
    values,
    merges: spans.map((s) => ({ top: s.row, bottom: s.row, left: s.left, right: width - 1 })),
    columnWidths: Array.from({ length: width }, (_, c) => widths[c] ?? DEFAULT_WIDTH),
    lists,
    textRanges,
  };
}
