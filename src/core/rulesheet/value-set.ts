import type { Condition } from '../pack/schema';

/** One stretch of the number line; an infinite end is always open. */
export interface Interval {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}

export type Scalar = string | boolean;

/**
 * The values a condition (or several) lets through, so rows can be compared
 * without running anything: numbers as a union of disjoint intervals, text and
 * yes/no as a finite set ("in") or everything but a finite set ("out").
 */
export type ValueSet =
  | { kind: 'num'; parts: Interval[] }
  | { kind: 'in'; values: Scalar[] }
  | { kind: 'out'; values: Scalar[] };

export const ALL_NUMBERS: ValueSet = { kind: 'num', parts: [{ lo: -Infinity, hi: Infinity, loIn: false, hiIn: false }] };
export const ALL_VALUES: ValueSet = { kind: 'out', values: [] };
export const BOTH_BOOLEANS: ValueSet = { kind: 'in', values: [true, false] };

function emptyInterval(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && !(i.loIn && i.hiIn));
}

/** Sorted, disjoint, non-empty parts; touching parts become one. */
export function numbers(parts: Interval[]): ValueSet {
  const sorted = parts.filter((p) => !emptyInterval(p)).sort((a, b) => a.lo - b.lo || Number(b.loIn) - Number(a.loIn));
  const out: Interval[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (p.lo < last.hi || (p.lo === last.hi && (last.hiIn || p.loIn)))) {
      if (p.hi > last.hi || (p.hi === last.hi && p.hiIn)) {
        last.hi = p.hi;
        last.hiIn = p.hiIn;
      }
    } else out.push({ ...p });
  }
  return { kind: 'num', parts: out };
}

export const interval = (lo: number, hi: number, loIn: boolean, hiIn: boolean): Interval => ({
  lo,
  hi,
  loIn: loIn && lo !== -Infinity,
  hiIn: hiIn && hi !== Infinity,
});

function complementNumbers(parts: Interval[]): Interval[] {
  const out: Interval[] = [];
  let lo = -Infinity;
  let loIn = false;
  for (const p of parts) {
    out.push(interval(lo, p.lo, loIn, !p.loIn));
    lo = p.hi;
    loIn = !p.hiIn;
  }
  out.push(interval(lo, Infinity, loIn, false));
  return out;
}

function intersectIntervals(a: Interval, b: Interval): Interval {
  const lo = a.lo > b.lo ? a : a.lo < b.lo ? b : a.loIn ? b : a;
  const hi = a.hi < b.hi ? a : a.hi > b.hi ? b : a.hiIn ? b : a;
  return { lo: lo.lo, loIn: lo.loIn, hi: hi.hi, hiIn: hi.hiIn };
}

const has = (values: Scalar[], v: Scalar) => values.includes(v);
const unique = (values: Scalar[]) => [...new Set(values)];

export function complement(a: ValueSet): ValueSet {
  if (a.kind === 'num') return numbers(complementNumbers(a.parts));
  return a.kind === 'in' ? { kind: 'out', values: a.values } : { kind: 'in', values: a.values };
}

export function intersect(a: ValueSet, b: ValueSet): ValueSet {
  if (a.kind === 'num' && b.kind === 'num') {
    const parts: Interval[] = [];
    for (const x of a.parts) for (const y of b.parts) parts.push(intersectIntervals(x, y));
    return numbers(parts);
  }
  if (a.kind === 'num' || b.kind === 'num') throw new Error('cannot intersect numbers with text');
  if (a.kind === 'in' && b.kind === 'in') return { kind: 'in', values: a.values.filter((v) => has(b.values, v)) };
  if (a.kind === 'in' && b.kind === 'out') return { kind: 'in', values: a.values.filter((v) => !has(b.values, v)) };
  if (a.kind === 'out' && b.kind === 'in') return intersect(b, a);
  return { kind: 'out', values: unique([...a.values, ...b.values]) };
}

export function union(a: ValueSet, b: ValueSet): ValueSet {
  if (a.kind === 'num' && b.kind === 'num') return numbers([...a.parts, ...b.parts]);
  return complement(intersect(complement(a), complement(b)));
}

export function subtract(a: ValueSet, b: ValueSet): ValueSet {
  return intersect(a, complement(b));
}

export function isEmpty(a: ValueSet): boolean {
  if (a.kind === 'num') return a.parts.length === 0;
  return a.kind === 'in' && a.values.length === 0;
}

export function isSubset(a: ValueSet, b: ValueSet): boolean {
  return isEmpty(subtract(a, b));
}

export function emptyLike(a: ValueSet): ValueSet {
  return a.kind === 'num' ? { kind: 'num', parts: [] } : { kind: 'in', values: [] };
}

/** The values one pack condition lets through. */
export function conditionSet(c: Pick<Condition, 'op' | 'value'>): ValueSet {
  const { op, value } = c;
  if (typeof value === 'number') {
    switch (op) {
      case '>=':
        return numbers([interval(value, Infinity, true, false)]);
      case '>':
        return numbers([interval(value, Infinity, false, false)]);
      case '<':
        return numbers([interval(-Infinity, value, false, false)]);
      case '<=':
        return numbers([interval(-Infinity, value, false, true)]);
      case '=':
        return numbers([interval(value, value, true, true)]);
      case '!=':
        return complement(numbers([interval(value, value, true, true)]));
      default:
        break;
    }
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
    const points = numbers((value as number[]).map((v) => interval(v, v, true, true)));
    return op === 'notIn' ? complement(points) : points;
  }
  const values: Scalar[] = Array.isArray(value) ? value.map(String) : [value as Scalar];
  return op === 'notIn' || op === '!=' ? { kind: 'out', values } : { kind: 'in', values };
}

/** Every condition of a list on one fact, taken together. */
export function conditionsSet(conditions: Pick<Condition, 'op' | 'value'>[], all: ValueSet): ValueSet {
  return conditions.reduce((acc, c) => intersect(acc, conditionSet(c)), all);
}
