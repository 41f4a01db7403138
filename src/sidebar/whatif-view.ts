import type { Bilingual, MessageKey } from '../core/messages';
import type { Pack } from '../core/pack/schema';
import { periodLabel } from '../core/period';
import { starText } from '../core/assess/grade';
import type { BranchChanges, BranchOutcome, BranchWhatIf, CadreWhatIf, SchemeChanges, SubjectWhatIf, WhatIfResult } from '../core/rulesheet/index';
import type { Scheme } from '../core/scheme/schema';
import { h } from './dom';
import { inLang, type RulesTabContext, tr } from './rules-context';

/** A 300px sidebar shows the biggest changes; the count says how many more there are. */
const MAX_SHOWN = 30;

/** Where the what-if takes names from: the indicators and grades of each pack, in the sidebar's language. */
export interface WhatIfNames {
  cadre?: Pick<Pack, 'indicators' | 'grades'>;
  branch?: Pick<Pack, 'indicators'>;
  /** The declared assessment whose rules changed: its subject word, indicators and grades. */
  scheme?: Pick<Scheme, 'subject' | 'subjectEn' | 'indicators' | 'grades'>;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function indicatorLabel(ctx: RulesTabContext, pack: Pick<Pack, 'indicators'> | undefined, id: string, fallback: string): string {
  const indicator = pack?.indicators.find((i) => i.id === id);
  if (!indicator) return fallback;
  return ctx.lang === 'zh' ? indicator.label : (indicator.labelEn ?? indicator.label);
}

function gradeLabel(ctx: RulesTabContext, pack: Pick<Pack, 'grades'> | undefined, grade: string): string {
  return ctx.lang === 'zh' ? grade : (pack?.grades.find((g) => g.grade === grade)?.gradeEn ?? grade);
}

function messages(ctx: RulesTabContext, key: MessageKey, param: string, list: Bilingual[], cls: string): HTMLElement[] {
  return list.map((m) => h('div', { class: `small ${cls}` }, tr(ctx, key, { [param]: inLang(ctx, m) })));
}

function cadreView(ctx: RulesTabContext, names: WhatIfNames, c: CadreWhatIf): HTMLElement {
  const none = tr(ctx, 'uiWhatIfNotAssessed');
  const score = tr(ctx, 'uiWhatIfScore', { name: c.name, before: c.before?.score ?? none, after: c.after?.score ?? none, delta: signed(c.delta) });
  const grade = c.gradeChanged
    ? tr(ctx, 'uiWhatIfGrade', { before: c.before ? gradeLabel(ctx, names.cadre, c.before.grade) : none, after: c.after ? gradeLabel(ctx, names.cadre, c.after.grade) : none })
    : '';
  const where = [c.branch, periodLabel(c.period, ctx.lang)].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: `whatif-cadre ${c.delta < 0 ? 'down' : c.delta > 0 ? 'up' : 'same'}`, 'data-name': c.name },
    h('div', { class: 'whatif-score' }, score + grade),
    where ? h('div', { class: 'muted small' }, where) : null,
    ...c.indicators.map((i) => h('div', { class: 'small' }, tr(ctx, 'uiWhatIfIndicator', { indicator: indicatorLabel(ctx, names.cadre, i.id, i.label), before: i.before, after: i.after }))),
    ...messages(ctx, 'uiWhatIfFlagAdded', 'flag', c.flagsAdded, 'flag-added'),
    ...messages(ctx, 'uiWhatIfFlagRemoved', 'flag', c.flagsRemoved, 'flag-removed'),
  );
}

function standing(ctx: RulesTabContext, o: BranchOutcome): string {
  return tr(ctx, o.risk ? 'uiRisk' : o.fallsShort ? 'uiFallsShort' : 'uiMeetsAll');
}

