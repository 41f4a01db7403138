import { runBranchRuleTests } from './branch/rule-tests';
import { isBranchEntry, type RulesEntry } from './read';
import { runRuleTests, type RuleTestResult } from './rule-tests';

/** The 【规则测试】 cases of a block, run by its own kind of assessment. */
export function runEntryTests(entry: RulesEntry): Promise<RuleTestResult[]> {
  return isBranchEntry(entry) ? runBranchRuleTests(entry.branch, entry.tests) : runRuleTests(entry.pack, entry.tests);
}
