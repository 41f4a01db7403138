import * as z from 'zod';
import stationedCadre from '../../../rules/stationed-cadre.json';
import stationedCadreTests from '../../../rules/stationed-cadre.tests.json';
import { validatePack } from '../pack/validate';
import { RuleTestCaseSchema } from './rule-tests';
import type { PackEntry } from './section';

function entry(pack: unknown, tests: unknown): PackEntry {
  const result = validatePack(pack);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { pack: result.pack, tests: z.array(RuleTestCaseSchema).parse(tests) };
}

/** The packs in rules/ with their tests: what a new rules sheet holds. */
export function defaultRules(): PackEntry[] {
  return [entry(stationedCadre, stationedCadreTests)];
}