function branchView(ctx: RulesTabContext, names: WhatIfNames, b: BranchWhatIf): HTMLElement {
  const line = tr(ctx, 'uiWhatIfBranch', { name: b.name, before: b.before.score, after: b.after.score, delta: signed(b.delta), starsBefore: starText(b.before.stars), starsAfter: starText(b.after.stars) });
  const moved = standing(ctx, b.before) !== standing(ctx, b.after);
  return h(
    'li',
    { class: `whatif-branch ${b.delta < 0 ? 'down' : b.delta > 0 ? 'up' : 'same'}`, 'data-branch': b.name },
    h('div', { class: 'whatif-score' }, line),
    h('div', { class: 'muted small' }, periodLabel(b.period, ctx.lang)),
    ...b.indicators.map((i) => h('div', { class: 'small' }, tr(ctx, 'uiWhatIfIndicator', { indicator: indicatorLabel(ctx, names.branch, i.id, i.label), before: i.before, after: i.after }))),
    moved ? h('div', { class: 'small whatif-standing' }, tr(ctx, 'uiWhatIfStanding', { before: standing(ctx, b.before), after: standing(ctx, b.after) })) : null,
    ...messages(ctx, 'uiWhatIfItemAdded', 'flag', b.flagsAdded, 'flag-added'),
    ...messages(ctx, 'uiWhatIfItemRemoved', 'flag', b.flagsRemoved, 'flag-removed'),
    ...messages(ctx, 'uiWhatIfRiskAdded', 'reason', b.risksAdded, 'flag-added'),
    ...messages(ctx, 'uiWhatIfRiskRemoved', 'reason', b.risksRemoved, 'flag-removed'),
  );
}

function branchList(ctx: RulesTabContext, names: WhatIfNames, changes: BranchChanges): HTMLElement[] {
  const out: HTMLElement[] = [h('ul', { id: 'whatif-branches', class: 'whatif-list' }, ...changes.branches.slice(0, MAX_SHOWN).map((b) => branchView(ctx, names, b)))];
  if (changes.branches.length > MAX_SHOWN) out.push(h('p', { class: 'muted small' }, tr(ctx, 'uiWhatIfBranchMore', { count: changes.branches.length - MAX_SHOWN })));
  return out;
}

/** A change of the cadre rules: the cadres it moves, then the branches that move with them. */
function cadreBody(ctx: RulesTabContext, names: WhatIfNames, result: WhatIfResult): HTMLElement[] {
  const body: HTMLElement[] = [];
  const changed = result.cadres.length;
  body.push(
    h(
      'p',
      { class: 'whatif-summary' },
      changed === 0 ? tr(ctx, 'uiWhatIfNone', { unchanged: result.unchanged }) : tr(ctx, 'uiWhatIfSummary', { changed, up: result.counts.up, down: result.counts.down, unchanged: result.unchanged }),
    ),
  );
  if (changed > 0) body.push(h('ul', { class: 'whatif-list' }, ...result.cadres.slice(0, MAX_SHOWN).map((c) => cadreView(ctx, names, c))));
  if (changed > MAX_SHOWN) body.push(h('p', { class: 'muted small' }, tr(ctx, 'uiWhatIfMore', { count: changed - MAX_SHOWN })));
  if (result.branches.branches.length > 0) {
    body.push(h('p', { class: 'whatif-summary' }, tr(ctx, 'uiWhatIfBranches', { count: result.branches.branches.length })), ...branchList(ctx, names, result.branches));
  }
  return body;
}

/** A change of the branch rules: the branches it moves. */
function branchBody(ctx: RulesTabContext, names: WhatIfNames, changes: BranchChanges): HTMLElement[] {
  const changed = changes.branches.length;
  if (changed + changes.unchanged === 0) return [h('p', { class: 'whatif-summary muted' }, tr(ctx, 'uiWhatIfNoBranches'))];
  const { up, down } = changes.counts;
  const summary =
    changed === 0
      ? tr(ctx, 'uiWhatIfBranchNone', { unchanged: changes.unchanged })
      : tr(ctx, 'uiWhatIfBranchSummary', { changed, up, down, unchanged: changes.unchanged });
  return [h('p', { class: 'whatif-summary' }, summary), ...(changed > 0 ? branchList(ctx, names, changes) : [])];
}

