import type { Assessment } from '../assess/assess';
import type { Bilingual } from '../messages';
import { packHash } from '../pack/hash';
import type { Pack } from '../pack/schema';
import { assessAll, type RunOptions, type RunPacks, type RunResult } from '../run';
import type { SubjectResult } from '../scheme/result';
import type { Scheme } from '../scheme/schema';
import type { WorkbookSnapshot } from '../snapshot';
import { kindOfPack } from './block-kinds';
import type { PackChange } from './diff';
import type { EditablePack } from './editable';
import { type SchemeChanges, schemeChanges } from './whatif-scheme';
import { type BranchChanges, branchChanges } from './whatif-branches';
import { bilingual, compareResults } from './whatif-compare';

export type { BranchOutcome, BranchWhatIf } from './whatif-branches';

export interface CadreOutcome {
  score: number;
  grade: string;
  stars: number;
  flags: Bilingual[];
  indicators: Record<string, number>;
}

/** How one cadre's month would come out under the candidate rules, next to how it comes out now. */
export interface CadreWhatIf {
  name: string;
  branch: string | null;
  period: string;
  source: { sheet: string; row: number };
  /** Absent when the current rules do not assess this row at all (the candidate reads a new column, say). */
  before?: CadreOutcome;
  after?: CadreOutcome;
  delta: number;
  indicators: { id: string; label: string; before: number; after: number; delta: number }[];
  gradeChanged: boolean;
  flagsAdded: Bilingual[];
  flagsRemoved: Bilingual[];
}

/** How the ledgers are read, as a run reads them: the what-if's two runs report no progress. */
export type WhatIfOptions = Omit<RunOptions, 'onProgress'>;

export interface WhatIfResult {
  /** Whose rules changed: the cadre pack's, the branch pack's or a declared assessment's (the view shows that one's changes). */
  subject: 'cadre' | 'branch' | 'scheme';
  versions: { current: string; candidate: string };
  ruleChanges: PackChange[];
  /** Only the cadres whose score, grade or flags change, the biggest change first. */
  cadres: CadreWhatIf[];
  unchanged: number;
  counts: { up: number; down: number; gradeChanged: number; flagsChanged: number };
  /** The branches, whichever rules changed: none when the workbook has no branch ledgers. */
  branches: BranchChanges;
  /** The subjects of the declared assessment whose rules changed; absent when the cadre or branch rules did. */
  scheme?: SchemeChanges;
}

const outcome = (r: SubjectResult): CadreOutcome => ({
  score: r.score,
  grade: r.grade,
  stars: r.stars,
  flags: r.flags.map(bilingual),
  indicators: r.indicators,
});
// A cadre's month is its ledger row's: the same row judged under either rules.
const keyOf = (r: SubjectResult) => `${r.source!.sheet}\u0000${r.source!.row}\u0000${r.period}`;
const labelsOf = (...packs: Pick<Pack, 'indicators'>[]) => new Map(packs.flatMap((p) => p.indicators).map((i) => [i.id, i.label]));

/** The cadre part of a what-if: the months whose score, grade or flags change, the biggest change first. */
function cadreChanges(now: Assessment, next: Assessment, labels: Map<string, string>): Pick<WhatIfResult, 'cadres' | 'unchanged' | 'counts'> {
  const cadres: CadreWhatIf[] = [];
  let unchanged = 0;
  for (const c of compareResults(now.results, next.results, { key: keyOf, labels, watch: ['grade', 'flags'] })) {
    if (!c.changed) {
      unchanged++;
      continue;
    }
    const who = (c.after ?? c.before)!;
    cadres.push({
      name: who.name,
      branch: who.group,
      period: who.period,
      source: { sheet: who.source!.sheet, row: who.source!.row },
      ...(c.before ? { before: outcome(c.before) } : {}),
      ...(c.after ? { after: outcome(c.after) } : {}),
      delta: c.delta,
      indicators: c.indicators,
      gradeChanged: c.gradeChanged,
      flagsAdded: c.flagsAdded,
      flagsRemoved: c.flagsRemoved,
    });
  }
  cadres.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || Number(y.gradeChanged) - Number(x.gradeChanged) || x.period.localeCompare(y.period) || x.name.localeCompare(y.name));
  return {
    cadres,
    unchanged,
    counts: {
      up: cadres.filter((c) => c.delta > 0).length,
      down: cadres.filter((c) => c.delta < 0).length,
      gradeChanged: cadres.filter((c) => c.gradeChanged).length,
      flagsChanged: cadres.filter((c) => c.flagsAdded.length + c.flagsRemoved.length > 0).length,
    },
  };
}

/**
 * A run's packs with `pack` in the place of its own version, and the declared
 * assessment it is when it is one: what a what-if runs, and where its names come from.
 */
export function whatIfPacks(packs: RunPacks, pack: EditablePack): { packs: RunPacks; scheme?: Scheme } {
  const run = kindOfPack(pack).inRun(packs, pack);
  return { packs: run, scheme: run.schemes?.find((s) => s === pack) };
}

/**
 * Runs the current data through the current rules and through the candidate
 * in their place, every assessment of the run each time, and says who would
 * change score, grade, stars, standing or flags, and by how much: what the
 * rule editor shows before a row is written to the rules sheet. The cadres,
 * the branches and the candidate's own declared assessment are each compared
 * whichever block changed (a cadre graded 不合格 is a branch item).
 */
export async function whatIf(snapshot: WorkbookSnapshot, packs: RunPacks, current: EditablePack, candidate: EditablePack, options: WhatIfOptions = {}): Promise<WhatIfResult> {
  const kind = kindOfPack(current);
  const before = whatIfPacks(packs, current);
  const after = whatIfPacks(packs, candidate);
  const quiet = { ...options, onProgress: undefined };
  const [now, next] = [await assessAll(snapshot, before.packs, quiet), await assessAll(snapshot, after.packs, quiet)];
  const judged = (run: RunResult, scheme: Scheme | undefined) => scheme && run.schemes.find((a) => a.id === scheme.id);
  return {
    subject: kind.subject,
    versions: { current: packHash(current), candidate: packHash(candidate) },
    ruleChanges: kind.diff(current, candidate),
    ...cadreChanges(now.cadres, next.cadres, labelsOf(before.packs.cadre, after.packs.cadre)),
    branches: branchChanges(now.branches, next.branches, labelsOf(before.packs.branch, after.packs.branch)),
    ...(after.scheme ? { scheme: schemeChanges(judged(now, before.scheme), judged(next, after.scheme), labelsOf(current, candidate)) } : {}),
  };
}
