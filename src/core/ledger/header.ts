import type { Cell } from '../snapshot';
import { type ColumnMatcher, IGNORE } from './columns';

export interface HeaderColumn {
  col: number;
  /** The label as written, "入户情况 / 入户数" for a two-row header. */
  header: string;
  fact?: string;
}

export interface Header {
  /** 0-based first and last header rows. */
  top: number;
  bottom: number;
  columns: HeaderColumn[];
  /** fact → column index (the first column that matched it). */
  facts: Map<string, number>;
  /** facts matched by more than one column, with the extra columns. */
  duplicates: { fact: string; col: number }[];
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function buildHeader(grid: Cell[][], top: number, bottom: number, matcher: ColumnMatcher): Header {
  const width = Math.max(grid[top]?.length ?? 0, grid[bottom]?.length ?? 0);
  const columns: HeaderColumn[] = [];
  const facts = new Map<string, number>();
  const duplicates: { fact: string; col: number }[] = [];
  for (let c = 0; c < width; c++) {
    const upper = text(grid[top]?.[c]);
    const lower = bottom > top ? text(grid[bottom]?.[c]) : '';
    // A two-row header: the lower label is the column, the upper one its group;
    // a cell merged down both rows reads the same twice.
    const candidates = bottom > top ? (lower === upper ? [upper] : [lower, upper + lower, upper]) : [upper];
    let fact: string | undefined;
    for (const label of candidates) {
      if (!label) continue;
      fact = matcher.match(label);
      if (fact) break;
    }
    const header = bottom > top && lower && upper && lower !== upper ? `${upper} / ${lower}` : lower || upper;
    if (!header) continue;
    columns.push({ col: c, header, fact });
    if (!fact || fact === IGNORE) continue;
    if (facts.has(fact)) duplicates.push({ fact, col: c });
    else facts.set(fact, c);
  }
  return { top, bottom, columns, facts, duplicates };
}

/** A cell as a label could never be written: a count, a rate, a tick. Data rows have them; header rows do not. */
function looksLikeValue(cell: Cell | undefined): boolean {
  if (typeof cell === 'number' || typeof cell === 'boolean') return true;
  const s = text(cell);
  return s !== '' && (/^[-+]?[\d０-９]+([.．][\d０-９]+)?\s*[%％]?$/.test(s) || /^[√✓✔×✗✘☑☒]$/.test(s));
}

/** "填报单位（盖章）：某某党委", "单位：元": a meta line says what something is, a label names a column. */
const META = /[:：]\s*\S/;

/**
 * Whether rows `top` and `top + 1` read as one header: the upper row carries
 * group labels, each over several sub-labels ("入户情况" over 联系户数 and 入户数),
 * whether merged (unmerged, the group repeats) or not (blank beside it, as in
 * CSV). A title or meta line merged across the sheet is not a group row, nor is
 * a row above the first data row, which holds values, not labels.
 */
function isTwoRowHeader(grid: Cell[][], top: number): boolean {
  const upper = grid[top] ?? [];
  const lower = grid[top + 1] ?? [];
  const distinct = new Set(upper.map(text).filter(Boolean));
  if (distinct.size < 2 || [...distinct].some((s) => META.test(s))) return false;
  if (lower.some(looksLikeValue)) return false;
  const width = Math.max(upper.length, lower.length);
  for (let c = 0; c + 1 < width; c++) {
    const group = text(upper[c]);
    const next = text(upper[c + 1]);
    const under = text(lower[c + 1]);
    if (group && under && under !== text(lower[c]) && (next === group || next === '')) return true;
  }
  return false;
}

/** What a row holds, told cheaply (no label matching): header labels, or values as data rows carry. */
interface RowShape {
  labels: number;
  values: number;
}

function rowShape(row: Cell[] | undefined): RowShape {
  let labels = 0;
  let values = 0;
  for (const cell of row ?? []) {
    if (looksLikeValue(cell)) values++;
    else if (text(cell) !== '') labels++;
  }
  return { labels, values };
}

/** A header row names two columns or more and holds no count, rate or tick. */
const isCandidate = (shape: RowShape) => shape.labels >= 2 && shape.values === 0;

/**
 * Rows that hold two values or more are data. Once this many of them follow
 * the rows that matched, the table has begun and no header of this ledger sits
 * further down; a numbered line of notes ("1 | 姓名填写本人姓名") holds one value.
 */
const DATA_RUN = 10;

export interface HeaderSearch {
  /** The header: it has the key column and at least `minFacts` facts. */
  header?: Header;
  /** The row (or pair) that matched the most facts, key column or not: what a sheet not read most resembles. */
  likeliest?: Header;
}

/** Which of two headers is better: more facts, and on a tie a real two-row header over either row alone. */
function better(header: Header, than: Header | undefined): boolean {
  if (!than) return true;
  if (header.facts.size !== than.facts.size) return header.facts.size > than.facts.size;
  return header.bottom - header.top > than.bottom - than.top;
}

/**
 * Finds the header of a ledger wherever it is: the row (or pair of rows, for a
 * two-row merged header) whose labels match the most facts, among them the key
 * column. Titles, meta rows ("填报单位（盖章）") and a notes preamble of any length
 * above it are passed over. Rows are told apart cheaply first, so only rows
 * that could be a header are matched, and the search stops once data rows
 * run under what matched: a 10,000-row ledger costs its header, not its rows.
 */
export function searchHeader(grid: Cell[][], matcher: ColumnMatcher, keyFact: string, minFacts: number): HeaderSearch {
  let best: Header | undefined;
  let likeliest: Header | undefined;
  let dataRun = 0;
  for (let r = 0; r < grid.length; r++) {
    const shape = rowShape(grid[r]);
    if (!isCandidate(shape)) {
      if (shape.values >= 2 && likeliest && ++dataRun >= DATA_RUN) break;
      continue;
    }
    dataRun = 0;
    const twoRows = r + 1 < grid.length && isTwoRowHeader(grid, r);
    for (const bottom of twoRows ? [r, r + 1] : [r]) {
      const header = buildHeader(grid, r, bottom, matcher);
      if (header.facts.size === 0) continue;
      if (better(header, likeliest)) likeliest = header;
      if (header.facts.has(keyFact) && header.facts.size >= minFacts && better(header, best)) best = header;
    }
  }
  return { header: best, likeliest };
}

/** The header of a ledger (see searchHeader); undefined when no row has the key column and at least `minFacts` facts. */
export function findHeader(grid: Cell[][], matcher: ColumnMatcher, keyFact: string, minFacts: number): Header | undefined {
  return searchHeader(grid, matcher, keyFact, minFacts).header;
}
