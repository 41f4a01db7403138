import { type AttentionEntry, type AttentionFilter, filterAttention, flagKinds, groupOf } from '../core/results/attention';
import { periodLabel } from '../core/period';
import type { SchemeAssessment } from '../core/scheme/result';
import type { Spark } from './charts/index';
import { h } from './dom';
import { gradeText, say } from './scheme-views';
import { cellLink, tr, type ViewContext } from './views';

/** A value the drop-down offers, in words, with how many entries it keeps. */
interface Choice {
  value: string;
  label: string;
  count: number;
}

function filterSelect(ctx: ViewContext, key: keyof AttentionFilter, label: 'uiFilterAssessment' | 'uiFilterGroup' | 'uiFilterFlag', choices: Choice[], filter: AttentionFilter, change: (f: AttentionFilter) => void): HTMLElement {
  const id = `attention-${key}`;
  return h(
    'div',
    { class: 'attention-filter' },
    h('label', { for: id }, tr(ctx, label)),
    h(
      'select',
      { id, onchange: ((e: Event) => change({ ...filter, [key]: (e.target as HTMLSelectElement).value })) as EventListener },
      h('option', { value: '' }, tr(ctx, 'uiFilterAll')),
      ...choices.map((c) => h('option', { value: c.value, selected: c.value === filter[key] }, tr(ctx, 'uiFilterOption', { label: c.label, count: c.count }))),
    ),
  );
}

/** How many entries each value keeps, in the order first met (the entries are most severe first). */
function counted(entries: AttentionEntry[], key: (e: AttentionEntry) => string, label: (e: AttentionEntry) => string): Choice[] {
  const choices = new Map<string, Choice>();
  for (const e of entries) {
    const value = key(e);
    const choice = choices.get(value);
    if (choice) choice.count++;
    else choices.set(value, { value, label: label(e), count: 1 });
  }
  return [...choices.values()];
}

function entryCard(ctx: ViewContext, { assessment: a, result: r }: AttentionEntry, spark?: Spark): HTMLElement {
  const badge = r.risk ? 'uiRisk' : r.fallsShort ? 'uiFallsShort' : undefined;
  return h(
    'li',
    { class: r.risk ? 'attention-item risk' : 'attention-item', 'data-assessment': a.id, 'data-name': r.name, 'data-period': r.period },
    h('div', { class: 'cadre-head' }, h('strong', {}, r.name), h('span', { class: 'muted' }, ` ${r.group ?? ''} · ${periodLabel(r.period, ctx.lang)}`), badge ? h('span', { class: 'badge' }, tr(ctx, badge)) : null, spark?.(r.name, r.period)),
    h('div', { class: 'small muted' }, ctx.lang === 'zh' ? a.title : a.titleEn, ' · ', tr(ctx, r.rank > 0 ? 'uiScoreLine' : 'uiScoreLineUnranked', { score: r.score, grade: gradeText(ctx, r), rank: r.rank, of: r.of })),
    r.flags.length > 0 ? h('ul', { class: 'flags' }, ...r.flags.map((f) => h('li', { 'data-rule': f.rule }, say(ctx, f)))) : null,
    ...r.riskReasons.map((x) => h('div', { class: 'small problem' }, say(ctx, x))),
    r.source ? cellLink(ctx, r.source.sheet, `A${r.source.row}`) : null,
  );
}

/**
 * One 需关注 list for the whole run, most severe first, narrowed by
 * assessment, village or branch, and flag; a filter naming what this run no
 * longer has keeps everything. Each entry with its assessment's sparkline.
 */
export function attentionView(ctx: ViewContext, entries: AttentionEntry[], filter: AttentionFilter, change: (f: AttentionFilter) => void, spark: (a: SchemeAssessment) => Spark): HTMLElement {
  const zh = ctx.lang === 'zh';
  const assessments = counted(entries, (e) => e.assessment.id, (e) => (zh ? e.assessment.title : e.assessment.titleEn));
  const groups = counted(entries, (e) => groupOf(e.result), (e) => groupOf(e.result)).sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  const flags = flagKinds(entries).map((k) => ({ value: k.key, label: zh ? k.label : k.labelEn, count: k.count }));
  const held = (value: string, choices: Choice[]) => (choices.some((c) => c.value === value) ? value : '');
  const applied = { assessment: held(filter.assessment, assessments), group: held(filter.group, groups), flag: held(filter.flag, flags) };
  const shown = filterAttention(entries, applied);
  const sparks = new Map<string, Spark>();
  const sparkOf = (a: SchemeAssessment) => sparks.get(a.id) ?? sparks.set(a.id, spark(a)).get(a.id)!;
  return h(
    'section',
    { id: 'attention' },
    h('h2', {}, tr(ctx, 'uiAttention', { count: entries.length })),
    entries.length === 0
      ? h('p', { class: 'muted' }, tr(ctx, 'uiAttentionNone'))
      : h(
          'div',
          {},
          h(
            'div',
            { class: 'attention-filters' },
            filterSelect(ctx, 'assessment', 'uiFilterAssessment', assessments, applied, change),
            filterSelect(ctx, 'group', 'uiFilterGroup', groups, applied, change),
            filterSelect(ctx, 'flag', 'uiFilterFlag', flags, applied, change),
          ),
          h('p', { id: 'attention-count', class: 'small muted' }, tr(ctx, 'uiAttentionShown', { shown: shown.length, count: entries.length })),
          h('ul', { class: 'attention-list' }, ...shown.map((e) => entryCard(ctx, e, sparkOf(e.assessment)))),
        ),
  );
}
