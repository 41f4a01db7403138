import { both, type Bilingual, type Lang, t } from '../messages';
import type { Column, ColumnType, Range } from './schema';
import { TYPE_NAMES } from './validate';
import { tidy } from '../values';

/**
 * What a column holds when its pack says nothing: a count is a whole number
 * of at least 0 (2.5 户 cannot be), a rate lies between 0% and 100%. Days and
 * ratings say so in the pack (0~当月天数, 0~100).
 */
export function defaultRange(type: ColumnType): Range | undefined {
  if (type === 'number') return { min: 0, whole: true };
  if (type === 'percent') return { min: 0, max: 1 };
  return undefined;
}

/** Whether a column's values are checked against a range at all: numbers and rates. */
export const hasRange = (type: ColumnType) => type === 'number' || type === 'percent';

/** The range a column's values must fall in: its own, else its type's default. */
export function columnRange(column: Column): Range | undefined {
  return hasRange(column.type) ? (column.range ?? defaultRange(column.type)) : undefined;
}

export function sameRange(a: Range | undefined, b: Range | undefined): boolean {
  return a?.min === b?.min && a?.max === b?.max && (a?.whole ?? false) === (b?.whole ?? false) && (a?.cap ?? false) === (b?.cap ?? false);
}


/** A value as a message or a cell shows it: 10, 2.5, -30, or 120% for a rate. */
export function formatRangeValue(value: number, type: ColumnType): string {
  return type === 'percent' ? `${tidy(value * 100)}%` : String(tidy(value));
}

/** The bounds alone, as a cell or a message writes them: 0~100, ≥0, ≤31, 0~100%, 0~当月天数; 不限 for none. */
export function boundsText(range: Range, type: ColumnType, lang: Lang = 'zh'): string {
  // A rate's bounds carry one % at the end: 0~100%.
  const show = (v: number | 'periodDays') => (v === 'periodDays' ? t('rangeWordPeriodDays', {}, lang) : String(tidy(type === 'percent' ? v * 100 : v)));
  const unit = type === 'percent' ? '%' : '';
  if (range.min !== undefined && range.max !== undefined) return `${show(range.min)}~${show(range.max)}${unit}`;
  if (range.min !== undefined) return `≥${show(range.min)}${unit}`;
  if (range.max !== undefined) return `≤${show(range.max)}${unit}`;
  return t('rangeWordAny', {}, lang);
}

/**
 * What a schema cannot say about ranges and parts: a range belongs to a number
 * or rate column, its least value is not above its greatest, only a number can
 * be bounded by the days of its period, and a part names another column of its
 * own kind in the same ledger.
 */
export function rangeProblems(columns: Column[], path: string, add: (path: string, message: Bilingual) => void): void {
  const byFact = new Map(columns.map((c) => [c.fact, c]));
  columns.forEach((c, i) => {
    const label = { label: c.label, labelEn: c.labelEn ?? c.label };
    if (c.range && !hasRange(c.type)) {
      add(`${path}[${i}].range`, both('packRangeType', { ...label, type: t(TYPE_NAMES[c.type]), typeEn: t(TYPE_NAMES[c.type], {}, 'en') }));
    } else if (c.range?.max === 'periodDays' && c.type !== 'number') {
      add(`${path}[${i}].range.max`, both('packRangeDays', label));
    } else if (c.range && typeof c.range.max === 'number' && c.range.min !== undefined && c.range.min > c.range.max) {
      add(`${path}[${i}].range`, both('packRangeEmpty', { ...label, range: boundsText(c.range, c.type), rangeEn: boundsText(c.range, c.type, 'en') }));
    }
    if (c.atMost !== undefined) {
      const whole = byFact.get(c.atMost);
      if (!whole || whole === c || whole.type !== c.type || !hasRange(c.type)) add(`${path}[${i}].atMost`, both('packAtMost', { ...label, other: whole?.label ?? c.atMost }));
    }
  });
}
