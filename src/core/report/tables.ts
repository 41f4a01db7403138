import { starText } from '../assess/grade';
import { type Lang, t } from '../messages';
import { periodLabel } from '../period';
import type { SchemeAssessment, SubjectResult } from '../scheme/result';
import type { Scheme } from '../scheme/schema';
import { table, type TableBlock } from './document';

const pct = (n: number, d: number) => (d === 0 ? '0%' : `${((n / d) * 100).toFixed(1)}%`);

/** One subject, whatever the periods: the same name in another group is someone else. */
export const personKey = (r: SubjectResult) => `${r.name}\u0000${r.group ?? ''}`;

/** Whether any subject has more than one period in the assessment: only then is the period a column. */
const severalPeriods = (a: SchemeAssessment) => a.periods.length > 1;

const gradeOf = (r: SubjectResult, lang: Lang) => (lang === 'en' ? r.gradeEn : r.grade);

export interface GradeCount {
  grade: string;
  stars?: number;
  /** Distinct subjects with this grade in some period. */
  people: number;
  /** Results with this grade: a subject graded so in two months counts twice. */
  times: number;
}

/** The grade bands in the scheme's order, each with how many people and person-periods got it; a grade no band has (not scored) last. */
export function gradeCounts(a: SchemeAssessment, scheme: Scheme, lang: Lang): GradeCount[] {
  const starred = scheme.grades.some((g) => g.stars > 0);
  const count = (rs: SubjectResult[]) => ({ people: new Set(rs.map(personKey)).size, times: rs.length });
  const bands = scheme.grades.map((g) => {
    const rs = a.results.filter((r) => r.scored && r.grade === g.grade);
    return { grade: (lang === 'en' && g.gradeEn) || g.grade, ...(starred ? { stars: g.stars } : {}), ...count(rs) };
  });
  const others = a.results.filter((r) => !r.scored || !scheme.grades.some((g) => g.grade === r.grade));
  return others.length > 0 ? [...bands, { grade: t('rptNotScored', {}, lang), ...count(others) }] : bands;
}

export function gradeTable(a: SchemeAssessment, scheme: Scheme, lang: Lang): TableBlock {
  const counts = gradeCounts(a, scheme, lang);
  const starred = counts.some((c) => c.stars !== undefined);
  const m = (key: Parameters<typeof t>[0]) => t(key, {}, lang);
  const header = [m('rptColGrade'), ...(starred ? [m('rptColStars')] : []), m('rptColPeople'), m('rptColTimes'), m('rptColShare')];
  const rows = counts.map((c) => [c.grade, ...(starred ? [c.stars === undefined ? '' : starText(c.stars)] : []), String(c.people), String(c.times), pct(c.times, a.results.length)]);
  return table(header, rows, starred ? [3, 3, 2, 2, 2] : [3, 2, 2, 2]);
}

/** The results the report lists under 存在问题: those that fall short (a failed item, a low band, the bottom of the ranking) or are at risk. */
export const fallingShort = (a: SchemeAssessment) => a.results.filter((r) => r.fallsShort || r.risk);

/** Why a result falls short or is at risk: its flags (a failed item says what it is) and its risk reasons; else its grade. */
export function reasonsOf(r: SubjectResult, lang: Lang): string[] {
  const flags = r.flags.map((f) => (lang === 'en' ? f.messageEn : f.message));
  const reasons = [...new Set([...flags, ...r.riskReasons.map((x) => (lang === 'en' ? x.messageEn : x.message))])];
  return reasons.length > 0 ? reasons : [t('rptGradedReason', { grade: gradeOf(r, lang) }, lang)];
}

const sep = (lang: Lang) => t('rptListSep', {}, lang);

/** The columns that say who: the subject, its group when it has one, the period when there are several. */
function whoColumns(a: SchemeAssessment, lang: Lang) {
  const grouped = a.results.some((r) => r.group);
  const several = severalPeriods(a);
  return {
    header: [t('rptColSubject', {}, lang), ...(grouped ? [t('rptColGroup', {}, lang)] : []), ...(several ? [t('rptColPeriod', {}, lang)] : [])],
    weights: [2, ...(grouped ? [3] : []), ...(several ? [2.6] : [])],
    cells: (r: SubjectResult) => [r.name, ...(grouped ? [r.group ?? ''] : []), ...(several ? [periodLabel(r.period, lang)] : [])],
  };
}

export function fallsShortTable(a: SchemeAssessment, lang: Lang): TableBlock {
  const who = whoColumns(a, lang);
  const header = [...who.header, t('rptColScore', {}, lang), t('rptColGrade', {}, lang), t('rptColReasons', {}, lang)];
  const rows = fallingShort(a).map((r) => [...who.cells(r), String(r.score), gradeOf(r, lang), reasonsOf(r, lang).join(sep(lang))]);
  return table(header, rows, [...who.weights, 1.5, 1.7, 7]);
}

/** The results on the rectification list: those that fall short, are at risk or have a deadline. */
export const toRectify = (a: SchemeAssessment) => a.results.filter((r) => r.fallsShort || r.risk || r.rectifyBy !== null);

/**
 * What a result is to put right: the risk's rectification, each failed
 * item's fix, the ranking's action (or close follow-up), and for the lowest
 * band, or a shortfall nothing else names, the indicators one by one.
 */
export function tasksOf(r: SubjectResult, scheme: Scheme, lang: Lang): string[] {
  const tasks = r.flags.flatMap((f) => {
    if (f.item) return [lang === 'en' ? f.item.fixEn : f.item.fix];
    if (f.rule === 'ranking:bottom') return [(lang === 'en' ? scheme.ranking?.actionEn : undefined) ?? scheme.ranking?.action ?? t('sumPlanFollow', {}, lang)];
    return [];
  });
  if (r.risk && scheme.risk) tasks.unshift(t('rptRiskTask', { label: (lang === 'en' && scheme.risk.labelEn) || scheme.risk.label }, lang));
  const lowest = scheme.grades.length > 1 && r.grade === scheme.grades.at(-1)!.grade;
  if (lowest || (tasks.length === 0 && r.fallsShort)) tasks.unshift(t('rptLowTask', { grade: gradeOf(r, lang) }, lang));
  return [...new Set(tasks)];
}

/** 责任单位: the group a subject belongs to (a cadre's village), else the subject itself (a branch). */
export const responsibleUnit = (r: SubjectResult) => r.group ?? r.name;

export function rectifyTable(a: SchemeAssessment, scheme: Scheme, lang: Lang): TableBlock {
  const who = whoColumns(a, lang);
  const header = [t('rptColNo', {}, lang), ...who.header, t('rptColTask', {}, lang), t('rptColUnit', {}, lang), t('rptColDeadline', {}, lang)];
  const rows = toRectify(a).map((r, i) => [String(i + 1), ...who.cells(r), tasksOf(r, scheme, lang).join(sep(lang)), responsibleUnit(r), r.rectifyBy ?? t('rptNoDeadline', {}, lang)]);
  return table(header, rows, [1, ...who.weights, 6, 3, 2.5]);
}
