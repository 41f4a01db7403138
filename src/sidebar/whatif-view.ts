import type { Bilingual } from '../core/messages';
import type { Pack } from '../core/pack/schema';
import { periodLabel } from '../core/period';
import { starText } from '../core/assess/grade';
import type { BranchOutcome, BranchWhatIf, CadreWhatIf, WhatIfResult } from '../core/rulesheet/index';
import { h } from './dom';
import { inLang, type RulesTabContext, tr } from './rules-context';

/** A 300px sidebar shows the biggest changes; the count says how many more there are. */
const MAX_SHOWN = 30;

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function gradeLabel(ctx: RulesTabContext, pack: Pack, grade: string): string {
  return ctx.lang === 'zh' ? grade : (pack.grades.find((g) => g.grade === grade)?.gradeEn ?? grade);
}

function cadreView(ctx: RulesTabContext, pack: Pack, c: CadreWhatIf): HTMLElement {
  const none = tr(ctx, 'uiWhatIfNotAssessed');
  const score = tr(ctx, 'uiWhatIfScore', { name: c.name, before: c.before?.score ?? none, after: c.after?.score ?? none, delta: signed(c.delta) });
  const grade = c.gradeChanged
    ? tr(ctx, 'uiWhatIfGrade', { before: c.before ? gradeLabel(ctx, pack, c.before.grade) : none, after: c.after ? gradeLabel(ctx, pack, c.after.grade) : none })
    : '';
  const where = [c.branch, periodLabel(c.period, ctx.lang)].filter(Boolean).join(' · ');
  const labels = new Map(pack.indicators.map((i) => [i.id, ctx.lang === 'zh' ? i.label : (i.labelEn ?? i.label)]));
  return h(
    'li',
    { class: `whatif-cadre ${c.delta < 0 ? 'down' : c.delta > 0 ? 'up' : 'same'}`, 'data-name': c.name },
    h('div', { class: 'whatif-score' }, score + grade),
    where ? h('div', { class: 'muted small' }, where) : null,
    ...c.indicators.map((i) => h('div', { class: 'small' }, tr(ctx, 'uiWhatIfIndicator', { indicator: labels.get(i.id) ?? i.label, before: i.before, after: i.after }))),
    ...c.flagsAdded.map((flag) => h('div', { class: 'small flag-added' }, tr(ctx, 'uiWhatIfFlagAdded', { flag }))),
    ...c.flagsRemoved.map((flag) => h('div', { class: 'small flag-removed' }, tr(ctx, 'uiWhatIfFlagRemoved', { flag }))),
  );
}

function standing(ctx: RulesTabContext, o: BranchOutcome): string {
  return tr(ctx, o.risk ? 'uiRisk' : o.fallsShort ? 'uiFallsShort' : 'uiMeetsAll');
}

function branchView(ctx: RulesTabContext, b: BranchWhatIf): HTMLElement {
  const line = tr(ctx, 'uiWhatIfBranch', { name: b.name, before: b.before.score, after: b.after.score, delta: signed(b.delta), starsBefore: starText(b.before.stars), starsAfter: starText(b.after.stars) });
  const moved = standing(ctx, b.before) !== standing(ctx, b.after);
  return h(
    'li',
    { class: `whatif-branch ${b.delta < 0 ? 'down' : b.delta > 0 ? 'up' : 'same'}`, 'data-branch': b.name },
    h('div', { class: 'whatif-score' }, line),
    h('div', { class: 'muted small' }, periodLabel(b.period, ctx.lang)),
    moved ? h('div', { class: 'small' }, tr(ctx, 'uiWhatIfStanding', { before: standing(ctx, b.before), after: standing(ctx, b.after) })) : null,
    ...b.flagsAdded.map((flag) => h('div', { class: 'small flag-added' }, tr(ctx, 'uiWhatIfFlagAdded', { flag }))),
    ...b.flagsRemoved.map((flag) => h('div', { class: 'small flag-removed' }, tr(ctx, 'uiWhatIfFlagRemoved', { flag }))),
  );
}

/**
 * Who would change score, grade or flags under the drafted rule, and by how
 * much, before anything is written; then the problems the rule would leave in
 * other rows of the sheet.
 */
export function whatIfView(ctx: RulesTabContext, pack: Pack, result: WhatIfResult, elsewhere: Bilingual[]): HTMLElement {
  const body: (HTMLElement | null)[] = [];
  if (result.ruleChanges.length === 0) body.push(h('p', { class: 'muted' }, tr(ctx, 'uiWhatIfSame')));
  else {
    body.push(h('ul', { class: 'rule-changes small muted' }, ...result.ruleChanges.map((c) => h('li', {}, inLang(ctx, c)))));
    const changed = result.cadres.length;
    body.push(
      h(
        'p',
        { class: 'whatif-summary' },
        changed === 0 ? tr(ctx, 'uiWhatIfNone', { unchanged: result.unchanged }) : tr(ctx, 'uiWhatIfSummary', { changed, up: result.counts.up, down: result.counts.down, unchanged: result.unchanged }),
      ),
    );
    if (changed > 0) body.push(h('ul', { class: 'whatif-list' }, ...result.cadres.slice(0, MAX_SHOWN).map((c) => cadreView(ctx, pack, c))));
    if (changed > MAX_SHOWN) body.push(h('p', { class: 'muted small' }, tr(ctx, 'uiWhatIfMore', { count: changed - MAX_SHOWN })));
    if (result.branches.length > 0) {
      body.push(h('p', { class: 'whatif-summary' }, tr(ctx, 'uiWhatIfBranches', { count: result.branches.length })), h('ul', { id: 'whatif-branches', class: 'whatif-list' }, ...result.branches.slice(0, MAX_SHOWN).map((b) => branchView(ctx, b))));
    }
  }
  if (elsewhere.length > 0) {
    body.push(h('div', { id: 'elsewhere', class: 'problem small' }, tr(ctx, 'uiWhatIfElsewhere'), h('ul', {}, ...elsewhere.map((p) => h('li', {}, inLang(ctx, p))))));
  }
  return h('div', {}, ...body);
}
