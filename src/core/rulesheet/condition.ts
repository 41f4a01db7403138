import { both, type Bilingual, t } from '../messages';
import type { Condition, Operator } from '../pack/schema';
import type { Cell } from '../snapshot';
import { cleanText, halfWidth, simplified } from '../text';
import { parseNumber, tidy } from '../values';
import { isPercentParam, type Param, paramNumber, paramText } from '../pack/params';
import { type FactKind, nearest } from './facts';
import { suggestion } from './problem';

/**
 * Condition cells as staff write them, read into pack conditions and written
 * back. Decisions, as in Chinese regulations and documents:
 * - 以上 and 以下 include the number (10以上 is >= 10, 10以下 is <= 10), as do
 *   以内, 不少于, 不低于, 至少, 满, 不超过, 最多; a trailing （不含） excludes it.
 * - 不足, 未满, 低于, 少于, 小于 exclude it (< 10); 超过, 高于, 多于, 大于 too (> 10).
 * - a-b, a~b, a至b are ranges with both ends included (80-89 is 80 ≤ x ≤ 89);
 *   [a,b) and (a,b] say exactly which ends count.
 * - For a rate, 20% and a bare 20 both mean 20%, and a bare number up to 1 is a
 *   fraction (0.2), as ledgers store rates.
 * - A,B (also ， 、 ;) is "one of" (A, alone is a list of one); ≠A,B is "none of"; 且 joins conditions that
 *   must all hold. Blank, -, 不限 and 任意 mean any value.
 * - Numbers are written in digits: "十以上" is reported with the fix "10以上",
 *   never guessed, so a slip never changes a score unseen.
 */
export interface CellCondition {
  op: Operator;
  value: Condition['value'];
  /** The parameter written in place of the number ({下基层天数标准}). */
  param?: string;
}

export interface FactRef {
  kind: FactKind;
  label: string;
  labelEn: string;
}

export type ConditionParse = { ok: true; conditions: CellCondition[] } | { ok: false; problem: Bilingual };

const ANY = new Set(['', '-', '--', '—', '——', '*', '任意', '不限', '全部', '所有', 'any']);

const UNIT = '(?:户次|人次|小时|天|日|户|分|个|次|人|项|件|元|名|家|场|期|岁|周|篇|条|年)';
const NUM = '([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(万)?(%|' + UNIT + ')?';
const TOKEN = new RegExp(`^${NUM}$`);
const INTERVAL = new RegExp(`^([\\[(])${NUM},${NUM}([\\])])$`);
const RANGE = new RegExp(`^${NUM}(?:-|~|至|到)${NUM}$`);
const EXCLUSION = '\\((?:不)?含[^)]*\\)';
const SUFFIX = new RegExp(`^${NUM}(${EXCLUSION})?(及|或)?(以上|以下|以内)(${EXCLUSION})?$`);
const SYMBOL = /^(>=|<=|!=|>|<|=)(.+)$/;
const CONJUNCTION = /并且|且|&&|&|and/i;

/** Words that open a comparison, longest first so 不少于 is not read as 少于. */
const WORDS: [string, Operator][] = [
  ['大于或等于', '>='],
  ['小于或等于', '<='],
  ['大于等于', '>='],
  ['小于等于', '<='],
  ['未达到', '<'],
  ['不等于', '!='],
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['至少', '>='],
  ['最少', '>='],
  ['达到', '>='],
  ['至多', '<='],
  ['最多', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['不足', '<'],
  ['未满', '<'],
  ['不满', '<'],
  ['不到', '<'],
  ['等于', '='],
  ['不是', '!='],
  ['满', '>='],
  ['非', '!='],
];

const TRUE_WORDS = new Set(['是', '√', '✓', '✔', '☑', '有', '1', 'y', 'yes', 'true', '完成', '已完成', '达标', '对']);
const FALSE_WORDS = new Set(['否', '×', '✗', '✘', '☒', 'x', '无', '0', 'n', 'no', 'false', '未完成', '未达标', '没有', '错']);

/** Full-width forms, traditional characters, ≥ ≤ ≠ and spaces folded away. */
function normalize(text: string): string {
  return simplified(halfWidth(text))
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[≥≧]/g, '>=')
    .replace(/[≤≦]/g, '<=')
    .replace(/≠|<>/g, '!=')
    .replace(/=>/g, '>=')
    .replace(/=</g, '<=')
    .replace(/==/g, '=')
    .replace(/[—–―]/g, '-')
    .replace(/〜/g, '~')
    .replace(/【/g, '[')
    .replace(/】/g, ']')
    .replace(/[、;]/g, ',');
}


