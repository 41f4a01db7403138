import * as z from 'zod';
import { recordFacts, type RecordFacts } from '../assess/facts';
import type { Flag } from '../assess/score';
import type { LedgerRecord } from '../ledger/read';
import { both, type Bilingual, t } from '../messages';
import { FactIdSchema, type Pack } from '../pack/schema';
import { SchemeAssessor } from '../scheme/assess';
import { givenFacts } from '../scheme/facts';
import { packScheme } from '../scheme/from-pack';
import { halfWidth } from '../text';
import { headerKey } from './grid';

/**
 * A rule test, as the 规则测试 table holds it: input values by fact (typed as a
 * ledger would give them; a rate as a fraction) and what the rules must make
 * of them — an indicator's points (the total when no indicator is named), a
 * flag that must appear (or none), a grade. In a branch block the flag is a
 * failed must-meet item, and `risk` says whether the branch is at risk.
 */
export const RuleTestCaseSchema = z.object({
  id: z.string().min(1),
  note: z.string().optional(),
  inputs: z.record(FactIdSchema, z.union([z.number(), z.boolean(), z.string()])),
  indicator: FactIdSchema.optional(),
  points: z.number().optional(),
  flag: z.string().min(1).optional(),
  noFlag: z.boolean().optional(),
  grade: z.string().min(1).optional(),
  risk: z.boolean().optional(),
});
export type RuleTestCase = z.infer<typeof RuleTestCaseSchema>;

export interface RuleTestCheck extends Bilingual {
  pass: boolean;
}

export interface RuleTestResult {
  id: string;
  pass: boolean;
  checks: RuleTestCheck[];
  /** What the rules gave, for showing next to the expectation. */
  actual: { indicators: Record<string, number>; score: number; grade: string; flags: string[] };
}

/** A test's inputs as the facts of one ledger row; a rate given directly stands in for its ratio. */
function caseFacts(pack: Pack, test: RuleTestCase): RecordFacts {
  const record: LedgerRecord = {
    sheet: '',
    row: 0,
    name: test.id,
    branch: null,
    period: '',
    facts: Object.fromEntries(pack.columns.map((c) => [c.fact, test.inputs[c.fact] ?? null])),
    unreadable: new Set(),
    impossible: new Set(),
  };
  const facts = recordFacts(record, pack);
  for (const d of pack.derived) {
    const given = test.inputs[d.fact];
    if (given === undefined) continue;
    facts.values[d.fact] = given;
    facts.missing.delete(d.fact);
  }
  return facts;
}

/** A merged flag ("五个一未完成：一事一议项目、帮扶贫困户") also counts as each of its parts. */
function flagTexts(f: Flag): string[] {
  const at = f.message.indexOf('：');
  if (at < 0) return [f.message];
  const topic = f.message.slice(0, at + 1);
  return [f.message, ...f.message.slice(at + 1).split('、').map((part) => topic + part)];
}

const fold = (text: string) => halfWidth(text).replace(/\s+/g, '');
const close = (a: number, b: number) => Math.abs(a - b) < 0.005;

const CADRE_WORDS = { missing: 'rsTestFlagMissing', unexpected: 'rsTestFlagUnexpected', none: 'rsTestNoFlags' } as const;
const BRANCH_WORDS = { missing: 'rsTestFailedMissing', unexpected: 'rsTestFailedUnexpected', none: 'rsTestNoFailed' } as const;

/** What the rules made of a test's inputs, in the terms its expectations use. */
export interface TestOutcome {
  /** A branch test's flags are failed must-meet items, and say so. */
  kind: 'cadre' | 'branch';
  indicator?: { label: string; labelEn?: string };
  /** The named indicator's points, or the total. */
  points: number;
  grade: string;
  /** The flags (failed items) counted against the expectation, each also as the texts it may be matched by. */
  flags: { texts: string[]; message: string; messageEn: string }[];
  risk?: boolean;
  /** The risk's own name, when the scheme gives it one other than 软弱涣散风险. */
  riskName?: RiskName;
}

export interface RiskName {
  label: string;
  labelEn: string;
}

