import type { LedgerInfo } from '../ledger/read';
import type { Warning } from '../ledger/read';
import type { SubjectResult } from '../scheme/result';
import { both } from '../messages';
import type { Pack } from '../pack/schema';
import { cellOf } from '../ledger/classify';
import type { BranchRoster } from './names';
import type { UnmatchedName } from './work';

/** The stationed cadres' results as the run gave them, with the ledger sheets they were read from. */
export interface CadreResults {
  results: SubjectResult[];
  ledgers: LedgerInfo[];
}

export interface BranchCadre {
  branch: string;
  result: SubjectResult;
  /** The village cell of the cadre's row. */
  cell: string;
}

export interface CadreRecords {
  cadres: BranchCadre[];
  /** Months the cadre results cover; empty when the workbook has no cadre ledger. */
  coverage: Set<string>;
  /** Whether a cadre ledger with a village column was found at all. */
  present: boolean;
  unmatched: UnmatchedName[];
  warnings: Warning[];
}

/**
 * Each stationed cadre's results, tied to the branch of the village they are
 * stationed in. Villages that match no branch are reported once per sheet.
 */
export function collectCadres(assessment: CadreResults | undefined, cadrePack: Pack | undefined, roster: BranchRoster, rosterTitle: { zh: string; en: string }): CadreRecords {
  const out: CadreRecords = { cadres: [], coverage: new Set(), present: false, unmatched: [], warnings: [] };
  if (!assessment || !cadrePack || assessment.ledgers.length === 0) return out;
  const villageFact = cadrePack.columns.find((c) => c.role === 'branch')?.fact;
  const infos = new Map(assessment.ledgers.map((l) => [l.sheet, l]));
  const withVillage = assessment.ledgers.filter((l) => villageFact && l.columns.some((c) => c.fact === villageFact));
  if (withVillage.length === 0) {
    out.warnings.push({ sheet: assessment.ledgers[0]!.sheet, cell: '', ...both('cadreNoVillage') });
    return out;
  }
  out.present = true;
  const unmatched = new Map<string, UnmatchedName>();
  const sheetsWithout = new Set<string>();
  for (const c of assessment.results) {
    out.coverage.add(c.period);
    const source = c.source!;
    const villageCell = cellOf(infos.get(source.sheet), villageFact!, source.row);
    const cell = villageCell ?? `A${source.row}`;
    if (!c.group) {
      // A sheet without the column is said once; a blank cell in it, for its cadre.
      if (villageCell) out.warnings.push({ sheet: source.sheet, cell, ...both('cadreNoBranch', { name: c.name }) });
      else if (!sheetsWithout.has(source.sheet)) {
        sheetsWithout.add(source.sheet);
        out.warnings.push({ sheet: source.sheet, cell: '', ...both('cadreNoVillage') });
      }
      continue;
    }
    const branch = roster.match(c.group);
    if (branch) {
      out.cadres.push({ branch: branch.id, result: c, cell });
      continue;
    }
    const key = `${source.sheet}\u0000${c.group}`;
    const seen = unmatched.get(key);
    if (seen) seen.rows++;
    else {
      unmatched.set(key, { name: c.group, ledger: cadrePack.title, ledgerEn: cadrePack.titleEn ?? cadrePack.title, sheet: source.sheet, cell, rows: 1 });
      out.warnings.push({ sheet: source.sheet, cell, ...both('nameUnmatched', { name: c.group, roster: rosterTitle.zh, rosterEn: rosterTitle.en }) });
    }
  }
  out.unmatched = [...unmatched.values()];
  return out;
}
