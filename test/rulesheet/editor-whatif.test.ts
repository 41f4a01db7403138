import { describe, expect, it } from 'vitest';
import {
  applyRuleDraft,
  assessWorkbook,
  defaultRules,
  ledgerFacts,
  type Pack,
  problemsElsewhere,
  readLedgers,
  readRulesSheet,
  ruleDraftOf,
  ruleRowEdit,
  rulesOfWorkbook,
  runSchemeRuleTests,
  whatIf,
} from '../../src/core/index';
import { packScheme } from '../../src/core/assess/scheme';
import { defaultSheet, edit, locate, put } from './sheet-helpers';
import { ledgerSheet, smallWorkbook } from './workbook-fixture';

const [entry, branchEntry] = defaultRules();
const base = entry!.pack;
const packs = { cadre: base, branch: branchEntry!.branch };

/** 12 days a month instead of 10, 1.5 points a day short of it: a township's stricter rules, made in the editor. */
function stricterDays(): Pack {
  const full = applyRuleDraft(base, { ...ruleDraftOf(base, 'days-full')!, conditions: { 下基层天数: '12天以上' }, note: '每月下基层不少于12天' });
  expect(full.problems).toEqual([]);
  const short = applyRuleDraft(full.candidate!, {
    ...ruleDraftOf(full.candidate!, 'days-short')!,
    conditions: { 驻村天数: '不足12天' },
    points: '每天1.5分，最多20分',
    flag: '下基层天数不足12天（{下基层天数}天）',
    flagEn: 'fewer than 12 days at the grassroots ({下基层天数})',
  });
  expect(short.problems).toEqual([]);
  return short.candidate!;
}

describe('rule tests', () => {
  it('passes every default test against the default rules', async () => {
    const results = await runSchemeRuleTests(packScheme(base), entry!.tests);
    expect(results.map((r) => [r.id, r.pass])).toEqual(entry!.tests.map((t) => [t.id, true]));
  });

  it('says what was expected and what came out when the rules change', async () => {
    const results = await runSchemeRuleTests(packScheme(stricterDays()), entry!.tests);
    const failed = results.filter((r) => !r.pass);
    expect(failed.map((r) => [r.id, r.checks.filter((c) => !c.pass).map((c) => c.message)])).toEqual([
      ['days-enough', ['下基层天数预期 20 分，实际 15 分', '预期没有提示，实际提示“下基层天数不足12天（10天）”']],
      ['days-short', ['下基层天数预期 16 分，实际 12 分', '预期提示“下基层天数不足10天（8天）”，实际“下基层天数不足12天（8天）”']],
    ]);
    expect(failed[0]!.actual.indicators.days).toBe(15);
  });

  it('matches one part of a merged flag, and checks grades', async () => {
    const [result] = await runSchemeRuleTests(packScheme(base), [
      {
        id: 'two-missing',
        inputs: { project: false, cooperative: false, centralHousehold: true, richLeader: true, poorHousehold: true },
        indicator: 'fiveOnes',
        points: 12,
        flag: '五个一未完成：经济合作社',
      },
    ]);
    expect(result!.pass).toBe(true);
    const [wrong] = await runSchemeRuleTests(packScheme(base), [{ id: 'grade', inputs: { days: 12 }, grade: '优秀' }]);
    expect(wrong!.checks.map((c) => [c.pass, c.message])).toEqual([[false, '预期等次“优秀”，实际“不合格”']]);
  });

  it('runs the tests a rules sheet holds, as edited there', async () => {
    const sheet = edit(defaultSheet(), '规则测试', 'dual-rating', '预期得分', 18).sheet;
    const [pack] = readRulesSheet(sheet).packs;
    const results = await runSchemeRuleTests(packScheme(pack!.pack!), pack!.tests.map((t) => t.test));
    const failed = results.filter((r) => !r.pass);
    expect(failed.map((r) => r.id)).toEqual(['dual-rating']);
    expect(pack!.tests.find((t) => t.test.id === 'dual-rating')!.cell).toBe(`A${locate(sheet, '规则测试', 'dual-rating', '编号').row + 1}`);
  });
});

