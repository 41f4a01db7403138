import { type BranchAssessment, branchOrder } from '../branch/result';
import type { Bilingual } from '../messages';
import type { SubjectResult } from '../scheme/result';
import { bilingual, compareResults } from './whatif-compare';

/** How one branch's period comes out: what the what-if compares. */
export interface BranchOutcome {
  score: number;
  grade: string;
  gradeEn: string;
  stars: number;
  fallsShort: boolean;
  risk: boolean;
  /** The must-meet items it fails (未达标事项). */
  flags: Bilingual[];
  /** Why it is at risk (软弱涣散风险). */
  riskReasons: Bilingual[];
  indicators: Record<string, number>;
}

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

/** A result as the what-if shows it; a branch's flags are its failed items only. */
export function outcomeOf(r: SubjectResult, flags: (r: SubjectResult) => SubjectResult['flags'] = (x) => x.flags): BranchOutcome {
  return {
    score: r.score,
    grade: r.grade,
    gradeEn: r.gradeEn,
    stars: r.stars,
    fallsShort: r.fallsShort,
    risk: r.risk,
    flags: flags(r).map(bilingual),
    riskReasons: r.riskReasons.map(bilingual),
    indicators: r.indicators,
  };
}

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
  const out: BranchChanges = { branches: [], unchanged: 0, counts: { up: 0, down: 0, starsChanged: 0, standingChanged: 0 } };
  if (!now || !next) return out;
  const [before, after] = [keyed(now), keyed(next)];
  const keys = new Map([...before, ...after]);
  const compared = compareResults(
    before.map(([r]) => r),
    after.map(([r]) => r),
    { key: (r) => keys.get(r)!, labels, flags: failedItems, watch: ['stars', 'standing', 'flags', 'risks'] },
  );
  for (const c of compared) {
    if (!c.before || !c.after) continue;
    if (!c.changed) {
      out.unchanged++;
      continue;
    }
    out.branches.push({
      name: c.before.name,
      period: c.before.period,
      before: outcomeOf(c.before, failedItems),
      after: outcomeOf(c.after, failedItems),
      delta: c.delta,
      indicators: c.indicators,
      flagsAdded: c.flagsAdded,
      flagsRemoved: c.flagsRemoved,
      risksAdded: c.risksAdded,
      risksRemoved: c.risksRemoved,
    });
    if (c.delta > 0) out.counts.up++;
    if (c.delta < 0) out.counts.down++;
    if (c.starsChanged) out.counts.starsChanged++;
    if (c.standingChanged) out.counts.standingChanged++;
  }
  out.branches.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.period.localeCompare(y.period) || x.name.localeCompare(y.name, 'zh'));
  return out;
}