type Token = { value: number } | { percentOnNumber: true };

function token(m: string[], at: number, kind: FactKind, forcePercent = false): Token {
  const [num, wan, suffix] = [m[at]!, m[at + 1], m[at + 2]];
  let v = Number(num) * (wan ? 10000 : 1);
  if (suffix === '%') {
    if (kind !== 'percent') return { percentOnNumber: true };
    v /= 100;
  } else if (kind === 'percent' && (forcePercent || v > 1)) v /= 100;
  return { value: tidy(v) };
}

type Part = CellCondition[] | 'percentOnNumber' | 'notNumber' | 'unreadable';

function tokens(list: string[], kind: FactKind): number[] | 'percentOnNumber' | 'notNumber' {
  const out: number[] = [];
  for (const item of list) {
    const m = TOKEN.exec(item);
    if (!m) return 'notNumber';
    const t = token(m, 1, kind);
    if ('percentOnNumber' in t) return 'percentOnNumber';
    out.push(t.value);
  }
  return out;
}

function comparison(op: Operator, rest: string, kind: FactKind): Part {
  const list = rest.split(',').filter((x) => x !== '');
  if (list.length > 1 && op !== '=' && op !== '!=') return 'unreadable';
  const values = tokens(list, kind);
  if (typeof values === 'string') return values;
  if (values.length === 0) return 'notNumber';
  // A separator makes a list even of one ("5," is "one of: 5"), so a one-item list written back reads the same.
  if (values.length > 1 || rest.includes(',')) return [{ op: op === '=' ? 'in' : 'notIn', value: values }];
  return [{ op, value: values[0]! }];
}

function numericPart(part: string, kind: FactKind): Part {
  let m = INTERVAL.exec(part);
  if (m) {
    const percent = kind === 'percent' && (m[4] === '%' || m[7] === '%');
    const lo = token(m, 2, kind, percent);
    const hi = token(m, 5, kind, percent);
    if ('percentOnNumber' in lo || 'percentOnNumber' in hi) return 'percentOnNumber';
    return [
      { op: m[1] === '[' ? '>=' : '>', value: lo.value },
      { op: m[8] === ']' ? '<=' : '<', value: hi.value },
    ];
  }
  m = RANGE.exec(part);
  if (m) {
    const percent = kind === 'percent' && (m[3] === '%' || m[6] === '%');
    const lo = token(m, 1, kind, percent);
    const hi = token(m, 4, kind, percent);
    if ('percentOnNumber' in lo || 'percentOnNumber' in hi) return 'percentOnNumber';
    return [
      { op: '>=', value: lo.value },
      { op: '<=', value: hi.value },
    ];
  }
  m = SYMBOL.exec(part);
  if (m) return comparison(m[1] as Operator, m[2]!, kind);
  for (const [word, op] of WORDS) {
    if (part.startsWith(word) && part.length > word.length) return comparison(op, part.slice(word.length), kind);
  }
  m = SUFFIX.exec(part);
  if (m) {
    const t = token(m, 1, kind);
    if ('percentOnNumber' in t) return 'percentOnNumber';
    const excluded = [m[4], m[7]].some((x) => x?.startsWith('(不'));
    const up = m[6] === '以上';
    return [{ op: up ? (excluded ? '>' : '>=') : excluded ? '<' : '<=', value: t.value }];
  }
  const bare = comparison('=', part, kind);
  return bare === 'notNumber' ? 'unreadable' : bare;
}

const fail = (problem: Bilingual): ConditionParse => ({ ok: false, problem });
const ok = (conditions: CellCondition[]): ConditionParse => ({ ok: true, conditions });

/** The same text with Chinese numerals written as digits, when that is all that is wrong. */
function withDigits(raw: string): string | undefined {
  let changed = false;
  const fixed = raw.replace(/[零〇一二两三四五六七八九十]+/g, (run) => {
    const n = parseNumber(run);
    if (n.kind !== 'value') return run;
    changed = true;
    return String(n.value);
  });
  return changed ? fixed : undefined;
}

