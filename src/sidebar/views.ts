import type { Assessment } from '../core/assess/assess';
import type { ColumnLabel } from '../core/ledger/classify';
import type { ColumnMapping } from '../core/ledger/columns';
import { IGNORE, type ReadResult, type Warning } from '../core/ledger/read';
import { type Lang, type MessageKey, type Params, t } from '../core/messages';
import type { Pack } from '../core/pack/schema';
import { periodLabel } from '../core/period';
import { paragraphOf, type Summary } from '../core/results/summary';
import { counting } from '../core/results/counts';
import type { SheetAccount } from '../core/sheets';
import { h } from './dom';

export interface ViewContext {
  lang: Lang;
  pack: Pack;
  goTo: (sheet: string, cell: string) => void;
  mapColumn: (header: string, fact: string) => void;
}

export const tr = (ctx: Pick<ViewContext, 'lang'>, key: MessageKey, params: Params = {}) => t(key, params, ctx.lang);

export function cellLink(ctx: Pick<ViewContext, 'lang' | 'goTo'>, sheet: string, cell: string): HTMLElement {
  const label = cell ? `${sheet}!${cell}` : sheet;
  return h('a', { href: '#', class: 'cell-link', title: tr(ctx, 'uiGoToCell'), onclick: ((e: Event) => { e.preventDefault(); ctx.goTo(sheet, cell || 'A1'); }) as EventListener }, label);
}

function mappingSelect(ctx: ViewContext, header: string, columns: ColumnLabel[] = ctx.pack.columns.map((c) => ({ fact: c.fact, label: c.label, labelEn: c.labelEn ?? c.label }))): HTMLElement {
  const options = [
    h('option', { value: '' }, tr(ctx, 'uiMapTo')),
    ...columns.map((c) => h('option', { value: c.fact }, ctx.lang === 'zh' ? c.label : c.labelEn)),
    h('option', { value: IGNORE }, tr(ctx, 'uiMapIgnore')),
  ];
  return h('select', { class: 'map-select', 'data-header': header, onchange: ((e: Event) => ctx.mapColumn(header, (e.target as HTMLSelectElement).value)) as EventListener }, ...options);
}

export function ledgersView(ctx: ViewContext, read: ReadResult, accounts: SheetAccount[]): HTMLElement {
  // Ledgers of other assessments and sheets not recognised have their own sections: this line names the rest.
  const listedElsewhere = new Set(accounts.filter((a) => a.role === 'ledger' || a.role === 'unrecognised').map((a) => a.sheet));
  const others = read.otherSheets.filter((s) => !listedElsewhere.has(s));
  const items = read.ledgers.map((l) =>
    h(
      'li',
      { class: 'ledger' },
      h('div', { class: 'ledger-name' }, cellLink(ctx, l.sheet, ''), l.period ? h('span', { class: 'muted' }, ` · ${periodLabel(l.period, ctx.lang)}`) : null),
      h('div', { class: 'muted' }, tr(ctx, 'uiLedgerLine', { records: l.records, header: l.headerRows[0] === l.headerRows[1] ? l.headerRows[0] : `${l.headerRows[0]}–${l.headerRows[1]}` })),
      ...l.missing.map((m) => h('div', { class: 'problem' }, tr(ctx, 'uiMissingColumn', { label: m.label }))),
      ...l.unmapped.map((u) => h('div', { class: 'unmapped' }, h('span', {}, tr(ctx, 'uiUnmapped', { header: u.header }), ' '), mappingSelect(ctx, u.header))),
      h(
        'details',
        {},
        h('summary', {}, tr(ctx, 'uiMapping')),
        h('ul', { class: 'mapping' }, ...l.columns.map((c) => h('li', {}, h('span', { class: 'muted' }, `${c.cell} `), `${c.header} → ${c.label}`))),
      ),
    ),
  );
  return h(
    'section',
    { id: 'ledgers' },
    h('h2', {}, tr(ctx, 'uiLedgers')),
    read.ledgers.length > 0 ? h('ul', { class: 'ledger-list' }, ...items) : h('p', { class: 'problem' }, tr(ctx, 'uiNoLedger')),
    others.length > 0 ? h('p', { class: 'muted small' }, tr(ctx, 'uiOtherSheets', { sheets: others.join('、') })) : null,
  );
}