function subjectView(ctx: RulesTabContext, names: WhatIfNames, s: SubjectWhatIf): HTMLElement {
  const score = tr(ctx, 'uiWhatIfScore', { name: s.name, before: s.before.score, after: s.after.score, delta: signed(s.delta) });
  const grade = s.gradeChanged ? tr(ctx, 'uiWhatIfGrade', { before: gradeLabel(ctx, names.scheme, s.before.grade), after: gradeLabel(ctx, names.scheme, s.after.grade) }) : '';
  const moved = standing(ctx, s.before) !== standing(ctx, s.after);
  const where = [s.group, periodLabel(s.period, ctx.lang)].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: `whatif-subject ${s.delta < 0 ? 'down' : s.delta > 0 ? 'up' : 'same'}`, 'data-name': s.name },
    h('div', { class: 'whatif-score' }, score + grade),
    h('div', { class: 'muted small' }, where),
    ...s.indicators.map((i) => h('div', { class: 'small' }, tr(ctx, 'uiWhatIfIndicator', { indicator: indicatorLabel(ctx, names.scheme, i.id, i.label), before: i.before, after: i.after }))),
    moved ? h('div', { class: 'small whatif-standing' }, tr(ctx, 'uiWhatIfStanding', { before: standing(ctx, s.before), after: standing(ctx, s.after) })) : null,
    ...messages(ctx, 'uiWhatIfFlagAdded', 'flag', s.flagsAdded, 'flag-added'),
    ...messages(ctx, 'uiWhatIfFlagRemoved', 'flag', s.flagsRemoved, 'flag-removed'),
    ...messages(ctx, 'uiWhatIfRiskAdded', 'reason', s.risksAdded, 'flag-added'),
    ...messages(ctx, 'uiWhatIfRiskRemoved', 'reason', s.risksRemoved, 'flag-removed'),
  );
}

/** A change of a declared assessment's rules: the results it moves, person-periods counted as results. */
function schemeBody(ctx: RulesTabContext, names: WhatIfNames, changes: SchemeChanges | undefined): HTMLElement[] {
  const subject = names.scheme ? (ctx.lang === 'zh' ? names.scheme.subject : (names.scheme.subjectEn ?? names.scheme.subject)) : '';
  if (!changes || changes.subjects.length + changes.unchanged === 0) return [h('p', { class: 'whatif-summary muted' }, tr(ctx, 'uiWhatIfNoSubjects', { subject }))];
  const changed = changes.subjects.length;
  const { up, down } = changes.counts;
  const summary = changed === 0 ? tr(ctx, 'uiWhatIfSubjectNone', { subject, unchanged: changes.unchanged }) : tr(ctx, 'uiWhatIfSubjectSummary', { subject, changed, up, down, unchanged: changes.unchanged });
  const out: HTMLElement[] = [h('p', { class: 'whatif-summary' }, summary)];
  if (changed > 0) out.push(h('ul', { id: 'whatif-subjects', class: 'whatif-list' }, ...changes.subjects.slice(0, MAX_SHOWN).map((s) => subjectView(ctx, names, s))));
  if (changed > MAX_SHOWN) out.push(h('p', { class: 'muted small' }, tr(ctx, 'uiWhatIfSubjectMore', { count: changed - MAX_SHOWN })));
  return out;
}

/**
 * Who would change score, grade or flags under the drafted rule, and by how
 * much, before anything is written; then the problems the rule would leave in
 * other rows of the sheet.
 */
export function whatIfView(ctx: RulesTabContext, names: WhatIfNames, result: WhatIfResult, elsewhere: Bilingual[]): HTMLElement {
  const body: HTMLElement[] = [];
  if (result.ruleChanges.length === 0) body.push(h('p', { class: 'muted' }, tr(ctx, 'uiWhatIfSame')));
  else {
    body.push(h('ul', { class: 'rule-changes small muted' }, ...result.ruleChanges.map((c) => h('li', {}, inLang(ctx, c)))));
    body.push(...(result.subject === 'scheme' ? schemeBody(ctx, names, result.scheme) : result.subject === 'branch' ? branchBody(ctx, names, result.branches) : cadreBody(ctx, names, result)));
  }
  if (elsewhere.length > 0) {
    body.push(h('div', { id: 'elsewhere', class: 'problem small' }, tr(ctx, 'uiWhatIfElsewhere'), h('ul', {}, ...elsewhere.map((p) => h('li', {}, inLang(ctx, p))))));
  }
  return h('div', {}, ...body);
}
