import * as z from 'zod';
import { both, type Bilingual, t } from '../messages';
import { FactIdSchema } from '../pack/schema';
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

const fold = (text: string) => halfWidth(text).replace(/\s+/g, '');
const close = (a: number, b: number) => Math.abs(a - b) < 0.005;

const FLAG_WORDS = { missing: 'rsTestFlagMissing', unexpected: 'rsTestFlagUnexpected', none: 'rsTestNoFlags' } as const;
const FAILED_WORDS = { missing: 'rsTestFailedMissing', unexpected: 'rsTestFailedUnexpected', none: 'rsTestNoFailed' } as const;

/** What the rules made of a test's inputs, in the terms its expectations use. */
export interface TestOutcome {
  /** The flags are failed must-meet items, and are said so. */
  failedItems: boolean;
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
  const words = out.failedItems ? FAILED_WORDS : FLAG_WORDS;
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
