import { packFor, runRuleTests, type RuleTestResult } from '../core/rulesheet/index';
import { h, replace } from './dom';
import { ruleEditor } from './rule-editor';
import { inLang, type RulesTabContext, tr } from './rules-context';
import { shareView } from './rules-share';

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
          ...r.checks.filter((c) => !c.pass).map((c) => h('div', { class: 'small problem' }, inLang(ctx, c))),
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

/** The 规则 tab: the rule editor with its what-if, the rule tests, and sharing the rules as a file. */
export function rulesTab(ctx: RulesTabContext): HTMLElement {
  return h('div', { id: 'rules-tab' }, ruleEditor(ctx), ruleTestsView(ctx), shareView(ctx));
}
