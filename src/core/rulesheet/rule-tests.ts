import * as z from 'zod';
import { CadreAssessor } from '../assess/assess';
import { recordFacts, type RecordFacts } from '../assess/facts';
import { gradeFor } from '../assess/grade';
import type { Flag } from '../assess/score';
import type { LedgerRecord } from '../ledger/read';
import { both, type Bilingual, t } from '../messages';
import { FactIdSchema, type Pack } from '../pack/schema';
import { halfWidth } from '../text';

/**
 * A rule test, as the 规则测试 table holds it: input values by fact (typed as a
 * ledger would give them; a rate as a fraction) and what the rules must make
 * of them — an indicator's points (the total when no indicator is named), a
 * flag that must appear (or none), a grade.
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

/** Merged flags ("五个一未完成：一事一议项目、帮扶贫困户") also count as each of their parts. */
function flagTexts(flags: Flag[]): string[] {
  return flags.flatMap((f) => {
    const at = f.message.indexOf('：');
    if (at < 0) return [f.message];
    const topic = f.message.slice(0, at + 1);
    return [f.message, ...f.message.slice(at + 1).split('、').map((part) => topic + part)];
  });
}

const fold = (text: string) => halfWidth(text).replace(/\s+/g, '');
const close = (a: number, b: number) => Math.abs(a - b) < 0.005;

/**
 * Runs each test through the same engine and scoring as a real assessment and
 * says, for each expectation, whether it held and what came out instead.
 */
export async function runRuleTests(pack: Pack, tests: RuleTestCase[]): Promise<RuleTestResult[]> {
  const assessor = new CadreAssessor(pack);
  const results: RuleTestResult[] = [];
  for (const test of tests) {
    const score = await assessor.scoreFacts(caseFacts(pack, test));
    const indicator = test.indicator ? pack.indicators.find((i) => i.id === test.indicator) : undefined;
    const band = gradeFor(pack.grades, score.score);
    const flags = indicator ? score.flags.filter((f) => f.indicator === indicator.id) : score.flags;
    const checks: RuleTestCheck[] = [];
    if (test.points !== undefined) {
      const actual = indicator ? score.indicators[indicator.id] ?? 0 : score.score;
      checks.push({
        pass: close(actual, test.points),
        ...both('rsTestPoints', {
          indicator: indicator?.label ?? t('rsWordTotal'),
          indicatorEn: indicator?.labelEn ?? indicator?.label ?? t('rsWordTotal', {}, 'en'),
          expected: test.points,
          actual,
        }),
      });
    }
    if (test.flag !== undefined) {
      const want = fold(test.flag);
      const shown = flags.map((f) => `“${f.message}”`).join('、');
      checks.push({
        pass: flagTexts(flags).some((text) => fold(text).includes(want)),
        ...both('rsTestFlagMissing', {
          expected: test.flag,
          actual: shown || t('rsTestNoFlags'),
          actualEn: flags.map((f) => `"${f.messageEn}"`).join(', ') || t('rsTestNoFlags', {}, 'en'),
        }),
      });
    }
    if (test.noFlag) {
      const pass = flags.length === 0;
      checks.push({ pass, ...(pass ? both('rsTestNoFlags') : both('rsTestFlagUnexpected', { actual: flags.map((f) => f.message).join('；') })) });
    }
    if (test.grade !== undefined) {
      checks.push({ pass: band.grade === test.grade, ...both('rsTestGrade', { expected: test.grade, actual: band.grade }) });
    }
    results.push({
      id: test.id,
      pass: checks.every((c) => c.pass),
      checks,
      actual: { indicators: score.indicators, score: score.score, grade: band.grade, flags: score.flags.map((f) => f.message) },
    });
  }
  return results;
}
