import { starText } from '../core/assess/grade';
import type { FactValue } from '../core/ledger/read';
import type { Bilingual } from '../core/messages';
import { periodLabel } from '../core/period';
import { columnValue, type SchemeAssessment, type SubjectResult, type ValueColumn } from '../core/scheme/result';
import type { Spark } from './charts/index';
import { h } from './dom';
import { cellLink, tr, type ViewContext } from './views';

export const say = (ctx: ViewContext, text: Bilingual) => (ctx.lang === 'zh' ? text.message : text.messageEn);

/**
 * Which assessment of the run the panel below shows, each with its number of
 * results, so an assessment the period left empty is seen as empty, not missing.
 */
export function assessmentPicker(ctx: ViewContext, assessments: SchemeAssessment[], shown: string, pick: (id: string) => void): HTMLElement {
  const options = assessments.map((a) =>
    h('option', { value: a.id, selected: a.id === shown }, tr(ctx, 'uiAssessmentOption', { title: ctx.lang === 'zh' ? a.title : a.titleEn, count: a.results.length })),
  );
  return h(
    'section',
    { id: 'assessments' },
    h('label', { for: 'assessment' }, tr(ctx, 'uiAssessment')),
    h('select', { id: 'assessment', onchange: ((e: Event) => pick((e.target as HTMLSelectElement).value)) as EventListener }, ...options),
  );
}

/** What a run or an assessment says once rather than per subject: a period of the wrong kind, a month without ledgers. */
export function notesView(ctx: ViewContext, notes: Bilingual[], id: string): HTMLElement | null {
  if (notes.length === 0) return null;
  return h('ul', { id, class: 'notes small' }, ...notes.map((n) => h('li', {}, say(ctx, n))));
}

function valueText(column: ValueColumn, value: FactValue | undefined): string {
  if (typeof value === 'number') return column.percent ? `${Math.round(value * 1000) / 10}%` : String(Math.round(value * 100) / 100);
  return typeof value === 'string' ? value : '—';
}

export function gradeText(ctx: ViewContext, r: SubjectResult): string {
  const grade = ctx.lang === 'zh' ? r.grade : r.gradeEn;
  return r.stars > 0 ? `${grade} ${starText(r.stars)}` : grade;
}

function resultCard(ctx: ViewContext, a: SchemeAssessment, r: SubjectResult, spark?: Spark): HTMLElement {
  const zh = ctx.lang === 'zh';
  const score = { score: r.score, grade: gradeText(ctx, r), rank: r.rank, of: r.of };
  const values = a.columns.map((c) => tr(ctx, 'uiResultValue', { label: zh ? c.label : c.labelEn, value: valueText(c, columnValue(c, r)) }));
  const badge = r.risk ? 'uiRisk' : r.fallsShort ? 'uiFallsShort' : undefined;
  const flagged = r.flags.length > 0 || badge !== undefined;
  return h(
    'li',
    { class: flagged ? 'scheme-result flagged' : 'scheme-result', 'data-name': r.name, 'data-period': r.period },
    h('div', { class: 'cadre-head' }, h('strong', {}, r.name), h('span', { class: 'muted' }, ` ${r.group ?? ''} · ${periodLabel(r.period, ctx.lang)}`), badge ? h('span', { class: 'badge' }, tr(ctx, badge)) : null, flagged ? spark?.(r.name, r.period) : null),
    h('div', { class: 'muted score-line' }, tr(ctx, r.rank > 0 ? 'uiScoreLine' : 'uiScoreLineUnranked', score)),
    values.length > 0 ? h('div', { class: 'values small' }, values.join(' · ')) : null,
    r.flags.length > 0 ? h('ul', { class: 'flags' }, ...r.flags.map((f) => h('li', { 'data-rule': f.rule }, say(ctx, f)))) : null,
    ...r.riskReasons.map((x) => h('div', { class: 'small problem' }, say(ctx, x))),
    ...r.notes.map((n) => h('div', { class: 'small muted' }, say(ctx, n))),
    r.source ? cellLink(ctx, r.source.sheet, `A${r.source.row}`) : null,
  );
}

/** A declared assessment's results, as its result sheet lists them: one card per subject and period, a flagged one with its sparkline. */
export function schemeView(ctx: ViewContext, a: SchemeAssessment, spark?: Spark): HTMLElement {
  return h(
    'section',
    { id: 'scheme-results', 'data-assessment': a.id },
    h('h2', {}, ctx.lang === 'zh' ? a.title : a.titleEn),
    a.results.length > 0 ? h('ul', { class: 'scheme-list' }, ...a.results.map((r) => resultCard(ctx, a, r, spark))) : h('p', { class: 'muted' }, tr(ctx, 'uiNoResults')),
  );
}
