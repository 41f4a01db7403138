import { type ColumnMapping, ColumnMatcher, IGNORE } from '../ledger/columns';
import { type Header, searchHeader } from '../ledger/header';
import { type LedgerInfo, type LedgerSpec, type ReadResult, readLedgerSheets } from '../ledger/read';
import type { Pack } from '../pack/schema';
import { CADRE_RESULT_SHEET } from '../results/table';
import { LOG_SHEET, RULES_SHEET } from '../rulesheet/name';
import { halfWidth } from '../text';
import { a1, type Cell, type SheetSnapshot, type WorkbookSnapshot, unmergedValues } from '../snapshot';
import { ledgerKind, runLedgers } from '../scheme/ledgers';
import { packScheme } from '../scheme/from-pack';
import type { SchemeLedger } from '../scheme/schema';
import type { BranchNameRules } from './names';
import { type BranchPack, MEETINGS_LEDGER, WORK_LEDGER } from './schema';
import { branchScheme } from './scheme';
import { BRANCH_RESULT_SHEET } from './table';

/** A ledger of one assessment of the run: `<assessment id>/<ledger id>` (stationed-cadre/ledger, branch/meetings, 党员中心户/household). */
export type LedgerKind = `${string}/${string}`;

/** Which sheets hold which ledger; a sheet holds at most one. */
export type SheetKinds = Partial<Record<LedgerKind, string[]>>;

/** A ledger of some assessment of the run, and how a sheet is read as one. */
export interface RunLedger {
  kind: LedgerKind;
  ledger: SchemeLedger;
  spec: LedgerSpec;
}

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

/** The user's column mapping, kept to the facts of one ledger kind. */
export function mappingFor(spec: LedgerSpec, mapping: ColumnMapping): ColumnMapping {
  const facts = new Set(spec.columns.map((c) => c.fact));
  return Object.fromEntries(Object.entries(mapping).filter(([, fact]) => fact === IGNORE || facts.has(fact)));
}

/** What a sheet of a workbook is to a run. */
export type SheetRole = 'ledger' | 'notes' | 'results' | 'rules' | 'unrecognised';

/** Why a sheet is taken for notes: it is empty, or text without a header of any ledger. */
export type NotesKind = 'empty' | 'text';

export interface ColumnLabel {
  fact: string;
  label: string;
  labelEn: string;
}

/** The ledger a sheet that was not read looks most like, and what keeps it from being one. */
export interface Resemblance {
  kind: LedgerKind;
  /** The pack columns its likeliest header row has. */
  recognised: ColumnLabel[];
  /** The column that marks a sheet as this ledger, when that row lacks it. */
  missing?: ColumnLabel;
  /** How many columns a header needs. */
  minFacts: number;
  /** Every column of that ledger, and the labels of the row that match none: what the user may map by hand. */
  columns: ColumnLabel[];
  unmapped: { header: string; cell: string }[];
}

export interface SheetClass {
  sheet: string;
  role: SheetRole;
  /** The ledger a sheet holds. */
  kind?: LedgerKind;
  /** 1-based header rows: a ledger's, or the likeliest of a sheet not read. */
  header?: [number, number];
  notes?: NotesKind;
  resembles?: Resemblance;
}

export interface Classification {
  kinds: SheetKinds;
  /** Every sheet of the snapshot once, in order. */
  sheets: SheetClass[];
}

/** The sheets the add-on writes its results to, and the hidden one it logs its rules in: never a ledger. */
export const RESULT_SHEETS: readonly string[] = [CADRE_RESULT_SHEET, BRANCH_RESULT_SHEET, LOG_SHEET];

/** Sheet names staff give to instructions rather than records. */
const NOTES_NAME = /说明|须知|注意事项|填表要求|填报要求|指南|目录|封面|readme|notes?$/i;

