import type { BranchPack } from '../branch/schema';
import { validateBranchPack } from '../branch/validate';
import type { MessageKey } from '../messages';
import type { Pack, Rule } from '../pack/schema';
import { type PackProblem, validatePack } from '../pack/validate';
import { sharedView } from './branch/facts';
import { FactDirectory } from './facts';
import type { ScoringPack } from './section';

/**
 * A pack whose 【规则】 table the rule editor edits: the cadre block's, or the
 * branch block's. The two are told apart by `subject`, as pack files are.
 */
export type EditablePack = Pack | BranchPack;

export const isBranchPack = (pack: EditablePack): pack is BranchPack => pack.subject === 'branch';

/**
 * The pack as its 【指标】【规则】【等次】 tables see it: a cadre pack as it is,
 * a branch pack through the view its block is written and read with, so a
 * rule typed in the editor is read exactly as its row on the sheet would be.
 */
export function rulesView(pack: EditablePack): ScoringPack {
  return isBranchPack(pack) ? sharedView(pack).pack : pack;
}

/** The facts a rule's conditions, points and flag can name. */
export function ruleFacts(pack: EditablePack): FactDirectory {
  return FactDirectory.of(rulesView(pack));
}

/** What a condition on a name no fact has is told: the same as on the sheet, where a branch block has no 【列】 table to add an alias in. */
export function unknownFactMessage(pack: EditablePack): MessageKey {
  return isBranchPack(pack) ? 'rsBranchFactUnknown' : 'rsColumnUnknown';
}

export type WithRules<P extends EditablePack> = { ok: true; pack: P } | { ok: false; problems: PackProblem[] };

/** The pack with other rules, validated as the sheet's reader validates its block. */
export function withRules<P extends EditablePack>(pack: P, rules: Rule[]): WithRules<P> {
  const result = isBranchPack(pack) ? validateBranchPack({ ...pack, rules }) : validatePack({ ...pack, rules });
  return result.ok ? { ok: true, pack: result.pack as P } : result;
}
