import { h } from '../dom';
import { firstToWatch, gradeDistribution, periodScores, type SeriesPoint, subjectNames, subjectSeries } from '../../core/results/chart-data';
import type { SchemeAssessment } from '../../core/scheme/result';
import type { Scheme } from '../../core/scheme/schema';
import { tr, type ViewContext } from '../views';
import { distributionChart } from './distribution';
import { scoresChart } from './scores';
import { sparkline } from './sparkline';
import { trendChart } from './trend';

/** Beside a subject in a list: its sparkline for the period of its card, or nothing. */
export type Spark = (name: string, period: string) => HTMLElement | null;

/**
 * An assessment's charts: how its results spread over the grades; with
 * must-meet items, each subject's score in the last period against the pass
 * line; and the trend of one subject, `subject` or the one most in need of attention.
 */
export function chartsView(ctx: ViewContext, a: SchemeAssessment, scheme: Scheme, subject: string | undefined, pick: (name: string) => void): HTMLElement | null {
  if (a.results.length === 0) return null;
  const names = subjectNames(a);
  const name = subject !== undefined && names.includes(subject) ? subject : firstToWatch(a)!;
  const last = a.periods.at(-1);
  return h(
    'section',
    { id: 'charts', 'data-assessment': a.id },
    h('h2', {}, tr(ctx, 'chCharts')),
    distributionChart(ctx, a, gradeDistribution(a, scheme.grades)),
    scheme.requirements.length > 0 && last ? scoresChart(ctx, a, scheme, last, periodScores(a, last)) : null,
    trendChart(ctx, a, scheme.grades, names, name, subjectSeries(a, name), pick),
  );
}

/** Sparklines for an assessment's lists, each subject's course worked out once however many cards it has. */
export function sparklines(ctx: ViewContext, a: SchemeAssessment): Spark {
  const series = new Map<string, SeriesPoint[]>();
  return (name, period) => {
    if (!series.has(name)) series.set(name, subjectSeries(a, name));
    return sparkline(ctx, name, series.get(name)!, period);
  };
}
