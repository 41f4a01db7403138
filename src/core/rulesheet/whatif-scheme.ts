import type { SchemeAssessment, SubjectResult } from '../scheme/result';
import type { BranchWhatIf } from './whatif-branches';
import { type CompareOptions, compareResults, outcomeOf } from './whatif-compare';

/** How one subject's period would come out under the candidate rules: a branch's what-if, with the group that tells two 张伟 apart. */
export interface SubjectWhatIf extends BranchWhatIf {
  group: string | null;
  gradeChanged: boolean;
}

export interface SchemeChanges {
  /** Only the subjects whose score or a watched aspect changes, the biggest change first. */
  subjects: SubjectWhatIf[];
  unchanged: number;
  counts: { up: number; down: number; gradeChanged: number; starsChanged: number; standingChanged: number };
}

/**
 * Two judgements of one assessment of the same workbook, subject by subject
 * and period by period, as a what-if lists them. Rules do not decide who is
 * assessed, so a subject only one side has is not compared.
 */
export function subjectChanges(now: SubjectResult[], next: SubjectResult[], options: CompareOptions): SchemeChanges {
  const out: SchemeChanges = { subjects: [], unchanged: 0, counts: { up: 0, down: 0, gradeChanged: 0, starsChanged: 0, standingChanged: 0 } };
  for (const c of compareResults(now, next, options)) {
    if (!c.before || !c.after) continue;
    if (!c.changed) {
      out.unchanged++;
      continue;
    }
    out.subjects.push({
      name: c.before.name,
      group: c.before.group,
      period: c.before.period,
      before: outcomeOf(c.before, options.flags),
      after: outcomeOf(c.after, options.flags),
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
    if (c.starsChanged) out.counts.starsChanged++;
    if (c.standingChanged) out.counts.standingChanged++;
  }
  out.subjects.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.period.localeCompare(y.period) || x.name.localeCompare(y.name, 'zh'));
  return out;
}

const keyOf = (r: SubjectResult) => `${r.name}\u0000${r.group ?? ''}\u0000${r.period}`;

/** A declared assessment's results under its rules now and under the candidate, every aspect of a result watched. */
export function schemeChanges(now: SchemeAssessment | undefined, next: SchemeAssessment | undefined, labels: Map<string, string>): SchemeChanges {
  return subjectChanges(now?.results ?? [], next?.results ?? [], { key: keyOf, labels, watch: ['grade', 'stars', 'standing', 'flags', 'risks'] });
}
