import { t } from '../messages';
import type { Cell } from '../snapshot';
import { sheetDecoration } from './decoration';
import { RULES_SHEET } from './name';
import type { RulesSheetPaint, SheetLayout } from './schemas';
import { kindOfEntry } from './block-kinds';
import type { RulesEntry } from './read';


const MIN_WIDTH = 8;
const DEFAULT_WIDTH = 80;

/** The rules sheet for some packs: one block per pack, each a title, a hint, then the tables its kind lays out. */
export function rulesSheetLayout(entries: RulesEntry[]): SheetLayout {
  const rows: Cell[][] = [];
  const widths: number[] = [];
  const lists: SheetLayout['lists'] = [];
  const textRanges: SheetLayout['textRanges'] = [];
  /** Rows merged from a column to the sheet's last one, known once every table is laid out. */
  const spans: { row: number; left: number }[] = [];

  for (const entry of entries) {
    const kind = kindOfEntry(entry);
    spans.push({ row: rows.length, left: 0 });
    rows.push([`【${t('rsPackTitle')}】${kind.packOf(entry).title}`]);
    spans.push({ row: rows.length, left: 0 });
    rows.push([t('rsPackHint')]);
    rows.push([]);
    for (const { name, hint, table } of kind.tables(entry)) {
      spans.push({ row: rows.length, left: 1 });
      rows.push([`【${t(name)}】`, t(hint)]);
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

/** The rules sheet for some packs with its colours and notes: what the sidebar hands the server to write. */
export function rulesSheetPaint(entries: RulesEntry[]): RulesSheetPaint {
  const layout = rulesSheetLayout(entries);
  return { layout, decoration: sheetDecoration(layout.values) };
}
