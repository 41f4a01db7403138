import { runSchemeRuleTests } from '../scheme/rule-tests';
import { kindOfEntry } from './block-kinds';
import type { RulesEntry } from './read';
import type { RuleTestResult } from './rule-tests';

/** The 【规则测试】 cases of a block, run by the one runner on the assessment the block stands for. */
export function runEntryTests(entry: RulesEntry): Promise<RuleTestResult[]> {
  const kind = kindOfEntry(entry);
  return runSchemeRuleTests(kind.scheme(kind.packOf(entry)), entry.tests);
}
