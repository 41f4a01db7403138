import { type Assessment, type AssessOptions, assessWorkbook, type CadreResult } from '../assess/assess';
import type { BranchAssessment, BranchResult } from '../branch/result';
import type { BranchPack } from '../branch/schema';
import { assessAll } from '../run';
import { round2 } from '../assess/score';
import { packHash } from '../pack/hash';
import type { Pack } from '../pack/schema';
import type { WorkbookSnapshot } from '../snapshot';
import { diffPacks, type PackChange } from './diff';

export interface CadreOutcome {
  score: number;
  grade: string;
  stars: number;
  flags: string[];
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
  flagsAdded: string[];
  flagsRemoved: string[];
}

export interface BranchOutcome {
  score: number;
  stars: number;
  fallsShort: boolean;
  risk: boolean;
  flags: string[];
}

/** How one branch's period would come out under the candidate cadre rules (a cadre graded 不合格 is a branch item). */
export interface BranchWhatIf {
  name: string;
  period: string;
  before: BranchOutcome;
  after: BranchOutcome;
  delta: number;
  flagsAdded: string[];
  flagsRemoved: string[];
}

export interface WhatIfOptions extends AssessOptions {
  /** With the branch pack, the what-if covers the branches too, through the same run every host makes. */
  branch?: BranchPack;
}

export interface WhatIfResult {
  versions: { current: string; candidate: string };
  ruleChanges: PackChange[];
  /** Only the cadres whose score, grade or flags change, the biggest change first. */
  cadres: CadreWhatIf[];
  unchanged: number;
  /** Only the branches whose score, stars, standing or flags change. */
  branches: BranchWhatIf[];
  counts: { up: number; down: number; gradeChanged: number; flagsChanged: number };
}

const outcome = (c: CadreResult): CadreOutcome => ({ score: c.score, grade: c.grade, stars: c.stars, flags: c.flags.map((f) => f.message), indicators: c.indicators });
const keyOf = (c: CadreResult) => `${c.source.sheet}\u0000${c.source.row}\u0000${c.period}`;

/**
 * Runs the current data through the current and the candidate rules and says
 * who would change score, grade or flags, and by how much: what the rule
 * editor shows before a row is written to the rules sheet.
 */
const branchOutcome = (b: BranchResult): BranchOutcome => ({ score: b.score, stars: b.stars, fallsShort: b.fallsShort, risk: b.risk, flags: b.flags.map((f) => f.message) });

function branchChanges(now: BranchAssessment | undefined, next: BranchAssessment | undefined): BranchWhatIf[] {
  if (!now || !next) return [];
  const key = (b: BranchResult) => `${b.id}\u0000${b.period}`;
  const after = new Map(next.branches.map((b) => [key(b), b]));
  const changes: BranchWhatIf[] = [];
  for (const b of now.branches) {
    const a = after.get(key(b));
    if (!a) continue;
    const before = branchOutcome(b);
    const later = branchOutcome(a);
    const flagsAdded = later.flags.filter((f) => !before.flags.includes(f));
    const flagsRemoved = before.flags.filter((f) => !later.flags.includes(f));
    const same = before.score === later.score && before.stars === later.stars && before.fallsShort === later.fallsShort && before.risk === later.risk;
    if (same && flagsAdded.length === 0 && flagsRemoved.length === 0) continue;
    changes.push({ name: b.name, period: b.period, before, after: later, delta: round2(later.score - before.score), flagsAdded, flagsRemoved });
  }
  return changes.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.name.localeCompare(y.name));
}

async function runBoth(snapshot: WorkbookSnapshot, current: Pack, candidate: Pack, options: WhatIfOptions) {
  const { branch, ...rest } = options;
  const quiet = { ...rest, onProgress: undefined };
  if (!branch) {
    const [now, next] = [await assessWorkbook(snapshot, current, quiet), await assessWorkbook(snapshot, candidate, quiet)];
    return { now, next, branches: [] as BranchWhatIf[] };
  }
  const before = await assessAll(snapshot, { cadre: current, branch }, quiet);
  const after = await assessAll(snapshot, { cadre: candidate, branch }, quiet);
  return { now: before.cadres, next: after.cadres, branches: branchChanges(before.branches, after.branches) };
}

export async function whatIf(snapshot: WorkbookSnapshot, current: Pack, candidate: Pack, options: WhatIfOptions = {}): Promise<WhatIfResult> {
  const { now, next, branches }: { now: Assessment; next: Assessment; branches: BranchWhatIf[] } = await runBoth(snapshot, current, candidate, options);
  const before = new Map(now.cadres.map((c) => [keyOf(c), c]));
  const after = new Map(next.cadres.map((c) => [keyOf(c), c]));
  const labels = new Map([...current.indicators, ...candidate.indicators].map((i) => [i.id, i.label]));
  const cadres: CadreWhatIf[] = [];
  let unchanged = 0;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key);
    const a = after.get(key);
    const who = (a ?? b)!;
    const indicators = [...labels].flatMap(([id, label]) => {
      const x = b?.indicators[id] ?? 0;
      const y = a?.indicators[id] ?? 0;
      return x === y ? [] : [{ id, label, before: x, after: y, delta: round2(y - x) }];
    });
    const flagsBefore = b?.flags.map((f) => f.message) ?? [];
    const flagsAfter = a?.flags.map((f) => f.message) ?? [];
    const change: CadreWhatIf = {
      name: who.name,
      branch: who.branch,
      period: who.period,
      source: who.source,
      ...(b ? { before: outcome(b) } : {}),
      ...(a ? { after: outcome(a) } : {}),
      delta: round2((a?.score ?? 0) - (b?.score ?? 0)),
      indicators,
      gradeChanged: b?.grade !== a?.grade,
      flagsAdded: flagsAfter.filter((f) => !flagsBefore.includes(f)),
      flagsRemoved: flagsBefore.filter((f) => !flagsAfter.includes(f)),
    };
    if (change.delta === 0 && !change.gradeChanged && change.flagsAdded.length === 0 && change.flagsRemoved.length === 0 && indicators.length === 0) unchanged++;
    else cadres.push(change);
  }
  cadres.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || Number(y.gradeChanged) - Number(x.gradeChanged) || x.period.localeCompare(y.period) || x.name.localeCompare(y.name));
  return {
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
