import { both, type Bilingual } from '../messages';
import { boundsText, columnRange, formatRangeValue } from '../pack/range';
import type { Column } from '../pack/schema';
import { monthsOf } from '../period';

/**
 * Values that cannot be: a count below 0 or with a fraction, days beyond the
 * days of the period, a rating outside its scale, a part larger than its
 * whole, a year no ledger can be about. Each is warned at its cell and the
 * value is dropped, so the indicator that needs it scores nothing and says
 * so — it is never scored as if it were true.
 */

/** The earliest year a ledger of this kind can be about. */
const FIRST_YEAR = 2000;

export interface YearSpan {
  min: number;
  /** The year after today's: absent when the caller gave no date. */
  max?: number;
}

/** The years a ledger row may be about, from the caller's today (the core never reads a clock). */
export function yearSpan(today: string | undefined): YearSpan {
  const year = today ? Number(today.slice(0, 4)) : NaN;
  return Number.isInteger(year) ? { min: FIRST_YEAR, max: year + 1 } : { min: FIRST_YEAR };
}

function spanWords(span: YearSpan) {
  const key = span.max === undefined ? 'yearSpanOpen' : 'yearSpan';
  const params = { min: span.min, max: span.max ?? '' };
  return { span: both(key, params).message, spanEn: both(key, params).messageEn };
}

/** The year of a month, quarter, year or day id (2024-05, 2024-Q2, 2024, 2024-05-06), when it is outside the span. */
export function yearOutside(period: string, span: YearSpan): number | undefined {
  const year = Number(period.slice(0, 4));
  return year < span.min || (span.max !== undefined && year > span.max) ? year : undefined;
}

/** The warning for a date or month cell whose year cannot be right (９９９９年１月), if it is one. */
export function implausibleYear(column: Column, text: string, period: string, span: YearSpan): Bilingual | undefined {
  const year = yearOutside(period, span);
  if (year === undefined) return undefined;
  return both('yearImplausible', { label: column.label, labelEn: column.labelEn ?? column.label, text, year, ...spanWords(span) });
}

/** The warning for a title or sheet name whose year cannot be right. */
export function implausibleSheetYear(year: number, span: YearSpan): Bilingual | undefined {
  return yearOutside(String(year), span) === undefined ? undefined : both('sheetYearImplausible', { year, ...spanWords(span) });
}

/** The days of a month, a quarter or a year: 2024-02 has 29. */
export function daysOf(period: string): number {
  return monthsOf(period).reduce((n, m) => n + new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate(), 0);
}

const isPeriod = (p: string | undefined): p is string => p !== undefined && /^\d{4}(-\d{2}|-Q[1-4])?$/.test(p);

/** Why a value cannot be in its column, or undefined when it can. */
export function outsideRange(column: Column, value: number, period: string | undefined): Bilingual | undefined {
  const range = columnRange(column);
  if (!range) return undefined;
  const params = { label: column.label, labelEn: column.labelEn ?? column.label, value: formatRangeValue(value, column.type) };
  // Beyond 2^53 a number no longer counts one by one: no ledger holds such a count.
  if (range.whole && Math.abs(value) > Number.MAX_SAFE_INTEGER) return both('valueTooLarge', params);
  if (range.min === 0 && value < 0) return both('valueNegative', params);
  if (range.whole && !Number.isInteger(value)) return both('valueNotWhole', params);
  if (range.max === 'periodDays' && isPeriod(period)) {
    const days = daysOf(period);
    if (value > days) return both(/^\d{4}-\d{2}$/.test(period) ? 'valueOverMonthDays' : 'valueOverPeriodDays', { ...params, days });
  }
  const below = range.min !== undefined && value < range.min;
  const above = typeof range.max === 'number' && value > range.max;
  return below || above ? both('valueOutOfRange', { ...params, range: boundsText(range, column.type), rangeEn: boundsText(range, column.type, 'en') }) : undefined;
}

export interface ImpossibleValue {
  /** The facts to drop: the value's own, or both of a part and its whole. */
  facts: string[];
  /** 0-based column of the cell to warn at: the value's own, or the part's. */
  col: number;
  message: Bilingual;
  /** The value to keep instead of dropping it: the maximum of a capped range. */
  capped?: number;
}

/** A column read from a ledger and where it stands. */
export interface ColumnAt {
  column: Column;
  col: number;
}

/**
 * The checks of one ledger's columns, worked out once per sheet: the columns
 * that have a range, and each part with the whole it may not exceed. The
 * function it returns gives the impossible values of one row: each number
 * outside its column's range, then each part larger than its whole (both
 * dropped, warned at the part); a pair with a value already impossible on its
 * own is not compared.
 */
export function impossibleValueCheck(columns: ColumnAt[]): (facts: Record<string, unknown>, period: string | undefined) => ImpossibleValue[] {
  const byFact = new Map(columns.map((c) => [c.column.fact, c.column]));
  const pairs = columns.flatMap((c) => {
    const whole = c.column.atMost === undefined ? undefined : byFact.get(c.column.atMost);
    return whole ? [{ ...c, whole }] : [];
  });
  return (facts, period) => {
    const out: ImpossibleValue[] = [];
    const dropped = new Set<string>();
    for (const { column, col } of columns) {
      const value = facts[column.fact];
      if (typeof value !== 'number') continue;
      const range = columnRange(column);
      if (range?.cap && typeof range.max === 'number' && value > range.max && outsideRange(column, range.max, period) === undefined) {
        const params = { label: column.label, labelEn: column.labelEn ?? column.label, value: formatRangeValue(value, column.type), max: formatRangeValue(range.max, column.type) };
        out.push({ facts: [column.fact], col, message: both('valueCapped', params), capped: range.max });
        continue;
      }
      const message = outsideRange(column, value, period);
      if (!message) continue;
      out.push({ facts: [column.fact], col, message });
      dropped.add(column.fact);
    }
    for (const { column, col, whole } of pairs) {
      const part = facts[column.fact];
      const of = facts[whole.fact];
      if (typeof part !== 'number' || typeof of !== 'number' || dropped.has(column.fact) || dropped.has(whole.fact) || part <= of) continue;
      out.push({
        facts: [column.fact, whole.fact],
        col,
        message: both('valueExceedsWhole', {
          label: column.label,
          labelEn: column.labelEn ?? column.label,
          value: formatRangeValue(part, column.type),
          whole: whole.label,
          wholeEn: whole.labelEn ?? whole.label,
          wholeValue: formatRangeValue(of, whole.type),
        }),
      });
    }
    return out;
  };
}
