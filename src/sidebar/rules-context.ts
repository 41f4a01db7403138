import type { ColumnMapping } from '../core/ledger/columns';
import type { ReadResult } from '../core/ledger/read';
import type { Bilingual, Lang } from '../core/messages';
import type { BranchPack } from '../core/branch/schema';
import type { Pack } from '../core/pack/schema';
import { packFor, type WorkbookRules } from '../core/rulesheet/index';
import type { RunPacks } from '../core/run';
import type { Scheme } from '../core/scheme/schema';
import type { WorkbookSnapshot } from '../core/snapshot';

/** What the rules tab works with; main.ts owns the state and hands it over on every render. */
export interface RulesTabContext {
  lang: Lang;
  snapshot: WorkbookSnapshot;
  rules: WorkbookRules;
  /** The valid cadre pack, or undefined while the rules sheet has problems. */
  pack?: Pack;
  read: ReadResult;
  /** The column mapping the ledgers are read with, so a what-if reads them as a run would. */
  mapping: ColumnMapping;
  /** Every pack and declared assessment a run uses: a what-if runs them all, the edited block's rules in place of the sheet's. */
  runPacks: RunPacks;
  goTo: (sheet: string, cell: string) => void;
  /** Re-reads the workbook and the rules after the rules sheet was written. */
  reload: () => Promise<void>;
  fail: (e: unknown) => void;
}

export { cellLink, tr } from './views';

export const inLang = (ctx: RulesTabContext, m: Bilingual) => (ctx.lang === 'zh' ? m.message : m.messageEn);

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The cadre pack the sheet holds, even while other rows have problems: a band
 * moved in the editor leaves a gap for the next row to close, and that next
 * row is edited from the rules that could be read.
 */
export function editablePack(ctx: RulesTabContext): Pack | undefined {
  return ctx.pack ?? packFor(ctx.rules, 'cadre')?.pack;
}

/** The branch pack the sheet's 党支部考核 block holds, even while other rows have problems, for the same reason. */
export function editableBranchPack(ctx: RulesTabContext): BranchPack | undefined {
  return packFor(ctx.rules, 'branch')?.pack;
}

/** The declared assessments the sheet's scheme blocks hold, each even while other rows have problems, for the same reason. */
export function editableSchemes(ctx: RulesTabContext): Scheme[] {
  return ctx.rules.packs.flatMap((p) => (p.scheme ? [p.scheme] : []));
}
