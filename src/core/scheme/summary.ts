import { t } from '../messages';
import { periodLabel } from '../period';
import type { Summary } from '../results/summary';
import { comparisonSentences } from './previous';
import type { SchemeAssessment, SubjectResult } from './result';
import type { Scheme } from './schema';

const NAMES_SHOWN = 6;
const pct = (n: number, d: number) => (d === 0 ? '0%' : `${((n / d) * 100).toFixed(1)}%`);

/**
 * A declared assessment's summary in the skeleton staff use (基本情况, 主要成效,
 * 存在问题, 下步打算), every sentence built from the results. People and
 * person-periods are counted apart: over one period a subject is one 名, over
 * several each period is one 人次.
 */
export function schemeSummary(a: SchemeAssessment, scheme: Scheme): Summary {
  const scope = a.periods.length === 0 ? (a.period ? periodLabel(a.period) : '') : a.periods.length === 1 ? periodLabel(a.periods[0]!) : t('sumSpan', { from: periodLabel(a.periods[0]!), to: periodLabel(a.periods.at(-1)!) });
  const title = t('sumTitle', { scope, title: scheme.title });
  const results = a.results;
  const heading = (n: 1 | 2 | 3 | 4) => t(`sumHeading${n}`);
  if (results.length === 0) return { title, sections: [{ heading: heading(1), sentences: [t('sumNone'), ...a.notes.map((n) => n.message)] }] };

  const several = a.periods.length > 1;
  const who = (r: SubjectResult) => (several ? `${r.name}（${periodLabel(r.period)}）` : r.name);
  const list = (rs: SubjectResult[]) => {
    const names = [...new Set(rs.map(who))];
    return names.length > NAMES_SHOWN ? t('sumNamesMore', { names: names.slice(0, NAMES_SHOWN).join('、'), count: names.length }) : names.join('、');
  };
  const unit = t(several ? 'sumUnitTimes' : 'sumUnitPeople');
  const people = new Set(results.map((r) => `${r.name}\u0000${r.group ?? ''}`)).size;
  const scores = results.map((r) => r.score);
  const top = Math.max(...scores);
  const bottom = Math.min(...scores);
  const mean = scores.reduce((x, y) => x + y, 0) / scores.length;

  const basics = [
    t(several ? 'sumBasicsSeveral' : 'sumBasics', { scope, subject: scheme.subject, people, count: results.length, periods: a.periods.length }),
    t('sumScores', { mean: mean.toFixed(1), top, topNames: list(results.filter((r) => r.score === top)), bottom, bottomNames: list(results.filter((r) => r.score === bottom)) }),
    ...a.notes.map((n) => n.message),
  ];
  const byGrade = scheme.grades.map((g) => ({ grade: g.grade, n: results.filter((r) => r.grade === g.grade).length }));
  const achievements = [t('sumGrades', { grades: byGrade.map(({ grade, n }) => `${grade}${n}${unit}（${pct(n, results.length)}）`).join('，') })];
  const best = results.filter((r) => r.grade === scheme.grades[0]!.grade);
  if (best.length > 0) achievements.push(t('sumBest', { grade: scheme.grades[0]!.grade, names: list(best) }));
  for (const o of scheme.outputs) {
    if (!('product' in o)) continue;
    const total = results.reduce((s, r) => s + (typeof r.values[o.id] === 'number' ? (r.values[o.id] as number) : 0), 0);
    achievements.push(t('sumOutputTotal', { label: o.label, total: Math.round(total * 100) / 100 }));
  }

  const compared = comparisonSentences(results, who, unit);
  achievements.push(...compared.gains);

  const problems: string[] = [...compared.losses];
  const topics = new Map<string, SubjectResult[]>();
  for (const r of results) {
    for (const f of r.flags) {
      // A failed must-meet item is one topic whatever its figures; a missing entry or a veto says what in its message.
      const topic = f.item ? f.item.label : f.rule.startsWith('missing:') || f.rule.startsWith('veto:') ? f.message : f.message.replace(/[（：].*$/, '');
      if (!topics.has(topic)) topics.set(topic, []);
      topics.get(topic)!.push(r);
    }
  }
  for (const [topic, rs] of [...topics].sort((x, y) => y[1].length - x[1].length)) problems.push(t('sumProblem', { topic, count: rs.length, unit, names: list(rs) }));
  const atRisk = results.filter((r) => r.risk);
  if (atRisk.length > 0 && scheme.risk) {
    const names = atRisk.map((r) => `${who(r)}（${r.riskReasons.map((x) => x.message).join('、')}）`);
    problems.push(t('sumRisk', { label: scheme.risk.label, count: atRisk.length, unit, names: names.join('；') }));
  }
  const dropped = results.filter((r) => r.notes.some((n) => n.rule === 'quota'));
  if (dropped.length > 0 && scheme.quota) problems.push(t('sumQuota', { grade: scheme.quota.grade, count: dropped.length, unit, names: list(dropped) }));
  if (a.warnings.length > 0) problems.push(t('sumWarnings', { count: a.warnings.length, cells: a.warnings.slice(0, 3).map((w) => `${w.sheet}!${w.cell}`).join('、') }));
  if (problems.length === 0) problems.push(t('sumNoProblem', { count: results.length, unit }));

  const plans: string[] = [];
  const lowest = scheme.grades.length > 1 ? results.filter((r) => r.grade === scheme.grades.at(-1)!.grade) : [];
  if (lowest.length > 0) plans.push(t('sumPlanLowest', { grade: scheme.grades.at(-1)!.grade, count: lowest.length, unit, names: list(lowest) }));
  const lagging = results.filter((r) => r.flags.some((f) => f.rule === 'ranking:bottom'));
  if (lagging.length > 0 && scheme.ranking) plans.push(t('sumPlanBottom', { flag: scheme.ranking.flag, count: lagging.length, unit, names: list(lagging), action: scheme.ranking.action ?? t('sumPlanFollow') }));
  const deadlines = new Map<string, SubjectResult[]>();
  for (const r of results) if (r.rectifyBy) deadlines.set(r.rectifyBy, [...(deadlines.get(r.rectifyBy) ?? []), r]);
  for (const [deadline, rs] of deadlines) plans.push(t('sumPlanRectify', { count: rs.length, unit, names: list(rs), deadline }));
  if (a.warnings.length > 0 || results.some((r) => r.flags.some((f) => f.rule.startsWith('missing:')))) plans.push(t('sumPlanData'));
  if (plans.length === 0) plans.push(t('sumPlanKeep', { title: scheme.title }));

  return {
    title,
    sections: [
      { heading: heading(1), sentences: basics },
      { heading: heading(2), sentences: achievements },
      { heading: heading(3), sentences: problems },
      { heading: heading(4), sentences: plans },
    ],
  };
}
