import { both, type Bilingual } from '../messages';
import type { Column, StatedRate } from '../pack/schema';
import { monthId, monthOfDate, yearMonthIn, yearQuarterIn } from '../period';
import { a1, type Cell, type SheetSnapshot, type WorkbookSnapshot, unmergedValues } from '../snapshot';
import { RULES_SHEET } from '../rulesheet/name';
import { halfWidth, labelKey } from '../text';
import {
  isBlank,
  isDateShaped,
  isDitto,
  parseBoolean,
  parseDate,
  parseName,
  parseNumber,
  parsePercent,
  parseText,
  type Parsed,
} from '../values';
import { type ColumnMapping, ColumnMatcher, IGNORE } from './columns';
import { findHeader, type Header } from './header';
import { implausibleSheetYear, implausibleYear, impossibleValueCheck, yearSpan } from './ranges';
import { DEFAULT_RATE_TOLERANCE, type RateCheck, rateMismatches } from './rates';
import { ValueMatcher } from './values';

export type FactValue = number | boolean | string | null;

export interface Warning extends Bilingual {
  sheet: string;
  /** A1 cell, or "" when the warning is about a whole sheet. */
  cell: string;
  /** The month of the row or sheet it is about, when known: a period filter drops the others. */
  period?: string;
}

export interface LedgerRecord {
  sheet: string;
  /** 1-based row number, as the user sees it. */
  row: number;
  name: string;
  branch: string | null;
  /** The month, 2024-05 (a quarter or a year only for ledgers that allow longer periods). */
  period: string;
  facts: Record<string, FactValue>;
  /** Columns whose cell was written but could not be read, by fact. */
  unreadable: Set<string>;
  /** Columns whose value cannot be (-30 户, 45 days in May, 8 visits of 5 households), by fact: dropped, as if missing. */
  impossible: Set<string>;
}

export interface LedgerColumnInfo {
  fact: string;
  label: string;
  header: string;
  cell: string;
}

export interface LedgerInfo {
  sheet: string;
  /** The subject the title or sheet name gives, for a sheet without a subject column (one sheet per branch). */
  subject?: string;
  /** 1-based rows of the header. */
  headerRows: [number, number];
  /** The month the title or the sheet name gives, when it gives one. */
  period?: string;
  columns: LedgerColumnInfo[];
  /** Pack columns this sheet does not have. */
  missing: { fact: string; label: string }[];
  /** Header labels that match nothing: the user may map them by hand. */
  unmapped: { header: string; cell: string }[];
  records: number;
  /** Rows below the header that are not records, by why: the accounting of the sheet counts them. */
  skipped: SkippedRows;
}

/** Blank spacer rows, 合计/小计 rows, footers (填表人, 备注) and rows with no value in any column read (a 序号 alone). */
export interface SkippedRows {
  blank: number;
  totals: number;
  footers: number;
  empty: number;
}

export interface ReadResult {
  ledgers: LedgerInfo[];
  /** Sheets that are not ledgers of this pack, left alone. */
  otherSheets: string[];
  records: LedgerRecord[];
  warnings: Warning[];
  /** Stated rates that did not match their counts: warned, and the counts' rate read instead. */
  rateChecks: RateCheck[];
}

/**
 * What kind of ledger to read: its columns, and how a sheet is recognised as
 * one. A rule pack gives the columns; other ledgers (meeting records, branch
 * work counts) bring their own.
 */
export interface LedgerSpec {
  columns: Column[];
  ignoredColumns: string[];
  /** The column whose presence marks a sheet as this ledger: the subject's unless named. */
  keyFact?: string;
  /** Warn about columns a sheet lacks (default): off where several sheets each hold some of them. */
  warnMissing?: boolean;
  /** The subject a sheet without a subject column names in its title or sheet name. */
  subjectFromTitle?: (title: string, sheetName: string) => string | undefined;
  /**
   * Whether a row may stand for a quarter (2024-Q2) or a year (2024) when its
   * sheet or period cell names no month: statistics tables kept per quarter.
   */
  longerPeriods?: boolean;
  /** Rows need a period (default); a lookup table such as a name table does not. */
  periodless?: boolean;
  /** Rate columns recomputed from the counts beside them; one off by more than `rateTolerance` is warned and replaced. */
  statedRates?: StatedRate[];
  rateTolerance?: number;
}