/** Whether a row holds values as data rows do (two counts, rates or ticks). */
function isDataRow(row: Cell[]): boolean {
  let values = 0;
  for (const cell of row) {
    if (typeof cell === 'number' || typeof cell === 'boolean' || (typeof cell === 'string' && /^[-+]?[\d０-９.．]+\s*[%％]?$|^[√✓✔×✗✘]$/.test(cell.trim()))) {
      if (++values >= 2) return true;
    }
  }
  return false;
}

const filled = (row: Cell[] | undefined) => (row ?? []).filter((cell) => cell !== null && String(cell).trim() !== '').length;

/**
 * A table of words (a roster: 姓名 | 性别 | 所在支部 …) has rows of three cells
 * and more, one under another; a line of notes has one, or two when numbered.
 */
const isTabular = (grid: Cell[][]) => grid.some((row, r) => filled(row) >= 3 && filled(grid[r + 1]) >= 3);

const labelOf = (spec: LedgerSpec, fact: string): ColumnLabel => {
  const column = spec.columns.find((c) => c.fact === fact)!;
  return { fact, label: column.label, labelEn: column.labelEn ?? column.label };
};

const rowsOf = (header: Header): [number, number] => [header.top + 1, header.bottom + 1];

/**
 * Tells the ledgers of a workbook apart, and says what every other sheet is.
 * Each sheet goes to the ledger whose header it matches best (most columns
 * recognised); on a tie the one given first (see runLedgers: meeting records,
 * then the cadre ledger, then work counts). A cadre ledger with 所属支部 and
 * 承诺数 columns thus stays a cadre ledger, and a work ledger with a 书记姓名
 * column does not become one. A sheet no ledger recognises is notes (empty,
 * or text with no ledger's header) or unrecognised, with the ledger it most
 * resembles and the column it lacks.
 */
export function classifyWorkbook(
  workbook: WorkbookSnapshot,
  ledgers: RunLedger[],
  mapping: ColumnMapping = {},
  /** The result sheets of the declared assessments: the add-on's own too. */
  ownSheets: string[] = [],
): Classification {
  const results = new Set([...RESULT_SHEETS, ...ownSheets]);
  const matchers = ledgers.map(({ kind, spec }) => {
    const subject = spec.columns.find((c) => c.role === 'subject')!;
    return { kind, spec, key: spec.keyFact ?? subject.fact, min: Math.min(3, spec.columns.length), matcher: new ColumnMatcher(spec.columns, spec.ignoredColumns, mappingFor(spec, mapping)) };
  });
  const kinds: SheetKinds = {};
  const sheets: SheetClass[] = [];
  for (const sheet of workbook.sheets) {
    // The rules sheet has headers that look like a ledger's: it is never one, nor are the results.
    if (sheet.name === RULES_SHEET) {
      sheets.push({ sheet: sheet.name, role: 'rules' });
      continue;
    }
    if (results.has(sheet.name)) {
      sheets.push({ sheet: sheet.name, role: 'results' });
      continue;
    }
    const grid = unmergedValues(sheet);
    let best: { kind: LedgerKind; header: Header } | undefined;
    let closest: { m: (typeof matchers)[number]; header: Header } | undefined;
    for (const m of matchers) {
      const found = searchHeader(grid, m.matcher, m.key, m.min);
      if (found.header && (!best || found.header.facts.size > best.header.facts.size)) best = { kind: m.kind, header: found.header };
      if (found.likeliest && (!closest || found.likeliest.facts.size > closest.header.facts.size)) closest = { m, header: found.likeliest };
    }
    if (best) {
      (kinds[best.kind] ??= []).push(sheet.name);
      sheets.push({ sheet: sheet.name, role: 'ledger', kind: best.kind, header: rowsOf(best.header) });
    } else {
      sheets.push(notLedger(sheet, grid, closest));
    }
  }
  return { kinds, sheets };
}

