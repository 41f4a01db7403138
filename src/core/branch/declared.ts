import type { ColumnMapping } from '../ledger/columns';
import type { LedgerInfo, LedgerRecord, Warning } from '../ledger/read';
import { both } from '../messages';
import type { WorkbookSnapshot } from '../snapshot';
import { a1Column } from '../scheme/cells';
import { readDeclaredLedgers } from '../scheme/read';
import type { SubjectFromTitle } from '../scheme/ledgers';
import type { SchemeLedger } from '../scheme/schema';
import type { SheetKinds } from '../ledger/classify';
import type { BranchRoster } from './names';
import type { BranchPack } from './schema';
import type { UnmatchedName } from './work';

/**
 * The ledgers the branch pack declares as data (支部基本情况, 群众满意度测评,
 * 发展党员), read once, their rows given to the branch the roster matches
 * them to; their facts are gathered with every other by `gatherFacts`.
 */
export interface DeclaredBranchLedgers {
  /** The sheets read as each declared ledger, by ledger id. */
  infos: Record<string, LedgerInfo[]>;
  /** Each branch's rows, by roster id, then by ledger id. */
  rows: Map<string, Map<string, LedgerRecord[]>>;
  unmatched: UnmatchedName[];
  warnings: Warning[];
  /** Declared ledgers some sheet holds. */
  present: Set<string>;
  /** The periods each non-standing declared ledger has rows for. */
  units: Map<string, Set<string>>;
}

export interface DeclaredOptions {
  mapping?: ColumnMapping;
  defaultPeriod?: string;
  today?: string;
  /** How a title names a branch, for a ledger kept one sheet per branch. */
  fromTitle?: SubjectFromTitle;
}

const subjectOf = (ledger: SchemeLedger) => ledger.columns.find((c) => c.role === 'subject')!.fact;

/** Reads the pack's declared ledgers from the sheets the classification gave them and matches each row's branch name. */
export function collectDeclared(workbook: WorkbookSnapshot, pack: BranchPack, kinds: SheetKinds, roster: BranchRoster, rosterTitle: { zh: string; en: string }, options: DeclaredOptions): DeclaredBranchLedgers {
  const read = readDeclaredLedgers(workbook, pack, kinds, options);
  const infos = new Map<string, LedgerInfo>();
  const unmatched = new Map<string, UnmatchedName>();
  const out: DeclaredBranchLedgers = { infos: {}, rows: new Map(), unmatched: [], warnings: [], present: new Set(), units: new Map() };
  for (const ledger of pack.ledgers) {
    const r = read.get(ledger.id)!;
    out.infos[ledger.id] = r.infos;
    out.warnings.push(...r.warnings);
    for (const info of r.infos) infos.set(info.sheet, info);
    if (r.infos.length === 0) continue;
    out.present.add(ledger.id);
    if (!ledger.standing) out.units.set(ledger.id, new Set(r.records.map((x) => x.period)));
    for (const record of r.records) {
      const branch = roster.match(record.name);
      if (!branch) {
        const cell = `${a1Column(infos.get(record.sheet), subjectOf(ledger)) ?? 'A'}${record.row}`;
        const key = `${record.sheet}\u0000${record.name}`;
        const seen = unmatched.get(key);
        if (seen) seen.rows++;
        else {
          unmatched.set(key, { name: record.name, ledger: ledger.title, ledgerEn: ledger.titleEn ?? ledger.title, sheet: record.sheet, cell, rows: 1 });
          out.warnings.push({ sheet: record.sheet, cell, ...both('nameUnmatched', { name: record.name, roster: rosterTitle.zh, rosterEn: rosterTitle.en }) });
        }
        continue;
      }
      if (!out.rows.has(branch.id)) out.rows.set(branch.id, new Map());
      const mine = out.rows.get(branch.id)!;
      if (!mine.has(ledger.id)) mine.set(ledger.id, []);
      mine.get(ledger.id)!.push(record);
    }
  }
  out.unmatched = [...unmatched.values()];
  return out;
}
