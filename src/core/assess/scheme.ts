import type * as z from 'zod';
import { type ReadOptions, type ReadResult, readLedgerSheets } from '../ledger/read';
import { t } from '../messages';
import type { Pack, PackInput } from '../pack/schema';
import { schemeLedgerSpec } from '../scheme/ledgers';
import type { Scheme, SchemeFactSchema } from '../scheme/schema';
import type { WorkbookSnapshot } from '../snapshot';

/** The cadre ledger's title: the pack's, as a ledger (驻村干部月度考核台账). */
const cadreLedgerTitle = (pack: Pack) => ({
  title: t('cadreLedgerTitle', { title: pack.title }),
  titleEn: t('cadreLedgerTitle', { title: pack.titleEn ?? t('subjectStationedCadre', {}, 'en') }, 'en'),
});

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
    // A cadre's row is a month of work: a sheet naming a quarter is not read as one.
    ledgers: [{ id: 'ledger', ...cadreLedgerTitle(pack), columns: pack.columns, ignoredColumns: pack.ignoredColumns, standing: false, monthsOnly: true }],
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

/**
 * A scheme of the cadre pack's shape, declared or as a cadre block reads it
 * (a part its cells did not give left out, for validatePack to name): one
 * ledger of the pack's columns, its rates as ratio facts.
 */
export interface CadreScheme {
  id?: string;
  version: 1;
  title?: string;
  titleEn?: string;
  subject?: string;
  subjectEn?: string;
  periodKind: Scheme['periodKind'];
  params?: PackInput['params'];
  ledgers: { id: string; title?: string; columns: PackInput['columns']; ignoredColumns?: string[]; standing?: boolean }[];
  facts: z.input<typeof SchemeFactSchema>[];
  indicators: PackInput['indicators'];
  rules: PackInput['rules'];
  grades: PackInput['grades'];
  ranking?: PackInput['ranking'];
}

/**
 * The cadre pack a scheme of its shape stands for, the inverse of packScheme:
 * its one ledger's columns, its ratio facts as derived rates, and the rest as
 * the scheme holds it. Not yet validated (validatePack does that).
 */
export function packOf(scheme: CadreScheme) {
  const [ledger] = scheme.ledgers;
  return {
    id: scheme.id,
    version: 1 as const,
    title: scheme.title,
    titleEn: scheme.titleEn,
    // The one subject a scheme of this shape has; a block that named none is left without, to be said.
    subject: scheme.subject === undefined ? undefined : ('cadre' as const),
    params: scheme.params,
    columns: ledger?.columns ?? [],
    ignoredColumns: ledger?.ignoredColumns ?? [],
    derived: scheme.facts.flatMap((f) =>
      f.source === 'ratio' ? [{ fact: f.fact, label: f.label, ...(f.labelEn ? { labelEn: f.labelEn } : {}), op: 'ratio' as const, numerator: f.numerator, denominator: f.denominator }] : [],
    ),
    indicators: scheme.indicators,
    rules: scheme.rules,
    grades: scheme.grades,
    ...(scheme.ranking ? { ranking: scheme.ranking } : {}),
  };
}

/**
 * Reads every ledger of a pack in a workbook: finds each sheet's header, maps its
 * columns, and turns each data row into a record of typed facts. Anything that
 * cannot be read becomes a warning naming the sheet and cell; the row is kept
 * with that fact missing, so the cadre is still assessed. The sheets are read as
 * the one ledger of the pack's scheme, as every assessment's ledgers are.
 */
export function readLedgers(workbook: WorkbookSnapshot, pack: Pack, options: ReadOptions = {}): ReadResult {
  return readLedgerSheets(workbook, schemeLedgerSpec(packScheme(pack).ledgers[0]!), options);
}