function parseNumeric(raw: string, text: string, fact: FactRef, retry = true): ConditionParse {
  const conditions: CellCondition[] = [];
  for (const part of text.split(CONJUNCTION)) {
    if (ANY.has(part)) continue;
    const r = numericPart(part, fact.kind);
    if (r === 'percentOnNumber') return fail(both('rsCondPercentOnNumber', { text: raw, label: fact.label, labelEn: fact.labelEn }));
    if (typeof r === 'string') {
      const fix = retry ? withDigits(raw) : undefined;
      if (fix !== undefined && parseNumeric(fix, normalize(fix), fact, false).ok) return fail(both('rsCondNotNumber', { text: raw, fix }));
      return fail(both(r === 'notNumber' ? 'rsCondNotNumberNoFix' : 'rsCondUnreadable', { text: raw }));
    }
    conditions.push(...r);
  }
  return ok(conditions);
}

function parseBooleanCell(raw: string, text: string, fact: FactRef): ConditionParse {
  const m = /^(!=|不是|非|不等于|=|等于)?(.+)$/.exec(text.toLowerCase())!;
  const word = m[2]!;
  const value = TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
  if (value === undefined) return fail(both('rsCondBoolean', { text: raw, label: fact.label, labelEn: fact.labelEn }));
  const negated = m[1] !== undefined && m[1] !== '=' && m[1] !== '等于';
  return ok([{ op: negated ? '!=' : '=', value }]);
}

const TEXT_ORDER = /^(>=|<=|>|<|大于|小于|高于|低于|不足|超过|不少于|不低于|不超过|至少|最多)|(以上|以下|以内)$/;

function parseTextCell(raw: string, text: string, fact: FactRef): ConditionParse {
  if (TEXT_ORDER.test(text)) return fail(both('rsCondTextOrder', { text: raw, label: fact.label, labelEn: fact.labelEn }));
  const plain = halfWidth(raw).trim();
  // 非 is left out on purpose: names such as 非公企业 start with it.
  const m = /^(?:(!=|≠|<>|不等于|不是)|(==|=|等于))?\s*(.*)$/s.exec(plain)!;
  const values = m[3]!
    .split(/[,，、;；]/)
    .map(cleanText)
    .filter((v) => v !== '');
  if (values.length === 0) return fail(both('rsCondUnreadable', { text: raw }));
  const negated = m[1] !== undefined;
  if (values.length > 1 || /[,，、;；]/.test(m[3]!)) return ok([{ op: negated ? 'notIn' : 'in', value: values }]);
  return ok([{ op: negated ? '!=' : '=', value: values[0]! }]);
}

const BRACED = /[{｛]([^{}｛｝]*)[}｝]/g;
const HAS_BRACES = /[{｛][^{}｛｝]*[}｝]/;

/**
 * A cell with {名称} references: each is read as its parameter's value, and
 * the comparison it became keeps the name. A reference that names no
 * parameter, or that the cell does not use as a number to compare with, is a
 * problem at the cell.
 */
function parseWithReferences(raw: string, fact: FactRef, params: Map<string, Param>): ConditionParse {
  const refs: Param[] = [];
  let unknown: string | undefined;
  const text = raw.replace(BRACED, (whole, name: string) => {
    const p = params.get(name.trim());
    if (!p) unknown ??= name.trim();
    else refs.push(p);
    return p ? paramText(p) : whole;
  });
  if (unknown !== undefined) return fail(both('rsParamUnknown', { text: unknown, ...suggestion(nearest(unknown, [...params.keys()])) }));
  if (fact.kind !== 'number' && fact.kind !== 'percent') return fail(both('rsCondUnreadable', { text: raw }));
  for (const p of refs) {
    if ((fact.kind === 'percent') !== isPercentParam(p)) return fail(both(fact.kind === 'percent' ? 'packParamNotPercent' : 'packParamPercent', { name: p.name, value: paramText(p) }));
  }
  const parsed = parseConditionCell(text, fact);
  if (!parsed.ok) return parsed;
  const left = [...refs];
  const conditions = parsed.conditions.map((c) => {
    const i = c.op === 'in' || c.op === 'notIn' ? -1 : left.findIndex((p) => paramNumber(p) === c.value);
    return i < 0 ? c : { ...c, param: left.splice(i, 1)[0]!.name };
  });
  return left.length > 0 ? fail(both('rsCondUnreadable', { text: raw })) : ok(conditions);
}

/** The names a cell refers to as {名称}, in order. */
export function references(cell: Cell): string[] {
  return typeof cell === 'string' ? [...cell.matchAll(BRACED)].map((m) => m[1]!.trim()) : [];
}

/**
 * A cell that is one {名称} and nothing else, as a share is written in place of
 * its percentage ({优秀名额比例}): the parameter, which must be a percentage, or
 * what is wrong. Undefined when the cell refers to nothing.
 */
