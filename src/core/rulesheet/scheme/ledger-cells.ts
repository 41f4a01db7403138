import { both, type Bilingual } from '../../messages';
import type { Column, ColumnValue, StatedRate } from '../../pack/schema';
import { halfWidth, labelKey } from '../../text';
import { parsePercent } from '../../values';

/**
 * The 取值 and 核对 cells of 【台账】. 取值 lists a text column's values, each
 * with its other wordings in brackets: 支委会（支委会议、支部委员会）；党员大会（支部大会）.
 * A value written on the sheet is its own id, so a condition names it as
 * staff write it (活动类型=主题党日). 核对 on a rate column's row says which
 * counts it should equal: = 办结数 ÷ 受理数, optionally ± 1%.
 */

/** One value a line, or separated by ；: never inside the brackets, where 、 separates the wordings. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let part = '';
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    if (ch === ')' || ch === '）') depth--;
    if (depth === 0 && /[;；\n]/.test(ch)) {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  return [...parts, part].map((p) => p.trim()).filter(Boolean);
}

const VALUE = /^([^()（）]+?)\s*(?:[(（]([^()（）]*)[)）])?$/;

export function valuesText(values: ColumnValue[] | undefined): string {
  return (values ?? []).map((v) => (v.aliases.length > 0 ? `${v.label}（${v.aliases.join('、')}）` : v.label)).join('；');
}

/** The values a 取值 cell lists, or the problem with it: a part it cannot read, or a wording given twice. */
export function parseValues(text: string): { ok: true; values: ColumnValue[] } | { ok: false; problem: Bilingual } {
  const values: ColumnValue[] = [];
  const named = new Map<string, string>();
  for (const part of topLevelParts(text)) {
    const m = VALUE.exec(part);
    if (!m) return { ok: false, problem: both('rsValuesUnreadable', { text }) };
    const label = m[1]!.trim();
    const aliases = (m[2] ?? '').split(/[、,，]+/).map((s) => s.trim()).filter(Boolean);
    for (const wording of [label, ...aliases]) {
      const other = named.get(labelKey(wording));
      if (other !== undefined || !labelKey(wording)) return { ok: false, problem: both('rsValueTaken', { text: wording, other: other ?? label }) };
      named.set(labelKey(wording), label);
    }
    values.push({ id: label, label, aliases });
  }
  return values.length > 0 ? { ok: true, values } : { ok: false, problem: both('rsValuesUnreadable', { text }) };
}

const percentText = (x: number) => `${Number((x * 100).toFixed(4))}%`;

/** = 办结数 ÷ 受理数, with the ledger's tolerance when it sets one. */
export function checkText(rate: StatedRate, labelOf: (fact: string) => string, tolerance: number | undefined): string {
  const within = tolerance === undefined ? '' : ` ± ${percentText(tolerance)}`;
  return `= ${labelOf(rate.numerator)} ÷ ${labelOf(rate.denominator)}${within}`;
}

const DIVIDE = /\s*(?:÷|\/|除以)\s*/;
const WITHIN = /\s*(?:±|\+-|\+\/-)\s*([^\s±]+)\s*$/;

export type CheckCell = { ok: true; rate: StatedRate; tolerance?: number } | { ok: false; problem: Bilingual };

/** A 核对 cell on the rate column's row: the counts it is recomputed from, each a number column of the ledger, and the tolerance. */
export function parseCheck(text: string, rate: Column, ledger: string, columnOf: (name: string) => Column | undefined): CheckCell {
  const unreadable: CheckCell = { ok: false, problem: both('rsCheckUnreadable', { text }) };
  let body = halfWidth(text).trim().replace(/^=\s*/, '');
  let tolerance: number | undefined;
  const within = WITHIN.exec(body);
  if (within) {
    const parsed = parsePercent(within[1]!);
    if (parsed.kind !== 'value' || parsed.value < 0 || parsed.value > 1) return unreadable;
    tolerance = parsed.value;
    body = body.slice(0, within.index);
  }
  const parts = body.split(DIVIDE).map((s) => s.trim());
  if (parts.length !== 2 || parts.some((s) => s === '')) return unreadable;
  if (rate.type !== 'percent') return { ok: false, problem: both('rsCheckNotRate', { column: rate.label }) };
  const [numerator, denominator] = parts.map(columnOf);
  for (const [i, column] of [numerator, denominator].entries()) {
    if (!column) return { ok: false, problem: both('rsFactColumnUnknown', { text: parts[i]!, ledger, suggestion: '', suggestionEn: '' }) };
    if (column.type !== 'number') return { ok: false, problem: both('rsCheckNotCount', { column: parts[i]! }) };
  }
  return { ok: true, rate: { fact: rate.fact, numerator: numerator!.fact, denominator: denominator!.fact }, ...(tolerance !== undefined ? { tolerance } : {}) };
}
