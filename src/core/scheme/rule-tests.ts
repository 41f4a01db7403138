import * as z from 'zod';
import type { MissingReason } from './facts';
import type { FactValue } from '../ledger/read';
import { both, type MessageKey, t } from '../messages';
import { FactIdSchema } from '../pack/schema';
import { ownRiskName, RuleTestCaseSchema, type RuleTestCheck, type RuleTestResult, testChecks, testResult } from '../rulesheet/rule-tests';
import { SchemeAssessor } from './assess';
import { type DataGap, type GatheredFacts, givenFacts, inOrder } from './facts';
import type { ResultFlag } from './result';
import { columnsById } from './types';
import type { Scheme, SchemeFact } from './schema';

/**
 * A rule test of any block of the rules sheet: the 规则测试 case of the cadre
 * and branch blocks (inputs by fact, expected points, flag, grade, risk), plus
 * the computed outputs a declared assessment must give (绩效报酬系数,
 * 绩效报酬), by output or fact id.
 */
export const SchemeTestCaseSchema = RuleTestCaseSchema.extend({
  values: z.record(FactIdSchema, z.union([z.number(), z.string()])).optional(),
});
export type SchemeTestCase = z.infer<typeof SchemeTestCaseSchema>;

/** A period of each kind to judge a test in: a test judges one subject, so it only dates the deadline to rectify, which no check reads. */
const TEST_PERIODS: Record<Scheme['periodKind'], string> = { month: '2024-01', quarter: '2024-Q1', year: '2024' };

/**
 * What a flag says beside a value, as a real run would from the ledger rows
 * (the months missed, the cadres graded, the counts); a test has only the
 * numbers, so it says those.
 */
function detailOf(f: SchemeFact, value: FactValue, values: Record<string, FactValue>): { zh: string; en: string } | undefined {
  const said = (key: MessageKey, count: number) => ({ zh: t(key, { count }), en: t(key, { count }, 'en') });
  if (f.source === 'attendance') return { zh: '', en: t('rsTestDetailMeeting', {}, 'en') };
  if (f.source === 'ratio') {
    const num = values[f.numerator];
    const den = values[f.denominator];
    return typeof num === 'number' && typeof den === 'number' ? { zh: `${num}/${den}`, en: `${num}/${den}` } : undefined;
  }
  if (typeof value !== 'number') return undefined;
  if (f.source === 'unitsWithout') return said(f.per === 'month' ? 'rsTestDetailMonths' : f.per === 'quarter' ? 'rsTestDetailQuarters' : 'rsTestDetailYears', value);
  if (f.source === 'results' && f.op === 'monthsMissing') return said('rsTestDetailMonths', value);
  if (f.source === 'results' && f.op === 'subjectsGraded') return said('rsTestDetailCadres', value);
  return undefined;
}

/**
 * Why a 数据项 left blank has no value. One counted from a ledger or read
 * from another assessment's results is no data, as if that ledger (those
 * results) were absent: a must-meet item reading it is not judged and, when
 * the scheme rescales, its indicator is left out of the score. A rate or an
 * either has the gap of what it reads, and a rate over zero is no one's
 * failing, as in a run. A plain column left blank has none: the subject left
 * its cell empty.
 */
function blankGap(scheme: Scheme, f: SchemeFact, facts: GatheredFacts): DataGap | undefined {
  const { gaps, values } = facts;
  if (f.source === 'ratio') return gaps.get(f.denominator) ?? gaps.get(f.numerator) ?? (values[f.denominator] === 0 ? { reason: 'notApplicable', ledger: { zh: '', en: '' } } : undefined);
  if (f.source === 'either') return gaps.get(f.facts[0]!);
  if (f.source === 'results') return { reason: 'noLedger', ledger: { zh: f.scheme, en: f.scheme } };
  const ledger = scheme.ledgers.find((l) => l.id === f.ledger);
  return { reason: 'noLedger', ledger: { zh: ledger?.title ?? f.ledger, en: ledger?.titleEn ?? ledger?.title ?? f.ledger } };
}

/**
 * A test's inputs as one subject's gathered facts: the ledgers' columns, then
 * the 数据项 each after what it reads; a ratio or an either left blank is
 * worked out from the facts it reads, as a run would, and when it cannot be
 * says why as a run does (a zero denominator, the parts missing).
 */
