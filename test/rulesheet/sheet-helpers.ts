import { a1, type Cell, type SheetSnapshot } from '../../src/core/snapshot';
import { defaultRules, rulesSheetLayout } from '../../src/core/index';
import type { RulesEntry } from '../../src/core/rulesheet/index';

/** The default rules sheet as the add-on writes it, as a host would read it back. */
export function defaultSheet(): SheetSnapshot {
  return sheetOf(defaultRules());
}

/** The rules sheet the add-on writes for some packs, as a host would read it back. */
export function sheetOf(entries: RulesEntry[]): SheetSnapshot {
  const layout = rulesSheetLayout(entries);
  return { name: layout.sheet, values: layout.values.map((row) => row.map((v): Cell => (v === '' ? null : v))), merges: [] };
}

/** A copy of the sheet with a row inserted before `row`. */
export function insertRow(sheet: SheetSnapshot, row: number, cells: Cell[]): SheetSnapshot {
  const values = sheet.values.map((r) => r.slice());
  values.splice(row, 0, cells);
  return { ...sheet, values };
}

/** The row after a table's last data row (the blank row that ends it), from a block's title on. */
export function endOf(sheet: SheetSnapshot, table: string, from = 0): number {
  let row = sheet.values.findIndex((r, i) => i >= from && r[0] === `【${table}】`) + 2;
  while (sheet.values[row]?.some((c) => c !== null)) row++;
  return row;
}

/** A row for a table, its cells placed under the headers named. */
export function rowFor(sheet: SheetSnapshot, table: string, from: number, cells: Record<string, Cell>): Cell[] {
  const header = sheet.values.findIndex((r, i) => i >= from && r[0] === `【${table}】`) + 1;
  const out: Cell[] = sheet.values[header]!.map(() => null);
  for (const [name, value] of Object.entries(cells)) {
    const col = sheet.values[header]!.indexOf(name);
    if (col < 0) throw new Error(`no column ${name} in ${table}`);
    out[col] = value;
  }
  return out;
}

/** The row and column of a cell found by table, row key (a value in the row) and column header; `from`: the first row to look in (a later block). */
export function locate(sheet: SheetSnapshot, table: string, rowKey: string, header: string, from = 0): { row: number; col: number } {
  const start = sheet.values.findIndex((r, i) => i >= from && r.some((c) => c === `【${table}】`));
  if (start < 0) throw new Error(`no table ${table}`);
  const headerRow = start + 1;
  const col = sheet.values[headerRow]!.findIndex((c) => c === header);
  if (col < 0) throw new Error(`no column ${header} in ${table}`);
  let row = headerRow + 1;
  while (row < sheet.values.length && !sheet.values[row]!.some((c) => c === rowKey)) {
    if (sheet.values[row]!.some((c) => typeof c === 'string' && c.startsWith('【'))) throw new Error(`no row ${rowKey} in ${table}`);
    row++;
  }
  return { row, col };
}

/** A copy of the sheet with one cell changed; returns the sheet and the cell's A1 name. */
export function edit(sheet: SheetSnapshot, table: string, rowKey: string, header: string, value: Cell, from = 0): { sheet: SheetSnapshot; cell: string } {
  const { row, col } = locate(sheet, table, rowKey, header, from);
  return { sheet: put(sheet, row, col, value), cell: a1(row, col) };
}

/** A copy of the sheet with one header renamed. */
export function editHeader(sheet: SheetSnapshot, table: string, header: string, value: Cell): { sheet: SheetSnapshot; cell: string } {
  const start = sheet.values.findIndex((r) => r.some((c) => c === `【${table}】`));
  const col = sheet.values[start + 1]!.findIndex((c) => c === header);
  if (start < 0 || col < 0) throw new Error(`no column ${header} in ${table}`);
  return { sheet: put(sheet, start + 1, col, value), cell: a1(start + 1, col) };
}

export function put(sheet: SheetSnapshot, row: number, col: number, value: Cell): SheetSnapshot {
  const values = sheet.values.map((r) => r.slice());
  while (values.length <= row) values.push([]);
  const target = values[row]!;
  while (target.length <= col) target.push(null);
  target[col] = value;
  return { ...sheet, values };
}

/** The first row holding a value, 0-based. */
export function rowOf(sheet: SheetSnapshot, value: string): number {
  return sheet.values.findIndex((r) => r.some((c) => c === value));
}
