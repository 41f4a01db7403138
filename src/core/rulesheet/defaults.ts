import * as z from 'zod';
import branch from '../../../rules/branch.json';
import branchTests from '../../../rules/branch.tests.json';
import stationedCadre from '../../../rules/stationed-cadre.json';
import stationedCadreTests from '../../../rules/stationed-cadre.tests.json';
import type { BranchPack } from '../branch/schema';
import { validateBranchPack } from '../branch/validate';
import { validatePack } from '../pack/validate';
import { RuleTestCaseSchema } from './rule-tests';
import type { BranchEntry } from './branch/block';
import type { PackEntry } from './section';

function entry(pack: unknown, tests: unknown): PackEntry {
  const result = validatePack(pack);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { pack: result.pack, tests: z.array(RuleTestCaseSchema).parse(tests) };
}

/** rules/branch.json: the default branch block, and the source of the parts a branch block does not lay out. */
export function shippedBranchPack(): BranchPack {
  const result = validateBranchPack(branch);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.pack;
}

/** The packs in rules/ with their tests: what a new rules sheet holds. The cadre block comes first, so its cells keep their addresses. */
export function defaultRules(): [PackEntry, BranchEntry] {
  return [entry(stationedCadre, stationedCadreTests), { branch: shippedBranchPack(), tests: z.array(RuleTestCaseSchema).parse(branchTests) }];
}
