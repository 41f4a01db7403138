import { type Lang, t } from '../messages';
import { periodLabel } from '../period';
import { counting, pct } from '../results/counts';
import { finished, type Summary } from '../results/summary';
import { comparisonSentences } from './previous';
import type { SchemeAssessment, SubjectResult } from './result';
import type { Scheme } from './schema';

/**
 * A declared assessment's summary in the skeleton staff use (基本情况, 主要成效,
 * 存在问题, 下步打算), every sentence built from the results. People and
 * person-periods are counted apart: over one period a subject is one 名, over
 * several each period is one 人次, and the people are said beside them.
 */
export function schemeSummary(a: SchemeAssessment, scheme: Scheme, lang: Lang = 'zh'): Summary {
  const m = (key: Parameters<typeof t>[0], params = {}) => t(key, params, lang);
  const en = lang === 'en';
  const period = (p: string) => periodLabel(p, lang);
  const scope = a.periods.length === 0 ? (a.period ? period(a.period) : '') : a.periods.length === 1 ? period(a.periods[0]!) : m('sumSpan', { from: period(a.periods[0]!), to: period(a.periods.at(-1)!) });
  const schemeTitle = (en && scheme.titleEn) || scheme.title;
  const title = scope ? m('sumTitle', { scope, title: schemeTitle }) : m('sumTitleAll', { title: schemeTitle });
  const results = a.results;
  const heading = (n: 1 | 2 | 3 | 4) => m(`sumHeading${n}`);
  const note = (n: { message: string; messageEn: string }) => (en ? n.messageEn : n.message);
  if (results.length === 0) return finished({ title, sections: [{ heading: heading(1), sentences: [m('sumNone'), ...a.notes.map(note)] }] }, lang);

  const several = a.periods.length > 1;
  const c = counting(several, lang);
  const who = (r: SubjectResult) => (several ? m('sumWhoPeriod', { name: r.name, period: period(r.period) }) : r.name);
  const subjectKey = (r: SubjectResult) => `${r.name}\u0000${r.group ?? ''}`;
  const list = (rs: SubjectResult[]) => c.names([...new Set(rs.map(who))], true);
  const count = (rs: SubjectResult[], particulars: string[] = []) => c.count(rs.length, new Set(rs.map(subjectKey)).size, particulars);
  const grade = (g: { grade: string; gradeEn?: string }) => (en && g.gradeEn) || g.grade;
  const people = new Set(results.map(subjectKey)).size;
  const scores = results.map((r) => r.score);
  const top = Math.max(...scores);
  const bottom = Math.min(...scores);
  const mean = scores.reduce((x, y) => x + y, 0) / scores.length;

  const basics = [
    m(several ? 'sumBasicsSeveral' : 'sumBasics', { scope, subject: (en && scheme.subjectEn) || scheme.subject, people, count: results.length, periods: a.periods.length }),
    m('sumScores', { mean: mean.toFixed(1), top, topNames: list(results.filter((r) => r.score === top)), bottom, bottomNames: list(results.filter((r) => r.score === bottom)) }),
    ...a.notes.map(note),
  ];
  const byGrade = scheme.grades.map((g) => ({ g, rs: results.filter((r) => r.grade === g.grade) }));
  const achievements = [m('sumGrades', { grades: byGrade.map(({ g, rs }) => `${grade(g)}${en ? ' ' : ''}${count(rs, [pct(rs.length, results.length)])}`).join(m('sumComma')) })];
  const best = results.filter((r) => r.grade === scheme.grades[0]!.grade);
  if (best.length > 0) achievements.push(m('sumBest', { grade: grade(scheme.grades[0]!), names: list(best) }));
  for (const o of scheme.outputs) {
    if (!('product' in o)) continue;
    const total = results.reduce((s, r) => s + (typeof r.values[o.id] === 'number' ? (r.values[o.id] as number) : 0), 0);
    achievements.push(m('sumOutputTotal', { label: (en && o.labelEn) || o.label, total: Math.round(total * 100) / 100 }));
  }

  const compared = comparisonSentences(results, { lang, who, count: (rs) => count(rs), unit: m(several ? 'sumUnitTimes' : 'sumUnitPeople') });
  achievements.push(...compared.gains);

  const problems: string[] = [...compared.losses];
  const topics = new Map<string, { topic: string; rs: SubjectResult[] }>();
  for (const r of results) {
    for (const f of r.flags) {
      // A failed must-meet item is one topic whatever its figures; a missing entry or a veto says what in its message.
      const whole = !f.item && (f.rule.startsWith('missing:') || f.rule.startsWith('veto:'));
      const key = f.item ? f.item.label : whole ? f.message : f.message.replace(/[（：].*$/, '');
      const topic = !en ? key : f.item ? f.item.labelEn : whole ? f.messageEn : f.messageEn.replace(/\s*[(:].*$/, '');
      if (!topics.has(key)) topics.set(key, { topic, rs: [] });
      topics.get(key)!.rs.push(r);
    }
  }
  for (const { topic, rs } of [...topics.values()].sort((x, y) => y.rs.length - x.rs.length)) problems.push(m('sumProblem', { topic, count: count(rs, [list(rs)]) }));
  const atRisk = results.filter((r) => r.risk);
  if (atRisk.length > 0 && scheme.risk) {
    const names = atRisk.map((r) => `${who(r)}${m('sumBracket', { text: r.riskReasons.map(note).join(m('sumSep')) })}`);
    problems.push(m('sumRisk', { label: (en && scheme.risk.labelEn) || scheme.risk.label, count: count(atRisk), names: names.join(m('sumSemi')) }));
  }
  const dropped = results.filter((r) => r.notes.some((n) => n.rule === 'quota'));
  if (dropped.length > 0 && scheme.quota) problems.push(m('sumQuota', { grade: grade(scheme.grades.find((g) => g.grade === scheme.quota!.grade) ?? scheme.quota), count: count(dropped), names: list(dropped) }));
  if (a.warnings.length > 0) problems.push(m('sumWarnings', { count: a.warnings.length, cells: a.warnings.slice(0, 3).map((w) => `${w.sheet}!${w.cell}`).join(m('sumSep')) }));
  if (problems.length === 0) problems.push(m('sumNoProblem', { count: count(results) }));

  const plans: string[] = [];
  const lowest = scheme.grades.length > 1 ? results.filter((r) => r.grade === scheme.grades.at(-1)!.grade) : [];
  if (lowest.length > 0) plans.push(m('sumPlanLowest', { grade: grade(scheme.grades.at(-1)!), count: count(lowest, [list(lowest)]) }));
  const lagging = results.filter((r) => r.flags.some((f) => f.rule === 'ranking:bottom'));
  if (lagging.length > 0 && scheme.ranking) {
    const action = (en ? scheme.ranking.actionEn : scheme.ranking.action) ?? m('sumPlanFollow');
    plans.push(m('sumPlanBottom', { flag: (en && scheme.ranking.flagEn) || scheme.ranking.flag, count: count(lagging, [list(lagging)]), action }));
  }
  const deadlines = new Map<string, SubjectResult[]>();
  for (const r of results) if (r.rectifyBy) deadlines.set(r.rectifyBy, [...(deadlines.get(r.rectifyBy) ?? []), r]);
  for (const [deadline, rs] of deadlines) plans.push(m('sumPlanRectify', { count: count(rs, [list(rs)]), deadline }));
  if (a.warnings.length > 0 || results.some((r) => r.flags.some((f) => f.rule.startsWith('missing:')))) plans.push(m('sumPlanData'));
  if (plans.length === 0) plans.push(m('sumPlanKeep', { title: schemeTitle }));

  return finished({
    title,
    sections: [
      { heading: heading(1), sentences: basics },
      { heading: heading(2), sentences: achievements },
      { heading: heading(3), sentences: problems },
      { heading: heading(4), sentences: plans },
    ],
  }, lang);
}
