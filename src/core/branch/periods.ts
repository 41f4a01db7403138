import { monthsOf, periodLabel, type PeriodId } from '../period';

/** 2024-05 → 2024-Q2. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/**
 * The units of a requirement ("every month", "every quarter", "every year")
 * that lie wholly inside a period: a quarter holds three months and one
 * quarter, a month holds no quarter. A unit that only overlaps the period is
 * not judged in it.
 */
export function unitsWithin(period: PeriodId, per: 'month' | 'quarter' | 'year'): string[] {
  const months = monthsOf(period);
  if (per === 'month') return months;
  if (per === 'year') return months.length === 12 ? [period.slice(0, 4)] : [];
  const quarters = [...new Set(months.map(quarterOf))];
  return quarters.filter((q) => monthsOf(q).every((m) => months.includes(m)));
}

/** The quarters the months fall in, in order: what a run without a period assesses. */
export function quartersSpanning(months: string[]): string[] {
  return [...new Set(months.map(quarterOf))].sort();
}

/** Units as one phrase, the year said once: 2024年5月、6月; 2024年第一季度、第二季度. */
export function unitsLabel(units: string[], lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') return units.join(', ');
  const parts: string[] = [];
  let year = '';
  for (const u of [...units].sort()) {
    const label = periodLabel(u);
    const y = u.slice(0, 4);
    parts.push(y === year ? label.slice(5) : label);
    year = y;
  }
  return parts.join('、');
}

/** A day as staff write it: 2024年5月6日; a month-only date as 2024年5月. */
export function dayLabel(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return m[3] ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m[1]}年${Number(m[2])}月`;
}

/** The period after: 2024-05 → 2024-06, 2024-Q4 → 2025-Q1, 2024 → 2025. */
export function nextPeriod(period: PeriodId): string {
  const year = Number(period.slice(0, 4));
  const q = /-Q([1-4])$/.exec(period);
  if (q) return Number(q[1]) === 4 ? `${year + 1}-Q1` : `${year}-Q${Number(q[1]) + 1}`;
  const m = /-(\d{2})$/.exec(period);
  if (m) return Number(m[1]) === 12 ? `${year + 1}-01` : `${year}-${String(Number(m[1]) + 1).padStart(2, '0')}`;
  return String(year + 1);
}

/** The last day of the month `months` after the period ends: a rectification deadline. */
export function deadlineAfter(period: PeriodId, months: number): string {
  const last = monthsOf(period).at(-1)!;
  const y = Number(last.slice(0, 4));
  const m = Number(last.slice(5, 7)) + months;
  const end = new Date(Date.UTC(y, m, 0));
  return `${end.getUTCFullYear()}年${end.getUTCMonth() + 1}月${end.getUTCDate()}日`;
}
