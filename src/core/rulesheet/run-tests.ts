import { branchScheme } from '../branch/scheme';
import { packScheme } from '../scheme/from-pack';
import { runSchemeRuleTests } from '../scheme/rule-tests';
import { isBranchEntry, isSchemeEntry, type RulesEntry } from './read';
import type { RuleTestResult } from './rule-tests';

/** The 【规则测试】 cases of a block, run by the one runner on the assessment the block stands for. */
export function runEntryTests(entry: RulesEntry): Promise<RuleTestResult[]> {
  if (isSchemeEntry(entry)) return runSchemeRuleTests(entry.scheme, entry.tests);
  return runSchemeRuleTests(isBranchEntry(entry) ? branchScheme(entry.branch) : packScheme(entry.pack), entry.tests);
}
