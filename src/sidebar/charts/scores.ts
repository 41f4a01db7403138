import { scaleBand, scaleLinear } from 'd3-scale';
import { h } from '../dom';
import { passLine, type ScoreMark } from '../../core/results/chart-data';
import type { Scheme } from '../../core/scheme/schema';
import type { SchemeAssessment } from '../../core/scheme/result';
import { periodLabel } from '../../core/period';
import { tr, type ViewContext } from '../views';
import { CHART_WIDTH, chartFigure, dataTable, fittedLabel, picture, px, s, textWidth } from './svg';

const ROW = 15;
const FONT = 10;
/** Room above the bars for the line's label, and right of the longest bar for its score. */
const TOP = 14;
const SCORE_ROOM = 30;

type Standing = 'risk' | 'short' | 'ok';
const standingOf = (m: ScoreMark): Standing => (m.risk ? 'risk' : m.fallsShort ? 'short' : 'ok');

function standingText(ctx: ViewContext, scheme: Scheme, standing: Standing): string {
  if (standing === 'ok') return tr(ctx, 'chMeets');
  if (standing === 'short') return tr(ctx, 'uiFallsShort');
  const risk = scheme.risk;
  return risk ? (ctx.lang === 'zh' ? risk.label : (risk.labelEn ?? risk.label)) : tr(ctx, 'uiRisk');
}

function sentence(ctx: ViewContext, a: SchemeAssessment, scheme: Scheme, marks: ScoreMark[], line: number): string {
  const risk = marks.filter((m) => m.risk).length;
  const top = marks[0]!;
  const low = marks.at(-1)!;
  return tr(ctx, 'chScoresSentence', {
    count: marks.length,
    subject: ctx.lang === 'zh' ? a.subject : a.subjectEn,
    short: marks.filter((m) => m.fallsShort).length,
    risk: risk > 0 ? tr(ctx, 'chScoresRisk', { count: risk, label: standingText(ctx, scheme, 'risk') }) : '',
    below: marks.filter((m) => m.score < line).length,
    line,
    top: top.score,
    topName: top.name,
    low: low.score,
    lowName: low.name,
  });
}

/**
 * Each subject's score in one period, highest first, coloured by how it stands
 * on the must-meet items (met, falls short, at risk), with the line under which
 * a score sits in the lowest band. For an assessment with must-meet items (支部).
 */
export function scoresChart(ctx: ViewContext, a: SchemeAssessment, scheme: Scheme, period: string, marks: ScoreMark[]): HTMLElement | null {
  const band = passLine(scheme.grades);
  if (marks.length === 0 || !band) return null;
  const zh = ctx.lang === 'zh';
  const labelWidth = Math.min(CHART_WIDTH * 0.4, Math.max(...marks.map((m) => textWidth(m.name, FONT))) + 6);
  const height = TOP + marks.length * ROW;
  const x = scaleLinear().domain([0, Math.max(100, ...marks.map((m) => m.score))]).range([labelWidth, CHART_WIDTH - SCORE_ROOM]);
  const y = scaleBand<number>().domain(marks.map((_, i) => i)).range([TOP, height]).padding(0.2);
  const said = sentence(ctx, a, scheme, marks, band.min);
  const lineLabel = tr(ctx, 'chPassLine', { score: band.min, grade: zh ? band.grade : (band.gradeEn ?? band.grade) });
  const lineX = px(x(band.min));
  const bars = marks.flatMap((m, i) => {
    const top = y(i)!;
    const middle = px(top + y.bandwidth() / 2);
    return [
      fittedLabel(m.name, labelWidth - 4, FONT, { x: 0, y: middle, dy: '0.35em', class: 'chart-label' }),
      s('rect', { class: `chart-bar ${standingOf(m)}`, x: labelWidth, y: px(top), width: px(x(m.score) - labelWidth), height: px(y.bandwidth()), 'data-name': m.name, 'data-score': m.score }),
      s('text', { x: px(x(m.score) + 3), y: middle, dy: '0.35em', class: 'chart-value' }, String(m.score)),
    ];
  });
  const passMark = [
    s('line', { class: 'chart-pass-line', x1: lineX, x2: lineX, y1: TOP - 3, y2: height, 'data-score': band.min }),
    s('text', { class: 'chart-note', x: lineX, y: TOP - 5, 'text-anchor': lineX > CHART_WIDTH / 2 ? 'end' : 'start' }, lineLabel),
  ];
  const legend = h(
    'ul',
    { class: 'chart-legend small' },
    ...(['ok', 'short', 'risk'] as const).map((st) => h('li', {}, h('span', { class: `swatch ${st}`, 'aria-hidden': 'true' }), standingText(ctx, scheme, st))),
  );
  const table = dataTable(
    ctx,
    [tr(ctx, 'chColName'), tr(ctx, 'chColScore'), tr(ctx, 'chColGrade'), tr(ctx, 'chColStanding')],
    marks.map((m) => [m.name, m.score, zh ? m.grade : m.gradeEn, standingText(ctx, scheme, standingOf(m))]),
  );
  return chartFigure('chart-scores', tr(ctx, 'chScoresTitle', { period: periodLabel(period, ctx.lang), subject: zh ? a.subject : a.subjectEn }), said, picture(CHART_WIDTH, height, said, ...bars, ...passMark), legend, table);
}
