import { t } from '../messages';
import type { Pack } from '../pack/schema';
import type { Scheme } from './schema';

/**
 * The monthly cadre pack as an assessment of the one model: its ledger is
 * the pack's columns, its derived rates are ratio facts, and its indicators,
 * rules, bands and ranking are the pack's own. Each ledger row is judged and
 * ranked by the same SchemeAssessor as every declared assessment.
 */
export function packScheme(pack: Pack): Scheme {
  return {
    id: pack.id,
    version: 1,
    title: pack.title,
    ...(pack.titleEn ? { titleEn: pack.titleEn } : {}),
    subject: t('subjectStationedCadre'),
    subjectEn: t('subjectStationedCadre', {}, 'en'),
    periodKind: 'month',
    params: pack.params,
    ledgers: [{ id: 'ledger', title: pack.title, columns: pack.columns, ignoredColumns: pack.ignoredColumns, standing: false }],
    facts: pack.derived.map((d) => ({ fact: d.fact, label: d.label, ...(d.labelEn ? { labelEn: d.labelEn } : {}), source: 'ratio' as const, numerator: d.numerator, denominator: d.denominator })),
    indicators: pack.indicators,
    rules: pack.rules,
    grades: pack.grades,
    vetoes: [],
    ...(pack.ranking ? { ranking: pack.ranking } : {}),
    outputs: [],
    requirements: [],
    rescale: false,
    lowestFallsShort: true,
    coverShare: 0,
  };
}
