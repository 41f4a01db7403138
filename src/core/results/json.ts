import type { Assessment } from '../assess/assess';
import { previousJson } from '../scheme/previous';

/** The CLI's --json shape: stable keys, JSON-safe values only. */
export function assessmentJson(a: Assessment, summary: string) {
  return {
    pack: a.packId,
    rulesVersion: a.rulesVersion,
    period: a.period ?? null,
    months: a.months,
    cadres: a.cadres.map((c) => ({
      name: c.name,
      branch: c.branch,
      period: c.period,
      score: c.score,
      grade: c.grade,
      stars: c.stars,
      rank: c.rank,
      indicators: c.indicators,
      flags: c.flags.map((f) => ({ rule: f.rule, message: f.message, messageEn: f.messageEn })),
      basis: c.basis,
      source: c.source,
      previous: previousJson(c),
    })),
    ledgers: a.ledgers.map((l) => ({ sheet: l.sheet, headerRows: l.headerRows, records: l.records, columns: l.columns, missing: l.missing, unmapped: l.unmapped })),
    warnings: a.warnings.map((w) => ({ sheet: w.sheet, cell: w.cell, message: w.message, messageEn: w.messageEn })),
    summary,
  };
}
