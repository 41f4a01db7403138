import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import householdTests from '../../rules/household.tests.json';
import quarterTests from '../../rules/stationed-cadre-quarter.tests.json';
import villageTests from '../../rules/village-cadre.tests.json';
import { defaultRules, shippedSchemes } from '../../src/core/rulesheet/defaults';
import { entryPack, isSchemeEntry } from '../../src/core/rulesheet/read';
import { runEntryTests } from '../../src/core/rulesheet/run-tests';
import { runSchemeRuleTests, SchemeTestCaseSchema } from '../../src/core/scheme/rule-tests';
import type { Scheme } from '../../src/core/scheme/schema';
import { validateScheme } from '../../src/core/rulesheet/scheme/validate';

const scheme = (id: string): Scheme => shippedSchemes().find((s) => s.id === id)!;
const cases = (json: unknown) => z.array(SchemeTestCaseSchema).parse(json);

describe('规则测试 of the declared assessments', () => {
  it.each([
    ['household', householdTests],
    ['village-cadre', villageTests],
    ['stationed-cadre-quarter', quarterTests],
  ])('every shipped case of %s passes', async (id, json) => {
    const tests = cases(json);
    expect(tests.length).toBeGreaterThanOrEqual(4);
    expect(tests.length).toBeLessThanOrEqual(8);
    const results = await runSchemeRuleTests(scheme(id), tests);
    const failed = results.filter((r) => !r.pass).map((r) => ({ id: r.id, checks: r.checks.filter((c) => !c.pass).map((c) => c.message), actual: r.actual }));
    expect(failed).toEqual([]);
    expect(results.every((r) => r.checks.length > 0)).toBe(true);
  });

  it('fails a wrong case, saying what was expected and what came out, in both languages', async () => {
    const [result] = await runSchemeRuleTests(
      scheme('village-cadre'),
      cases([
        {
          id: 'wrong',
          inputs: { partyWork: 20, economy: 15, livelihood: 12, safety: 12, ecology: 8, satisfaction: 13, veto: '无', basePay: 24000 },
          points: 85,
          grade: '优秀',
          flag: '一票否决',
          values: { coefficient: 1.2, pay: 24000 },
        },
      ]),
    );
    expect(result!.pass).toBe(false);
    expect(result!.checks.map((c) => [c.pass, c.message])).toEqual([
      [false, '总分预期 85 分，实际 80 分'],
      [false, '预期提示“一票否决”，实际没有提示'],
      [false, '预期等次“优秀”，实际“称职”'],
      [false, '绩效报酬系数预期 1.2，实际 1'],
      [true, '绩效报酬预期 24000，实际 24000'],
    ]);
    expect(result!.checks[3]!.messageEn).toBe('pay coefficient: expected 1.2, got 1');
    expect(result!.actual).toMatchObject({ score: 80, grade: '称职', flags: [] });
  });

  it('says a month count the way a run does, and scores a case with no inputs as no data, flagged', async () => {
    const [missing] = await runSchemeRuleTests(scheme('stationed-cadre-quarter'), cases([{ id: 'gap', inputs: { monthlyMean: 90, monthsMissing: 2 }, flag: '2个月无台账记录' }]));
    expect(missing!.pass).toBe(true);
    expect(missing!.actual.flags).toEqual(['2个月无台账记录']);
    const [none] = await runSchemeRuleTests(scheme('household'), cases([{ id: 'blank', inputs: {}, points: 0, grade: '不合格' }]));
    expect(none!.pass).toBe(true);
    expect(none!.actual.flags).toHaveLength(5);
  });

  it('works a rate out from its two counts when it is not given, and takes the first of an either that has a value', async () => {
    const checked = validateScheme({
      id: 'service',
      version: 1,
      title: '便民服务',
      subject: '党支部',
      periodKind: 'quarter',
      params: [],
      ledgers: [{ id: 's', title: '便民服务', columns: [{ fact: 'name', label: '支部', type: 'name', role: 'subject' }, { fact: 'received', label: '受理数', type: 'number' }, { fact: 'closed', label: '办结数', type: 'number' }, { fact: 'stated', label: '办结率', type: 'percent' }] }],
      facts: [
        { fact: 'rate', label: '办结率（取填报，否则计算）', source: 'either', facts: ['stated', 'counted'] },
        { fact: 'counted', label: '办结率（计算）', source: 'ratio', numerator: 'closed', denominator: 'received' },
      ],
      indicators: [{ id: 'service', label: '为民服务', max: 10, hitPolicy: 'first' }],
      rules: [
        { id: 'high', indicator: 'service', when: [{ fact: 'rate', op: '>=', value: 0.9 }], points: 10 },
        { id: 'low', indicator: 'service', when: [{ fact: 'rate', op: '<', value: 0.9 }], points: 5, flag: '办结率低于90%' },
      ],
      grades: [{ min: 0, grade: '合格', stars: 0 }],
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const results = await runSchemeRuleTests(
      checked.scheme,
      cases([
        { id: 'counted', inputs: { received: 57, closed: 48 }, points: 5, flag: '办结率低于90%' },
        { id: 'stated', inputs: { received: 57, closed: 48, stated: 0.95 }, points: 10, noFlag: true },
      ]),
    );
    expect(results.map((r) => [r.id, r.pass])).toEqual([
      ['counted', true],
      ['stated', true],
    ]);
  });

  it('rejects a case whose expected values are not numbers or texts', () => {
    expect(SchemeTestCaseSchema.safeParse({ id: 'x', inputs: {}, values: { pay: [1] } }).success).toBe(false);
  });
});

describe('the default rules run their 规则测试 through one path', () => {
  it('runEntryTests runs every entry’s cases, the declared assessments’ among them, and every one passes', async () => {
    const entries = defaultRules();
    const ran = await Promise.all(entries.map(async (entry) => ({ title: entryPack(entry).title, tests: entry.tests.length, results: await runEntryTests(entry) })));
    expect(ran.map((r) => [r.title, r.results.length])).toEqual([
      ['驻村干部月度考核', 9],
      ['党支部考核', 6],
      ['驻村干部季度评星定档', 6],
      ['党员中心户季度测评', 8],
      ['村干部年度目标考评', 6],
    ]);
    for (const r of ran) {
      expect(r.results.map((x) => x.id)).toHaveLength(r.tests);
      expect(r.results.filter((x) => !x.pass).map((x) => ({ id: x.id, failed: x.checks.filter((c) => !c.pass).map((c) => c.message) }))).toEqual([]);
    }
  });

  it('runEntryTests fails a scheme case edited to expect what the rules do not give, saying what came out', async () => {
    const village = defaultRules().find((e) => isSchemeEntry(e) && e.scheme.id === 'village-cadre');
    if (!village || !isSchemeEntry(village)) throw new Error('no village-cadre scheme');
    const edited = { ...village, tests: village.tests.map((c) => (c.id === 'full-marks' ? { ...c, values: { ...c.values, coefficient: 1.5 } } : c)) };
    const results = await runEntryTests(edited);
    expect(results.filter((r) => !r.pass).map((r) => [r.id, r.checks.filter((c) => !c.pass).map((c) => [c.message, c.messageEn])])).toEqual([
      ['full-marks', [['绩效报酬系数预期 1.5，实际 1.2', 'pay coefficient: expected 1.5, got 1.2']]],
    ]);
  });
});
