import * as z from 'zod';
import branch from '../../../rules/branch.json';
import branchTests from '../../../rules/branch.tests.json';
import stationedCadre from '../../../rules/stationed-cadre.json';
import stationedCadreTests from '../../../rules/stationed-cadre.tests.json';
import stationedCadreQuarter from '../../../rules/stationed-cadre-quarter.json';
import stationedCadreQuarterTests from '../../../rules/stationed-cadre-quarter.tests.json';
import household from '../../../rules/household.json';
import householdTests from '../../../rules/household.tests.json';
import villageCadre from '../../../rules/village-cadre.json';
import villageCadreTests from '../../../rules/village-cadre.tests.json';
import { SchemeTestCaseSchema } from '../scheme/rule-tests';
import type { Scheme } from '../scheme/schema';
import { validateScheme } from './scheme/validate';
import type { BranchPack } from '../branch/schema';
import { validateBranchPack } from '../branch/validate';
import { validatePack } from '../pack/validate';
import { RuleTestCaseSchema } from './rule-tests';
import type { BranchEntry } from './branch/block';
import type { SchemeEntry } from './scheme/block';
import type { PackEntry } from './section';

function entry(pack: unknown, tests: unknown): PackEntry {
  const result = validatePack(pack);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { pack: result.pack, tests: z.array(RuleTestCaseSchema).parse(tests) };
}

/** rules/branch.json: the default branch block, and the source of the parts a sheet written before they were laid out lacks. */
export function shippedBranchPack(): BranchPack {
  const result = validateBranchPack(branch);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.pack;
}

/**
 * The packs and schemes in rules/ with their tests: what a new rules sheet
 * holds. The cadre block comes first, so its cells keep their addresses; the
 * declared assessments follow the branch block.
 */
export function defaultRules(): [PackEntry, BranchEntry, ...SchemeEntry[]] {
  return [
    entry(stationedCadre, stationedCadreTests),
    { branch: shippedBranchPack(), tests: z.array(RuleTestCaseSchema).parse(branchTests) },
    ...shippedSchemes().map((scheme): SchemeEntry => ({ scheme, tests: z.array(SchemeTestCaseSchema).parse(SCHEME_TESTS[scheme.id]) })),
  ];
}

/** The cases shipped with each scheme, by its id: a scheme without its file fails to load rather than ship untested. */
const SCHEME_TESTS: Record<string, unknown> = { 'stationed-cadre-quarter': stationedCadreQuarterTests, household: householdTests, 'village-cadre': villageCadreTests };

/** The assessments shipped as data beside the two packs: the quarterly roll-up of the cadre pack, 党员中心户 and 村干部. */
export function shippedSchemes(): Scheme[] {
  const known = { schemes: ['stationed-cadre', 'branch', 'stationed-cadre-quarter', 'household', 'village-cadre'] };
  return [stationedCadreQuarter, household, villageCadre].map((input) => {
    const result = validateScheme(input, known);
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    return result.scheme;
  });
}
