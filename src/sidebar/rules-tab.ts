import type { ReadResult } from '../core/ledger/read';
import { type Lang, type MessageKey, type Params, t } from '../core/messages';
import type { Pack } from '../core/pack/schema';
import { packFor, runRuleTests, type RuleTestResult, type WorkbookRules } from '../core/rulesheet/index';
import type { WorkbookSnapshot } from '../core/snapshot';
import { h, replace } from './dom';

/** What the rules tab works with; main.ts owns the state and hands it over on every render. */
export interface RulesTabContext {
  lang: Lang;
  snapshot: WorkbookSnapshot;
  rules: WorkbookRules;
  /** The valid cadre pack, or undefined while the rules sheet has problems. */
  pack?: Pack;
  read: ReadResult;
  goTo: (sheet: string, cell: string) => void;
  /** Re-reads the workbook and the rules after the rules sheet was written. */
  reload: () => Promise<void>;
  fail: (e: unknown) => void;
}

const tr = (ctx: RulesTabContext, key: MessageKey, params: Params = {}) => t(key, params, ctx.lang);

function testResultsView(ctx: RulesTabContext, results: RuleTestResult[]): HTMLElement {
  const failed = results.filter((r) => !r.pass).length;
  return h(
    'div',
    { id: 'rule-test-results' },
    h('p', { class: failed > 0 ? 'problem' : 'ok' }, tr(ctx, 'uiRuleTestsResult', { pass: results.length - failed, fail: failed })),
    h(
      'ul',
      {},
      ...results.map((r) =>
        h(
          'li',
          { class: r.pass ? 'test pass' : 'test fail', 'data-test': r.id },
          `${r.pass ? '✓' : '✗'} ${r.id}`,
          ...r.checks.filter((c) => !c.pass).map((c) => h('div', { class: 'small problem' }, ctx.lang === 'zh' ? c.message : c.messageEn)),
        ),
      ),
    ),
  );
}

function ruleTestsView(ctx: RulesTabContext): HTMLElement {
  const entry = packFor(ctx.rules, 'cadre');
  const tests = entry?.tests.map((t) => t.test) ?? [];
  const out = h('div', {});
  const button = h('button', { id: 'run-rule-tests', type: 'button', disabled: !ctx.pack || tests.length === 0 }, tr(ctx, 'uiRunRuleTests'));
  button.addEventListener('click', () => {
    if (!ctx.pack) return;
    runRuleTests(ctx.pack, tests).then((results) => replace(out, testResultsView(ctx, results)), ctx.fail);
  });
  return h(
    'section',
    { id: 'rule-tests' },
    h('h2', {}, tr(ctx, 'uiRuleTests')),
    tests.length > 0 ? button : h('p', { class: 'muted' }, tr(ctx, 'uiNoRuleTests')),
    out,
  );
}

export function rulesTab(ctx: RulesTabContext): HTMLElement {
  return h('div', { id: 'rules-tab' }, ruleTestsView(ctx));
}
