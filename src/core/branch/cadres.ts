import type { Assessment, CadreResult } from '../assess/assess';
import type { Warning } from '../ledger/read';
import { both } from '../messages';
import type { Pack } from '../pack/schema';
import { cellOf } from './ledgers';
import type { BranchRoster } from './names';
import type { UnmatchedName } from './work';

export interface BranchCadre {
  branch: string;
  result: CadreResult;
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
export function collectCadres(assessment: Assessment | undefined, cadrePack: Pack | undefined, roster: BranchRoster, rosterTitle: { zh: string; en: string }): CadreRecords {
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
  for (const c of assessment.cadres) {
    out.coverage.add(c.period);
    const villageCell = cellOf(infos.get(c.source.sheet), villageFact!, c.source.row);
    const cell = villageCell ?? `A${c.source.row}`;
    if (!c.branch) {
      // A sheet without the column is said once; a blank cell in it, for its cadre.
      if (villageCell) out.warnings.push({ sheet: c.source.sheet, cell, ...both('cadreNoBranch', { name: c.name }) });
      else if (!sheetsWithout.has(c.source.sheet)) {
        sheetsWithout.add(c.source.sheet);
        out.warnings.push({ sheet: c.source.sheet, cell: '', ...both('cadreNoVillage') });
      }
      continue;
    }
    const branch = roster.match(c.branch);
    if (branch) {
      out.cadres.push({ branch: branch.id, result: c, cell });
      continue;
    }
    const key = `${c.source.sheet}\u0000${c.branch}`;
    const seen = unmatched.get(key);
    if (seen) seen.rows++;
    else {
      unmatched.set(key, { name: c.branch, ledger: cadrePack.title, ledgerEn: cadrePack.titleEn ?? cadrePack.title, sheet: c.source.sheet, cell, rows: 1 });
      out.warnings.push({ sheet: c.source.sheet, cell, ...both('nameUnmatched', { name: c.branch, roster: rosterTitle.zh, rosterEn: rosterTitle.en }) });
    }
  }
  out.unmatched = [...unmatched.values()];
  return out;
}
