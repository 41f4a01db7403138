import { type BranchAssessment, branchOrder } from '../branch/result';
import type { Bilingual } from '../messages';
import type { SubjectResult } from '../scheme/result';
import type { BranchOutcome } from './whatif-compare';
import { subjectChanges } from './whatif-scheme';

export type { BranchOutcome };

/** How one branch's period would come out under the candidate rules, next to how it comes out now. */
export interface BranchWhatIf {
  name: string;
  period: string;
  before: BranchOutcome;
  after: BranchOutcome;
  delta: number;
  indicators: { id: string; label: string; before: number; after: number; delta: number }[];
  flagsAdded: Bilingual[];
  flagsRemoved: Bilingual[];
  risksAdded: Bilingual[];
  risksRemoved: Bilingual[];
}

export interface BranchChanges {
  /** Only the branches whose score, stars, standing, failed items or risk reasons change, the biggest change first. */
  branches: BranchWhatIf[];
  unchanged: number;
  counts: { up: number; down: number; starsChanged: number; standingChanged: number };
}

/** The failed must-meet items (未达标事项), as the branch sheet lists them: not a veto's or the bottom share's flag. */
const failedItems = (r: SubjectResult) => r.flags.filter((f) => f.item);


/** The judgement in the branch sheet's order, each result with its key: its branch's roster id and its period. */
function keyed(assessment: BranchAssessment): [SubjectResult, string][] {
  const ids = new Map(assessment.branches.map((b) => [`${b.name}\u0000${b.period}`, b.id]));
  return [...assessment.results].sort(branchOrder).map((r) => [r, `${ids.get(`${r.name}\u0000${r.period}`)}\u0000${r.period}`]);
}

/**
 * Compares two branch assessments of the same workbook, branch by branch and
 * period by period: what the what-if lists, whether the cadre rules changed (a
 * cadre graded 不合格 is a branch item) or the branch rules did. A branch only
 * one side names is not compared.
 */
export function branchChanges(now: BranchAssessment | undefined, next: BranchAssessment | undefined, labels: Map<string, string>): BranchChanges {
  if (!now || !next) return { branches: [], unchanged: 0, counts: { up: 0, down: 0, starsChanged: 0, standingChanged: 0 } };
  const [before, after] = [keyed(now), keyed(next)];
  const keys = new Map([...before, ...after]);
  const all = subjectChanges(
    before.map(([r]) => r),
    after.map(([r]) => r),
    { key: (r) => keys.get(r)!, labels, flags: failedItems, watch: ['stars', 'standing', 'flags', 'risks'] },
  );
  const { up, down, starsChanged, standingChanged } = all.counts;
  return { branches: all.subjects.map(({ group: _group, gradeChanged: _grade, ...b }) => b), unchanged: all.unchanged, counts: { up, down, starsChanged, standingChanged } };
}