export interface ReadOptions {
  mapping?: ColumnMapping;
  /** The month for rows that name none (the CLI's --period). */
  defaultPeriod?: string;
  /** Today (2024-06-03), from the host: a row dated after next year cannot be right. */
  today?: string;
}

/** 合计, 小计 and their kin, alone or closing a short label ("东片小计", "合 计"). */
const TOTAL_ROW = /^(合计|小计|总计|共计|总和|平均|平均值|汇总)$|^.{1,8}(合计|小计|总计|汇总)$/;
const TOTAL_HINT = /[计計总總均汇匯和]/;
const FOOTER = /^(填表人|填[报報]人|[审審][核覈]人|[审審][核覈]|[制製]表|[制製]表人|[负負][责責]人|[备備][注註]|[说說]明|[注註])/;

function cellString(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** The 序号 column: a total row writes its 合计 there, wherever the column stands. */
const NUMBER_COLUMN = /(序号|编号)$/;

/**
 * A total row names itself where a record has its name or its number: in the
 * leading columns, up to the name or village, or in the 序号 column. A 备注
 * saying "已汇总" is not one.
 */
function isTotalRow(row: Cell[], labelColumns: number[]): boolean {
  for (const c of labelColumns) {
    const cell = row[c];
    // Most cells are names: only fold those that could spell a total.
    if (typeof cell === 'string' && TOTAL_HINT.test(cell) && TOTAL_ROW.test(labelKey(cell))) return true;
  }
  return false;
}

function isFooterRow(row: Cell[]): boolean {
  // A note merged across the table's width fills every cell of the merge with the one text.
  const filled = [...new Set(row.filter((cell) => !isBlank(cell)))];
  return filled.length > 0 && filled.length <= 2 && filled.some((cell) => typeof cell === 'string' && FOOTER.test(labelKey(cell)));
}

function parseByType(column: Column, cell: Cell, year: number | undefined, longer = false): Parsed<FactValue> {
  switch (column.type) {
    case 'number':
      return parseNumber(cell);
    case 'percent':
      return parsePercent(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'name':
      return parseName(cell);
    case 'text':
      return parseText(cell);
    case 'date':
      return parseDateCell(cell, year);
    case 'period':
      return longer ? parseLongerPeriodCell(cell, year) : parsePeriodCell(cell, year);
  }
}

/** A month, else a quarter (2024-Q2) or a year (2024) the cell names. */
function parseLongerPeriodCell(cell: Cell, year: number | undefined): Parsed<FactValue> {
  const month = parsePeriodCell(cell, year);
  if (month.kind !== 'invalid') return month;
  const longer = longerPeriodIn(month.text, year);
  return longer ? { kind: 'value', value: longer } : month;
}

function longerPeriodIn(text: string, year: number | undefined): string | undefined {
  const yq = yearQuarterIn(text);
  const y = yq.year ?? year;
  if (y === undefined) return undefined;
  if (yq.quarter !== undefined) return `${y}-Q${yq.quarter}`;
  return yq.year !== undefined ? String(y) : undefined;
}

/** A date cell keeps its day (2024-05-06); one that names only a month ("5月") gives the month. */
function parseDateCell(cell: Cell, year: number | undefined): Parsed<FactValue> {
  const date = parseDate(cell, year);
  return date.kind === 'invalid' ? parsePeriodCell(cell, year) : date;
}

/** A period cell holds a date, or a month written as "2024年5月", "2024-05" or "5月"; a day that does not exist (2024/02/30) is neither. */
function parsePeriodCell(cell: Cell, year: number | undefined): Parsed<FactValue> {
  // A month column often holds the month alone, 5 or "5": not the spreadsheet day 5 (1900-01-04).
  const alone = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? halfWidth(cell).trim() : '';
  if (/^\d{1,2}$/.test(alone) && Number(alone) >= 1 && Number(alone) <= 12) {
    return year === undefined ? { kind: 'invalid', text: alone } : { kind: 'value', value: monthId(year, Number(alone)) };
  }
  const date = parseDate(cell, year);
  if (date.kind !== 'invalid') return date.kind === 'value' ? { kind: 'value', value: monthOfDate(date.value) } : date;
  if (isDateShaped(cell)) return date;
  const ym = yearMonthIn(date.text);
  const y = ym.year ?? year;
  if (y !== undefined && ym.month !== undefined) return { kind: 'value', value: monthId(y, ym.month) };
  return date;
}

/** The texts above the header, row by row, each merged value once. */
function rowsAbove(grid: Cell[][], header: Header): string[] {
  const rows: string[] = [];
  for (let r = 0; r < header.top; r++) {
    const seen = new Set<string>();
    for (const cell of grid[r] ?? []) {
      const s = cellString(cell);
      if (s) seen.add(s);
    }
    if (seen.size > 0) rows.push([...seen].join(' '));
  }
  return rows;
}

/** "填报日期：2024年5月6日" dates the filing, usually the month after the one reported. */
// Traditional forms too (填報日期, 製表時間): a ledger typed in traditional characters dates its filing the same way.
const FILING_DATE = /(填[报報]|填表|[制製]表|[报報]送|上[报報]|打印|[审審][核覈]|[签簽][发發])(日期|[时時][间間])\s*[:：]?\s*[^\s\u3000]*/g;

/**
 * The sheet's own month: the title row's, else the sheet name's, else one named
 * in the meta rows ("统计时间：2024年5月"); a year from any of them fills in a
 * month named without one ("5月台账" under "……（2024年）"). Where longer periods
 * are allowed, a quarter or a year named in the same places stands in when no
 * month is named.
 */
function sheetPeriod(sheetName: string, above: string[], longer = false): { period?: string; year?: number } {
  const [title = '', ...meta] = above.map((row) => row.replace(FILING_DATE, ''));
  const texts = [title, sheetName, meta.join(' ')];
  const sources = texts.map(yearMonthIn);
  const month = sources.find((s) => s.month !== undefined);
  const year = month?.year ?? sources.find((s) => s.year !== undefined)?.year;
  if (year !== undefined && month) return { period: monthId(year, month.month!), year };
  const wider = longer ? texts.map((text) => longerPeriodIn(text, year)).find((p) => p !== undefined) : undefined;
  return { period: wider, year };
}

function readSheet(sheet: SheetSnapshot, spec: LedgerSpec, matcher: ColumnMatcher, options: ReadOptions, out: ReadResult): void {
  const grid = unmergedValues(sheet);
  const subject = spec.columns.find((c) => c.role === 'subject')!;
  const header = findHeader(grid, matcher, spec.keyFact ?? subject.fact, Math.min(3, spec.columns.length));
  if (!header) {
    out.otherSheets.push(sheet.name);
    return;
  }
  const above = rowsAbove(grid, header);
  const title = above.join(' ');
  const span = yearSpan(options.today);
  const named = sheetPeriod(sheet.name, above, spec.longerPeriods);
  const sheetYear = named.year === undefined ? undefined : implausibleSheetYear(named.year, span);
  if (sheetYear) out.warnings.push({ sheet: sheet.name, cell: '', ...sheetYear });
  const { period: ownPeriod, year } = sheetYear ? { period: undefined, year: undefined } : named;
  const warn = (cell: string, message: Bilingual) => out.warnings.push({ sheet: sheet.name, cell, ...message, ...(ownPeriod ? { period: ownPeriod } : {}) });
  const periodColumn = spec.columns.find((c) => c.role === 'period');
  const branchColumn = spec.columns.find((c) => c.role === 'branch');
  const titleSubject = header.facts.has(subject.fact) ? undefined : spec.subjectFromTitle?.(title, sheet.name);

  const info: LedgerInfo = {
    sheet: sheet.name,
    headerRows: [header.top + 1, header.bottom + 1],
    ...(titleSubject !== undefined ? { subject: titleSubject } : {}),
    period: ownPeriod,
    columns: [],
    missing: [],
    unmapped: [],
    records: 0,
    skipped: { blank: 0, totals: 0, footers: 0, empty: 0 },
  };
  for (const column of spec.columns) {
    const col = header.facts.get(column.fact);
    if (col === undefined) {
      if (column.role !== 'period' && column.role !== 'branch' && !(column.role === 'subject' && spec.subjectFromTitle)) info.missing.push({ fact: column.fact, label: column.label });
      continue;
    }
    const h = header.columns.find((c) => c.col === col)!;
    info.columns.push({ fact: column.fact, label: column.label, header: h.header, cell: a1(header.bottom, col) });
  }
  for (const h of header.columns) {
    if (!h.fact) {
      info.unmapped.push({ header: h.header, cell: a1(header.bottom, h.col) });
      warn(a1(header.bottom, h.col), both('columnUnmapped', { header: h.header }));
    }
  }
  for (const dup of header.duplicates) {
    const column = spec.columns.find((c) => c.fact === dup.fact)!;
    const first = header.facts.get(dup.fact)!;
    warn(a1(header.bottom, dup.col), both('duplicateColumn', { label: column.label, labelEn: column.labelEn ?? column.label, cell: a1(header.bottom, first) }));
  }
  for (const m of spec.warnMissing === false ? [] : info.missing) {
    const column = spec.columns.find((c) => c.fact === m.fact)!;
    warn('', both('columnMissing', { label: column.label, labelEn: column.labelEn ?? column.label }));
  }
  out.ledgers.push(info);

  const subjectCol = header.facts.get(subject.fact);
  if (subjectCol === undefined && titleSubject === undefined) {
    warn('', both('subjectUnknown', { label: subject.label, labelEn: subject.labelEn ?? subject.label }));
    return;
  }
  const readColumns = spec.columns.filter((c) => header.facts.has(c.fact)).map((column) => ({ column, col: header.facts.get(column.fact)! }));
  const vocabularies = readColumns.flatMap(({ column, col }) => (column.values ? [{ column, col, matcher: new ValueMatcher(column.values) }] : []));
  const impossibleValuesOf = impossibleValueCheck(readColumns);
  const labelFacts = [subject.fact, spec.keyFact, branchColumn?.fact].map((f) => (f === undefined ? undefined : header.facts.get(f)));
  const leading = Math.max(1, ...labelFacts.filter((c): c is number => c !== undefined)) + 1;
  const numberColumns = header.columns.filter((h) => h.col >= leading && NUMBER_COLUMN.test(labelKey(h.header))).map((h) => h.col);
  const labelColumns = [...Array.from({ length: leading }, (_, c) => c), ...numberColumns];
  const previous = new Map<string, Cell>();
  // A row's warnings wait until its month is known, so a period filter can drop them.
  const rowWarnings: Warning[] = [];
  const warnRow = (cell: string, message: Bilingual) => rowWarnings.push({ sheet: sheet.name, cell, ...message });
  for (let r = header.bottom + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const skip = row.every(isBlank) ? 'blank' : isTotalRow(row, labelColumns) ? 'totals' : isFooterRow(row) ? 'footers' : undefined;
    // Template rows numbered in advance (序号 only) are not records.
    const why = skip ?? (readColumns.every(({ col }) => isBlank(row[col] ?? null)) ? 'empty' : undefined);
    if (why) {
      info.skipped[why]++;
      continue;
    }

    const facts: Record<string, FactValue> = {};
    const unreadable = new Set<string>();
    const impossible = new Set<string>();
    rowWarnings.length = 0;
    for (const column of spec.columns) facts[column.fact] = null;
    for (const { column, col } of readColumns) {
      let cell: Cell = row[col] ?? null;
      if (isDitto(cell)) {
        if (!previous.has(column.fact)) {
          warnRow(a1(r, col), both('dittoWithoutAbove'));
          unreadable.add(column.fact);
          continue;
        }
        cell = previous.get(column.fact)!;
      }
      previous.set(column.fact, cell);
      const parsed = parseByType(column, cell, year, spec.longerPeriods);
      const badYear = parsed.kind === 'value' && typeof parsed.value === 'string' && (column.type === 'date' || column.type === 'period') ? implausibleYear(column, cellString(cell), parsed.value, span) : undefined;
      if (badYear) {
        impossible.add(column.fact);
        warnRow(a1(r, col), badYear);
      } else if (parsed.kind === 'value') facts[column.fact] = parsed.value;
      else if (parsed.kind === 'invalid') {
        unreadable.add(column.fact);
        const dated = column.type === 'period' || column.type === 'date';
        const key = dated && isDateShaped(cell) ? 'dateNotExist' : column.type === 'period' ? 'cellInvalidMonth' : column.type === 'date' ? 'cellInvalidDate' : 'cellInvalid';
        warnRow(a1(r, col), both(key, { text: parsed.text, label: column.label, labelEn: column.labelEn ?? column.label }));
      }
    }

    const name = subjectCol === undefined ? titleSubject : facts[subject.fact];
    const rowPeriod = periodColumn ? facts[periodColumn.fact] : null;
    // A date column gives the row's month; a month (or quarter) column gives it as is.
    const period = typeof rowPeriod === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(rowPeriod) ? rowPeriod.slice(0, 7) : rowPeriod) : ownPeriod ?? options.defaultPeriod;
    const periodMissing = !period && !spec.periodless;
    for (const bad of impossibleValuesOf(facts, period)) {
      warnRow(a1(r, bad.col), bad.message);
      if (bad.capped !== undefined) {
        facts[bad.facts[0]!] = bad.capped;
        continue;
      }
      for (const fact of bad.facts) {
        facts[fact] = null;
        impossible.add(fact);
      }
    }
    if (typeof name !== 'string') {
      warnRow(a1(r, subjectCol!), both('rowWithoutName', { label: subject.label, labelEn: subject.labelEn ?? subject.label }));
    } else if (periodMissing) {
      const periodCol = periodColumn ? header.facts.get(periodColumn.fact) : undefined;
      warnRow(a1(r, periodCol ?? subjectCol ?? header.columns[0]?.col ?? 0), both('periodUnknown'));
    }
    const kept = typeof name === 'string' && !periodMissing;
    const variants = kept ? valuesNamed(facts, unreadable, impossible, vocabularies, r, warnRow) : [];
    if (kept && spec.statedRates) {
      const cellOf = (fact: string) => (header.facts.has(fact) ? a1(r, header.facts.get(fact)!) : undefined);
      for (const m of rateMismatches(spec.statedRates, spec.rateTolerance ?? DEFAULT_RATE_TOLERANCE, facts, spec.columns, cellOf, sheet.name)) {
        out.rateChecks.push(m.check);
        warnRow(m.check.cell, m.message);
        // The counts win: the rate the row is read with is theirs.
        for (const v of variants) v[m.check.fact] = m.check.computed;
      }
    }
    for (const w of rowWarnings) out.warnings.push(period ? { ...w, period } : w);
    if (typeof name !== 'string' || periodMissing) continue;
    const branch = branchColumn ? facts[branchColumn.fact] : null;
    for (const v of variants) out.records.push({ sheet: sheet.name, row: r + 1, name, branch: typeof branch === 'string' ? branch : null, period: period ?? '', facts: v, unreadable, impossible });
    info.records++;
  }
}

/**
 * A row's cells in columns with values, read as the values' ids: one set of
 * facts per value when a cell names several (支部党员大会暨党课 is two
 * meetings). A cell naming none, or blank, is warned at its cell and left
 * without a value, so nothing counted by that column counts the row.
 */
function valuesNamed(
  facts: Record<string, FactValue>,
  unreadable: Set<string>,
  impossible: Set<string>,
  vocabularies: { column: Column; col: number; matcher: ValueMatcher }[],
  r: number,
  warnRow: (cell: string, message: Bilingual) => void,
): Record<string, FactValue>[] {
  let variants = [facts];
  for (const { column, col, matcher } of vocabularies) {
    const text = facts[column.fact];
    const labels = { label: column.label, labelEn: column.labelEn ?? column.label };
    if (typeof text !== 'string') {
      if (text === null && !unreadable.has(column.fact) && !impossible.has(column.fact)) warnRow(a1(r, col), both('valueMissing', labels));
      continue;
    }
    const ids = matcher.match(text);
    if (!ids) {
      warnRow(a1(r, col), both('valueUnknown', { text, ...labels }));
      // Every set of facts the row stands for, not only the first: an earlier column may have split it.
      for (const v of variants) v[column.fact] = null;
      unreadable.add(column.fact);
      continue;
    }
    variants = variants.flatMap((v) => ids.map((id) => ({ ...v, [column.fact]: id })));
  }
  return variants;
}

/** Reads every sheet of a workbook that is a ledger of the given kind. */
export function readLedgerSheets(workbook: WorkbookSnapshot, spec: LedgerSpec, options: ReadOptions = {}): ReadResult {
  const matcher = new ColumnMatcher(spec.columns, spec.ignoredColumns, options.mapping);
  const out: ReadResult = { ledgers: [], otherSheets: [], records: [], warnings: [], rateChecks: [] };
  for (const sheet of workbook.sheets) {
    // The rules sheet has headers that look like a ledger's (下基层天数, 入户数): never read it as one.
    if (sheet.name === RULES_SHEET) out.otherSheets.push(sheet.name);
    else readSheet(sheet, spec, matcher, options, out);
  }
  return out;
}

export { IGNORE };
