import { z } from 'zod';

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
