import { attentionList } from './attention';
import type { GradeBand } from '../pack/schema';
import type { SchemeAssessment, SubjectResult } from '../scheme/result';

/**
 * What the sidebar's charts draw, worked out from any assessment's results
 * alone: the same numbers feed the SVG and the sentence or table that says it
 * in words, so the two cannot disagree.
 */

/** How many results of an assessment got one grade band. */
export interface BandCount {
  grade: string;
  gradeEn: string;
  stars: number;
  count: number;
}

export interface Distribution {
  /** Every band of the assessment, highest first, empty ones included so the scale reads the same each period. */
  bands: BandCount[];
  /** Results with no data to score: they have no band. */
  unscored: number;
  /** Every result counted, scored or not: subjects in one period, subject-periods over several. */
  total: number;
}

export function gradeDistribution(a: SchemeAssessment, grades: GradeBand[]): Distribution {
  const bands = grades.map((g) => ({ grade: g.grade, gradeEn: g.gradeEn ?? g.grade, stars: g.stars, count: 0 }));
  let unscored = 0;
  for (const r of a.results) {
    const band = r.scored ? bands.find((b) => b.grade === r.grade) : undefined;
    if (band) band.count++;
    else unscored++;
  }
  return { bands, unscored, total: a.results.length };
}

/**
 * The score a subject must reach not to sit in the lowest band: the lowest
 * band's upper edge (60 for 不合格 and for a branch's 一星). Undefined for an
 * assessment with a single band, which has no such edge.
 */
export function passLine(grades: GradeBand[]): GradeBand | undefined {
  const ordered = [...grades].sort((x, y) => y.min - x.min);
  return ordered.length > 1 ? ordered.at(-2) : undefined;
}

/** One subject's result in one period, as a bar or a point draws it. */
export interface ScoreMark {
  name: string;
  period: string;
  score: number;
  grade: string;
  gradeEn: string;
  stars: number;
  /** Failed a must-meet item (or a veto, or the lowest band that falls short). */
  fallsShort: boolean;
  risk: boolean;
  /** Has a flag, falls short or is at risk: what puts a subject in the list of those to look at. */
  flagged: boolean;
}

const mark = (r: SubjectResult): ScoreMark => ({
  name: r.name,
  period: r.period,
  score: r.score,
  grade: r.grade,
  gradeEn: r.gradeEn,
  stars: r.stars,
  fallsShort: r.fallsShort,
  risk: r.risk,
  flagged: r.flags.length > 0 || r.fallsShort || r.risk,
});

/** The scored results of one period, highest score first (ties by name, so the order is stable). */
export function periodScores(a: SchemeAssessment, period: string): ScoreMark[] {
  return a.results
    .filter((r) => r.period === period && r.scored)
    .map(mark)
    .sort((x, y) => y.score - x.score || x.name.localeCompare(y.name, 'zh-CN'));
}

/** The subjects of an assessment by name, in the order its results first give them. */
export function subjectNames(a: SchemeAssessment): string[] {
  return [...new Set(a.results.map((r) => r.name))];
}

/** The subject whose trend is shown when none was picked: the first of the 需关注 list, else the first listed. */
export function firstToWatch(a: SchemeAssessment): string | undefined {
  return (attentionList([a])[0]?.result ?? a.results[0])?.name;
}

/** A subject's place in one period of the assessment: its result, or null where it has none or was not scored. */
export interface SeriesPoint {
  period: string;
  mark: ScoreMark | null;
}

/**
 * One subject's results over every period the assessment judged, in order,
 * with a gap where it has no scored result. Subjects are told apart by name,
 * as the result sheets list them across periods.
 */
export function subjectSeries(a: SchemeAssessment, name: string): SeriesPoint[] {
  return a.periods.map((period) => {
    const r = a.results.find((x) => x.name === name && x.period === period && x.scored);
    return { period, mark: r ? mark(r) : null };
  });
}
