import { both, type Bilingual } from '../messages';
import type { Points, Rule } from '../pack/schema';
import type { Cell } from '../snapshot';
import { halfWidth, simplified } from '../text';
import { tidy } from '../values';
import { formatValue } from './condition';
import { type FactDirectory, isNumeric } from './facts';
import { suggestion } from './problem';

/**
 * Points cells: fixed points (20, 20分, 扣5分) or points per unit of a column,
 * optionally capped: 每天2分，最多20分 · 每次扣2分，最多扣10分 · 每2天1分 ·
 * 入户率每1%0.5分. Without a column name the points count the one number the
 * row's conditions read; 每1% on a rate counts per percentage point.
 */
export type PointsParse = { ok: true; points: Points } | { ok: false; problem: Bilingual };

export interface PointsContext {
  facts: FactDirectory;
  /** Number and rate facts this row's conditions read, in column order. */
  rowFacts: string[];
}

const NUMBER = '([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))';
const UNIT = '(?:户次|人次|小时|天|日|户|分|个|次|人|项|件|元|名|家|场|期|篇|条)';
const FIXED = new RegExp(`^(扣|减|加|得|计|奖)?${NUMBER}分?$`);
const PER = new RegExp(
  `^(?:按)?(.*)每${NUMBER}?(万)?(%|${UNIT})?(扣|减|加|得|计)?${NUMBER}分(?:,?(?:最多|最高|封顶|上限|不超过|至多)(扣|减|得|计|加)?${NUMBER}分?)?$`,
);

function normalize(text: string): string {
  return simplified(halfWidth(text))
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[;；，、]/g, ',')
    .replace(/[。.]$/, '');
}

const fail = (problem: Bilingual): PointsParse => ({ ok: false, problem });

export function parsePointsCell(cell: Cell, ctx: PointsContext): PointsParse {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, points: 0 };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, points: cell } : fail(both('rsPointsUnreadable', { text: String(cell) }));
  const raw = String(cell).trim();
  const text = normalize(raw);
  const fixed = FIXED.exec(text);
  if (fixed) {
    const deduct = fixed[1] === '扣' || fixed[1] === '减';
    return { ok: true, points: tidy(Number(fixed[2]) * (deduct ? -1 : 1)) };
  }
  const per = PER.exec(text);
  if (!per) return fail(both('rsPointsUnreadable', { text: raw }));
  const [, label, count, wan, unit, verb, each, capVerb, max] = per;
  let fact: string;
  if (label) {
    const info = ctx.facts.resolve(label);
    if (!info) {
      const near = ctx.facts.nearest(label);
      return fail(both('rsPointsPerUnknown', { text: raw, label, ...suggestion(near) }));
    }
    if (!isNumeric(info.kind)) return fail(both('rsPointsPerNotNumber', { text: raw, label: info.label, labelEn: info.labelEn }));
    fact = info.fact;
  } else {
    const numeric = [...new Set(ctx.rowFacts)];
    if (numeric.length !== 1) {
      const example = ctx.facts.get(numeric[0] ?? '') ?? ctx.facts.all().find((f) => f.kind === 'number');
      if (!example) return fail(both('rsPointsPerNotNumber', { text: raw, label: '', labelEn: '' }));
      return fail(both('rsPointsPerAmbiguous', { text: raw, label: example.label }));
    }
    fact = numeric[0]!;
  }
  const scale = unit === '%' ? 0.01 : 1;
  const per1 = Number(count ?? 1) * (wan ? 10000 : 1) * scale;
  if (per1 === 0) return fail(both('rsPointsUnreadable', { text: raw }));
  const sign = verb === '扣' || verb === '减' ? -1 : 1;
  const capSign = capVerb === '扣' || capVerb === '减' ? -1 : 1;
  if (max !== undefined && capVerb !== undefined && capSign !== sign) return fail(both('rsPointsCapSign', { text: raw }));
  const points: Points = { per: fact, each: tidy((sign * Number(each)) / per1) };
  if (max !== undefined) points.max = tidy(Number(max));
  return { ok: true, points };
}

/** The unit a count is read in, from its column name: 下基层天数 → 天, 领导评分 → 1分. */
function unitFor(label: string): string {
  if (/天数?$/.test(label)) return '天';
  if (/户数?$/.test(label)) return '户';
  if (/人数$/.test(label)) return '人';
  if (/次数$/.test(label)) return '次';
  if (/(项|件)数$/.test(label)) return '项';
  if (/(分|评分|测评|分数|评价)$/.test(label)) return '1分';
  return '个';
}

/** Points as the cell shows them: a number, or 每天2分，最多20分 (with the column when the row reads several). */
export function pointsText(points: Points, rule: Pick<Rule, 'when'>, facts: FactDirectory): string | number {
  if (typeof points === 'number') return points;
  const info = facts.get(points.per);
  const label = info?.label ?? points.per;
  const kind = info?.kind ?? 'number';
  const numeric = [...new Set(rule.when.map((c) => c.fact).filter((f) => isNumeric(facts.get(f)?.kind ?? 'text')))];
  const prefix = numeric.length === 1 && numeric[0] === points.per ? '' : label;
  const unit = kind === 'percent' ? '1%' : unitFor(label);
  const each = kind === 'percent' ? tidy(points.each * 0.01) : points.each;
  const amount = `${each < 0 ? '扣' : ''}${formatValue(Math.abs(each), 'number')}分`;
  const cap = points.max === undefined ? '' : `，最多${each < 0 ? '扣' : ''}${formatValue(points.max, 'number')}分`;
  return `${prefix}每${unit}${amount}${cap}`;
}
