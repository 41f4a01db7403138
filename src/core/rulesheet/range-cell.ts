import { both, type Bilingual, t } from '../messages';
import { boundsText, defaultRange, hasRange, sameRange } from '../pack/range';
import type { Column, ColumnType, Range } from '../pack/schema';
import { halfWidth, simplified } from '../text';
import { tidy } from '../values';

/**
 * The 取值范围 cell of the 【列】 table, read into a column's range and the
 * column it may not exceed, and written back. The same words as condition
 * cells, for bounds that always include their ends:
 * - 0~100, 0-100, 0至100: both ends; ≥0, >=0, 0以上, 不少于0: a least value;
 *   ≤31, 31以下, 不超过31: a greatest value.
 * - 当月天数 (also 本期天数) as the greatest value: the days of the row's month.
 * - 整数: whole numbers only; 非负整数 is ≥0 整数.
 * - ≤ or 不超过 with a column's name (≤联系户数): not more than that column in the
 *   same row.
 * - For a rate, 100% and a bare 100 both mean 100% (a bare number up to 1 is a
 *   fraction), as in condition cells.
 * - 不限: no bound at all; blank: the type's default (≥0 整数 for a number,
 *   0~100% for a rate).
 * - 超出按上限计 (also 按上限计, 封顶) after a number maximum: a value over it is
 *   taken as the maximum, warned, instead of being dropped (0~25 超出按上限计).
 */

export type RangeCell = { ok: true; range?: Range; atMost?: string } | { ok: false; problem: Bilingual };

const ANY = new Set(['不限', '任意', '-', '—', '*', 'any']);
const DAYS = new Set(['当月天数', '本月天数', '本期天数', '当期天数']);
/** Longest first, so 超出按上限计 is not cut as 按上限计. */
const CAP = ['超出部分按上限计', '超出按上限计', '超过按上限计', '超出按上限', '按上限计', '封顶'];
const NUM = '([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(%|天|日|户|分|个|次|人|项|件|名)?';
const BETWEEN = new RegExp(`^${NUM}(?:~|-|至|到)(.+)$`);
const NUMBER = new RegExp(`^${NUM}$`);
const AT_LEAST = /^(?:>=|不少于|不低于|不小于|至少|最少)(.+)$|^(.+?)(?:及以上|以上)$/;
const AT_MOST = /^(?:<=|不超过|不大于|不多于|不高于|至多|最多)(.+)$|^(.+?)(?:及以下|以下)$/;

/** Full-width forms, traditional characters, ≥ ≤ and dashes folded. */
function normalize(part: string): string {
  return simplified(halfWidth(part))
    .replace(/[≥≧]/g, '>=')
    .replace(/[≤≦]/g, '<=')
    .replace(/=>/g, '>=')
    .replace(/=</g, '<=')
    .replace(/[～〜]/g, '~')
    .replace(/[—–―]/g, '-');
}

/** A bound as written: a number (a rate's as a fraction), or the days of the period. */
function bound(text: string, type: ColumnType, percent: boolean): number | 'periodDays' | undefined {
  if (DAYS.has(text)) return type === 'number' ? 'periodDays' : undefined;
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const v = Number(m[1]);
  if (m[2] === '%') return type === 'percent' ? v / 100 : undefined;
  return type === 'percent' && (percent || v > 1) ? v / 100 : v;
}


/**
 * Reads a 取值范围 cell for a column of the given type. `columnFact` names the
 * column a "≤ name" points at (label, alias or fact id), or undefined when
 * there is none.
 */
export function parseRangeCell(raw: string, type: ColumnType, columnFact: (name: string) => string | undefined): RangeCell {
  const text = raw.trim();
  if (text === '') return { ok: true };
  const unreadable = { ok: false as const, problem: both('rsRangeUnreadable', { text }) };
  if (!hasRange(type)) return { ok: false, problem: both('rsRangeNotNumber', { text }) };
  const range: Range = {};
  let atMost: string | undefined;
  let any = false;
  // Spaces around an operator belong to it (≥ 0, 0 ~ 100); elsewhere they part 0~100 from 整数.
  const joined = normalize(text.replace(/\s+/g, ' ')).replace(/ ?(>=|<=|~|-|至|到|以上|以下) ?/g, '$1');
  for (const piece of joined.split(/[,，、;；\s]+|且/)) {
    let part = piece;
    if (part === '') continue;
    if (ANY.has(part.toLowerCase())) {
      any = true;
      continue;
    }
    const cap = CAP.find((w) => part.endsWith(w));
    if (cap) {
      range.cap = true;
      part = part.slice(0, -cap.length);
      if (part === '') continue;
    }
    if (part.endsWith('整数')) {
      range.whole = true;
      part = part.slice(0, -2);
      if (part === '非负' || part === '自然数') range.min = 0;
      if (part === '' || part === '非负') continue;
    }
    const percent = part.includes('%');
    let m = BETWEEN.exec(part);
    if (m) {
      const lo = bound(`${m[1]}${m[2] ?? ''}`, type, percent);
      const hi = bound(m[3]!, type, percent);
      if (typeof lo !== 'number' || hi === undefined) return unreadable;
      range.min = tidy(lo);
      range.max = typeof hi === 'number' ? tidy(hi) : hi;
      continue;
    }
    m = AT_LEAST.exec(part);
    if (m) {
      const lo = bound(m[1] ?? m[2]!, type, percent);
      if (typeof lo !== 'number') return unreadable;
      range.min = tidy(lo);
      continue;
    }
    m = AT_MOST.exec(part);
    if (m) {
      const what = m[1] ?? m[2]!;
      const hi = bound(what, type, percent);
      if (hi !== undefined) {
        range.max = typeof hi === 'number' ? tidy(hi) : hi;
        continue;
      }
      if (NUMBER.test(what)) return unreadable;
      const fact = columnFact(what);
      if (!fact) return { ok: false, problem: both('rsRangeColumnUnknown', { text, name: what }) };
      atMost = fact;
      continue;
    }
    return unreadable;
  }
  if (typeof range.max === 'number' && range.min !== undefined && range.min > range.max) return { ok: false, problem: both('rsRangeEmpty', { text }) };
  if (range.cap && typeof range.max !== 'number') return { ok: false, problem: both('rsRangeCapNoMax', { text }) };
  const bounded = range.min !== undefined || range.max !== undefined || range.whole === true;
  if (!bounded && !any) return { ok: true, ...(atMost ? { atMost } : {}) };
  // The type's own default is left implicit, so a pack read back from its sheet is the pack written.
  const explicit = sameRange(range, defaultRange(type)) ? undefined : range;
  return { ok: true, ...(explicit ? { range: explicit } : {}), ...(atMost ? { atMost } : {}) };
}

/** A column's 取值范围 cell: its range (or its type's), then the column it may not exceed; blank for a column with no range. */
export function rangeCellText(column: Column, labelOf: (fact: string) => string): string {
  if (!hasRange(column.type)) return '';
  const range = column.range ?? defaultRange(column.type)!;
  const bounded = range.min !== undefined || range.max !== undefined;
  const words = [bounded || !range.whole ? boundsText(range, column.type) : '', range.whole ? t('rangeWordWhole') : '', range.cap ? t('rangeWordCap') : ''].filter(Boolean).join(' ');
  return column.atMost === undefined ? words : `${words}，≤${labelOf(column.atMost)}`;
}
