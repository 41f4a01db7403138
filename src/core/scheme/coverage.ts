export interface UnitRow {
  /** The month (or quarter, year) the row is for. */
  unit: string;
  /** Whose row it is. */
  subject: string;
  sheet: string;
  row: number;
  cell: string;
}

export interface UnitCoverage {
  covered: Set<string>;
  /** Units too few branches have rows for: likely a date typed wrong, reported and not taken as covered. */
  thin: { unit: string; subjects: number; first: UnitRow }[];
}

/**
 * The units a ledger covers: those for which at least `share` of the subjects
 * (and at least one) have a row. One stray row dated March in a ledger of
 * April to June must not make March "covered", or every other subject would
 * be failed for March.
 */
export function unitCoverage(rows: UnitRow[], subjects: number, share: number): UnitCoverage {
  const needed = Math.max(1, Math.ceil(share * subjects - 1e-9));
  const byUnit = new Map<string, { subjects: Set<string>; first: UnitRow }>();
  for (const r of rows) {
    const u = byUnit.get(r.unit);
    if (u) u.subjects.add(r.subject);
    else byUnit.set(r.unit, { subjects: new Set([r.subject]), first: r });
  }
  const out: UnitCoverage = { covered: new Set(), thin: [] };
  for (const [unit, u] of [...byUnit.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (u.subjects.size >= needed) out.covered.add(unit);
    else out.thin.push({ unit, subjects: u.subjects.size, first: u.first });
  }
  return out;
}
