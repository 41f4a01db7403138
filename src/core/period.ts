import * as z from 'zod';
import { halfWidth } from './text';

/** A month (2024-05), a quarter (2024-Q2) or a year (2024). */
export const PeriodIdSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/);
export type PeriodId = z.infer<typeof PeriodIdSchema>;

const CN_MONTHS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};

export function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Year and month named in a title or sheet name ("2024年5月驻村干部台账", "5月台账", "2024.05"). */
export function yearMonthIn(text: string): { year?: number; month?: number } {
  const t = halfWidth(text);
  const full = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*月?/.exec(t);
  if (full && Number(full[2]) >= 1 && Number(full[2]) <= 12) return { year: Number(full[1]), month: Number(full[2]) };
  const compact = /(?:^|\D)(\d{4})(0[1-9]|1[0-2])(?:\D|$)/.exec(t);
  if (compact) return { year: Number(compact[1]), month: Number(compact[2]) };
  const year = /(\d{4})\s*年/.exec(t) ?? /(?:^|\D)(20\d{2})(?:\D|$)/.exec(t);
  const month = /(?:^|[^\d])(\d{1,2})\s*月/.exec(t);
  const cnMonth = /(十[一二]|[一二三四五六七八九十])月/.exec(t);
  const m = month ? Number(month[1]) : cnMonth ? CN_MONTHS[cnMonth[1]!] : undefined;
  return {
    year: year ? Number(year[1]) : undefined,
    month: m !== undefined && m >= 1 && m <= 12 ? m : undefined,
  };
}

const CN_QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Year and quarter named in a title or cell ("2024年第二季度", "二季度", "2024-Q2", "2024年"). */
export function yearQuarterIn(text: string): { year?: number; quarter?: number } {
  const t = halfWidth(text).toUpperCase();
  const year = /(\d{4})\s*年/.exec(t) ?? /(?:^|\D)(20\d{2})(?:\D|$)/.exec(t);
  const quarter = /第?([一二三四1-4])\s*季度/.exec(t) ?? /Q([1-4])(?:\D|$)/.exec(t);
  return { year: year ? Number(year[1]) : undefined, quarter: quarter ? CN_QUARTERS[quarter[1]!] : undefined };
}

/** The month of an ISO day. */
export function monthOfDate(iso: string): string {
  return iso.slice(0, 7);
}

export function monthsOf(period: PeriodId): string[] {
  const year = Number(period.slice(0, 4));
  if (/^\d{4}-\d{2}$/.test(period)) return [period];
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  const months = q ? [0, 1, 2].map((i) => (Number(q[1]) - 1) * 3 + 1 + i) : Array.from({ length: 12 }, (_, i) => i + 1);
  return months.map((m) => monthId(year, m));
}

export function periodContains(period: PeriodId, month: string): boolean {
  return monthsOf(period).includes(month);
}

/** Parses what a user types for a period; undefined when it is not one. */
export function parsePeriodId(text: string): PeriodId | undefined {
  const t = halfWidth(text).trim().toUpperCase();
  const m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthId(Number(m[1]), Number(m[2]));
  return PeriodIdSchema.safeParse(t).success ? t : undefined;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

export function periodLabel(period: PeriodId, lang: 'zh' | 'en' = 'zh'): string {
  const year = period.slice(0, 4);
  const q = /-Q([1-4])$/.exec(period);
  const m = /-(\d{2})$/.exec(period);
  if (lang === 'en') return period;
  if (q) return `${year}年第${QUARTER_NAMES[Number(q[1]) - 1]}季度`;
  if (m) return `${year}年${Number(m[1])}月`;
  return `${year}年`;
}

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

/** The period before: 2024-05 → 2024-04, 2024-Q1 → 2023-Q4, 2024 → 2023. */
export function previousPeriod(period: PeriodId): string {
  const year = Number(period.slice(0, 4));
  const q = /-Q([1-4])$/.exec(period);
  if (q) return Number(q[1]) === 1 ? `${year - 1}-Q4` : `${year}-Q${Number(q[1]) - 1}`;
  const m = /-(\d{2})$/.exec(period);
  if (m) return Number(m[1]) === 1 ? `${year - 1}-12` : monthId(year, Number(m[1]) - 1);
  return String(year - 1);
}

/** The last day of the month `months` after the period ends: a rectification deadline. */
export function deadlineAfter(period: PeriodId, months: number): string {
  const last = monthsOf(period).at(-1)!;
  const y = Number(last.slice(0, 4));
  const m = Number(last.slice(5, 7)) + months;
  const end = new Date(Date.UTC(y, m, 0));
  return `${end.getUTCFullYear()}年${end.getUTCMonth() + 1}月${end.getUTCDate()}日`;
}