function caseFacts(scheme: Scheme, test: SchemeTestCase): GatheredFacts {
  const out = givenFacts({ always: true });
  const has = (fact: string) => out.values[fact] !== null && out.values[fact] !== undefined;
  const columns = new Set(columnsById(scheme.ledgers).keys());
  const declared = new Set(scheme.facts.map((f) => f.fact));
  for (const column of columns) {
    if (declared.has(column)) continue;
    const value = test.inputs[column];
    out.values[column] = value ?? null;
    if (value === undefined) out.missing.set(column, [{ kind: 'absent', fact: column }]);
  }
  for (const f of inOrder(scheme.facts, columns)) {
    let value: FactValue | undefined = test.inputs[f.fact];
    let reasons: MissingReason[] = [];
    if (value === undefined && f.source === 'ratio') {
      const num = out.values[f.numerator];
      const den = out.values[f.denominator];
      if (den === 0) reasons = [{ kind: 'zero', fact: f.fact, denominator: f.denominator }];
      else if (typeof num === 'number' && typeof den === 'number') value = num / den;
      else reasons = [f.denominator, f.numerator].flatMap((x) => out.missing.get(x) ?? []);
    }
    if (value === undefined && f.source === 'either') {
      const first = f.facts.find(has);
      if (first !== undefined) value = out.values[first];
      else reasons = f.facts.flatMap((x) => out.missing.get(x) ?? []);
    }
    if (value === undefined) {
      out.values[f.fact] = null;
      out.missing.set(f.fact, reasons.length > 0 ? reasons : [{ kind: 'absent', fact: f.fact }]);
      const gap = blankGap(scheme, f, out);
      if (gap) out.gaps.set(f.fact, gap);
      continue;
    }
    out.values[f.fact] = value;
    const detail = detailOf(f, value, out.values);
    if (detail) out.detail[f.fact] = detail;
  }
  return out;
}

/** A merged flag ("五个一未完成：一事一议项目、帮扶贫困户") also counts as each of its parts. */
function flagTexts(message: string): string[] {
  const at = message.indexOf('：');
  if (at < 0) return [message];
  const topic = message.slice(0, at + 1);
  return [message, ...message.slice(at + 1).split('、').map((part) => topic + part)];
}

/** The texts an expected flag may match: a failed must-meet item's name or message, or a flag or any part of a merged one. */
const textsOf = (f: ResultFlag): string[] => (f.item ? [f.item.label, f.message] : flagTexts(f.message));

/**
 * Whether a test's flag is said as a failed must-meet item (预期未达标…,
 * 全部达标) rather than a flag (预期提示…, 没有提示). It is when a failed item
 * is all a subject can be flagged for: the scheme has items, no rule, ranking
 * or veto raises a flag, and it rescales, so a missing input is said in the
 * note on the score, not flagged. The branch assessment is so, as its header
 * 预期未达标事项 says; a scheme with items beside flags of its own (a
 * ranking, a missing cell) keeps 预期提示.
 */
function flagsAreFailedItems(scheme: Scheme): boolean {
  return scheme.requirements.some((r) => r.enabled) && scheme.rules.every((r) => !r.flag) && !scheme.ranking && scheme.vetoes.length === 0 && scheme.rescale;
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
 * Runs a block's tests, of whatever assessment, through the same judge as a
 * real run: each case is one subject alone, first of one unless its inputs
 * say 排名末位, so the ranking and the grade quota, which need the period's
 * other subjects, are not applied; the vetoes, must-meet items, risk, star
 * caps and computed outputs are. An expected flag of a named indicator is
 * looked for among that indicator's flags and the failed items, which belong
 * to no indicator.
 */
export async function runSchemeRuleTests(scheme: Scheme, tests: SchemeTestCase[]): Promise<RuleTestResult[]> {
  const assessor = new SchemeAssessor(scheme);
  const failedItems = flagsAreFailedItems(assessor.scheme);
  const results: RuleTestResult[] = [];
  for (const test of tests) {
    const r = await assessor.judge({ name: test.id, group: null, source: null }, TEST_PERIODS[assessor.scheme.periodKind], caseFacts(assessor.scheme, test));
    r.rank = 1;
    r.of = 1;
    await assessor.decide(r, { failedItems: r.flags.filter((f) => f.item).length, lastPlace: test.inputs.lastPlace === true, score: r.scored ? r.score : null, rank: 1, of: 1 });
    assessor.computeOutputs(r);
    const indicator = test.indicator ? assessor.scheme.indicators.find((i) => i.id === test.indicator) : undefined;
    const flags = indicator ? r.flags.filter((f) => f.item || f.indicator === indicator.id) : r.flags;
    const checks = [
      ...testChecks(test, {
        failedItems,
        indicator,
        points: indicator ? r.indicators[indicator.id] ?? 0 : r.score,
        grade: r.grade,
        flags: flags.map((f) => ({ texts: textsOf(f), message: f.message, messageEn: f.messageEn })),
        risk: r.risk,
        riskName: ownRiskName(scheme.risk?.label, scheme.risk?.labelEn),
      }),
      ...valueChecks(assessor.scheme, test, r.values),
    ];
    results.push(testResult(test.id, checks, { indicators: r.indicators, score: r.score, grade: r.grade, flags: r.flags.map((f) => f.message) }));
  }
  return results;
}
