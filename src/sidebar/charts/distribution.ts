import { scaleBand, scaleLinear } from 'd3-scale';
import type { Distribution } from '../../core/results/chart-data';
import type { SchemeAssessment } from '../../core/scheme/result';
import { periodLabel } from '../../core/period';
import { tr, type ViewContext } from '../views';
import { CHART_WIDTH, chartFigure, dataTable, fittedLabel, picture, px, s, textWidth } from './svg';

const ROW = 20;
const FONT = 11;
/** Room right of the longest bar for its count. */
const COUNT_ROOM = 26;

interface Row {
  label: string;
  count: number;
  /** How the bar is coloured: the lowest band red, the next amber, the rest blue; no band grey. */
  tone: 'low' | 'warn' | 'ok' | 'none';
}

function rows(ctx: ViewContext, d: Distribution): Row[] {
  const last = d.bands.length - 1;
  const bands = d.bands.map((b, i): Row => ({ label: ctx.lang === 'zh' ? b.grade : b.gradeEn, count: b.count, tone: i === last && last > 0 ? 'low' : i === last - 1 && last > 1 ? 'warn' : 'ok' }));
  return d.unscored > 0 ? [...bands, { label: tr(ctx, 'chUnscored'), count: d.unscored, tone: 'none' }] : bands;
}

/** Over one period the results are its subjects; over several, subject-periods, and the sentence says how many periods. */
function scope(ctx: ViewContext, a: SchemeAssessment): string {
  return a.periods.length === 1 ? periodLabel(a.periods[0]!, ctx.lang) : tr(ctx, 'chPeriodsScope', { count: a.periods.length });
}

/** How an assessment's results spread over its grade bands: a bar a band, with the counts in a sentence and a table. */
export function distributionChart(ctx: ViewContext, a: SchemeAssessment, d: Distribution): HTMLElement {
  const list = rows(ctx, d);
  const labelWidth = Math.min(CHART_WIDTH * 0.4, Math.max(...list.map((r) => textWidth(r.label, FONT))) + 6);
  const height = list.length * ROW;
  const x = scaleLinear().domain([0, Math.max(1, ...list.map((r) => r.count))]).range([labelWidth, CHART_WIDTH - COUNT_ROOM]);
  const y = scaleBand<number>().domain(list.map((_, i) => i)).range([0, height]).padding(0.25);
  const sentence = tr(ctx, 'chDistSentence', { scope: scope(ctx, a), total: d.total, parts: list.map((r) => tr(ctx, 'chDistPart', { grade: r.label, count: r.count })).join(ctx.lang === 'zh' ? '，' : ', ') });
  const marks = list.flatMap((r, i) => {
    const top = y(i)!;
    const middle = px(top + y.bandwidth() / 2);
    return [
      fittedLabel(r.label, labelWidth - 6, FONT, { x: 0, y: middle, dy: '0.35em', class: 'chart-label' }),
      s('rect', { class: `chart-bar ${r.tone}`, x: labelWidth, y: px(top), width: px(x(r.count) - labelWidth), height: px(y.bandwidth()), 'data-grade': r.label, 'data-count': r.count }),
      s('text', { x: px(x(r.count) + 4), y: middle, dy: '0.35em', class: 'chart-value' }, String(r.count)),
    ];
  });
  return chartFigure(
    'chart-distribution',
    tr(ctx, 'chDistTitle'),
    sentence,
    picture(CHART_WIDTH, height, sentence, ...marks),
    dataTable(ctx, [tr(ctx, 'chColGrade'), tr(ctx, 'chColCount')], list.map((r) => [r.label, r.count])),
  );
}
