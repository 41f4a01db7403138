import { factCatalogue, factSources, OUTCOME_FACTS } from '../../branch/catalogue';
import { readBranchLedgers } from '../../branch/ledgers';
import { type LedgerKind, sheetsNamed, sheetsOf } from '../../ledger/classify';
import { packScheme, readLedgers } from '../../assess/scheme';
import { ledgerKind } from '../../scheme/ledgers';
import { MEETINGS_LEDGER, WORK_LEDGER } from '../../branch/schema';
import { BranchNameRules } from '../../branch/names';
import type { BranchPack } from '../../branch/schema';
import type { ColumnMapping } from '../../ledger/columns';
import type { Pack } from '../../pack/schema';
import type { WorkbookSnapshot } from '../../snapshot';
import { FactDirectory, type FactInfo } from '../facts';
import type { RuleTestCase } from '../rule-tests';
import type { ScoringEntry, ScoringFact, ScoringRate } from '../section';

interface FactColumns {
  columns: ScoringFact[];
  derived: ScoringRate[];
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
 * The branch pack's scoring as the shared 【指标】【规则】【等次】 tables see
 * it: its indicators, rules and grades, with the branch catalogue's counts and
 * yes/nos as the facts rules read as they are, and its rates (computed from the
 * branch's ledgers, not from two columns) as the rates they read as percentages.
 */
export function sharedView(pack: BranchPack): ScoringEntry {
  const { columns, derived } = factColumns(pack, false);
  return { pack: { columns, derived, indicators: pack.indicators, rules: pack.rules, grades: pack.grades }, tests: [] };
}

/**
 * The shared view the 【规则测试】 table is written and read through: the
 * branch facts, plus 排名末位, which a test may set since one branch alone is
 * never last.
 */
export function testView(pack: BranchPack, tests: RuleTestCase[]): ScoringEntry {
  const { pack: view } = sharedView(pack);
  const last = OUTCOME_FACTS.lastPlace!;
  const lastPlace: ScoringFact = { fact: 'lastPlace', label: last.label, labelEn: last.labelEn, type: 'boolean' };
  return { pack: { ...view, columns: [...view.columns, lastPlace] }, tests };
}

/**
 * The facts a branch rule can read that the workbook's ledgers can really
 * supply: a fact counts when its source ledger is there (meeting records, a
 * work ledger, stationed-cadre results with a village column, a ledger the pack
 * declares) with the columns it is computed from. The editor offers only these.
 */
export function suppliedBranchFacts(workbook: WorkbookSnapshot, pack: BranchPack, cadre: Pack | undefined, mapping: ColumnMapping = {}): FactInfo[] {
  const read = readBranchLedgers(workbook, pack, new BranchNameRules(pack.names), cadre, { mapping });
  const columnsOf = (ledgers: { columns: { fact: string }[] }[]) => (ledgers.length > 0 ? new Set(ledgers.flatMap((l) => l.columns.map((c) => c.fact))) : undefined);
  const village = cadre?.columns.find((c) => c.role === 'branch')?.fact;
  const cadreKind = cadre && ledgerKind(cadre.id, packScheme(cadre).ledgers[0]!.id);
  const cadreLedgers = cadreKind && village ? readLedgers(sheetsNamed(workbook, sheetsOf(read.kinds, cadreKind)), cadre, { mapping }).ledgers.filter((l) => l.columns.some((c) => c.fact === village)) : [];
  // A declared ledger (支部基本情况, one a clerk added on 考评规则) counts once a sheet is classified as it: its facts need no column beyond those that recognise it.
  const found = new Map<LedgerKind, Set<string>>(Object.entries(read.kinds).flatMap(([kind, sheets]) => (sheets && sheets.length > 0 ? [[kind as LedgerKind, new Set<string>()]] : [])));
  const own = [[ledgerKind(pack.id, MEETINGS_LEDGER), columnsOf(read.meetings.ledgers)], [ledgerKind(pack.id, WORK_LEDGER), columnsOf(read.work.ledgers)]] as const;
  for (const [kind, columns] of own) {
    if (columns) found.set(kind, columns);
    else found.delete(kind);
  }
  const cadreColumns = columnsOf(cadreLedgers);
  const sources = factSources(pack);
  return branchFacts(pack)
    .all()
    .filter((f) => {
      const source = sources.get(f.fact);
      const columns = source && (source.ledger === null ? cadreColumns : found.get(source.ledger));
      return columns !== undefined && source!.columns.every((c) => columns.has(c));
    });
}
