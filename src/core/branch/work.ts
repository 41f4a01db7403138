import type { LedgerInfo, ReadResult, Warning } from '../ledger/read';
import type { RateCheck } from '../ledger/rates';

export type { RateCheck } from '../ledger/rates';
import { both } from '../messages';
import { cellOf } from '../ledger/classify';
import type { BranchRoster } from './names';
import type { BranchPack } from './schema';

export interface WorkRow {
  branch: string;
  /** The month, quarter or year the counts are for: 2024-05, 2024-Q2, 2024. */
  unit: string;
  /** Every count column, null where the row has none. */
  counts: Record<string, number | null>;
  sheet: string;
  row: number;
  /** The branch-name cell of this row. */
  cell: string;
  /** fact → A1 cell of that count in this row. */
  cells: Record<string, string>;
}

export interface UnmatchedName {
  name: string;
  /** Which ledger wrote it: the meeting records, the work ledger or the cadre ledger. */
  ledger: string;
  ledgerEn: string;
  sheet: string;
  cell: string;
  /** How many rows carry the name in that sheet. */
  rows: number;
}

export interface WorkRecords {
  rows: WorkRow[];
  rateChecks: RateCheck[];
  warnings: Warning[];
}

/**
 * The work ledger's rows tied to roster branches, with the stated rates the
 * reader found off their counts (it warned about them and read the counts'
 * rate instead). A name that matches no branch is reported once per sheet,
 * with the cell of its first row, and its counts are left out.
 */
export function collectWork(read: ReadResult, pack: BranchPack, roster: BranchRoster, rosterTitle: { zh: string; en: string }): WorkRecords & { unmatched: UnmatchedName[] } {
  const infos = new Map<string, LedgerInfo>(read.ledgers.map((l) => [l.sheet, l]));
  const countFacts = pack.work.columns.filter((c) => c.type === 'number').map((c) => c.fact);
  const out: WorkRecords = { rows: [], rateChecks: read.rateChecks, warnings: [] };
  const unmatched = new Map<string, UnmatchedName>();
  for (const r of read.records) {
    const info = infos.get(r.sheet);
    const branch = roster.match(r.name);
    const cell = cellOf(info, 'branch', r.row) ?? `A${r.row}`;
    if (!branch) {
      const key = `${r.sheet}\u0000${r.name}`;
      const seen = unmatched.get(key);
      if (seen) seen.rows++;
      else {
        unmatched.set(key, { name: r.name, ledger: pack.work.title, ledgerEn: pack.work.titleEn ?? pack.work.title, sheet: r.sheet, cell, rows: 1 });
        out.warnings.push({ sheet: r.sheet, cell, ...both('nameUnmatched', { name: r.name, roster: rosterTitle.zh, rosterEn: rosterTitle.en }) });
      }
      continue;
    }
    const counts: Record<string, number | null> = {};
    const cells: Record<string, string> = {};
    for (const f of countFacts) {
      const v = r.facts[f];
      counts[f] = typeof v === 'number' ? v : null;
      const cell = cellOf(info, f, r.row);
      if (cell) cells[f] = cell;
    }
    out.rows.push({ branch: branch.id, unit: r.period, counts, sheet: r.sheet, row: r.row, cell, cells });
  }
  return { ...out, unmatched: [...unmatched.values()] };
}