/**
 * A scheme risk's name, when its tests must say it in place of the branch
 * words 预期软弱涣散风险: undefined when it has none or is named so anyway,
 * so a sheet written before keeps its header, note and checks.
 */
export function ownRiskName(label: string | undefined, labelEn?: string): RiskName | undefined {
  if (!label || headerKey(t('rsHeadExpectRiskOf', { label })) === headerKey(t('rsHeadExpectRisk'))) return undefined;
  return { label, labelEn: labelEn ?? label };
}

/** A test passes when every expectation held. */
export function testResult(id: string, checks: RuleTestCheck[], actual: RuleTestResult['actual']): RuleTestResult {
  return { id, pass: checks.every((c) => c.pass), checks, actual };
}

/** Each expectation of a test against what came out. */
export function testChecks(test: RuleTestCase, out: TestOutcome): RuleTestCheck[] {
  const checks: RuleTestCheck[] = [];
  const indicator = out.indicator;
  if (test.points !== undefined) {
    checks.push({
      pass: close(out.points, test.points),
      ...both('rsTestPoints', {
        indicator: indicator?.label ?? t('rsWordTotal'),
        indicatorEn: indicator?.labelEn ?? indicator?.label ?? t('rsWordTotal', {}, 'en'),
        expected: test.points,
        actual: out.points,
      }),
    });
  }
  const words = out.kind === 'branch' ? BRANCH_WORDS : CADRE_WORDS;
  if (test.flag !== undefined) {
    const want = fold(test.flag);
    checks.push({
      pass: out.flags.some((f) => f.texts.some((text) => fold(text).includes(want))),
      ...both(words.missing, {
        expected: test.flag,
        actual: out.flags.map((f) => `“${f.message}”`).join('、') || t(words.none),
        actualEn: out.flags.map((f) => `"${f.messageEn}"`).join(', ') || t(words.none, {}, 'en'),
      }),
    });
  }
  if (test.noFlag) {
    const pass = out.flags.length === 0;
    checks.push({ pass, ...(pass ? both(words.none) : both(words.unexpected, { actual: out.flags.map((f) => f.message).join('；'), actualEn: out.flags.map((f) => f.messageEn).join('; ') })) });
  }
  if (test.grade !== undefined) {
    checks.push({ pass: out.grade === test.grade, ...both('rsTestGrade', { expected: test.grade, actual: out.grade }) });
  }
  if (test.risk !== undefined) {
    const word = (risk: boolean | undefined) => both(risk ? 'rsWordYes' : 'rsWordNo');
    const expected = word(test.risk);
    const actual = word(out.risk);
    const params = { ...out.riskName, expected: expected.message, actual: actual.message, expectedEn: expected.messageEn, actualEn: actual.messageEn };
    checks.push({ pass: out.risk === test.risk, ...both(out.riskName ? 'rsTestRiskOf' : 'rsTestRisk', params) });
  }
  return checks;
}

/**
 * Runs each test through the same engine and scoring as a real assessment and
 * says, for each expectation, whether it held and what came out instead.
 */
export async function runRuleTests(pack: Pack, tests: RuleTestCase[]): Promise<RuleTestResult[]> {
  const assessor = new SchemeAssessor(packScheme(pack));
  const results: RuleTestResult[] = [];
  for (const test of tests) {
    const { values, missing } = caseFacts(pack, test);
    const score = await assessor.judge({ name: test.id, group: null, source: null }, '', givenFacts(values, missing));
    const indicator = test.indicator ? pack.indicators.find((i) => i.id === test.indicator) : undefined;
    const band = { grade: score.grade };
    const flags = indicator ? score.flags.filter((f) => f.indicator === indicator.id) : score.flags;
    const checks = testChecks(test, {
      kind: 'cadre',
      indicator,
      points: indicator ? score.indicators[indicator.id] ?? 0 : score.score,
      grade: band.grade,
      flags: flags.map((f) => ({ texts: flagTexts(f), message: f.message, messageEn: f.messageEn })),
    });
    results.push(testResult(test.id, checks, { indicators: score.indicators, score: score.score, grade: band.grade, flags: score.flags.map((f) => f.message) }));
  }
  return results;
}
