import type { MessageKey } from '../../messages';
import { t } from '../../messages';
import type { Scheme } from '../../scheme/schema';
import { a1 } from '../../snapshot';
import { FactDirectory } from '../facts';
import { headerKey, type SheetBlock, type TableView } from '../grid';
import type { ReadContext, TableOut } from '../section';
import { gradesSection } from '../sections/grades';
import { indicatorsSection } from '../sections/indicators';
import { readParams, writeParams } from '../sections/params';
import { rulesSection } from '../sections/rules';
import { collectTables } from '../tables';
import type { SchemeTestCase } from '../../scheme/rule-tests';
import { testsSection, writeTests } from '../sections/tests';
import { ownRiskName } from '../rule-tests';
import { type ConditionTable, readConditionTable, writeConditionTable } from '../branch/condition-table';
import { SCHEME_REQUIREMENTS, SCHEME_RISK } from './conditions';
import { emptyDraft, type SchemeDraft } from './draft';
import { readFacts, SCHEME_FACT_SCOPE, writeFacts } from './facts';
import { readLedgers, writeLedgers } from './ledgers';
import { readSchemeSettings, RISK_ROWS, writeSchemeSettings } from './settings';
import { readOutputs, readQuota, readRanking, readVetoes, writeOutputs, writeQuota, writeRanking, writeVetoes, writtenOutputIds } from './standing';
import { schemeFacts, schemeRiskFacts, schemeTestInputs, schemeTestValues, schemeView } from './view';

/** An assessment scheme as the rules sheet holds it, with the cases of its 【规则测试】 table. */
export interface SchemeEntry {
  scheme: Scheme;
  tests: SchemeTestCase[];
}

/** One table of a block as laid out: its name, hint and content. */
interface Laid {
  name: MessageKey;
  hint: MessageKey;
  table: TableOut;
}

/**
 * The tables of a scheme block, in the order a clerk fills them: what is
 * assessed, its standards, the ledgers and the facts counted from them, then
 * scoring (the cadre block's 【指标】【规则】【等次】), vetoes, the must-meet
 * items and risk criteria (in the branch block's cells), standing, and last its
 * rule tests, laid out as the cadre block's with a column per expected output
 * and, where it has a risk, the branch block's column of the risk expected.
 * Every table is written even when empty, so a clerk fills rows instead of making tables.
 */
export function schemeTables({ scheme, tests }: SchemeEntry): Laid[] {
  const view = schemeView(scheme);
  return [
    { name: 'rsTableScheme', hint: 'rsHintScheme', table: writeSchemeSettings(scheme) },
    { name: 'rsTableParams', hint: 'rsHintParams', table: writeParams(scheme.params) },
    { name: 'rsTableLedgers', hint: 'rsHintLedgers', table: writeLedgers(scheme.ledgers) },
    { name: 'rsTableFacts', hint: 'rsHintFacts', table: writeFacts(scheme.ledgers, scheme.facts) },
    { name: indicatorsSection.name, hint: indicatorsSection.hint, table: indicatorsSection.write(view) },
    { name: rulesSection.name, hint: 'rsHintSchemeRules', table: rulesSection.write(view) },
    { name: gradesSection.name, hint: gradesSection.hint, table: gradesSection.write(view) },
    { name: 'rsTableVetoes', hint: 'rsHintVetoes', table: writeVetoes(scheme) },
    { name: SCHEME_REQUIREMENTS.name, hint: SCHEME_REQUIREMENTS.hint, table: writeConditionTable(SCHEME_REQUIREMENTS, scheme) },
    { name: SCHEME_RISK.name, hint: SCHEME_RISK.hint, table: writeConditionTable(SCHEME_RISK, scheme) },
    { name: 'rsTableQuota', hint: 'rsHintQuota', table: writeQuota(scheme) },
    { name: 'rsTableRanking', hint: 'rsHintRanking', table: writeRanking(scheme) },
    { name: 'rsTableOutputs', hint: 'rsHintOutputs', table: writeOutputs(scheme) },
    {
      name: testsSection.name,
      hint: 'rsHintSchemeTests',
      table: writeTests({ pack: { ...view.pack, columns: schemeTestInputs(scheme, scheme.risk !== undefined) }, tests }, { risk: scheme.risk !== undefined, riskName: ownRiskName(scheme.risk?.label, scheme.risk?.labelEn), values: schemeTestValues(scheme) }),
    },
  ];
}

