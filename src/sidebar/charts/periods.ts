import type { Lang } from '../../core/messages';
import { periodLabel } from '../../core/period';

/**
 * A period as an axis names it under a chart: without its year when every
 * period shares one (4月, Apr, 第二季度, Q2), else as the tables name it.
 */
export function periodTick(period: string, periods: string[], lang: Lang): string {
  const oneYear = new Set(periods.map((p) => p.slice(0, 4))).size === 1;
  if (!oneYear || period.length === 4) return periodLabel(period, lang);
  const month = /^\d{4}-(\d{2})$/.exec(period);
  if (month) return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, Number(month[1]) - 1, 1));
  // A quarter: 2024年第二季度 → 第二季度, 2024-Q2 → Q2 (the year and what follows it are five characters in both).
  return periodLabel(period, lang).slice(5);
}
