import type { SchemeAssessment, SubjectResult } from '../scheme/result';

/** A subject and period that needs attention, with the assessment it was judged in. */
export interface AttentionEntry {
  assessment: SchemeAssessment;
  result: SubjectResult;
}

/** What the 需关注 list is narrowed to: an assessment's id, a group, a flag's key; empty for all. */
export interface AttentionFilter {
  assessment: string;
  group: string;
  flag: string;
}

/** A kind of flag the list can be narrowed to, in words, with how many entries carry it. */
export interface FlagKind {
  key: string;
  label: string;
  labelEn: string;
  count: number;
}

export const needsAttention = (r: SubjectResult) => r.risk || r.fallsShort || r.flags.length > 0;

const failedItems = (r: SubjectResult) => r.flags.filter((f) => f.item).length;

/**
 * An unscored subject has no grade or score to be low, and a grade of no stars
 * (an assessment graded in words only) none to compare with another
 * assessment's: both sort after every starred one on that key.
 */
const starsOf = (r: SubjectResult) => (r.scored && r.stars > 0 ? r.stars : Number.POSITIVE_INFINITY);
const scoreOf = (r: SubjectResult) => (r.scored ? r.score : Number.POSITIVE_INFINITY);

/**
 * Most severe first: at risk, then falling short, then the lowest grade
 * (fewest stars), then the most failed items and flags, then the lowest score.
 * Stars, not grade names, so results of different assessments compare.
 */
export function bySeverity(a: SubjectResult, b: SubjectResult): number {
  return (
    Number(b.risk) - Number(a.risk) ||
    Number(b.fallsShort) - Number(a.fallsShort) ||
    starsOf(a) - starsOf(b) ||
    failedItems(b) - failedItems(a) ||
    b.flags.length - a.flags.length ||
    scoreOf(a) - scoreOf(b)
  );
}

/** Every result of the run that needs attention, across assessments, most severe first (ties keep the run's order). */
export function attentionList(assessments: SchemeAssessment[]): AttentionEntry[] {
  const entries = assessments.flatMap((assessment) => assessment.results.filter(needsAttention).map((result) => ({ assessment, result })));
  return entries.sort((a, b) => bySeverity(a.result, b.result));
}

/** The village or branch a result belongs to; a subject with no group (a branch) is its own. */
export const groupOf = (r: SubjectResult) => r.group ?? r.name;

/** A failed item by its label; any other flag by its rule, as one assessment's wording of a ranking and another's are the same rule. */
export const flagKey = (f: SubjectResult['flags'][number]) => (f.item ? `item:${f.item.label}` : f.rule);

/** A flag's words, short enough for a drop-down: a failed item's label, else its message up to the figures in brackets. */
function flagLabel(f: SubjectResult['flags'][number]): { label: string; labelEn: string } {
  if (f.item) return { label: f.item.label, labelEn: f.item.labelEn };
  return { label: f.message.replace(/[（(].*$/, ''), labelEn: f.messageEn.replace(/\s*\(.*$/, '') };
}

/** The kinds of flag the entries carry, each named as the first (most severe) entry words it, in order of first appearance. */
export function flagKinds(entries: AttentionEntry[]): FlagKind[] {
  const kinds = new Map<string, FlagKind>();
  for (const { result } of entries) {
    for (const key of new Set(result.flags.map(flagKey))) {
      const kind = kinds.get(key);
      if (kind) kind.count++;
      else kinds.set(key, { key, ...flagLabel(result.flags.find((f) => flagKey(f) === key)!), count: 1 });
    }
  }
  return [...kinds.values()];
}

export function filterAttention(entries: AttentionEntry[], filter: AttentionFilter): AttentionEntry[] {
  return entries.filter(
    ({ assessment, result }) =>
      (!filter.assessment || assessment.id === filter.assessment) &&
      (!filter.group || groupOf(result) === filter.group) &&
      (!filter.flag || result.flags.some((f) => flagKey(f) === filter.flag)),
  );
}