export function percentReference(cell: Cell, params: Map<string, Param>): { ok: true; param: Param } | { ok: false; problem: Bilingual } | undefined {
  const names = references(cell);
  if (names.length === 0) return undefined;
  const raw = String(cell).trim();
  if (names.length > 1 || raw.replace(BRACED, '').trim() !== '') return { ok: false, problem: both('rsShareExpected', { text: raw }) };
  const p = params.get(names[0]!);
  if (!p) return { ok: false, problem: both('rsParamUnknown', { text: names[0]!, ...suggestion(nearest(names[0]!, [...params.keys()])) }) };
  if (!isPercentParam(p)) return { ok: false, problem: both('packParamNotPercent', { name: p.name, value: paramText(p) }) };
  return { ok: true, param: p };
}

/**
 * Reads one condition cell for a fact: the conditions it stands for (none when
 * any value will do), or what is wrong with it and how to write it instead.
 * `params` are the block's 【参数】, which the cell may name as {名称}.
 */
export function parseConditionCell(cell: Cell, fact: FactRef, params: Map<string, Param> = new Map()): ConditionParse {
  if (cell === null) return ok([]);
  if (typeof cell === 'string' && HAS_BRACES.test(cell)) return parseWithReferences(cell.trim(), fact, params);
  if (typeof cell === 'boolean') {
    return fact.kind === 'boolean' ? ok([{ op: '=', value: cell }]) : fail(both('rsCondUnreadable', { text: String(cell) }));
  }
  if (typeof cell === 'number') {
    if (fact.kind === 'boolean') return parseBooleanCell(String(cell), String(cell), fact);
    if (fact.kind === 'text') return ok([{ op: '=', value: String(cell) }]);
    return ok([{ op: '=', value: fact.kind === 'percent' && cell > 1 ? tidy(cell / 100) : cell }]);
  }
  const raw = cell.trim();
  const text = normalize(raw);
  if (ANY.has(text.toLowerCase())) return ok([]);
  if (fact.kind !== 'text' && /^\d{4}-\d{1,2}-\d{1,2}(T.*)?$/.test(text)) return fail(both('rsCondDateLike', { text: raw }));
  if (fact.kind === 'boolean') return parseBooleanCell(raw, text, fact);
  if (fact.kind === 'text') return parseTextCell(raw, text, fact);
  return parseNumeric(raw, text, fact);
}

/** A number as a cell shows it: 10, 0.5, or 20% for a rate. */
export function formatValue(value: number, kind: FactKind): string {
  return kind === 'percent' ? `${tidy(value * 100)}%` : String(tidy(value));
}

/** A share (名额, 末位比例) as its cell shows it: 20%, or its parameter's name when it has one ({优秀名额比例}). */
export const shareText = (value: number, param: string | undefined): string => (param !== undefined ? `{${param}}` : formatValue(value, 'percent'));

function one(c: CellCondition, kind: FactKind): string {
  if (kind === 'boolean') return `${c.op === '!=' ? '≠ ' : ''}${t(c.value === true ? 'rsWordYes' : 'rsWordNo')}`;
  const show = (v: unknown) => (typeof v === 'number' ? formatValue(v, kind) : String(v));
  const list = Array.isArray(c.value) ? c.value.map(show).join(',') + (c.value.length === 1 ? ',' : '') : shown(c, kind);
  switch (c.op) {
    case '=':
    case 'in':
      return list;
    case '!=':
    case 'notIn':
      return `≠ ${list}`;
    default:
      return `${c.op} ${list}`;
  }
}

/** A comparison's number as the cell writes it: its parameter's name when it has one. */
const shown = (c: CellCondition, kind: FactKind): string => (c.param !== undefined ? `{${c.param}}` : typeof c.value === 'number' ? formatValue(c.value, kind) : String(c.value));

/** Conditions on one fact written the way staff read them: >= 10, [80,90), 20%, 是, A,B. */
export function conditionText(conditions: CellCondition[], kind: FactKind): string {
  if (conditions.length === 2 && (kind === 'number' || kind === 'percent')) {
    const [a, b] = conditions as [CellCondition, CellCondition];
    if ((a.op === '>=' || a.op === '>') && (b.op === '<' || b.op === '<=') && typeof a.value === 'number' && typeof b.value === 'number') {
      return `${a.op === '>=' ? '[' : '('}${shown(a, kind)},${shown(b, kind)}${b.op === '<=' ? ']' : ')'}`;
    }
  }
  return conditions.map((c) => one(c, kind)).join(` ${t('rsWordAnd')} `);
}
