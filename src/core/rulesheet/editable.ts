import type { BranchPack } from '../branch/schema';
import { validateBranchPack } from '../branch/validate';
import type { MessageKey } from '../messages';
import type { Pack, Rule } from '../pack/schema';
import { type PackProblem, validatePack } from '../pack/validate';
import { sharedView } from './branch/facts';
import { FactDirectory } from './facts';
import { validateScheme } from './scheme/validate';
import { schemeView } from './scheme/view';
import type { ScoringPack } from './section';
import type { Scheme } from '../scheme/schema';

/**
 * What the rule editor edits the 【规则】 table of: any block of the rules
 * sheet, in the shape its block is read into — the cadre block's pack, the
 * branch block's, or a declared assessment's scheme. A scheme says how often
 * it assesses; the two packs are told apart by `subject`, as pack files are.
 */
export type EditablePack = Pack | BranchPack | Scheme;

export const isSchemePack = (pack: EditablePack): pack is Scheme => 'periodKind' in pack;

export const isBranchPack = (pack: EditablePack): pack is BranchPack => !isSchemePack(pack) && pack.subject === 'branch';

/**
 * The pack as its 【指标】【规则】【等次】 tables see it: a cadre pack as it is,
 * a branch pack or a scheme through the view its block is written and read
 * with, so a rule typed in the editor is read exactly as its row on the sheet would be.
 */
export function rulesView(pack: EditablePack): ScoringPack {
  if (isSchemePack(pack)) return schemeView(pack).pack;
  return isBranchPack(pack) ? sharedView(pack).pack : pack;
}

/** The facts a rule's conditions, points and flag can name. */
export function ruleFacts(pack: EditablePack): FactDirectory {
  return FactDirectory.of(rulesView(pack));
}

/** What a condition on a name no fact has is told: the same as on the sheet, where a branch block has no 【列】 table to add an alias in. */
export function unknownFactMessage(pack: EditablePack): MessageKey {
  if (isSchemePack(pack)) return 'rsSchemeFactUnknown';
  return isBranchPack(pack) ? 'rsBranchFactUnknown' : 'rsColumnUnknown';
}

export type WithRules<P extends EditablePack> = { ok: true; pack: P } | { ok: false; problems: PackProblem[] };

/** The pack with other rules, validated as the sheet's reader validates its block. */
export function withRules<P extends EditablePack>(pack: P, rules: Rule[]): WithRules<P> {
  if (isSchemePack(pack)) {
    const scheme = validateScheme({ ...pack, rules });
    return scheme.ok ? { ok: true, pack: scheme.scheme as P } : scheme;
  }
  const result = isBranchPack(pack) ? validateBranchPack({ ...pack, rules }) : validatePack({ ...pack, rules });
  return result.ok ? { ok: true, pack: result.pack as P } : result;
}