/**
 * The sheets no ledger was read from, each with why (the column it lacks, the
 * ledger it most resembles), and a drop-down beside each label of its likeliest
 * header row to map it to a column of that ledger.
 */
export function sheetsNotReadView(ctx: ViewContext, accounts: SheetAccount[]): HTMLElement | null {
  const unread = accounts.filter((a) => a.role === 'unrecognised');
  if (unread.length === 0) return null;
  const items = unread.map((a) =>
    h(
      'li',
      { class: 'sheet-unread', 'data-sheet': a.sheet },
      h('div', { class: 'ledger-name' }, cellLink(ctx, a.sheet, a.header ? `A${a.header}` : '')),
      h('div', { class: 'problem' }, ctx.lang === 'zh' ? a.reason : a.reasonEn),
      ...(a.resembles?.unmapped ?? []).map((u) => h('div', { class: 'unmapped' }, h('span', {}, tr(ctx, 'uiUnmapped', { header: u.header }), ' '), mappingSelect(ctx, u.header, a.resembles!.columns))),
    ),
  );
  return h('section', { id: 'sheets-not-read' }, h('h2', {}, tr(ctx, 'uiSheetsNotRead')), h('ul', { class: 'ledger-list' }, ...items));
}

/**
 * How the cadres spread over the grades, counted as the summary counts them:
 * over one month each result is a person (优秀 14 名), over several a 人次 with
 * the people beside it (优秀 29人次（19人）). Who needs attention is in the run's one 需关注 list.
 */
export function overviewView(ctx: ViewContext, a: Assessment): HTMLElement {
  const total = a.cadres.length;
  const count = counting(new Set(a.cadres.map((c) => c.period)).size > 1, ctx.lang);
  const grades = ctx.pack.grades.map((g) => {
    const graded = a.cadres.filter((c) => c.grade === g.grade);
    const label = ctx.lang === 'zh' ? g.grade : (g.gradeEn ?? g.grade);
    return h(
      'li',
      { class: `grade stars-${g.stars}`, 'data-grade': g.grade },
      h('span', { class: 'grade-label' }, tr(ctx, 'uiGradeCount', { grade: label, count: count.count(graded.length, new Set(graded.map((c) => c.name)).size) })),
      h('span', { class: 'bar' }, h('span', { class: 'fill', style: `width:${total ? Math.round((graded.length / total) * 100) : 0}%` })),
    );
  });
  return h('section', { id: 'overview' }, h('h2', {}, tr(ctx, 'uiOverview')), h('ul', { class: 'grades' }, ...grades));
}

export function summaryView(ctx: ViewContext, summary: Summary, text: string, id = 'summary'): HTMLElement {
  const copy = h('button', { class: 'link-button', type: 'button' }, tr(ctx, 'uiCopySummary'));
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(text).then(() => {
      copy.textContent = tr(ctx, 'uiCopied');
    });
  });
  return h(
    'section',
    { id, class: 'summary' },
    h('h2', {}, tr(ctx, 'uiSummary'), ' ', copy),
    h('p', { class: 'summary-title' }, summary.title),
    ...summary.sections.map((s) => h('div', { class: 'summary-section' }, h('h4', {}, s.heading), h('p', {}, paragraphOf(s.sentences)))),
  );
}

export function warningsView(ctx: ViewContext, warnings: Warning[]): HTMLElement | null {
  if (warnings.length === 0) return null;
  return h(
    'details',
    { id: 'warnings' },
    h('summary', {}, tr(ctx, 'uiWarnings', { count: warnings.length })),
    h('ul', {}, ...warnings.map((w) => h('li', {}, cellLink(ctx, w.sheet, w.cell), ' ', ctx.lang === 'zh' ? w.message : w.messageEn))),
  );
}

export function mappingWith(mapping: ColumnMapping, header: string, fact: string): ColumnMapping {
  const next = { ...mapping };
  if (fact) next[header] = fact;
  else delete next[header];
  return next;
}
