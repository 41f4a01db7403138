import { entriesOfRules, RULES_SHEET, rulesSheetPaint } from '../core/rulesheet/index';
import { draftScheme } from '../core/scheme/draft';
import type { PeriodKind } from '../core/scheme/schema';
import { h, replace } from './dom';
import { call } from './rpc';
import { errorText, type RulesTabContext, tr } from './rules-context';

/** What the form last did, said once the sidebar has re-read the rules. */
let added: string | undefined;

const PERIODS: [PeriodKind, 'uiPeriodKindMonth' | 'uiPeriodKindQuarter' | 'uiPeriodKindYear'][] = [
  ['month', 'uiPeriodKindMonth'],
  ['quarter', 'uiPeriodKindQuarter'],
  ['year', 'uiPeriodKindYear'],
];

/** An id no block of the rules has yet: scheme-1, scheme-2, … (the clerk names the assessment; the id is for files). */
function freshId(taken: Set<string>): string {
  let n = 1;
  while (taken.has(`scheme-${n}`)) n++;
  return `scheme-${n}`;
}

/**
 * 新增考核方案: name an assessment, say who it assesses and how often, pick
 * one of the workbook's sheets; a block is added to 考评规则 with that sheet's
 * columns already listed as its ledger and a first scoring the clerk then
 * edits in cells. Offered only while the rules read without problems, since
 * the whole sheet is written again.
 */
export function newSchemeView(ctx: RulesTabContext): HTMLElement {
  const entries = ctx.rules.problems.length === 0 ? entriesOfRules(ctx.rules) : undefined;
  // The host's snapshot holds the user's sheets only (results are left out); the rules sheet is no ledger.
  const sheets = ctx.snapshot.sheets.filter((s) => s.name !== RULES_SHEET);
  const status = h('div', { id: 'new-scheme-status' });
  const title = h('input', { type: 'text', id: 'new-scheme-title', placeholder: tr(ctx, 'uiNewSchemeTitleHint') }) as HTMLInputElement;
  const subject = h('input', { type: 'text', id: 'new-scheme-subject', placeholder: tr(ctx, 'uiNewSchemeSubjectHint') }) as HTMLInputElement;
  const period = h('select', { id: 'new-scheme-period' }, ...PERIODS.map(([kind, key]) => h('option', { value: kind }, tr(ctx, key)))) as HTMLSelectElement;
  const sheet = h('select', { id: 'new-scheme-sheet' }, ...sheets.map((s) => h('option', { value: s.name }, s.name))) as HTMLSelectElement;
  const button = h('button', { id: 'new-scheme-add', type: 'button', disabled: !entries || sheets.length === 0 }, tr(ctx, 'uiNewSchemeAdd')) as HTMLButtonElement;
  button.addEventListener('click', () => {
    if (!entries) return;
    const name = title.value.trim();
    const who = subject.value.trim();
    const chosen = ctx.snapshot.sheets.find((s) => s.name === sheet.value);
    const titles = new Set(entries.map((e) => ('scheme' in e ? e.scheme.title : 'branch' in e ? e.branch.title : e.pack.title)));
    const problem = !name ? 'uiNewSchemeNeedTitle' : titles.has(name) ? 'uiNewSchemeTaken' : !who ? 'uiNewSchemeNeedSubject' : !chosen ? 'uiNewSchemeNeedSheet' : undefined;
    if (problem) {
      replace(status, h('p', { class: 'problem' }, tr(ctx, problem, { title: name })));
      return;
    }
    const ids = new Set(entries.map((e) => ('scheme' in e ? e.scheme.id : 'branch' in e ? e.branch.id : e.pack.id)));
    const scheme = draftScheme(chosen!, { id: freshId(ids), title: name, subject: who, periodKind: period.value as PeriodKind });
    button.disabled = true;
    replace(status, h('p', { class: 'muted' }, tr(ctx, 'uiNewSchemeWriting')));
    call('replaceRulesSheet', rulesSheetPaint([...entries, { scheme, tests: [] }]))
      .then(async () => {
        added = name;
        await ctx.reload();
      })
      .catch((e) => {
        button.disabled = false;
        replace(status, h('p', { class: 'problem' }, errorText(e)));
      });
  });
  if (added) {
    replace(status, h('p', { class: 'ok' }, tr(ctx, 'uiNewSchemeAdded', { title: added, sheet: RULES_SHEET })));
    added = undefined;
  }
  return h(
    'section',
    { id: 'new-scheme' },
    h('h2', {}, tr(ctx, 'uiNewScheme')),
    h('p', { class: 'muted small' }, tr(ctx, 'uiNewSchemeHint')),
    h('label', { for: 'new-scheme-title' }, tr(ctx, 'uiNewSchemeTitle')),
    title,
    h('label', { for: 'new-scheme-subject' }, tr(ctx, 'uiNewSchemeSubject')),
    subject,
    h('label', { for: 'new-scheme-period' }, tr(ctx, 'uiNewSchemePeriod')),
    period,
    h('label', { for: 'new-scheme-sheet' }, tr(ctx, 'uiNewSchemeSheet')),
    sheet,
    h('div', { class: 'buttons' }, button),
    status,
  );
}
