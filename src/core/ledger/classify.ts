import { type ColumnMapping, ColumnMatcher, IGNORE } from './columns';
import { type Header, searchHeader } from './header';
import type { LedgerInfo, LedgerSpec } from './read';
import { RESULT_SHEETS } from '../results/sheets';
import { RULES_SHEET } from '../rulesheet/name';
import { ledgerKind } from '../scheme/ledgers';
import type { SchemeLedger } from '../scheme/schema';
import { a1, type Cell, type SheetSnapshot, type WorkbookSnapshot, unmergedValues } from '../snapshot';

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
