import { runSchemeRuleTests } from '../scheme/rule-tests';
import { runBranchRuleTests } from './branch/rule-tests';
import { isBranchEntry, isSchemeEntry, type RulesEntry } from './read';
import { runRuleTests, type RuleTestResult } from './rule-tests';

/** The 【规则测试】 cases of a block, run by its own kind of assessment. */
export function runEntryTests(entry: RulesEntry): Promise<RuleTestResult[]> {
  if (isSchemeEntry(entry)) return runSchemeRuleTests(entry.scheme, entry.tests);
  return isBranchEntry(entry) ? runBranchRuleTests(entry.branch, entry.tests) : runRuleTests(entry.pack, entry.tests);
}
