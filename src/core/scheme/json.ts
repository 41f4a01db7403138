import { previousJson } from './previous';
import { columnValue, type SchemeAssessment } from './result';

/** The CLI's --json `assessments`: every assessment in the one result shape, values by the label its sheet shows. */
export function assessmentsJson(list: SchemeAssessment[]) {
  return list.map((a) => ({
    id: a.id,
    title: a.title,
    subject: a.subject,
    periodKind: a.periodKind,
    rulesVersion: a.rulesVersion,
    periods: a.periods,
    notes: a.notes.map((n) => n.message),
    results: a.results.map((r) => ({
      name: r.name,
      group: r.group,
      period: r.period,
      score: r.score,
      grade: r.grade,
      stars: r.stars,
      rank: r.rank,
      fallsShort: r.fallsShort,
      risk: r.risk,
      riskReasons: r.riskReasons.map((x) => x.message),
      flags: r.flags.map((f) => ({ rule: f.rule, message: f.message })),
      notes: r.notes.map((n) => n.message),
      values: Object.fromEntries(a.columns.map((c) => [c.label, columnValue(c, r)])),
      source: r.source,
      previous: previousJson(r),
    })),
  }));
}
