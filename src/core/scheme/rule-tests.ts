import * as z from 'zod';
import type { FactValue } from '../ledger/read';
import { both, t } from '../messages';
import { FactIdSchema } from '../pack/schema';
import { ownRiskName, RuleTestCaseSchema, type RuleTestCheck, type RuleTestResult, testChecks, testResult } from '../rulesheet/rule-tests';
import { SchemeAssessor } from './assess';
import { type GatheredFacts, givenFacts, inOrder } from './facts';
import { columnsById } from './types';
import type { Scheme, SchemeFact } from './schema';

/**
 * A rule test of a declared assessment: the 规则测试 case of the cadre and
 * branch blocks (inputs by fact, expected points, flag, grade), plus the
 * computed outputs it must give (绩效报酬系数, 绩效报酬), by output or fact id.
 */
export const SchemeTestCaseSchema = RuleTestCaseSchema.extend({
  values: z.record(FactIdSchema, z.union([z.number(), z.string()])).optional(),
});
export type SchemeTestCase = z.infer<typeof SchemeTestCaseSchema>;

/** A period of each kind to judge a test in: a test judges one subject, so it only dates the deadline to rectify, which no check reads. */
const TEST_PERIODS: Record<Scheme['periodKind'], string> = { month: '2024-01', quarter: '2024-Q1', year: '2024' };

/** A count of months or quarters as a flag says it; a test has the number, not the months. */
function detailOf(f: SchemeFact, value: FactValue): { zh: string; en: string } | undefined {
  if (typeof value !== 'number') return undefined;
  const months = (f.source === 'results' && f.op === 'monthsMissing') || (f.source === 'unitsWithout' && f.per === 'month');
  const per = f.source === 'unitsWithout' ? f.per : undefined;
  if (!months && per === undefined) return undefined;
  const key = months ? 'rsTestDetailMonths' : per === 'quarter' ? 'rsTestDetailQuarters' : 'rsTestDetailYears';
  return { zh: t(key, { count: value }), en: t(key, { count: value }, 'en') };
}

/**
 * A test's inputs as one subject's gathered facts: the ledgers' columns, then
 * the 数据项 each after what it reads; a ratio or an either left blank is
 * worked out from the facts it reads, as a run would; anything else left
 * blank has no data, so the indicators reading it score nothing and say so.
 */
function caseFacts(scheme: Scheme, test: SchemeTestCase): GatheredFacts {
  const out = givenFacts({ always: true });
  const has = (fact: string) => out.values[fact] !== null && out.values[fact] !== undefined;
  const declared = new Set(scheme.facts.map((f) => f.fact));
  for (const column of columnsById(scheme.ledgers).keys()) {
    if (declared.has(column)) continue;
    const value = test.inputs[column];
    out.values[column] = value ?? null;
    if (value === undefined) out.missing.set(column, [{ kind: 'absent', fact: column }]);
  }
  for (const f of inOrder(scheme.facts, new Set(columnsById(scheme.ledgers).keys()))) {
    let value: FactValue | undefined = test.inputs[f.fact];
    if (value === undefined && f.source === 'ratio') {
      const num = out.values[f.numerator];
      const den = out.values[f.denominator];
      if (typeof num === 'number' && typeof den === 'number' && den !== 0) value = num / den;
    }
    if (value === undefined && f.source === 'either') {
      const first = f.facts.find(has);
      if (first !== undefined) value = out.values[first];
    }
    if (value === undefined) {
      out.values[f.fact] = null;
      out.missing.set(f.fact, [{ kind: 'absent', fact: f.fact }]);
      continue;
    }
    out.values[f.fact] = value;
    const detail = detailOf(f, value);
    if (detail) out.detail[f.fact] = detail;
  }
  return out;
}

/** Each expected computed value against what came out. */
function valueChecks(scheme: Scheme, test: SchemeTestCase, values: Record<string, FactValue>): RuleTestCheck[] {
  const columns = [...columnsById(scheme.ledgers)].map(([id, c]) => [id, { zh: c.label, en: c.labelEn ?? c.label }] as const);
  const labels = new Map([...columns, ...scheme.facts.map((f) => [f.fact, { zh: f.label, en: f.labelEn ?? f.label }] as const), ...scheme.outputs.map((o) => [o.id, { zh: o.label, en: o.labelEn ?? o.label }] as const)]);
  return Object.entries(test.values ?? {}).map(([id, expected]) => {
    const actual = values[id] ?? null;
    const pass = typeof expected === 'number' && typeof actual === 'number' ? Math.abs(expected - actual) < 0.005 : actual === expected;
    const label = labels.get(id) ?? { zh: id, en: id };
    return { pass, ...both('rsTestValue', { label: label.zh, labelEn: label.en, expected, actual: actual === null ? '—' : String(actual) }) };
  });
}

/**
 * Runs a declared assessment's tests through the same judge as a real run:
 * each case is one subject alone, first of one unless its inputs say 排名末位,
 * so the ranking and the grade quota, which need the period's other subjects,
 * are not applied; the vetoes, must-meet items, risk, star caps and computed
 * outputs are. A failed item is matched by its name or its message.
 */
export async function runSchemeRuleTests(scheme: Scheme, tests: SchemeTestCase[]): Promise<RuleTestResult[]> {
  const assessor = new SchemeAssessor(scheme);
  const results: RuleTestResult[] = [];
  for (const test of tests) {
    const r = await assessor.judge({ name: test.id, group: null, source: null }, TEST_PERIODS[assessor.scheme.periodKind], caseFacts(assessor.scheme, test));
    r.rank = 1;
    r.of = 1;
    await assessor.decide(r, { failedItems: r.flags.filter((f) => f.item).length, lastPlace: test.inputs.lastPlace === true, score: r.scored ? r.score : null, rank: 1, of: 1 });
    assessor.computeOutputs(r);
    const indicator = test.indicator ? assessor.scheme.indicators.find((i) => i.id === test.indicator) : undefined;
    const flags = indicator ? r.flags.filter((f) => f.indicator === indicator.id) : r.flags;
    const checks = [
      ...testChecks(test, {
        kind: 'cadre',
        indicator,
        points: indicator ? r.indicators[indicator.id] ?? 0 : r.score,
        grade: r.grade,
        flags: flags.map((f) => ({ texts: f.item ? [f.item.label, f.message] : [f.message], message: f.message, messageEn: f.messageEn })),
        risk: r.risk,
        riskName: ownRiskName(scheme.risk?.label, scheme.risk?.labelEn),
      }),
      ...valueChecks(assessor.scheme, test, r.values),
    ];
    results.push(testResult(test.id, checks, { indicators: r.indicators, score: r.score, grade: r.grade, flags: r.flags.map((f) => f.message) }));
  }
  return results;
}
