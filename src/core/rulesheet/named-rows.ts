import { both, type MessageKey, t } from '../messages';
import { nearest } from './facts';
import { headerKey, type TableColumn, type TableRow, type TableView } from './grid';
import { suggestion } from './problem';
import type { ReadContext } from './section';

/**
 * The rows of a table each named in its first column (【设置】, 【方案】,
 * 【名称规则】), in any order, matched to the row kinds they name in Chinese
 * or English. A name no kind has is named at its cell with the nearest one; a
 * kind written twice is named at the second, and the first is read.
 */
export function namedRows<K extends { name: MessageKey }>(view: TableView, ctx: ReadContext, nameCol: TableColumn, kinds: K[], unknown: MessageKey): { kind: K; row: TableRow }[] {
  const out: { kind: K; row: TableRow }[] = [];
  const first = new Map<K, string>();
  for (const row of view.table.rows) {
    const name = view.text(row, nameCol);
    if (name === '') continue;
    const kind = kinds.find((k) => headerKey(t(k.name)) === headerKey(name) || headerKey(t(k.name, {}, 'en')) === headerKey(name));
    if (!kind) {
      const names = kinds.map((k) => t(k.name));
      ctx.report(view.at(row, nameCol), both(unknown, { text: name, known: names.join('、'), ...suggestion(nearest(name, names)) }));
      continue;
    }
    const before = first.get(kind);
    if (before) {
      ctx.report(view.at(row, nameCol), both('rsRowTwice', { text: name, cell: before }));
      continue;
    }
    first.set(kind, view.at(row, nameCol));
    out.push({ kind, row });
  }
  return out;
}
