import { both, type MessageKey, t } from '../messages';
import { a1 } from '../snapshot';
import { nearest } from './facts';
import { headerKey, type SheetBlock, TableView } from './grid';
import { suggestion } from './problem';
import type { ReadContext } from './section';

/**
 * The tables of a block by the name each is known by; a table whose name is
 * unknown or given twice is reported, and a required one that is absent too.
 */
export function collectTables(ctx: ReadContext, block: SheetBlock, known: { name: MessageKey; required: boolean }[]): Map<MessageKey, TableView> {
  const found = new Map<MessageKey, TableView>();
  const nameOf = (key: string) => known.find((s) => headerKey(t(s.name)) === key || headerKey(t(s.name, {}, 'en')) === key)?.name;
  for (const table of block.tables) {
    const name = nameOf(table.key);
    const at = a1(table.row, table.col);
    if (!name) {
      const names = known.map((s) => t(s.name));
      ctx.report(at, both('rsTableUnknown', { text: table.name, known: names.map((n) => `【${n}】`).join('、'), ...suggestion(nearest(table.name, names)) }));
    } else if (found.has(name)) {
      ctx.report(at, both('rsTableDuplicate', { table: t(name), cell: found.get(name)!.titleCell }));
    } else found.set(name, new TableView(table));
  }
  const titleCell = a1(block.row, block.col);
  for (const s of known) if (s.required && !found.has(s.name)) ctx.report(titleCell, both('rsTableMissing', { pack: block.title, table: t(s.name) }));
  return found;
}
