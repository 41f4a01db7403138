import { a1, type Cell } from '../snapshot';
import { halfWidth, simplified } from '../text';
import { isBlank } from '../values';

/**
 * A rules sheet as the reader sees it: blocks that each start with a
 * 【规则包】title row, holding tables that each start with a 【表名】 row,
 * then a header row, then data rows up to the next 【…】 row. Blank rows
 * anywhere are passed over, and tables are found by name, not position, so
 * staff can insert rows and columns freely.
 */
export interface TableColumn {
  col: number;
  text: string;
  key: string;
}

export interface TableRow {
  /** 0-based row in the sheet. */
  row: number;
  cells: Cell[];
}

export interface SheetTable {
  /** The name inside 【】, as written. */
  name: string;
  key: string;
  row: number;
  col: number;
  headerRow?: number;
  columns: TableColumn[];
  rows: TableRow[];
}

export interface SheetBlock {
  title: string;
  row: number;
  col: number;
  tables: SheetTable[];
}

/** Header words compared without width, script, spaces or case. */
export function headerKey(text: string): string {
  return simplified(halfWidth(text)).replace(/[\s\u3000\u00a0]+/g, '').toLowerCase();
}

const MARKER = /^【([^】]*)】\s*(.*)$/s;

export function cellText(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function marker(row: Cell[]): { col: number; name: string; rest: string } | undefined {
  const col = row.findIndex((c) => !isBlank(c));
  if (col < 0) return undefined;
  const m = MARKER.exec(cellText(row[col]));
  if (!m) return undefined;
  const rest = m[2]!.trim() || cellText(row.slice(col + 1).find((c) => !isBlank(c)));
  return { col, name: m[1]!.trim(), rest };
}

/** Whether a row starts a table or a block: a 【…】 title. */
export function isTitleRow(cells: Cell[]): boolean {
  return marker(cells) !== undefined;
}

export function scanBlocks(values: Cell[][], packMarker: string): SheetBlock[] {
  const blocks: SheetBlock[] = [];
  let table: SheetTable | undefined;
  values.forEach((cells, row) => {
    if (cells.every(isBlank)) return;
    const m = marker(cells);
    if (m && headerKey(m.name) === headerKey(packMarker)) {
      blocks.push({ title: m.rest, row, col: m.col, tables: [] });
      table = undefined;
      return;
    }
    const block = blocks[blocks.length - 1];
    if (!block) return;
    if (m) {
      table = { name: m.name, key: headerKey(m.name), row, col: m.col, columns: [], rows: [] };
      block.tables.push(table);
      return;
    }
    if (!table) return;
    if (table.headerRow === undefined) {
      table.headerRow = row;
      cells.forEach((cell, col) => {
        const text = cellText(cell);
        if (text) table!.columns.push({ col, text, key: headerKey(text) });
      });
      return;
    }
    table.rows.push({ row, cells });
  });
  return blocks;
}

/** One table with its columns found by header words. */
export class TableView {
  constructor(readonly table: SheetTable) {}

  /** The column headed by one of the words, if the table has it. */
  column(...names: string[]): TableColumn | undefined {
    const keys = names.map(headerKey);
    return this.table.columns.find((c) => keys.includes(c.key));
  }

  cell(row: TableRow, col: TableColumn | number | undefined): Cell {
    if (col === undefined) return null;
    return row.cells[typeof col === 'number' ? col : col.col] ?? null;
  }

  text(row: TableRow, col: TableColumn | undefined): string {
    return cellText(this.cell(row, col));
  }

  at(row: TableRow, col: TableColumn | undefined): string {
    return a1(row.row, col?.col ?? this.table.col);
  }

  /** The title cell, for problems about the table as a whole. */
  get titleCell(): string {
    return a1(this.table.row, this.table.col);
  }

  headerCell(col: TableColumn): string {
    return a1(this.table.headerRow ?? this.table.row, col.col);
  }
}

/** 0-based row and column of an A1 reference ("E7" → 6, 4). */
export function fromA1(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return undefined;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}
