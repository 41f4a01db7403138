import { starText } from '../core/assess/grade';
import type { Evidence } from '../core/scheme/evidence';
import type { BranchAssessment, BranchFlag, BranchResult } from '../core/branch/result';
import { periodLabel } from '../core/period';
import type { Spark } from './charts/index';
import { h } from './dom';
import { tr, type ViewContext } from './views';

/** Rows as staff read them: 5、7、12–14. */
function rowsText(rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join('、');
}

function evidenceLink(ctx: ViewContext, e: Evidence): HTMLElement {
  const label = tr(ctx, 'uiEvidence', { sheet: e.sheet, rows: rowsText(e.rows) });
  return h(
    'a',
    { href: '#', class: 'cell-link evidence', title: tr(ctx, 'uiGoToCell'), onclick: ((ev: Event) => { ev.preventDefault(); ctx.goTo(e.sheet, e.cell); }) as EventListener },
    label,
  );
}

function flagView(ctx: ViewContext, f: BranchFlag): HTMLElement {
  return h(
    'li',
    { 'data-rule': f.rule },
    h('div', {}, ctx.lang === 'zh' ? f.message : f.messageEn),
    f.evidence.length > 0 ? h('div', { class: 'evidence-list' }, ...f.evidence.flatMap((e, i) => (i > 0 ? [' ', evidenceLink(ctx, e)] : [evidenceLink(ctx, e)]))) : null,
  );
}

function branchCard(ctx: ViewContext, b: BranchResult, spark?: Spark): HTMLElement {
  const zh = ctx.lang === 'zh';
  return h(
    'li',
    { class: b.risk ? 'branch-short risk' : 'branch-short', 'data-branch': b.name },
    h(
      'div',
      { class: 'cadre-head' },
      h('strong', {}, b.name),
      h('span', { class: 'badge' }, tr(ctx, b.risk ? 'uiRisk' : 'uiFallsShort')),
      spark?.(b.name, b.period),
    ),
    b.scored ? h('div', { class: 'muted' }, tr(ctx, 'uiBranchLine', { score: b.score, stars: starText(b.stars), rank: b.rank, of: b.of })) : null,
    h('ul', { class: 'flags' }, ...b.flags.map((f) => flagView(ctx, f))),
    ...b.riskReasons.map((r) => h('div', { class: 'small problem' }, zh ? r.message : r.messageEn)),
    b.noData.length > 0 ? h('div', { class: 'small muted' }, tr(ctx, 'uiNoData', { items: b.noData.map((n) => (zh ? n.message : n.messageEn)).join('；') })) : null,
  );
}

/** Branches that fall short first, each with its failed items, the ledger rows behind them and its sparkline. */
export function branchesView(ctx: ViewContext, a: BranchAssessment, spark?: Spark): HTMLElement {
  const sections = a.periods.map((period) => {
    const inPeriod = a.branches.filter((b) => b.period === period);
    const short = inPeriod.filter((b) => b.fallsShort || b.risk);
    const ok = inPeriod.filter((b) => !b.fallsShort && !b.risk);
    return h(
      'div',
      { class: 'branch-period', 'data-period': period },
      h('p', { class: 'muted' }, tr(ctx, 'uiBranchCounts', { period: periodLabel(period, ctx.lang), count: inPeriod.length, short: short.length, risk: inPeriod.filter((b) => b.risk).length })),
      h('ul', { class: 'branches-short' }, ...short.map((b) => branchCard(ctx, b, spark))),
      ok.length > 0
        ? h(
            'details',
            {},
            h('summary', {}, tr(ctx, 'uiBranchesOk', { count: ok.length })),
            h('ul', { class: 'branches-ok' }, ...ok.map((b) => h('li', { class: 'small' }, `${b.name} · ${b.scored ? `${b.score} ${starText(b.stars)}` : '—'}`))),
          )
        : null,
    );
  });
  return h('section', { id: 'branches' }, h('h2', {}, tr(ctx, 'uiBranches')), ...sections);
}