/** Notes on the header cells of the tables only a scheme block has, by table and header word. */
export const SCHEME_NOTES: { name: MessageKey; notes: Partial<Record<MessageKey, MessageKey>> }[] = [
  { name: 'rsTableLedgers', notes: { rsHeadType: 'rsNoteLedgerType', rsHeadLedgerRole: 'rsNoteLedgerRole', rsHeadAliases: 'rsNoteAliases', rsHeadRange: 'rsNoteLedgerRange', rsHeadValues: 'rsNoteValues', rsHeadCheck: 'rsNoteCheck' } },
  { name: 'rsTableFacts', notes: { rsHeadSource: 'rsNoteSource', rsHeadWhere: 'rsNoteWhere', rsHeadYears: 'rsNoteYears', rsHeadFormula: 'rsNoteFactFormula' } },
  { name: 'rsTableQuota', notes: { rsHeadShare: 'rsNoteShare' } },
  { name: 'rsTableRanking', notes: { rsHeadShare: 'rsNoteShare' } },
  { name: 'rsTableOutputs', notes: { rsHeadByGrade: 'rsNoteByGrade', rsHeadProduct: 'rsNoteProduct' } },
];

/**
 * How a kind of block lays out what the scheme reader reads: its tables, its
 * single values, its ledgers and facts, the facts its conditions and tests may
 * name, and how what was read becomes a scheme. A scheme block lays them out
 * as 【方案】【必达项】【风险】; a branch block as 【设置】【必达要求】【软弱涣散风险】;
 * a cadre block as 【设置】【列】【计算项】, with no must-meet items or risk.
 */
export interface BlockLayout<R = SchemeRead> {
  known: { name: MessageKey; required: boolean }[];
  settingsTable: MessageKey;
  /** The tables its ledgers and facts are read from: 【台账】【数据项】 unless said. */
  ledgersTable?: MessageKey;
  factsTable?: MessageKey;
  /** Whether the single values are read after 【参数】, since one may name a parameter (a branch's star quota share). */
  settingsAfterParams: boolean;
  readSettings(view: TableView, ctx: ReadContext, draft: SchemeDraft): void;
  readLedgers(view: TableView | undefined, ctx: ReadContext, draft: SchemeDraft): void;
  readFacts(view: TableView | undefined, ctx: ReadContext, draft: SchemeDraft, reserved: string[]): void;
  /** What rules and must-meet items may name, and the problem for a name that is none of it. */
  facts(draft: SchemeDraft, ctx: ReadContext): FactDirectory;
  unknownFact: MessageKey;
  requirements?: ConditionTable<unknown>;
  /** The risk criteria's table, what they may name and the problem for a name that is none of it. */
  risk?: { table: ConditionTable<unknown>; facts(draft: SchemeDraft): FactDirectory; unknownFact: MessageKey };
  /** Sets what the 【规则测试】 cases may name. */
  testNames(draft: SchemeDraft, ctx: ReadContext): void;
  /** Reads the tables only this kind of block has (a branch block's name rules), before the rest. */
  readOwn?(tables: Map<MessageKey, TableView>, ctx: ReadContext): void;
  /** What was read as a scheme, not yet validated; `settingsCell` is where a missing single value is named. */
  scheme(draft: SchemeDraft, ctx: ReadContext, settingsCell: string): R;
}

/** A scheme as read from a block, before validation. */
export type SchemeRead = Record<string, unknown> & Pick<SchemeDraft, 'ledgers' | 'facts'>;

