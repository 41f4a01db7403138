import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { h } from '../dom';
import type { SeriesPoint } from '../../core/results/chart-data';
import { tr, type ViewContext } from '../views';
import { pointText } from './trend';
import { picture, px, s } from './svg';

const WIDTH = 56;
const HEIGHT = 16;

/**
 * A subject's scores over the periods, small enough to sit in its card's
 * heading, the period of the card marked; the scores beside it in words.
 * Nothing for an assessment of a single period, where there is no course to show.
 */
export function sparkline(ctx: ViewContext, name: string, series: SeriesPoint[], period: string): HTMLElement | null {
  if (series.length < 2) return null;
  const scores = series.flatMap((p) => (p.mark ? [p.mark.score] : []));
  if (scores.length === 0) return null;
  const x = scalePoint<string>().domain(series.map((p) => p.period)).range([3, WIDTH - 3]);
  const y = scaleLinear().domain([Math.min(...scores), Math.max(...scores)]).range([HEIGHT - 3, 3]);
  if (Math.min(...scores) === Math.max(...scores)) y.domain([scores[0]! - 1, scores[0]! + 1]);
  const path = line<SeriesPoint>()
    .defined((p) => p.mark !== null)
    .x((p) => px(x(p.period)!))
    .y((p) => px(y(p.mark?.score ?? 0)))(series);
  const here = series.find((p) => p.period === period && p.mark);
  const label = tr(ctx, 'chSparkLabel', { name, points: series.map((p) => pointText(ctx, p)).join(' → ') });
  return h(
    'span',
    { class: 'sparkline', 'data-name': name },
    picture(
      WIDTH,
      HEIGHT,
      label,
      path ? s('path', { class: 'chart-line', d: path }) : null,
      here?.mark ? s('circle', { class: 'chart-point', cx: px(x(here.period)!), cy: px(y(here.mark.score)), r: 2 }) : null,
    ),
    h('span', { class: 'spark-values' }, series.map((p) => (p.mark ? String(p.mark.score) : '—')).join('→')),
  );
}
