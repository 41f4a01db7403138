import { factSources } from '../../branch/catalogue';
import { ledgerTitle } from '../../branch/ledgers';
import { branchScheme } from '../../branch/scheme';
import { SchemeAssessor } from '../../scheme/assess';
import { type GatheredFacts, givenFacts } from '../../scheme/facts';
import type { BranchPack } from '../../branch/schema';
import type { SchemeFact } from '../../scheme/schema';
import { t } from '../../messages';
import type { FactValue } from '../../ledger/read';
import { type RuleTestCase, type RuleTestResult, testChecks, testResult } from '../rule-tests';

/** The test period: tests judge one branch, so the period only labels notes nobody reads. */
const PERIOD = '2024-01';

/**
 * A test's inputs as one branch's facts. A rate left blank is worked out from
 * its two counts when both are given; any other fact left blank is no data, as
 * if its ledger were absent: its must-meet item is not judged and its
 * indicator is left out of the score.
 */
function caseFacts(pack: BranchPack, test: RuleTestCase): GatheredFacts {
  const facts = givenFacts({ always: true });
  const given = (fact: string): FactValue | undefined => test.inputs[fact];
  for (const [fact, source] of factSources(pack)) {
    let value = given(fact);
    const def = pack.facts.find((f) => f.fact === fact);
    if (value === undefined && def?.source === 'ratio') {
      const num = given(def.numerator);
      const den = given(def.denominator);
      if (typeof num === 'number' && typeof den === 'number' && den > 0) value = num / den;
    }
    if (value === undefined) {
      facts.values[fact] = null;
      facts.missing.set(fact, [{ kind: 'absent', fact }]);
      facts.gaps.set(fact, { reason: 'noLedger', ledger: ledgerTitle(pack, undefined, source.ledger) });
      continue;
    }
    facts.values[fact] = value;
    const detail = def && typeof value === 'number' ? detailOf(def, value, test) : undefined;
    if (detail) facts.detail[fact] = detail;
  }
  return facts;
}

/**
 * What a flag says beside a value, as a real run would from the ledger rows
 * (the months missed, the counts); a test has only the number, so it says that.
 */
function detailOf(def: SchemeFact, value: number, test: RuleTestCase): { zh: string; en: string } | undefined {
  switch (def.source) {
    case 'unitsWithout': {
      const key = def.per === 'quarter' ? 'rsTestDetailQuarters' : 'rsTestDetailMonths';
      return { zh: t(key, { count: value }), en: t(key, { count: value }, 'en') };
    }
    case 'results':
      return def.op === 'subjectsGraded' ? { zh: t('rsTestDetailCadres', { count: value }), en: t('rsTestDetailCadres', { count: value }, 'en') } : undefined;
    case 'attendance':
      return { zh: '', en: t('rsTestDetailMeeting', {}, 'en') };
    case 'ratio': {
      const num = test.inputs[def.numerator];
      const den = test.inputs[def.denominator];
      return typeof num === 'number' && typeof den === 'number' ? { zh: `${num}/${den}`, en: `${num}/${den}` } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Runs the branch block's tests through the same assessor as a real run: each
 * case is one branch alone, first of one, unless its inputs say 排名末位. The
 * star quota, which needs the other branches, is not applied.
 */
export async function runBranchRuleTests(pack: BranchPack, tests: RuleTestCase[]): Promise<RuleTestResult[]> {
  const assessor = new SchemeAssessor(branchScheme(pack));
  const results: RuleTestResult[] = [];
  for (const test of tests) {
    const r = await assessor.judge({ name: test.id, group: null, source: null }, PERIOD, caseFacts(pack, test));
    r.rank = 1;
    r.of = 1;
    await assessor.decide(r, { failedItems: r.flags.filter((f) => f.item).length, lastPlace: test.inputs.lastPlace === true, score: r.scored ? r.score : null, rank: 1, of: 1 });
    const indicator = test.indicator ? pack.indicators.find((i) => i.id === test.indicator) : undefined;
    const checks = testChecks(test, {
      kind: 'branch',
      indicator,
      points: indicator ? r.indicators[indicator.id] ?? 0 : r.score,
      grade: r.grade,
      flags: r.flags.map((f) => ({ texts: [f.item?.label ?? '', f.message], message: f.message, messageEn: f.messageEn })),
      risk: r.risk,
    });
    results.push(testResult(test.id, checks, { indicators: r.indicators, score: r.score, grade: r.grade, flags: r.flags.map((f) => f.message) }));
  }
  return results;
}
