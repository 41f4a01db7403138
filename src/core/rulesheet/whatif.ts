import { type Assessment, type AssessOptions, assessWorkbook } from '../assess/assess';
import { assessBranches } from '../branch/assess';
import type { BranchAssessment } from '../branch/result';
import type { BranchPack } from '../branch/schema';
import type { Bilingual } from '../messages';
import { assessAll, type RunOptions, type RunPacks } from '../run';
import type { Scheme } from '../scheme/schema';
import { packHash } from '../pack/hash';
import type { Pack } from '../pack/schema';
import type { SubjectResult } from '../scheme/result';
import type { WorkbookSnapshot } from '../snapshot';
import { diffBranchPacks, diffPacks, diffSchemes, type PackChange } from './diff';
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

export interface WhatIfOptions extends AssessOptions {
  /** With the branch pack, the what-if covers the branches too, through the same run every host makes. */
  branch?: BranchPack;
}

export interface WhatIfResult {
  /** Whose rules changed: the cadre pack's, the branch pack's or a declared assessment's (then no cadre changes). */
  subject: 'cadre' | 'branch' | 'scheme';
  versions: { current: string; candidate: string };
  ruleChanges: PackChange[];
  /** Only the cadres whose score, grade or flags change, the biggest change first. */
  cadres: CadreWhatIf[];
  unchanged: number;
  counts: { up: number; down: number; gradeChanged: number; flagsChanged: number };
  /** The branches (given the branch pack, or when the branch rules changed). */
  branches: BranchChanges;
  /** The subjects of the declared assessment whose rules changed. */
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

async function runBoth(snapshot: WorkbookSnapshot, current: Pack, candidate: Pack, options: WhatIfOptions) {
  const { branch, ...rest } = options;
  const quiet = { ...rest, onProgress: undefined };
  if (!branch) {
    const [now, next] = [await assessWorkbook(snapshot, current, quiet), await assessWorkbook(snapshot, candidate, quiet)];
    return { now, next, branches: branchChanges(undefined, undefined, new Map()) };
  }
  const before = await assessAll(snapshot, { cadre: current, branch }, quiet);
  const after = await assessAll(snapshot, { cadre: candidate, branch }, quiet);
  return { now: before.cadres, next: after.cadres, branches: branchChanges(before.branches, after.branches, labelsOf(branch)) };
}

/**
 * Runs the current data through the current and the candidate rules and says
 * who would change score, grade or flags, and by how much: what the rule
 * editor shows before a row is written to the rules sheet.
 */
export async function whatIf(snapshot: WorkbookSnapshot, current: Pack, candidate: Pack, options: WhatIfOptions = {}): Promise<WhatIfResult> {
  const { now, next, branches }: { now: Assessment; next: Assessment; branches: BranchChanges } = await runBoth(snapshot, current, candidate, options);
  const cadres: CadreWhatIf[] = [];
  let unchanged = 0;
  for (const c of compareResults(now.results, next.results, { key: keyOf, labels: labelsOf(current, candidate), watch: ['grade', 'flags'] })) {
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
    subject: 'cadre',
    versions: { current: packHash(current), candidate: packHash(candidate) },
    ruleChanges: diffPacks(current, candidate),
    cadres,
    unchanged,
    branches,
    counts: {
      up: cadres.filter((c) => c.delta > 0).length,
      down: cadres.filter((c) => c.delta < 0).length,
      gradeChanged: cadres.filter((c) => c.gradeChanged).length,
      flagsChanged: cadres.filter((c) => c.flagsAdded.length + c.flagsRemoved.length > 0).length,
    },
  };
}

/** The cadre part of a what-if whose rules are not the cadre pack's: the cadre results do not move. */
const noCadreChanges = (): Pick<WhatIfResult, 'cadres' | 'unchanged' | 'counts'> => ({ cadres: [], unchanged: 0, counts: { up: 0, down: 0, gradeChanged: 0, flagsChanged: 0 } });

export interface BranchWhatIfOptions extends Omit<RunOptions, 'onProgress'> {
  /** The cadre pack in use: its results give each branch its stationed-cadre item. */
  cadre?: Pack;
}

/**
 * The what-if for the branch rules: the branch assessment run again on the
 * current data with the candidate branch pack, listing the branches whose
 * score, stars, failed items or risk would change and by how much. The cadre
 * results do not depend on the branch rules, so they are worked out once.
 */
export async function branchWhatIf(snapshot: WorkbookSnapshot, current: BranchPack, candidate: BranchPack, options: BranchWhatIfOptions = {}): Promise<WhatIfResult> {
  const { cadre, ...run } = options;
  let cadres: Assessment | undefined;
  let now: BranchAssessment | undefined;
  if (cadre) ({ cadres, branches: now } = await assessAll(snapshot, { cadre, branch: current }, run));
  else now = await assessBranches(snapshot, { branch: current }, run);
  const next = now && (await assessBranches(snapshot, { branch: candidate, cadre }, { ...run, cadres }));
  return {
    subject: 'branch',
    versions: { current: packHash(current), candidate: packHash(candidate) },
    ruleChanges: diffBranchPacks(current, candidate),
    ...noCadreChanges(),
    branches: branchChanges(now, next, labelsOf(current, candidate)),
  };
}

/**
 * The what-if for a declared assessment's rules (党员中心户, 村干部, the
 * quarterly roll-up): the run made again on the current data with the
 * candidate in its place, listing the subjects whose score, grade, stars,
 * standing, flags or risk would change and by how much.
 */
export async function schemeWhatIf(snapshot: WorkbookSnapshot, packs: RunPacks, current: Scheme, candidate: Scheme, options: Omit<RunOptions, 'onProgress'> = {}): Promise<WhatIfResult> {
  const withScheme = (scheme: Scheme): RunPacks => ({ ...packs, schemes: [...(packs.schemes ?? []).filter((s) => s.id !== current.id), scheme] });
  const judged = async (scheme: Scheme) => (await assessAll(snapshot, withScheme(scheme), options)).schemes.find((a) => a.id === scheme.id);
  const [now, next] = [await judged(current), await judged(candidate)];
  return {
    subject: 'scheme',
    versions: { current: packHash(current), candidate: packHash(candidate) },
    ruleChanges: diffSchemes(current, candidate),
    ...noCadreChanges(),
    branches: branchChanges(undefined, undefined, new Map()),
    scheme: schemeChanges(now, next, labelsOf(current, candidate)),
  };
}