function notLedger(sheet: SheetSnapshot, grid: Cell[][], closest: { m: { kind: LedgerKind; spec: LedgerSpec; key: string; min: number }; header: Header } | undefined): SheetClass {
  const name = sheet.name;
  if (!grid.some((row) => row.some((cell) => cell !== null && String(cell).trim() !== ''))) return { sheet: name, role: 'notes', notes: 'empty' };
  const facts = closest ? [...closest.header.facts.keys()] : [];
  const data = grid.some(isDataRow);
  const named = NOTES_NAME.test(name);
  // Instructions name the columns they explain ("承诺数 / 完成数 | 按季度填写"): text under a notes name is notes. A
  // table of words under any other name is not notes but a sheet not recognised, said as such.
  const notes = named ? !data || facts.length < 2 : !data && facts.length < 2 && !isTabular(grid);
  if (notes) return { sheet: name, role: 'notes', notes: 'text' };
  if (!closest || facts.length === 0) return { sheet: name, role: 'unrecognised' };
  const { kind, spec, key, min } = closest.m;
  const header = closest.header;
  const resembles: Resemblance = {
    kind,
    recognised: facts.map((f) => labelOf(spec, f)),
    minFacts: min,
    columns: spec.columns.map((c) => labelOf(spec, c.fact)),
    unmapped: header.columns.filter((h) => !h.fact).map((h) => ({ header: h.header, cell: a1(header.bottom, h.col) })),
  };
  if (!header.facts.has(key)) resembles.missing = labelOf(spec, key);
  return { sheet: name, role: 'unrecognised', header: rowsOf(header), resembles };
}

/** Which sheets hold which of the cadre and branch packs' ledgers (see classifyWorkbook), the branch pack's declared ledgers among them. */
export function classifySheets(workbook: WorkbookSnapshot, branch: BranchPack, rules: BranchNameRules, cadre?: Pack, mapping: ColumnMapping = {}): SheetKinds {
  return classifyWorkbook(workbook, packLedgers(branch, rules, cadre), mapping).kinds;
}

export function sheetsNamed(workbook: WorkbookSnapshot, names: string[]): WorkbookSnapshot {
  const wanted = new Set(names);
  return { sheets: workbook.sheets.filter((s) => wanted.has(s.name)) };
}

/** The workbook without the other assessments' ledgers and the add-on's results: what one assessment (the cadre one) should read. */
export function withoutOtherLedgers(workbook: WorkbookSnapshot, kinds: SheetKinds, owner: string): WorkbookSnapshot {
  // A 村干部 sheet has 姓名 and 所在嘎查, but it is the village-cadre assessment's.
  const others = Object.entries(kinds).flatMap(([kind, sheets]) => (kind.startsWith(`${owner}/`) ? [] : (sheets ?? [])));
  const skipped = new Set([...others, ...RESULT_SHEETS]);
  return { sheets: workbook.sheets.filter((s) => !skipped.has(s.name)) };
}

/** The sheets the classification gave one ledger. */
export const sheetsOf = (kinds: SheetKinds, kind: LedgerKind): string[] => kinds[kind] ?? [];

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

/** The A1 cell of a fact's column in a given 1-based row of a ledger, or undefined when the sheet has no such column. */
export function cellOf(info: LedgerInfo | undefined, fact: string, row: number): string | undefined {
  const header = info?.columns.find((c) => c.fact === fact)?.cell;
  const letters = header ? /^[A-Z]+/.exec(header)?.[0] : undefined;
  return letters ? `${letters}${row}` : undefined;
}

/** A ledger kind's title as the messages name it: the title its assessment gives it (三会一课记录, 驻村干部月度考核台账, 支部基本情况). */
export function ledgerTitle(assessments: { id: string; ledgers: SchemeLedger[] }[], kind: LedgerKind): { zh: string; en: string } {
  const ledger = assessments.flatMap((a) => a.ledgers.map((l) => ({ kind: ledgerKind(a.id, l.id), l }))).find((x) => x.kind === kind)?.l;
  return { zh: ledger?.title ?? kind, en: ledger?.titleEn ?? ledger?.title ?? kind };
}
