import { t } from '../messages';
import type { Pack } from '../pack/schema';
import { indicatorColumns, type SchemeAssessment, type SubjectResult } from '../scheme/result';
import type { Assessment } from './assess';
import { packScheme } from './scheme';

/**
 * The monthly cadre assessment in the one result shape, so everything
 * downstream (the assessments list, the quarterly roll-up that reads monthly
 * scores, JSON) treats it as every other assessment.
 */
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