describe('what-if against the current data', () => {
  it('lists who would change score, grade or flags, and by how much', async () => {
    const result = await whatIf(smallWorkbook(), packs, base, stricterDays());
    expect(result.cadres.map((c) => [c.name, c.delta, c.indicators.map((i) => `${i.label} ${i.before}→${i.after}`).join()])).toEqual([
      ['李四', -5, '下基层天数 20→15'],
      ['郑十', -5, '下基层天数 20→15'],
      ['赵六', -4, '下基层天数 16→12'],
      ['王五', -3.5, '下基层天数 20→16.5'],
      ['周八', -3, '下基层天数 12→9'],
      // Same points, but 赵六 now ranks below 孙七: the bottom-20% flag moves.
      ['孙七', 0, ''],
    ]);
    const flags = (name: string) => {
      const c = result.cadres.find((x) => x.name === name)!;
      return { added: c.flagsAdded.map((f) => f.message), removed: c.flagsRemoved.map((f) => f.message) };
    };
    expect(flags('孙七')).toEqual({ added: [], removed: ['排名后20%'] });
    const li = result.cadres[0]!;
    // Both languages travel with a flag, so the sidebar can show either.
    expect(li.flagsAdded).toEqual([{ message: '下基层天数不足12天（10天）', messageEn: 'fewer than 12 days at the grassroots (10)' }]);
    expect(li.before!.score - li.after!.score).toBeCloseTo(5);
    expect(flags('赵六')).toEqual({ added: ['下基层天数不足12天（8天）', '排名后20%'], removed: ['下基层天数不足10天（8天）'] });
    expect(result.unchanged).toBe(2);
    expect(result.counts).toEqual({ up: 0, down: 5, gradeChanged: 1, flagsChanged: 6 });
    expect(result.cadres.filter((c) => c.gradeChanged).map((c) => [c.name, c.before!.grade, c.after!.grade])).toEqual([['赵六', '合格', '基本合格']]);
    expect(result.ruleChanges.map((c) => c.message)).toContain('规则“days-full”的下基层天数：>= {下基层天数标准} → >= 12');
    expect(result.versions.current).not.toBe(result.versions.candidate);
  });

  it('finds nothing to show when the candidate is the current rules', async () => {
    const result = await whatIf(smallWorkbook(), packs, base, base);
    expect(result.cadres).toEqual([]);
    expect(result.unchanged).toBe(8);
  });
});

