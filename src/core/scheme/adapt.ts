import { t } from '../messages';
import type { Assessment } from '../assess/assess';
import { type BranchAssessment, branchOrder } from '../branch/result';
import type { BranchPack } from '../branch/schema';
import type { Pack } from '../pack/schema';
import { packScheme } from './from-pack';
import type { SchemeAssessment, SubjectResult, ValueColumn } from './result';

/**
 * The monthly cadre and the branch assessments in the one result shape, so
 * everything downstream (the assessments list, the quarterly roll-up that
 * reads monthly scores, JSON) treats all five assessments alike.
 */

const indicatorColumns = (indicators: { id: string; label: string; labelEn?: string }[]): ValueColumn[] =>
  indicators.map((i) => ({ id: i.id, label: i.label, labelEn: i.labelEn ?? i.label, percent: false, indicator: true }));

export function cadreAssessment(a: Assessment, pack: Pack): SchemeAssessment {
  // A note on a cadre's row is said as a warning on its cell; the result keeps its flags and points.
  const results: SubjectResult[] = a.results.map((r) => ({ ...r, notes: [], values: { ...r.indicators } }));
  return {
    id: pack.id,
    title: pack.title,
    titleEn: pack.titleEn ?? pack.title,
    subject: t('subjectStationedCadre'),
    subjectEn: t('subjectStationedCadre', {}, 'en'),
    periodKind: 'month',
    rulesVersion: a.rulesVersion,
    period: a.period,
    periods: a.months,
    ledgers: { [packScheme(pack).ledgers[0]!.id]: a.ledgers },
    results,
    columns: indicatorColumns(pack.indicators),
    notes: [],
    warnings: a.warnings,
  };
}

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
