import type { SchemeAssessment, SubjectResult } from '../scheme/result';
import { type BranchOutcome, type BranchWhatIf, outcomeOf } from './whatif-branches';
import { compareResults } from './whatif-compare';

/** How one subject's period of a declared assessment would come out under the candidate rules: a branch's what-if, with the group that tells two 张伟 apart. */
export interface SubjectWhatIf extends BranchWhatIf {
  group: string | null;
  gradeChanged: boolean;
}

export interface SchemeChanges {
  /** Only the subjects whose score, grade, stars, standing, flags or risk reasons change, the biggest change first. */
  subjects: SubjectWhatIf[];
  unchanged: number;
  counts: { up: number; down: number; gradeChanged: number; standingChanged: number };
}

export type { BranchOutcome };

const keyOf = (r: SubjectResult) => `${r.name}\u0000${r.group ?? ''}\u0000${r.period}`;

/**
 * Compares two judgements of one declared assessment of the same workbook,
 * subject by subject and period by period. Rules do not decide who is
 * assessed, so a subject only one side has is not compared.
 */
export function schemeChanges(now: SchemeAssessment | undefined, next: SchemeAssessment | undefined, labels: Map<string, string>): SchemeChanges {
  const out: SchemeChanges = { subjects: [], unchanged: 0, counts: { up: 0, down: 0, gradeChanged: 0, standingChanged: 0 } };
  if (!now || !next) return out;
  for (const c of compareResults(now.results, next.results, { key: keyOf, labels, watch: ['grade', 'stars', 'standing', 'flags', 'risks'] })) {
    if (!c.before || !c.after) continue;
    if (!c.changed) {
      out.unchanged++;
      continue;
    }
    out.subjects.push({
      name: c.before.name,
      group: c.before.group,
      period: c.before.period,
      before: outcomeOf(c.before),
      after: outcomeOf(c.after),
      delta: c.delta,
      indicators: c.indicators,
      gradeChanged: c.gradeChanged,
      flagsAdded: c.flagsAdded,
      flagsRemoved: c.flagsRemoved,
      risksAdded: c.risksAdded,
      risksRemoved: c.risksRemoved,
    });
    if (c.delta > 0) out.counts.up++;
    if (c.delta < 0) out.counts.down++;
    if (c.gradeChanged) out.counts.gradeChanged++;
    if (c.standingChanged) out.counts.standingChanged++;
  }
  out.subjects.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.period.localeCompare(y.period) || x.name.localeCompare(y.name, 'zh'));
  return out;
}
