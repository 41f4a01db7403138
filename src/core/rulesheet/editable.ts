import type { BranchPack } from '../branch/schema';
import type { MessageKey } from '../messages';
import type { Pack, Rule } from '../pack/schema';
import type { PackProblem } from '../pack/validate';
import { BRANCH_KIND, kindOfPack, SCHEME_KIND } from './block-kinds';
import { FactDirectory } from './facts';
import type { ScoringPack } from './section';
import type { Scheme } from '../scheme/schema';

/**
 * What the rule editor edits the 【规则】 table of: any block of the rules
 * sheet, in the shape its block is read into — the cadre block's pack, the
 * branch block's, or a declared assessment's scheme. A scheme says how often
 * it assesses; the two packs are told apart by `subject`, as pack files are.
 */
export type EditablePack = Pack | BranchPack | Scheme;

export const isSchemePack = (pack: EditablePack): pack is Scheme => kindOfPack(pack) === SCHEME_KIND;

export const isBranchPack = (pack: EditablePack): pack is BranchPack => kindOfPack(pack) === BRANCH_KIND;

/**
 * The pack as its 【指标】【规则】【等次】 tables see it: a cadre pack as it is,
 * a branch pack or a scheme through the view its block is written and read
 * with, so a rule typed in the editor is read exactly as its row on the sheet would be.
 */
export function rulesView(pack: EditablePack): ScoringPack {
  return kindOfPack(pack).rulesView(pack);
}

/** The facts a rule's conditions, points and flag can name. */
export function ruleFacts(pack: EditablePack): FactDirectory {
  return FactDirectory.of(rulesView(pack));
}

/** What a condition on a name no fact has is told: the same as on the sheet, where a branch block has no 【列】 table to add an alias in. */
export function unknownFactMessage(pack: EditablePack): MessageKey {
  return kindOfPack(pack).unknownFact;
}

export type WithRules<P extends EditablePack> = { ok: true; pack: P } | { ok: false; problems: PackProblem[] };

/** The pack with other rules, validated as the sheet's reader validates its block. */
export function withRules<P extends EditablePack>(pack: P, rules: Rule[]): WithRules<P> {
  const result = kindOfPack(pack).validate({ ...pack, rules });
  return result.ok ? { ok: true, pack: result.pack as P } : result;
}
