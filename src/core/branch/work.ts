import type { LedgerInfo, LedgerRecord, ReadResult, Warning } from '../ledger/read';
import { both } from '../messages';
import { cellOf } from './ledgers';
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

export interface RateCheck {
  sheet: string;
  /** The stated rate's cell. */
  cell: string;
  fact: string;
  stated: number;
  computed: number;
  numerator: number;
  denominator: number;
  /** The count cells it was recomputed from: numerator, denominator. */
  from: [string, string];
}

export interface WorkRecords {
  rows: WorkRow[];
  rateChecks: RateCheck[];
  warnings: Warning[];
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

/**
 * Stated rates are recomputed from the counts beside them; a difference of more
 * than the tolerance is reported naming the cells (seed 000 states 93.8% for 78
 * of 97 commitments, which is 80.4%). The counts always win.
 */
function checkRates(r: LedgerRecord, info: LedgerInfo | undefined, pack: BranchPack, out: WorkRecords): void {
  const labels = new Map(pack.work.columns.map((c) => [c.fact, c]));
  for (const s of pack.work.statedRates) {
    const stated = r.facts[s.fact];
    const num = r.facts[s.numerator];
    const den = r.facts[s.denominator];
    if (typeof num !== 'number' || typeof den !== 'number') continue;
    const numCell = cellOf(info, s.numerator, r.row)!;
    const denCell = cellOf(info, s.denominator, r.row)!;
    const numCol = labels.get(s.numerator)!;
    const denCol = labels.get(s.denominator)!;
    if (typeof stated !== 'number' || den === 0) continue;
    const computed = num / den;
    if (Math.abs(stated - computed) <= pack.rateTolerance + 1e-9) continue;
    const cell = cellOf(info, s.fact, r.row)!;
    const rate = labels.get(s.fact)!;
    out.rateChecks.push({ sheet: r.sheet, cell, fact: s.fact, stated, computed, numerator: num, denominator: den, from: [numCell, denCell] });
    out.warnings.push({
      sheet: r.sheet,
      cell,
      ...both('rateMismatch', {
        label: rate.label,
        labelEn: rate.labelEn ?? rate.label,
        stated: pct(stated),
        numeratorLabel: numCol.label,
        numerator: num,
        denominatorLabel: denCol.label,
        denominator: den,
        cells: `${numCell}、${denCell}`,
        computed: pct(computed),
        diff: (Math.round(Math.abs(stated - computed) * 1000) / 10).toFixed(1),
      }),
    });
  }
}

/**
 * The work ledger's rows tied to roster branches, with their stated rates
 * checked. A name that matches no branch is reported once per sheet, with the
 * cell of its first row, and its counts are left out.
 */
export function collectWork(read: ReadResult, pack: BranchPack, roster: BranchRoster, rosterTitle: { zh: string; en: string }): WorkRecords & { unmatched: UnmatchedName[] } {
  const infos = new Map<string, LedgerInfo>(read.ledgers.map((l) => [l.sheet, l]));
  const countFacts = pack.work.columns.filter((c) => c.type === 'number').map((c) => c.fact);
  const out: WorkRecords = { rows: [], rateChecks: [], warnings: [] };
  const unmatched = new Map<string, UnmatchedName>();
  for (const r of read.records) {
    const info = infos.get(r.sheet);
    checkRates(r, info, pack, out);
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
