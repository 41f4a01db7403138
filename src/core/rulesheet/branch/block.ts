import { factCatalogue, OUTCOME_FACTS, ownFacts } from '../../branch/catalogue';
import type { BranchPack } from '../../branch/schema';
import { type BranchNames, branchLedgers, implicitFacts, MEETINGS_LEDGER, WORK_LEDGER } from '../../branch/scheme';
import type { SchemeLedger } from '../../scheme/schema';
import { both, type MessageKey, t } from '../../messages';
import { type SheetBlock, TableView } from '../grid';
import type { TableOut } from '../section';
import { gradesSection } from '../sections/grades';
import { indicatorsSection } from '../sections/indicators';
import { rulesSection } from '../sections/rules';
import { testsSection, writeTests } from '../sections/tests';
import { writeParams } from '../sections/params';
import { FactDirectory } from '../facts';
import type { RuleTestCase } from '../rule-tests';
import type { BlockLayout, SchemeRead } from '../scheme/block';
import type { SchemeDraft } from '../scheme/draft';
import { type ConditionTable, REQUIREMENT_TEXTS, RISK_TEXTS, writeConditionTable } from './condition-table';
import { branchFacts, sharedView, testView } from './facts';
import { type BranchSettings, readBranchSettings, settingsSayBranch, writeBranchSettings } from './settings';
import { type FactScope, readFacts, writeFacts } from '../scheme/facts';
import { readLedgers, writeLedgers } from '../scheme/ledgers';
import { type BranchLedgersRead, laidLedgers, rateTolerance, splitBranchLedgers } from './own-ledgers';
import { readNameAliases, readNameRules, writeNameAliases, writeNameRules } from './names';

/** A branch pack as the rules sheet holds it, with the tests of its 【规则测试】 table. */
export interface BranchEntry {
  branch: BranchPack;
  tests: RuleTestCase[];
}

export const REQUIREMENTS: ConditionTable<BranchPack> = {
  name: 'rsTableRequirements',
  hint: 'rsHintRequirements',
  path: 'requirements',
  enabled: true,
  texts: REQUIREMENT_TEXTS,
  items: (p) => p.requirements,
  facts: (p) => branchFacts(p),
};

export const RISK: ConditionTable<BranchPack> = {
  name: 'rsTableRisk',
  hint: 'rsHintRisk',
  path: 'risk.any',
  enabled: false,
  texts: RISK_TEXTS,
  items: (p) => p.risk.any,
  facts: (p) => branchFacts(p, true),
};

/** One table of a branch block as laid out: its name, hint and content. */
export interface LaidTable {
  name: MessageKey;
  hint: MessageKey;
  table: TableOut;
}

/**
 * The tables of a branch block, in the order they are shown. Scoring reuses
 * the cadre block's 【指标】【规则】【等次】 tables; the must-meet items, the
 * risk criteria and the single settings get tables of their own. Every
 * ledger and every fact of the pack is laid out in the scheme block's
 * 【台账】【数据项】 tables: the meeting records (their types as the 取值 of
 * 会议类型) and the work ledger (their stated rates as 核对) first, then the
 * ledgers the pack declares as data (支部基本情况, 发展党员情况). So a clerk adds
 * a meeting type their county holds (民情恳谈会), a wording of a column, a
 * ledger, a fact or an indicator, or makes 支委会 due twice a quarter, in
 * cells. The name rules are 【名称规则】 (the endings each kind of name
 * drops) and 【名称对照】 (names as written beside the branch they mean), so a
 * clerk whose ledgers write 联合党支部 adds it in a cell. Only the implicit
 * facts named after the meeting types and work columns are not rows: they
 * follow from those types and columns.
 */
