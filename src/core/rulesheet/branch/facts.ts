import { factCatalogue, OUTCOME_FACTS } from '../../branch/catalogue';
import type { BranchPack } from '../../branch/schema';
import type { ColumnType, Pack } from '../../pack/schema';
import { FactDirectory } from '../facts';
import type { PackEntry } from '../section';

interface FactColumns {
  columns: { fact: string; label: string; labelEn: string; type: ColumnType }[];
  derived: { fact: string; label: string; labelEn: string }[];
}

/**
 * The branch facts as the shared tables know facts: counts as number columns,
 * rates as computed values, so condition cells read and write the same way
 * (rates as percentages) in both blocks.
 */
function factColumns(pack: BranchPack, outcomes: boolean): FactColumns {
  const found: FactColumns = { columns: [], derived: [] };
  const all = [...factCatalogue(pack), ...(outcomes ? Object.entries(OUTCOME_FACTS) : [])];
  for (const [fact, info] of all) {
    // 'always' has no label: no cell can name it.
    if (!info.label) continue;
    const labelEn = info.labelEn || info.label;
    if (info.type === 'ratio') found.derived.push({ fact, label: info.label, labelEn });
    else found.columns.push({ fact, label: info.label, labelEn, type: info.type });
  }
  return found;
}

/** Facts a branch rule or must-meet item may read; with `outcomes`, also those the risk criteria read. */
export function branchFacts(pack: BranchPack, outcomes = false): FactDirectory {
  const { columns, derived } = factColumns(pack, outcomes);
  return new FactDirectory(columns, derived);
}

/**
 * The branch pack as the shared 【指标】【规则】【等次】 tables see a pack: they
 * only read its indicators, rules and grades, and name facts through its
 * columns and computed values, which here stand for the branch catalogue.
 * Nothing else of the cadre pack shape is read, hence the cast.
 */
export function sharedView(pack: BranchPack): PackEntry {
  const { columns, derived } = factColumns(pack, false);
  const view = { id: pack.id, version: 1, title: pack.title, subject: 'cadre', columns, derived, indicators: pack.indicators, rules: pack.rules, grades: pack.grades, ignoredColumns: [] };
  return { pack: view as unknown as Pack, tests: [] };
}
