import { type BlockKind, KINDS, kindOfEntry } from './block-kinds';
import { entriesOfRules, type ReadPack, type RulesEntry, type RulesRead } from './read';

export type ImportPlan =
  /** The packs the rules sheet is to hold, in its order (cadre blocks first, so their cells keep their addresses), and the blocks kept from it. */
  | { ok: true; entries: RulesEntry[]; kept: ReadPack[] }
  /** Blocks the import would keep that do not read cleanly: written back they would lose their rows with problems. */
  | { ok: false; blocked: ReadPack[] };

/**
 * What importing the packs of a file does to the rules: each pack replaces
 * the block that assesses the same subject, and the blocks of subjects the
 * file has no pack for stay as they are. A single cadre pack file thus keeps
 * the branch block, and a file with both packs replaces both.
 */
export function importPlan(current: RulesRead, incoming: RulesEntry[]): ImportPlan {
  const replaced = new Set(incoming.map((e) => kindOfEntry(e).subject));
  const kept = current.packs.filter((p) => !replaced.has(p.subject));
  const blocked = kept.filter((p) => !p.clean);
  if (blocked.length > 0) return { ok: false, blocked };
  const keptEntries = entriesOfRules({ ...current, packs: kept });
  const of = (kind: BlockKind) => (replaced.has(kind.subject) ? incoming : keptEntries).filter((e) => kindOfEntry(e) === kind);
  return { ok: true, entries: KINDS.flatMap(of), kept };
}
