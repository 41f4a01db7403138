import * as z from 'zod';

/**
 * The port between a host and the core: a workbook as plain data. Hosts turn
 * dates into ISO strings before handing cells over, so a snapshot survives
 * JSON and `google.script.run` unchanged.
 */
export const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof CellSchema>;

/** A merged range, 0-based and inclusive, as the host saw it. */
export const MergeSchema = z.object({
  top: z.number().int().nonnegative(),
  left: z.number().int().nonnegative(),
  bottom: z.number().int().nonnegative(),
  right: z.number().int().nonnegative(),
});
export type Merge = z.infer<typeof MergeSchema>;

export const SheetSnapshotSchema = z.object({
  name: z.string(),
  values: z.array(z.array(CellSchema)),
  merges: z.array(MergeSchema).default([]),
});
export type SheetSnapshot = z.infer<typeof SheetSnapshotSchema>;

export const WorkbookSnapshotSchema = z.object({
  sheets: z.array(SheetSnapshotSchema),
});
export type WorkbookSnapshot = z.infer<typeof WorkbookSnapshotSchema>;

/** A1 notation for a 0-based row and column. */
export function a1(row: number, col: number): string {
  let letters = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** A range in A1 notation ("B2:D3", "$A$1", or "A1" for one cell) as a 0-based inclusive box. */
export function mergeFromA1(ref: string): Merge {
  const [from, to = from] = ref.replace(/\$/g, '').toUpperCase().split(':') as [string, string?];
  const cell = (text: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(text);
    if (!m) throw new Error(`not an A1 cell reference: ${text}`);
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const a = cell(from);
  const b = cell(to!);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * The sheet's values with every merged range filled from its top-left cell:
 * a merged group header or a village name merged down several cadre rows
 * then reads the same in every cell it covers. The snapshot itself is left as is.
 */
export function unmergedValues(sheet: SheetSnapshot): Cell[][] {
  const grid = sheet.values.map((row) => row.slice());
  for (const m of sheet.merges) {
    const value = grid[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = grid[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) row[c] = value;
    }
  }
  return grid;
}

/**
 * A cell as its host should hand it over, given its number format: a number
 * shown as a percentage ("96%" typed into a cell is stored as 0.96) becomes the
 * text the user sees, so a rating of 96% reads as 96 and a rate as 0.96. Every
 * host applies this, so a workbook scores the same wherever it is read.
 */
export function asShown(value: Cell, numberFormat: string | undefined): Cell {
  // A % inside quotes is literal text in the format, not a percentage.
  if (typeof value !== 'number' || !numberFormat || !numberFormat.replace(/"[^"]*"/g, '').includes('%')) return value;
  return `${Number((value * 100).toPrecision(12))}%`;
}