export function branchTables({ branch: pack, tests }: BranchEntry): LaidTable[] {
  const shared = sharedView(pack);
  return [
    ...[indicatorsSection, rulesSection, gradesSection].map((s) => ({ name: s.name, hint: s.hint, table: s.write(shared) })),
    { name: REQUIREMENTS.name, hint: REQUIREMENTS.hint, table: writeConditionTable(REQUIREMENTS, pack) },
    { name: RISK.name, hint: RISK.hint, table: writeConditionTable(RISK, pack) },
    { name: 'rsTableSettings', hint: 'rsHintBranchSettings', table: writeBranchSettings(pack) },
    // After the tables staff had before parameters, so their cells keep their addresses; the tests stay last.
    { name: 'rsTableParams', hint: 'rsHintParams', table: writeParams(pack.params) },
    { name: 'rsTableLedgers', hint: 'rsHintLedgers', table: writeLedgers(laidLedgers(pack)) },
    { name: 'rsTableFacts', hint: 'rsHintBranchFacts', table: writeFacts(branchLedgers(pack), pack.facts, builtInFacts(pack)) },
    { name: 'rsTableNames', hint: 'rsHintNames', table: writeNameRules(pack.names) },
    { name: 'rsTableNameAliases', hint: 'rsHintNameAliases', table: writeNameAliases(pack.names) },
    { name: testsSection.name, hint: 'rsHintBranchTests', table: writeTests(testView(pack, tests), { failed: true, risk: true }) },
  ];
}

const KNOWN: { name: MessageKey; required: boolean }[] = [
  { name: 'rsTableSettings', required: true },
  { name: 'rsTableIndicators', required: true },
  { name: 'rsTableRules', required: true },
  { name: 'rsTableGrades', required: true },
  { name: 'rsTableRequirements', required: true },
  { name: 'rsTableRisk', required: true },
  { name: 'rsTableTests', required: false },
  { name: 'rsTableParams', required: false },
  { name: 'rsTableLedgers', required: false },
  { name: 'rsTableFacts', required: false },
  { name: 'rsTableNames', required: false },
  { name: 'rsTableNameAliases', required: false },
];

/** The implicit facts a branch fact may read (a ratio of two counts), named after the meeting types and work columns: not rows of 【数据项】. */
export function builtInFacts(pack: BranchPack): FactScope['elsewhere'] {
  return [...factCatalogue({ ...pack, facts: [] })].filter(([, info]) => info.label).map(([fact, info]) => ({ fact, label: info.label }));
}

/**
 * What a branch 数据项 may name: the implicit facts, known before any of the
 * rows'. The outcomes (得分, 排名) come after scoring, so no fact can read
 * them; validateBranchPack reports an id that takes one's, and an id made up
 * for a row is never one of theirs.
 */
function branchFactScope(pack: BranchPack): FactScope {
  return { path: 'facts', columnsAreFacts: false, elsewhere: builtInFacts(pack), reserved: Object.keys(OUTCOME_FACTS) };
}

/** Whether a block assesses branches, as its 【设置】 table says: read before anything else, since the two kinds hold different tables. */
export function isBranchBlock(block: SheetBlock): boolean {
  return block.tables.some((table) => settingsSayBranch(new TableView(table)));
}

/**
 * How the scheme reader reads a branch block: its 【设置】 as the single values
 * (the star quota as the quota on the band with those stars), 【必达要求】 and
 * 【软弱涣散风险】 as the must-meet items and risk criteria, the meeting records
 * and work ledger among 【台账】, and the facts and tests over the branch
 * catalogue, and 【名称规则】【名称对照】 as the name rules, returned beside the
 * scheme. What the sheet does not lay out comes from `carried`: a sheet
 * written before the branch block laid out its ledgers, its own facts or its
 * name rules keeps the carried ones.
 */
