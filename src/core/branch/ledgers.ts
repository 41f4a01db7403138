import type { ColumnMapping } from '../ledger/columns';
import { classifyWorkbook, mappingFor, type RunLedger, type SheetKinds, sheetsNamed, sheetsOf } from '../ledger/classify';
import { type ReadResult, readLedgerSheets } from '../ledger/read';
import type { Pack } from '../pack/schema';
import { halfWidth } from '../text';
import type { WorkbookSnapshot } from '../snapshot';
import { ledgerKind, runLedgers } from '../scheme/ledgers';
import type { SchemeLedger } from '../scheme/schema';
import { packScheme } from '../assess/scheme';
import type { BranchNameRules } from './names';
import { type BranchPack, MEETINGS_LEDGER, WORK_LEDGER } from './schema';
import { branchScheme } from './scheme';

/** What is left of a title once dates and the ledger's own words are gone: the branch it names. */
const DATE_WORDS = /\d{4}\s*年?\s*(\d{1,2}\s*[-—~至到]\s*)?(\d{1,2}\s*月份?)?|\d{1,2}\s*月份?|第?[一二三四1-4]\s*季度|[上下]半年|全年|年度/g;
const LEDGER_WORDS = /(三会一课|主题党日|组织生活|会议|活动|记录|台账|登记|情况|统计|一览|汇总|明细)/;

/**
 * The branch a one-sheet-per-branch meeting ledger is about: named in its
 * title row ("巴彦嘎查党支部2024年三会一课记录"), else in the sheet name.
 * Only a name that says it is a branch or a place counts, so a title such as
 * "2024年三会一课记录" names no branch.
 */
export function branchFromTitle(title: string, sheetName: string, rules: BranchNameRules): string | undefined {
  for (const text of [title, sheetName]) {
    const cut = halfWidth(text).replace(DATE_WORDS, ' ').split(LEDGER_WORDS)[0]!;
    const name = cut.replace(/[\s\u3000:：,，、\-—_()（）]+/g, '');
    if (!name) continue;
    const key = rules.key(name);
    if (rules.isOrganisation(name) || rules.hasPlaceSuffix(key)) return name;
  }
  return undefined;
}

/** The ledgers of the given assessments, in the order they are given, a subject named in a title read by the branch name rules. */
export function ledgersOf(assessments: { id: string; ledgers: SchemeLedger[] }[], rules: BranchNameRules): RunLedger[] {
  return runLedgers(assessments, (title, sheetName) => branchFromTitle(title, sheetName, rules));
}

/** The ledgers the cadre and branch packs read, in the order a run gives them. */
export function packLedgers(branch: BranchPack, rules: BranchNameRules, cadre?: Pack): RunLedger[] {
  return ledgersOf([...(cadre ? [packScheme(cadre)] : []), branchScheme(branch)], rules);
}

/** Which sheets hold which of the cadre and branch packs' ledgers (see classifyWorkbook), the branch pack's declared ledgers among them. */
export function classifySheets(workbook: WorkbookSnapshot, branch: BranchPack, rules: BranchNameRules, cadre?: Pack, mapping: ColumnMapping = {}): SheetKinds {
  return classifyWorkbook(workbook, packLedgers(branch, rules, cadre), mapping).kinds;
}

export interface BranchLedgers {
  kinds: SheetKinds;
  meetings: ReadResult;
  work: ReadResult;
}

export interface BranchReadOptions {
  mapping?: ColumnMapping;
  defaultPeriod?: string;
  today?: string;
  /** The sheets' kinds when the run has classified them already. */
  kinds?: SheetKinds;
}

/** Reads the meeting records and the work ledgers of a workbook with the tolerant ledger reader. */
export function readBranchLedgers(workbook: WorkbookSnapshot, pack: BranchPack, rules: BranchNameRules, cadre?: Pack, options: BranchReadOptions = {}): BranchLedgers {
  const mapping = options.mapping ?? {};
  const kinds = options.kinds ?? classifySheets(workbook, pack, rules, cadre, mapping);
  const read = (id: string) => {
    const { kind, spec } = ledgersOf([branchScheme(pack)], rules).find((l) => l.kind === ledgerKind(pack.id, id))!;
    return readLedgerSheets(sheetsNamed(workbook, sheetsOf(kinds, kind)), spec, { mapping: mappingFor(spec, mapping), defaultPeriod: options.defaultPeriod, today: options.today });
  };
  return { kinds, meetings: read(MEETINGS_LEDGER), work: read(WORK_LEDGER) };
}

