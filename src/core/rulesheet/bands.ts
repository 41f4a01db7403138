import { t } from '../messages';
import type { FactKind } from './facts';
import { formatValue } from './condition';
import { emptyLike, type Interval, intersect, isEmpty, isSubset, subtract, union, type ValueSet } from './value-set';

/**
 * What "取第一条" makes of a list of rows over one value, read top to bottom:
 * rows that never apply because earlier rows take all their values, pairs of
 * rows that share values where neither holds the other (only the earlier one
 * counts, which staff rarely mean), and the values no row takes (a gap).
 * A later row that holds an earlier one entirely is the usual ladder
 * (>= 90, then >= 80) and is fine.
 */
export interface BandAnalysis {
  shadowed: { index: number; by: number[] }[];
  overlaps: { index: number; other: number; set: ValueSet }[];
  gaps: ValueSet;
}

export function analyseBands(sets: ValueSet[], domain: ValueSet): BandAnalysis {
  const shadowed: BandAnalysis['shadowed'] = [];
  const overlaps: BandAnalysis['overlaps'] = [];
  let covered = emptyLike(domain);
  sets.forEach((set, i) => {
    if (isEmpty(set)) return;
    const earlier = sets.slice(0, i);
    const single = earlier.findIndex((e) => !isEmpty(e) && isSubset(set, e));
    if (single >= 0) shadowed.push({ index: i, by: [single] });
    else if (isSubset(set, covered)) {
      shadowed.push({ index: i, by: earlier.flatMap((e, j) => (isEmpty(intersect(e, set)) ? [] : [j])) });
    } else {
      earlier.forEach((e, j) => {
        const shared = intersect(set, e);
        if (!isEmpty(shared) && !isSubset(e, set)) overlaps.push({ index: i, other: j, set: shared });
      });
    }
    covered = union(covered, set);
  });
  return { shadowed, overlaps, gaps: subtract(domain, covered) };
}

function intervalText(iv: Interval, kind: FactKind): string {
  const f = (v: number) => formatValue(v, kind);
  if (iv.lo === -Infinity && iv.hi === Infinity) return '-';
  if (iv.lo === -Infinity) return `${iv.hiIn ? '<=' : '<'} ${f(iv.hi)}`;
  if (iv.hi === Infinity) return `${iv.loIn ? '>=' : '>'} ${f(iv.lo)}`;
  if (iv.lo === iv.hi) return f(iv.lo);
  return `${iv.loIn ? '[' : '('}${f(iv.lo)},${f(iv.hi)}${iv.hiIn ? ']' : ')'}`;
}

/** A set of values written as a condition cell would be: [9,10), >= 90, 是, 甲村,乙村. */
export function setText(set: ValueSet, kind: FactKind): string {
  if (set.kind === 'num') return set.parts.map((p) => intervalText(p, kind)).join('、');
  const show = (v: unknown) => (v === true ? t('rsWordYes') : v === false ? t('rsWordNo') : String(v));
  if (set.kind === 'in') return set.values.map(show).join(',');
  return set.values.length === 0 ? '-' : `≠ ${set.values.map(show).join(',')}`;
}

/** The row a gap sits next to: the one whose range ends where the gap starts, or starts where it ends. */
export function rowNextToGap(sets: ValueSet[], gap: Interval): number {
  const touches = (s: ValueSet, at: 'below' | 'above') =>
    s.kind === 'num' && s.parts.some((p) => (at === 'below' ? p.hi === gap.lo : p.lo === gap.hi));
  const below = sets.findIndex((s) => touches(s, 'below'));
  if (below >= 0) return below;
  const above = sets.findIndex((s) => touches(s, 'above'));
  return above >= 0 ? above : 0;
}
