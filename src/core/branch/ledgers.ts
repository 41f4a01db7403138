import { type ColumnMapping, ColumnMatcher, IGNORE } from '../ledger/columns';
import { type Header, searchHeader } from '../ledger/header';
import { type LedgerInfo, type LedgerSpec, type ReadResult, readLedgerSheets } from '../ledger/read';
import type { Column, Pack } from '../pack/schema';
import { CADRE_RESULT_SHEET } from '../results/table';
import { LOG_SHEET, RULES_SHEET } from '../rulesheet/name';
import { halfWidth } from '../text';
import { a1, type Cell, type SheetSnapshot, type WorkbookSnapshot, unmergedValues } from '../snapshot';
import { declaredKind, declaredLedgers } from '../scheme/ledgers';
import type { BranchNameRules } from './names';
import type { BranchPack } from './schema';
import { BRANCH_RESULT_SHEET } from './table';

/** A ledger an assessment declares on its own (党员中心户测评表): `<assessment id>/<ledger id>`. */
export type DeclaredKind = `${string}/${string}`;

/** The ledgers the cadre and branch packs read. */
export type BuiltInKind = 'meetings' | 'work' | 'cadre';

export type LedgerKind = BuiltInKind | DeclaredKind;

/** Which sheets hold which ledger; a sheet holds at most one. */
export type SheetKinds = Record<BuiltInKind, string[]> & Partial<Record<DeclaredKind, string[]>>;

/** A ledger declared as data by an assessment, and how a sheet is read as one. */
export interface DeclaredLedger {
  kind: DeclaredKind;
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

/** The meeting records' columns, the meeting types the values of the meetingType column: read as any ledger's values are. */
export function meetingColumns(pack: BranchPack): Column[] {
  return pack.meetings.columns.map((c) => (c.fact === 'meetingType' ? { ...c, values: pack.meetings.types } : c));
}

export function meetingSpec(pack: BranchPack, rules: BranchNameRules): LedgerSpec {
  return {
    columns: meetingColumns(pack),
    ignoredColumns: pack.meetings.ignoredColumns,
    keyFact: 'meetingType',
    subjectFromTitle: (title, sheetName) => branchFromTitle(title, sheetName, rules),
  };
}

/**
 * Work counts often sit in separate sheets (承诺, 服务, 纠纷): a sheet lacking some
 * columns is normal. They are kept per month or as a quarterly or yearly table.
 */
export function workSpec(pack: BranchPack): LedgerSpec {
  return {
    columns: pack.work.columns,
    ignoredColumns: pack.work.ignoredColumns,
    warnMissing: false,
    longerPeriods: true,
    statedRates: pack.work.statedRates,
    rateTolerance: pack.rateTolerance,
  };
}

function cadreSpec(pack: Pack): LedgerSpec {
  return { columns: pack.columns, ignoredColumns: pack.ignoredColumns };
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
 * Each sheet goes to the kind whose header it matches best (most columns
 * recognised); on a tie meeting records come first, then the cadre ledger. A
 * cadre ledger with 所属支部 and 承诺数 columns thus stays a cadre ledger, and a
 * work ledger with a 书记姓名 column does not become one. A sheet no kind
 * recognises is notes (empty, or text with no ledger's header) or
 * unrecognised, with the ledger it most resembles and the column it lacks.
 */
export function classifyWorkbook(
  workbook: WorkbookSnapshot,
  branch: BranchPack,
  rules: BranchNameRules,
  cadre?: Pack,
  mapping: ColumnMapping = {},
  declared: DeclaredLedger[] = [],
  /** The result sheets of the declared assessments: the add-on's own too. */
  ownSheets: string[] = [],
): Classification {
  const results = new Set([...RESULT_SHEETS, ...ownSheets]);
  const specs: [LedgerKind, LedgerSpec][] = [['meetings', meetingSpec(branch, rules)]];
  if (cadre) specs.push(['cadre', cadreSpec(cadre)]);
  specs.push(['work', workSpec(branch)]);
  for (const d of declared) specs.push([d.kind, d.spec]);
  const matchers = specs.map(([kind, spec]) => {
    const subject = spec.columns.find((c) => c.role === 'subject')!;
    return { kind, spec, key: spec.keyFact ?? subject.fact, min: Math.min(3, spec.columns.length), matcher: new ColumnMatcher(spec.columns, spec.ignoredColumns, mappingFor(spec, mapping)) };
  });
  const kinds: SheetKinds = { meetings: [], work: [], cadre: [] };
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

/** Which sheets hold which ledger (see classifyWorkbook), the branch pack's declared ledgers among them. */
export function classifySheets(workbook: WorkbookSnapshot, branch: BranchPack, rules: BranchNameRules, cadre?: Pack, mapping: ColumnMapping = {}): SheetKinds {
  return classifyWorkbook(workbook, branch, rules, cadre, mapping, declaredLedgers([branch])).kinds;
}

export function sheetsNamed(workbook: WorkbookSnapshot, names: string[]): WorkbookSnapshot {
  const wanted = new Set(names);
  return { sheets: workbook.sheets.filter((s) => wanted.has(s.name)) };
}

/** The workbook without the branch ledgers and the add-on's results: what the cadre assessment should read. */
export function withoutBranchLedgers(workbook: WorkbookSnapshot, kinds: SheetKinds): WorkbookSnapshot {
  // Every other ledger too: a 村干部 sheet has 姓名 and 所在嘎查, but it is the village-cadre assessment's.
  const others = Object.entries(kinds).flatMap(([kind, sheets]) => (kind === 'cadre' ? [] : (sheets ?? [])));
  const branchSheets = new Set([...others, ...RESULT_SHEETS]);
  return { sheets: workbook.sheets.filter((s) => !branchSheets.has(s.name)) };
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
  const meetingsSpec = meetingSpec(pack, rules);
  const work = workSpec(pack);
  return {
    kinds,
    meetings: readLedgerSheets(sheetsNamed(workbook, kinds.meetings), meetingsSpec, { mapping: mappingFor(meetingsSpec, mapping), defaultPeriod: options.defaultPeriod, today: options.today }),
    work: readLedgerSheets(sheetsNamed(workbook, kinds.work), work, { mapping: mappingFor(work, mapping), defaultPeriod: options.defaultPeriod, today: options.today }),
  };
}

/** The A1 cell of a fact's column in a given 1-based row of a ledger, or undefined when the sheet has no such column. */
export function cellOf(info: LedgerInfo | undefined, fact: string, row: number): string | undefined {
  const header = info?.columns.find((c) => c.fact === fact)?.cell;
  const letters = header ? /^[A-Z]+/.exec(header)?.[0] : undefined;
  return letters ? `${letters}${row}` : undefined;
}

/** A ledger kind's title as the messages name it: 三会一课记录, 支部工作台账, 驻村干部月度考核台账, or a ledger the branch pack declares (支部基本情况). */
export function ledgerTitle(pack: BranchPack, cadre: Pack | undefined, kind: LedgerKind): { zh: string; en: string } {
  if (kind.includes('/')) {
    const ledger = pack.ledgers.find((l) => declaredKind(pack.id, l.id) === kind);
    return { zh: ledger?.title ?? kind, en: ledger?.titleEn ?? ledger?.title ?? kind };
  }
  if (kind === 'meetings') return { zh: pack.meetings.title, en: pack.meetings.titleEn ?? pack.meetings.title };
  if (kind === 'work') return { zh: pack.work.title, en: pack.work.titleEn ?? pack.work.title };
  return { zh: `${cadre?.title ?? '驻村干部'}台账`, en: `${cadre?.titleEn ?? 'stationed cadre'} ledger` };
}
