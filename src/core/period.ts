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