describe('the rule editor', () => {
  it('reports a wrong field with the same message as a cell, and the rule it would shadow', () => {
    expect(applyRuleDraft(base, { indicator: '下基层天数', conditions: { 下基层天数: '>= 十' }, points: 5 }).problems).toEqual([
      { field: 'condition:下基层天数', message: '“>= 十” 不是数字，请写成 “>= 10”', messageEn: '"&gt;= 十" is not a number; write "&gt;= 10"'.replace(/&gt;/g, '>') },
    ]);
    const shadowed = applyRuleDraft(base, { indicator: '下基层天数', conditions: { 下基层天数: '>= 15' }, points: 25 });
    expect(shadowed.problems.map((p) => [p.field, p.message])).toEqual([
      ['condition:下基层天数', 'days-1永远不会生效：满足它的都先满足days-full（rules[0].when[0]），“取第一条”只按days-full计分；请调整条件，或把这一行移到days-full之前'],
    ]);
    expect(shadowed.candidate!.rules[2]!.id).toBe('days-1');
  });

  it('says which other rows a moved band leaves a problem in, without stopping the rule', () => {
    const draft = applyRuleDraft(base, { ...ruleDraftOf(base, 'days-full')!, conditions: { 下基层天数: '>= 12' } });
    expect(draft.problems).toEqual([]);
    expect(problemsElsewhere(base, draft).map((p) => p.message)).toEqual([
      '指标“下基层天数”中，下基层天数为 [10,12) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [10,12)），或调整相邻行的条件',
    ]);
    // The next row closes the gap: nothing is left elsewhere, and a problem the pack had is not repeated.
    const closing = applyRuleDraft(draft.candidate!, { ...ruleDraftOf(draft.candidate!, 'days-short')!, conditions: { 下基层天数: '< 12' } });
    expect(problemsElsewhere(draft.candidate!, closing)).toEqual([]);
    const unrelated = applyRuleDraft(draft.candidate!, { ...ruleDraftOf(draft.candidate!, 'project-done')!, points: 3 });
    expect(problemsElsewhere(draft.candidate!, unrelated)).toEqual([]);
  });

  it('lets a band move where the gap it leaves is marked at its own row: closing it takes the next row', () => {
    const draft = applyRuleDraft(base, { ...ruleDraftOf(base, 'days-short')!, conditions: { 下基层天数: '< 8' } });
    expect(draft.problems).toEqual([]);
    expect(problemsElsewhere(base, draft).map((p) => p.message)).toEqual([
      '指标“下基层天数”中，下基层天数为 [8,10) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [8,10)），或调整相邻行的条件',
    ]);
    // A fault of the row itself still keeps it from being saved.
    const shadowed = applyRuleDraft(base, { ...ruleDraftOf(base, 'days-short')!, conditions: { 下基层天数: '>= 12' } });
    expect(shadowed.problems.map((p) => p.field)).toEqual(['condition:下基层天数']);
    expect(shadowed.problems[0]!.message).toContain('永远不会生效');
  });

  it('offers only the columns the ledgers really have', () => {
    const sheet = ledgerSheet();
    const withoutCommitments = { ...sheet, values: sheet.values.map((r) => r.filter((_, c) => c !== 11 && c !== 12)) };
    const facts = ledgerFacts(base, readLedgers({ sheets: [withoutCommitments] }, base)).map((f) => f.label);
    expect(facts).toEqual(['下基层天数', '联系户数', '入户数', '一事一议项目', '经济合作社', '联系党员中心户', '带领致富能手', '帮扶贫困户', '领导评分', '群众测评', '入户率']);
  });

  it('writes an edited rule over its own row, in the sheet’s own columns', () => {
    const sheet = defaultSheet();
    const rule = stricterDays().rules[0]!;
    const row = locate(sheet, '规则', 'days-full', '编号').row;
    const change = ruleRowEdit(sheet, base, rule)!;
    expect(change).toMatchObject({ sheet: '考评规则', row, insert: false, headers: [] });
    expect(change.values.slice(0, 5)).toEqual(['是', 'days-full', '下基层天数', '>= 12', '']);
    expect(readRulesSheet({ ...sheet, values: sheet.values.map((r, i) => (i === row ? change.values : r)) }).packs[0]!.pack!.rules[0]).toEqual(rule);
  });

  it('adds a new rule after its table’s last row, with a column for a condition the table lacks', () => {
    const sheet = defaultSheet();
    const draft = applyRuleDraft(base, { id: 'pilot', indicator: '五个一', conditions: { 所驻村: '阿拉坦嘎查,巴彦嘎查' }, points: 2, note: '试点嘎查加分' });
    expect(draft.problems).toEqual([]);
    const change = ruleRowEdit(sheet, base, draft.rule!)!;
    const last = locate(sheet, '规则', 'rating-public', '编号').row;
    const header = locate(sheet, '规则', 'days-full', '编号').row - 1;
    const width = sheet.values[header]!.filter((c) => c !== null).length;
    expect(change).toMatchObject({ row: last, insert: true, headers: [{ row: header, col: width, text: '所驻村' }] });
    // As the host applies it: the header cell, then the new row below the table's last.
    const withHeader = put(sheet, change.headers[0]!.row, change.headers[0]!.col, change.headers[0]!.text);
    const values = [...withHeader.values.slice(0, last + 1), change.values, ...withHeader.values.slice(last + 1)];
    const read = readRulesSheet({ ...sheet, values });
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack!.rules.find((r) => r.id === 'pilot')).toEqual(draft.rule);
  });
});

describe('a workbook with its own rules sheet', () => {
  it('is assessed with those rules, and the rules sheet is never read as a ledger', async () => {
    const strict = edit(edit(defaultSheet(), '规则', 'days-full', '下基层天数', '12天以上').sheet, '规则', 'days-short', '下基层天数', '不足12天').sheet;
    const workbook = smallWorkbook([strict]);
    const rules = rulesOfWorkbook(workbook, defaultRules());
    expect(rules.from).toBe('sheet');
    expect(rules.problems).toEqual([]);
    const assessment = await assessWorkbook(workbook, rules.packs[0]!.pack!);
    expect(assessment.ledgers.map((l) => l.sheet)).toEqual(['2024年5月台账']);
    expect(assessment.otherSheets).toEqual(['考评规则']);
    expect(assessment.cadres.find((c) => c.name === '李四')!.indicators.days).toBe(20);
    expect(assessment.cadres.find((c) => c.name === '王五')!.flags[0]!.message).toBe('下基层天数不足10天（11天）');
  });

  it('falls back to the default rules when it has none', () => {
    const rules = rulesOfWorkbook(smallWorkbook(), defaultRules());
    expect(rules.from).toBe('default');
    expect(rules.packs[0]!.pack).toEqual(base);
  });
});
