import * as z from 'zod';

/**
 * Where a figure comes from: ledger rows (1-based, as the user sees them) in
 * one sheet, and the cell to jump to. The sidebar selects it; the result
 * sheet names it.
 */
export const EvidenceSchema = z.object({
  sheet: z.string(),
  rows: z.array(z.number().int().positive()),
  cell: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export interface SourceRow {
  sheet: string;
  row: number;
  /** The cell of this row that best shows the figure. */
  cell: string;
}

/** Rows grouped per sheet, in order, each group pointing at its first row's cell. */
export function evidenceOf(rows: SourceRow[]): Evidence[] {
  // Most figures rest on the subject's one row: no grouping to do.
  if (rows.length === 1) return [{ sheet: rows[0]!.sheet, rows: [rows[0]!.row], cell: rows[0]!.cell }];
  const bySheet = new Map<string, SourceRow[]>();
  for (const r of rows) {
    if (!bySheet.has(r.sheet)) bySheet.set(r.sheet, []);
    bySheet.get(r.sheet)!.push(r);
  }
  return [...bySheet.entries()].map(([sheet, list]) => {
    const sorted = [...list].sort((a, b) => a.row - b.row);
    return { sheet, rows: [...new Set(sorted.map((r) => r.row))], cell: sorted[0]!.cell };
  });
}

/** Several pieces of evidence as one per sheet, rows merged. */
export function mergeEvidence(list: Evidence[]): Evidence[] {
  // A group's cell is in the column that shows its figure; every row of it is in that column too.
  return evidenceOf(list.flatMap((e) => e.rows.map((row) => ({ sheet: e.sheet, row, cell: e.cell.replace(/\d+$/, String(row)) }))));
}

/** Evidence as one line for a sheet cell: 三会一课记录!5、9、12；巴彦嘎查!4. */
export function evidenceText(evidence: Evidence[]): string {
  return evidence.map((e) => (e.rows.length > 0 ? `${e.sheet}!${e.rows.join('、')}` : `${e.sheet}!${e.cell}`)).join('；');
}
