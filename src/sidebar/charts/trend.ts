import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { h } from '../dom';
import { passLine, type SeriesPoint } from '../../core/results/chart-data';
import type { GradeBand } from '../../core/pack/schema';
import type { SchemeAssessment } from '../../core/scheme/result';
import { periodLabel } from '../../core/period';
import { tr, type ViewContext } from '../views';
import { periodTick } from './periods';
import { CHART_WIDTH, chartFigure, dataTable, picture, px, s } from './svg';

const HEIGHT = 130;
const LEFT = 24;
const BOTTOM = 18;
const TOP = 8;

/** A point in words: 2024年4月 68.5分（基本合格）, or that the period has no score. */
export function pointText(ctx: ViewContext, p: SeriesPoint): string {
  const period = periodLabel(p.period, ctx.lang);
  if (!p.mark) return tr(ctx, 'chTrendGap', { period });
  return tr(ctx, 'chTrendPoint', { period, score: p.mark.score, grade: ctx.lang === 'zh' ? p.mark.grade : p.mark.gradeEn });
}

/** Why the trend has a single point, or that it covers only the period chosen; nothing when it covers every period held. */
function scopeNote(ctx: ViewContext, a: SchemeAssessment): string | undefined {
  const only = a.periods.length === 1 ? periodLabel(a.periods[0]!, ctx.lang) : undefined;
  if (a.period !== undefined && only) return tr(ctx, 'chTrendOnePeriod', { period: only });
  if (only) return tr(ctx, 'chTrendOneHeld', { period: only });
  return undefined;
}

/** The score axis: from a little under the lowest of the points and the pass line up to 100. */
function scoreDomain(series: SeriesPoint[], grades: GradeBand[]): [number, number] {
  const scores = series.flatMap((p) => (p.mark ? [p.mark.score] : []));
  const floor = Math.min(...scores, passLine(grades)?.min ?? 0);
  return [Math.max(0, Math.floor((floor - 5) / 10) * 10), Math.max(100, ...scores)];
}

/**
 * One subject's score over every period the run judged, chosen from a list
 * of the assessment's subjects, with the grade bands' edges as gridlines.
 */
export function trendChart(ctx: ViewContext, a: SchemeAssessment, grades: GradeBand[], names: string[], name: string, series: SeriesPoint[], pick: (name: string) => void): HTMLElement {
  const x = scalePoint<string>().domain(a.periods).range([LEFT, CHART_WIDTH - 6]).padding(0.5);
  const y = scaleLinear().domain(scoreDomain(series, grades)).range([HEIGHT - BOTTOM, TOP]);
  const [low, high] = y.domain() as [number, number];
  const edges = grades.filter((g) => g.min > low && g.min <= high);
  const grid = edges.flatMap((g) => [
    s('line', { class: 'chart-grid', x1: LEFT, x2: CHART_WIDTH, y1: px(y(g.min)), y2: px(y(g.min)) }),
    s('text', { class: 'chart-tick', x: LEFT - 3, y: px(y(g.min)), dy: '0.35em', 'text-anchor': 'end' }, String(g.min)),
  ]);
  // Thin the period names so they never overlap: about one per 44 px.
  const every = Math.max(1, Math.ceil(a.periods.length / Math.floor((CHART_WIDTH - LEFT) / 44)));
  const ticks = a.periods
    .filter((_, i) => i % every === 0)
    .map((p) => s('text', { class: 'chart-tick', x: px(x(p)!), y: HEIGHT - 4, 'text-anchor': 'middle' }, periodTick(p, a.periods, ctx.lang)));
  const path = line<SeriesPoint>()
    .defined((p) => p.mark !== null)
    .x((p) => px(x(p.period)!))
    .y((p) => px(y(p.mark?.score ?? 0)))(series);
  const points = series.flatMap((p) =>
    p.mark ? [s('circle', { class: `chart-point${p.mark.flagged ? ' flagged' : ''}`, cx: px(x(p.period)!), cy: px(y(p.mark.score)), r: 3.5, 'data-period': p.period }, s('title', {}, pointText(ctx, p)))] : [],
  );
  const said = tr(ctx, 'chTrendSentence', { name, points: series.map((p) => pointText(ctx, p)).join(' → ') });
  const select = h(
    'select',
    { id: 'trend-subject', onchange: ((e: Event) => pick((e.target as HTMLSelectElement).value)) as EventListener },
    ...names.map((n) => h('option', { value: n, selected: n === name }, n)),
  );
  const note = scopeNote(ctx, a);
  const zh = ctx.lang === 'zh';
  return chartFigure(
    'chart-trend',
    tr(ctx, 'chTrendTitle'),
    said,
    h('div', { class: 'chart-pick' }, h('label', { for: 'trend-subject' }, tr(ctx, 'chTrendSubject')), select),
    picture(CHART_WIDTH, HEIGHT, said, ...grid, ...ticks, path ? s('path', { class: 'chart-line', d: path }) : null, ...points),
    note ? h('p', { class: 'chart-note-text muted small' }, note) : null,
    dataTable(ctx, [tr(ctx, 'chColPeriod'), tr(ctx, 'chColScore'), tr(ctx, 'chColGrade')], series.map((p) => [periodLabel(p.period, ctx.lang), p.mark?.score ?? '—', p.mark ? (zh ? p.mark.grade : p.mark.gradeEn) : '—'])),
  );
}
