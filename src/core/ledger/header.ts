import type { Cell } from '../snapshot';
import { type ColumnMatcher, IGNORE } from './columns';

/** How far down a sheet a header may start: past a title and a few meta rows. */
const HEADER_SEARCH_ROWS = 15;

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

/**
 * Finds the header of a ledger: the row (or pair of rows, for a two-row merged
 * header) whose labels match the most facts, among them the subject column.
 * Title rows, meta rows ("填报单位（盖章）") and notes above it are passed over.
 * Undefined when no row has the subject and at least `minFacts` facts.
 */
export function findHeader(grid: Cell[][], matcher: ColumnMatcher, subjectFact: string, minFacts: number): Header | undefined {
  let best: Header | undefined;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const twoRows = r + 1 < grid.length && isTwoRowHeader(grid, r);
    for (const bottom of twoRows ? [r, r + 1] : [r]) {
      const header = buildHeader(grid, r, bottom, matcher);
      if (!header.facts.has(subjectFact) || header.facts.size < minFacts) continue;
      // A real two-row header wins a tie with either of its rows alone: labels
      // merged down read the same in both rows, and both rows are header, not data.
      const better =
        !best ||
        header.facts.size > best.facts.size ||
        (header.facts.size === best.facts.size && header.bottom - header.top > best.bottom - best.top);
      if (better) best = header;
    }
  }
  return best;
}
