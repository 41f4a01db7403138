import { entriesOfRules, type RuleTestResult, type RulesEntry, runEntryTests } from '../core/rulesheet/index';
import { entryPack, entrySubject } from '../core/rulesheet/read';
import { h, replace } from './dom';
import { newSchemeView } from './new-scheme';
import { ruleEditor } from './rule-editor';
import { inLang, type RulesTabContext, tr } from './rules-context';
import { shareView } from './rules-share';

interface PackTests {
  entry: RulesEntry;
  results: RuleTestResult[];
}

function testResultsView(ctx: RulesTabContext, packs: PackTests[]): HTMLElement {
  const all = packs.flatMap((p) => p.results);
  const failed = all.filter((r) => !r.pass).length;
  return h(
    'div',
    { id: 'rule-test-results' },
    h('p', { class: failed > 0 ? 'problem' : 'ok' }, tr(ctx, 'uiRuleTestsResult', { pass: all.length - failed, fail: failed })),
    ...packs.map(({ entry, results }) =>
      h(
        'div',
        { class: 'pack-tests', 'data-pack': entrySubject(entry) },
        h('h3', {}, entryPack(entry).title),
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
      ),
    ),
  );
}

/** Runs the 【规则测试】 cases of every block that has some, each by its own kind of assessment. */
function ruleTestsView(ctx: RulesTabContext): HTMLElement {
  const entries = entriesOfRules(ctx.rules).filter((e) => e.tests.length > 0);
  const out = h('div', {});
  const button = h('button', { id: 'run-rule-tests', type: 'button' }, tr(ctx, 'uiRunRuleTests'));
  button.addEventListener('click', () => {
    Promise.all(entries.map(async (entry) => ({ entry, results: await runEntryTests(entry) }))).then((packs) => replace(out, testResultsView(ctx, packs)), ctx.fail);
  });
  return h(
    'section',
    { id: 'rule-tests' },
    h('h2', {}, tr(ctx, 'uiRuleTests')),
    entries.length > 0 ? button : h('p', { class: 'muted' }, tr(ctx, 'uiNoRuleTests')),
    out,
  );
}

/** The 规则 tab: the rule editor with its what-if, the rule tests, and sharing the rules as a file. */
export function rulesTab(ctx: RulesTabContext): HTMLElement {
  return h('div', { id: 'rules-tab' }, ruleEditor(ctx), ruleTestsView(ctx), newSchemeView(ctx), shareView(ctx));
}
