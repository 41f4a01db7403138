import { previousJson } from '../scheme/previous';
import type { BranchAssessment } from './result';

/** The CLI's --json `branches`: stable keys, JSON-safe values, evidence with every flag. */
export function branchesJson(a: BranchAssessment) {
  return a.branches.map((b) => ({
    name: b.name,
    period: b.period,
    score: b.scored ? b.score : null,
    stars: b.stars,
    grade: b.grade,
    rank: b.rank,
    of: b.of,
    fallsShort: b.fallsShort,
    risk: b.risk,
    riskReasons: b.riskReasons.map((r) => r.message),
    flags: b.flags.map((f) => ({ rule: f.rule, message: f.message, expected: f.expected, actual: f.actual, messageEn: f.messageEn, evidence: f.evidence })),
    noData: b.noData.map((n) => ({ rule: n.rule, message: n.message })),
    starNotes: b.starNotes.map((n) => n.message),
    rectifyBy: b.rectifyBy,
    indicators: Object.fromEntries(Object.entries(b.indicators).map(([id, points]) => [id, b.excluded.includes(id) ? null : points])),
    values: b.values,
    names: b.variants,
    previous: previousJson(b),
  }));
}

/** What the branch run read and what it could not place: ledgers, coverage, unmatched names, rate checks. */
export function branchReportJson(a: BranchAssessment) {
  return {
    pack: a.packId,
    rulesVersion: a.rulesVersion,
    periods: a.periods,
    sheets: a.sheets,
    ledgers: [...a.ledgers.meetings, ...a.ledgers.work].map((l) => ({ sheet: l.sheet, subject: l.subject ?? null, headerRows: l.headerRows, records: l.records, columns: l.columns, unmapped: l.unmapped })),
    coverage: a.coverage,
    coverageNotes: a.coverageNotes.map((n) => ({ period: n.period, ledger: n.ledger, message: n.message })),
    unmatched: a.unmatched,
    rateChecks: a.rateChecks,
  };
}
