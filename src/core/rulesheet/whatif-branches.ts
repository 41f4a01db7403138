import { round2 } from '../assess/score';
import type { BranchAssessment, BranchResult } from '../branch/result';
import type { Bilingual } from '../messages';

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

const bilingual = (m: Bilingual): Bilingual => ({ message: m.message, messageEn: m.messageEn });

function outcome(b: BranchResult): BranchOutcome {
  return {
    score: b.score,
    grade: b.grade,
    gradeEn: b.gradeEn,
    stars: b.stars,
    fallsShort: b.fallsShort,
    risk: b.risk,
    flags: b.flags.map(bilingual),
    riskReasons: b.riskReasons.map(bilingual),
    indicators: b.indicators,
  };
}

/** Messages in `a` that `b` lacks, compared by their Chinese text (the English follows it). */
const missingFrom = (a: Bilingual[], b: Bilingual[]) => a.filter((m) => !b.some((n) => n.message === m.message));

/**
 * Compares two branch assessments of the same workbook, branch by branch and
 * period by period: what the what-if lists, whether the cadre rules changed (a
 * cadre graded 不合格 is a branch item) or the branch rules did.
 */
export function branchChanges(now: BranchAssessment | undefined, next: BranchAssessment | undefined, labels: Map<string, string>): BranchChanges {
  const out: BranchChanges = { branches: [], unchanged: 0, counts: { up: 0, down: 0, starsChanged: 0, standingChanged: 0 } };
  if (!now || !next) return out;
  const key = (b: BranchResult) => `${b.id}\u0000${b.period}`;
  const after = new Map(next.branches.map((b) => [key(b), b]));
  for (const b of now.branches) {
    const a = after.get(key(b));
    if (!a) continue;
    const before = outcome(b);
    const later = outcome(a);
    const indicators = [...labels].flatMap(([id, label]) => {
      const x = before.indicators[id] ?? 0;
      const y = later.indicators[id] ?? 0;
      return x === y ? [] : [{ id, label, before: x, after: y, delta: round2(y - x) }];
    });
    const change: BranchWhatIf = {
      name: b.name,
      period: b.period,
      before,
      after: later,
      delta: round2(later.score - before.score),
      indicators,
      flagsAdded: missingFrom(later.flags, before.flags),
      flagsRemoved: missingFrom(before.flags, later.flags),
      risksAdded: missingFrom(later.riskReasons, before.riskReasons),
      risksRemoved: missingFrom(before.riskReasons, later.riskReasons),
    };
    const standingChanged = before.fallsShort !== later.fallsShort || before.risk !== later.risk;
    const moved = change.delta !== 0 || before.stars !== later.stars || standingChanged || indicators.length > 0;
    const texts = change.flagsAdded.length + change.flagsRemoved.length + change.risksAdded.length + change.risksRemoved.length;
    if (!moved && texts === 0) {
      out.unchanged++;
      continue;
    }
    out.branches.push(change);
    if (change.delta > 0) out.counts.up++;
    if (change.delta < 0) out.counts.down++;
    if (before.stars !== later.stars) out.counts.starsChanged++;
    if (standingChanged) out.counts.standingChanged++;
  }
  out.branches.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.period.localeCompare(y.period) || x.name.localeCompare(y.name, 'zh'));
  return out;
}