export const SCHEME_LAYOUT: BlockLayout = {
  known: [
    { name: 'rsTableScheme', required: true },
    { name: 'rsTableParams', required: false },
    { name: 'rsTableLedgers', required: false },
    { name: 'rsTableFacts', required: false },
    { name: 'rsTableIndicators', required: true },
    { name: 'rsTableRules', required: true },
    { name: 'rsTableGrades', required: true },
    { name: 'rsTableVetoes', required: false },
    { name: 'rsTableMustMeet', required: false },
    { name: 'rsTableSchemeRisk', required: false },
    { name: 'rsTableQuota', required: false },
    { name: 'rsTableRanking', required: false },
    { name: 'rsTableOutputs', required: false },
    { name: 'rsTableTests', required: false },
  ],
  settingsTable: 'rsTableScheme',
  settingsAfterParams: false,
  readSettings: readSchemeSettings,
  readLedgers: (view, ctx, draft) => view && readLedgers(view, ctx, draft.ledgers),
  readFacts: (view, ctx, draft, reserved) => view && readFacts(view, ctx, draft.ledgers, draft.facts, { ...SCHEME_FACT_SCOPE, reserved }),
  facts: schemeFacts,
  unknownFact: 'rsSchemeFactUnknown',
  requirements: SCHEME_REQUIREMENTS,
  risk: { table: SCHEME_RISK, facts: schemeRiskFacts, unknownFact: 'rsSchemeRiskFactUnknown' },
  testNames: (draft, ctx) => {
    ctx.facts = new FactDirectory(schemeTestInputs(draft, draft.riskCriteria.length > 0), []);
    ctx.testValues = schemeTestValues(draft);
    ctx.riskName = ownRiskName(draft.riskLabel, draft.riskLabelEn);
  },
  scheme: (draft, ctx, settingsCell) => {
    const { ledgers, facts, vetoes, outputs, quota, ranking, requirements, riskCriteria, riskLabel, riskLabelEn, riskMaxStars, riskRectifyMonths, ...settings } = draft;
    // A risk is its criteria with the rows of 【方案】 that say what it is: each blank one is named at its cell, or at 【方案】 when it has no row, and the risk left out.
    const blank = riskCriteria.length > 0 ? RISK_ROWS.filter((row) => draft[row.field] === undefined) : [];
    for (const row of blank) {
      const at = ctx.cells.get(row.path) ?? settingsCell;
      if (!ctx.hasProblemAt(at)) ctx.reportField(at, 'rsRequired', row.name);
    }
    const risk =
      riskCriteria.length > 0 && blank.length === 0
        ? { label: riskLabel, ...(riskLabelEn ? { labelEn: riskLabelEn } : {}), any: riskCriteria, maxStars: riskMaxStars, rectifyMonths: riskRectifyMonths }
        : undefined;
    return {
      ...settings,
      version: 1,
      title: ctx.draft.title,
      ...(ctx.draft.params ? { params: ctx.draft.params } : {}),
      ledgers,
      facts,
      indicators: ctx.draft.indicators,
      rules: ctx.draft.rules,
      grades: ctx.draft.grades,
      vetoes,
      requirements,
      ...(risk ? { risk } : {}),
      ...(quota ? { quota } : {}),
      ...(ranking ? { ranking } : {}),
      outputs,
    };
  },
};

/** Whether a block declares a scheme: it has a 【方案】 table. Told before anything is read, since the kinds hold different tables. */
export function isSchemeBlock(block: SheetBlock): boolean {
  const keys = [headerKey(t('rsTableScheme')), headerKey(t('rsTableScheme', {}, 'en'))];
  return block.tables.some((table) => keys.includes(table.key));
}

/**
 * Reads a block laid out as `layout` says into a scheme, not yet validated:
 * each table into it, names resolved to ids as staff wrote them, every
 * problem added to `ctx` at its cell and the cell each part came from recorded.
 * The 【规则测试】 cases go into `ctx.tests`, read against the names the block declares.
 */
export function readBlockScheme<R>(ctx: ReadContext, block: SheetBlock, layout: BlockLayout<R>): R {
  const titleCell = a1(block.row, block.col);
  const tables = collectTables(ctx, block, layout.known);
  const draft = emptyDraft();
  layout.readOwn?.(tables, ctx);
  const read = (name: MessageKey, reader: (view: TableView) => void) => {
    const view = tables.get(name);
    if (view) reader(view);
  };
  if (!layout.settingsAfterParams) read(layout.settingsTable, (v) => layout.readSettings(v, ctx, draft));
  layout.readLedgers(tables.get(layout.ledgersTable ?? 'rsTableLedgers'), ctx, draft);
  const outputsView = tables.get('rsTableOutputs');
  layout.readFacts(tables.get(layout.factsTable ?? 'rsTableFacts'), ctx, draft, outputsView ? writtenOutputIds(outputsView) : []);
  ctx.facts = layout.facts(draft, ctx);
  ctx.unknownFact = layout.unknownFact;
  read('rsTableParams', (v) => readParams(v, ctx));
  if (layout.settingsAfterParams) read(layout.settingsTable, (v) => layout.readSettings(v, ctx, draft));
  read('rsTableIndicators', (v) => indicatorsSection.read(v, ctx));
  read('rsTableRules', (v) => rulesSection.read(v, ctx));
  read('rsTableGrades', (v) => gradesSection.read(v, ctx));
  read('rsTableVetoes', (v) => readVetoes(v, ctx, draft));
  const { requirements, risk } = layout;
  if (requirements) read(requirements.name, (v) => draft.requirements.push(...readConditionTable(requirements, v, ctx, layout.facts(draft, ctx))));
  if (risk) {
    read(risk.table.name, (v) => {
      ctx.unknownFact = risk.unknownFact;
      draft.riskCriteria.push(...readConditionTable(risk.table, v, ctx, risk.facts(draft)));
      ctx.unknownFact = layout.unknownFact;
    });
  }
  read('rsTableQuota', (v) => readQuota(v, ctx, draft));
  read('rsTableRanking', (v) => readRanking(v, ctx, draft));
  read('rsTableOutputs', (v) => readOutputs(v, ctx, draft));
  layout.testNames(draft, ctx);
  read('rsTableTests', (v) => testsSection.read(v, ctx));
  return layout.scheme(draft, ctx, tables.get(layout.settingsTable)?.titleCell ?? titleCell);
}
