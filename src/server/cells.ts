import { asShown, type Cell } from '../core/snapshot';

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/**
 * Turns what getValues returns into snapshot cells: '' (Sheets' empty cell)
 * becomes null, and a Date becomes the day it shows in the spreadsheet's time
 * zone, with the time of day only when there is one. Utilities.formatDate is a
 * service call, so each distinct instant is formatted once.
 */
export function cellConverter(timeZone: string): (value: unknown) => Cell {
  const formatted = new Map<number, string>();
  const iso = (date: Date): string => {
    const time = date.getTime();
    let text = formatted.get(time);
    if (text === undefined) {
      text = Utilities.formatDate(date, timeZone, "yyyy-MM-dd'T'HH:mm:ss").replace(/T00:00:00$/, '');
      formatted.set(time, text);
    }
    return text;
  };
  return (value) => {
    if (value === '' || value === null || value === undefined) return null;
    if (isDate(value)) return Number.isNaN(value.getTime()) ? null : iso(value);
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    return String(value);
  };
}

/**
 * One sheet's rows as snapshot cells, without the empty cells Sheets pads each
 * row and the sheet's end with. A number shown as a percentage reads as the
 * user sees it ("96%"), as the .xlsx host reads it too.
 */
export function snapshotRows(values: unknown[][], formats: string[][], convert: (value: unknown) => Cell): Cell[][] {
  const rows = values.map((row, r) => {
    const cells = row.map((value, c) => asShown(convert(value), formats[r]?.[c]));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}
