import { t } from '../messages';
import { indicatorColumns, type SchemeAssessment } from '../scheme/result';
import { type BranchAssessment, branchOrder } from './result';
import type { BranchPack } from './schema';

/**
 * The branch assessment in the one result shape, so everything downstream
 * (the assessments list, JSON) treats it as every other assessment.
 */
export function branchAssessment(a: BranchAssessment, pack: BranchPack): SchemeAssessment {
  const results = [...a.results].sort(branchOrder);
  return {
    id: pack.id,
    title: pack.title,
    titleEn: pack.titleEn ?? pack.title,
    subject: t('subjectBranch'),
    subjectEn: t('subjectBranch', {}, 'en'),
    periodKind: 'quarter',
    rulesVersion: a.rulesVersion,
    period: a.period,
    periods: a.periods,
    ledgers: { ...a.ledgers, ...a.declared },
    results,
    columns: indicatorColumns(pack.indicators),
    notes: a.coverageNotes.map(({ message, messageEn }) => ({ message, messageEn })),
    warnings: a.warnings,
  };
}
