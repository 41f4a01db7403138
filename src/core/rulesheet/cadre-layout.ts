import { t } from '../messages';
import type { CadreScheme } from '../assess/scheme';
import { FactDirectory } from './facts';
import type { ReadContext } from './section';
import type { BlockLayout } from './scheme/block';
import { columnsSection } from './sections/columns';
import { derivedSection } from './sections/derived';
import { READ_ORDER } from './sections/index';
import { settingsSection } from './sections/settings';

/** What a cadre block's rules and tests may name: its columns and rates as read so far. */
const named = (ctx: ReadContext) => new FactDirectory(ctx.draft.columns, ctx.draft.derived);

/**
 * How the scheme reader reads a cadre block: 【列】 as its one ledger,
 * 【计算项】 as its ratio facts, 【设置】 as its single values after 【参数】
 * (the bottom share may name a parameter), each by the section that read it
 * on its own, in READ_ORDER, so every problem is said as and where it was.
 * The sections read into `ctx.draft`; the scheme is made from that.
 */
export const CADRE_LAYOUT: BlockLayout<CadreScheme> = {
  known: READ_ORDER,
  settingsTable: settingsSection.name,
  ledgersTable: columnsSection.name,
  factsTable: derivedSection.name,
  settingsAfterParams: true,
  readSettings: (view, ctx) => settingsSection.read(view, ctx),
  readLedgers: (view, ctx) => {
    if (view) columnsSection.read(view, ctx);
    // 【计算项】 name the columns.
    ctx.facts = named(ctx);
  },
  readFacts: (view, ctx) => view && derivedSection.read(view, ctx),
  facts: (_draft, ctx) => named(ctx),
  unknownFact: 'rsColumnUnknown',
  testNames: (_draft, ctx) => {
    ctx.facts = named(ctx);
  },
  scheme: (_draft, ctx) => {
    const pack = ctx.draft;
    return {
      id: pack.id,
      version: 1,
      title: pack.title,
      titleEn: pack.titleEn,
      // 【设置】 says only 干部 here (支部 makes a branch block); a block that says nothing is left without, for validatePack to name.
      ...(pack.subject ? { subject: t('subjectStationedCadre'), subjectEn: t('subjectStationedCadre', {}, 'en') } : {}),
      periodKind: 'month',
      params: pack.params,
      ledgers: [{ id: 'ledger', title: pack.title, columns: pack.columns, ignoredColumns: pack.ignoredColumns, standing: false }],
      facts: pack.derived.map((d) => ({ fact: d.fact, label: d.label, ...(d.labelEn ? { labelEn: d.labelEn } : {}), source: 'ratio' as const, numerator: d.numerator, denominator: d.denominator })),
      indicators: pack.indicators,
      rules: pack.rules,
      grades: pack.grades,
      ...(pack.ranking ? { ranking: pack.ranking } : {}),
    };
  },
};