export function branchLayout(carried: BranchPack): BlockLayout<SchemeRead & BranchNames> {
  let laid: BranchPack = carried;
  let tolerance: number | undefined;
  let settings: BranchSettings = {};
  let names = carried.names;
  const pack = (draft: SchemeDraft): BranchPack => ({ ...laid, facts: draft.facts });
  return {
    known: KNOWN,
    settingsTable: 'rsTableSettings',
    // The star quota's share may name a parameter.
    settingsAfterParams: true,
    readOwn: (tables, ctx) => {
      const rules = tables.get('rsTableNames');
      const aliases = tables.get('rsTableNameAliases');
      names = { ...(rules ? readNameRules(rules, ctx) : carried.names), aliases: aliases ? readNameAliases(aliases, ctx) : carried.names.aliases };
    },
    readSettings: (view, ctx, draft) => {
      settings = readBranchSettings(view, ctx);
      Object.assign(draft, {
        id: settings.id,
        titleEn: settings.titleEn,
        fallsShortMaxStars: settings.fallsShortMaxStars,
        rectifyMonths: settings.rectifyMonths,
        coverShare: settings.coverShare,
        riskLabel: settings.riskLabel,
        riskLabelEn: settings.riskLabelEn,
        riskMaxStars: settings.riskMaxStars,
        riskRectifyMonths: settings.riskRectifyMonths,
      });
    },
    readLedgers: (view, ctx, draft) => {
      let own: BranchLedgersRead = { meetings: carried.meetings, work: carried.work, ledgers: carried.ledgers };
      if (view) {
        const read: SchemeLedger[] = [];
        readLedgers(view, ctx, read);
        own = splitBranchLedgers(read, ctx, carried);
      }
      laid = { ...carried, meetings: own.meetings, work: own.work, ledgers: own.ledgers };
      tolerance = own.tolerance;
      draft.ledgers = laidLedgers(laid);
    },
    readFacts: (view, ctx, draft) => {
      if (!view) {
        draft.facts = carried.facts;
        return;
      }
      readFacts(view, ctx, branchLedgers(laid), draft.facts, branchFactScope(laid));
      // A sheet written while 【数据项】 held the declared facts alone has no row read from the branch's own ledgers: it keeps the carried ones.
      if (!draft.facts.some((f) => f.source === 'results' || ('ledger' in f && (f.ledger === MEETINGS_LEDGER || f.ledger === WORK_LEDGER)))) {
        const read = new Set(draft.facts.map((f) => f.fact));
        draft.facts.push(...ownFacts(carried).filter((f) => !read.has(f.fact)));
      }
    },
    // Conditions name the facts as read from these cells, not those carried over.
    facts: (draft) => branchFacts(pack(draft)),
    unknownFact: 'rsBranchFactUnknown',
    requirements: REQUIREMENTS,
    risk: { table: RISK, facts: (draft) => branchFacts(pack(draft), true), unknownFact: 'rsBranchFactUnknown' },
    testNames: (draft, ctx) => {
      ctx.facts = FactDirectory.of(testView(pack(draft), []).pack);
    },
    scheme: (draft, ctx, settingsCell) => {
      const stated = rateTolerance(ctx, settings.rateTolerance, tolerance);
      const band = ctx.draft.grades.find((g) => g.stars === settings.quotaStars);
      // A quota on stars no band gives would limit nothing: said, not dropped in silence.
      if (settings.quotaStars !== undefined && !band) ctx.report(ctx.cells.get('starQuota.stars') ?? settingsCell, both('rsQuotaStarsNoBand', { stars: settings.quotaStars }));
      const quota = band && settings.quotaShare !== undefined ? { grade: band.grade, maxShare: settings.quotaShare, ...(settings.quotaShareParam ? { param: settings.quotaShareParam } : {}) } : undefined;
      return {
        id: draft.id,
        version: 1,
        title: ctx.draft.title,
        titleEn: draft.titleEn,
        subject: t('subjectBranch'),
        subjectEn: t('subjectBranch', {}, 'en'),
        periodKind: 'quarter',
        ...(ctx.draft.params ? { params: ctx.draft.params } : {}),
        ledgers: draft.ledgers.map((l) => (l.id === WORK_LEDGER ? { ...l, rateTolerance: stated } : l)),
        facts: [...implicitFacts(laid), ...draft.facts],
        indicators: ctx.draft.indicators,
        rules: ctx.draft.rules,
        grades: ctx.draft.grades,
        vetoes: [],
        ...(quota ? { quota } : {}),
        outputs: [],
        requirements: draft.requirements,
        risk: { label: draft.riskLabel, labelEn: draft.riskLabelEn, any: draft.riskCriteria, maxStars: draft.riskMaxStars, rectifyMonths: draft.riskRectifyMonths },
        fallsShortMaxStars: draft.fallsShortMaxStars,
        rectifyMonths: draft.rectifyMonths,
        rescale: true,
        lowestFallsShort: false,
        coverShare: draft.coverShare,
        names,
      };
    },
  };
}
