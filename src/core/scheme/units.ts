import { monthId, monthsOf, type PeriodId } from '../period';
import type { PeriodKind } from './schema';

/**
 * The periods an assessment is judged over are of its own kind: a monthly one
 * judges months, a quarterly one quarters, a yearly one years. These turn a
 * month, quarter or year into the unit of a kind that holds it.
 */

const KIND_ORDER: Record<PeriodKind, number> = { month: 0, quarter: 1, year: 2 };

/** What kind of period an id is: 2024-05, 2024-Q2, 2024. */
export function kindOf(period: PeriodId): PeriodKind {
  return /-Q\d$/.test(period) ? 'quarter' : /-\d{2}$/.test(period) ? 'month' : 'year';
}

/** The unit of `kind` holding a period, or undefined when the period is longer than the unit (a year has no one quarter). */
export function unitOf(period: PeriodId, kind: PeriodKind): PeriodId | undefined {
  if (KIND_ORDER[kindOf(period)] > KIND_ORDER[kind]) return undefined;
  const year = period.slice(0, 4);
  if (kind === 'year') return year;
  const month = monthsOf(period)[0]!;
  if (kind === 'quarter') return `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
  return month;
}

/** The longest of some kinds of period: the longest a row may stand for and still be counted in one. */
export function longestKind(kinds: PeriodKind[]): PeriodKind {
  return kinds.reduce((a, b) => (KIND_ORDER[b] > KIND_ORDER[a] ? b : a));
}

/** Whether a period can be judged by an assessment of `kind`: it is one unit or holds whole units. */
export function fitsKind(period: PeriodId, kind: PeriodKind): boolean {
  return KIND_ORDER[kindOf(period)] >= KIND_ORDER[kind];
}

/** The units of `kind` inside a period, in order: 2024 → its four quarters. */
export function unitsIn(period: PeriodId, kind: PeriodKind): PeriodId[] {
  return [...new Set(monthsOf(period).map((m) => unitOf(m, kind)!))];
}

/** The last day of a period, as an ISO date. */
export function lastDay(period: PeriodId): string {
  const last = monthsOf(period).at(-1)!;
  const days = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0)).getUTCDate();
  return `${last}-${String(days).padStart(2, '0')}`;
}

/** The months of the `years` years ending with a period's last month. */
export function monthsEnding(period: PeriodId, years: number): Set<string> {
  const last = monthsOf(period).at(-1)!;
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1;
  const out = new Set<string>();
  for (let i = end - years * 12 + 1; i <= end; i++) out.add(monthId(Math.floor(i / 12), (i % 12) + 1));
  return out;
}

/** Whole months from one ISO day (or month) to another: 2024-01-15 → 2024-06-30 is 5. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd = 1] = from.split('-').map(Number) as [number, number, number?];
  const [ty, tm, td = 1] = to.split('-').map(Number) as [number, number, number?];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}
