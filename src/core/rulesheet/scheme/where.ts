import { ValueMatcher } from '../../ledger/values';
import { t } from '../../messages';
import type { Column } from '../../pack/schema';
import type { Where } from '../../scheme/schema';
import { halfWidth } from '../../text';
import { parseBoolean, parseNumber, parsePercent } from '../../values';
import { headerKey } from '../grid';
import { listSeparators } from '../section';

/**
 * The 条件 cell of a fact: only the rows whose column holds one of the values,
 * written 会议类型=组织生活会、民主评议党员, with 空白 for a blank cell.
 */

/** A condition value as the cell shows it: 空白 for a blank cell, 是/否 for yes and no. */
function valueText(v: Where['values'][number]): string {
  if (v === '') return t('rsWordBlank');
  if (typeof v === 'boolean') return t(v ? 'rsWordYes' : 'rsWordNo');
  return String(v);
}

/** 会议类型=组织生活会、民主评议党员: the rows a fact counts; a value of a column that lists its values by its label. */
export function whereText(where: Where, labelOf: (fact: string) => string, column?: Column): string {
  const label = (v: Where['values'][number]) => column?.values?.find((x) => x.id === v)?.label ?? valueText(v);
  return `${labelOf(where.column)}=${where.values.map(label).join('、')}`;
}

/** 会议类型=组织生活会、民主评议党员 → the column as written and the values (空白 as ""). */
export function splitWhere(text: string): { column: string; values: string[] } | undefined {
  const m = /^([^=]+?)\s*=\s*(.+)$/.exec(halfWidth(text).trim());
  if (!m) return undefined;
  const blank = headerKey(t('rsWordBlank'));
  const values = m[2]!.split(listSeparators).map((s) => s.trim()).filter(Boolean).map((v) => (headerKey(v) === blank ? '' : v));
  return values.length > 0 ? { column: m[1]!.trim(), values } : undefined;
}

/**
 * A condition value in the column's own kind: a number for a count, a
 * fraction for a rate, yes/no for a yes/no column, the value's id for a
 * column that lists its values (党日活动 is 主题党日); one it does not list is
 * kept as written, for validation to name.
 */
export function whereValue(text: string, column: Column): Where['values'][number] | undefined {
  if (text === '') return '';
  if (column.values) return new ValueMatcher(column.values).exactly(text) ?? text;
  const parsed = column.type === 'number' ? parseNumber(text) : column.type === 'percent' ? parsePercent(text) : column.type === 'boolean' ? parseBoolean(text) : undefined;
  if (!parsed) return text;
  return parsed.kind === 'value' ? parsed.value : undefined;
}

