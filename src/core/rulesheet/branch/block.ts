import { factCatalogue, OUTCOME_FACTS, ownFacts } from '../../branch/catalogue';
import type { BranchPack } from '../../branch/schema';
import { branchLedgers, MEETINGS_LEDGER, WORK_LEDGER } from '../../branch/scheme';
import type { SchemeFact, SchemeLedger } from '../../scheme/schema';
import type { MessageKey } from '../../messages';
import { type SheetBlock, TableView } from '../grid';
import type { ReadContext, TableOut } from '../section';
import { gradesSection } from '../sections/grades';
import { indicatorsSection } from '../sections/indicators';
import { rulesSection } from '../sections/rules';
import { testsSection, writeTests } from '../sections/tests';
import { readParams, writeParams } from '../sections/params';
import { FactDirectory } from '../facts';
import type { RuleTestCase } from '../rule-tests';
import { collectTables } from '../tables';
import { type ConditionTable, readConditionTable, REQUIREMENT_TEXTS, RISK_TEXTS, writeConditionTable } from './condition-table';
import { branchFacts, sharedView, testView } from './facts';
import { readBranchSettings, settingsSayBranch, writeBranchSettings } from './settings';
import { type FactScope, readFacts, writeFacts } from '../scheme/facts';
import { readLedgers, writeLedgers } from '../scheme/ledgers';
import { type BranchLedgersRead, laidLedgers, rateTolerance, splitBranchLedgers } from './own-ledgers';

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
 * cells. Only the name rules are not laid out: they are carried over from
 * rules/branch.json unchanged, and so are the implicit facts named after the
 * meeting types and work columns.
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
 * Reads a branch block into what validateBranchPack takes: the
 * sheet's tables over the parts of `carried` the sheet does not lay out.
 */
export function readBranchBlock(ctx: ReadContext, block: SheetBlock, carried: BranchPack): Record<string, unknown> {
  const tables = collectTables(ctx, block, KNOWN);
  // A sheet written before the branch block laid out its ledgers keeps the carried ones.
  const ledgersView = tables.get('rsTableLedgers');
  let own: BranchLedgersRead = { meetings: carried.meetings, work: carried.work, ledgers: carried.ledgers };
  if (ledgersView) {
    const read: SchemeLedger[] = [];
    readLedgers(ledgersView, ctx, read);
    own = splitBranchLedgers(read, ctx, carried);
  }
  const { meetings, work, ledgers } = own;
  const laid: BranchPack = { ...carried, meetings, work, ledgers };
  const factsView = tables.get('rsTableFacts');
  let facts: SchemeFact[] = factsView ? [] : carried.facts;
  if (factsView) readFacts(factsView, ctx, branchLedgers(laid), facts, branchFactScope(laid));
  // A sheet written while 【数据项】 held the declared facts alone has no row read from the branch's own ledgers: it keeps the carried ones.
  if (factsView && !facts.some((f) => f.source === 'results' || ('ledger' in f && (f.ledger === MEETINGS_LEDGER || f.ledger === WORK_LEDGER)))) {
    const read = new Set(facts.map((f) => f.fact));
    facts = [...facts, ...ownFacts(carried).filter((f) => !read.has(f.fact))];
  }
  // Conditions name the facts as read from these cells, not those carried over.
  const pack: BranchPack = { ...laid, facts };
  ctx.facts = branchFacts(pack);
  ctx.unknownFact = 'rsBranchFactUnknown';
  const paramsView = tables.get('rsTableParams');
  if (paramsView) readParams(paramsView, ctx);
  // 【设置】 after 【参数】: the star quota's share may name one.
  const settingsView = tables.get('rsTableSettings');
  const settings = settingsView ? readBranchSettings(settingsView, ctx) : {};
  const indicators = tables.get('rsTableIndicators');
  if (indicators) indicatorsSection.read(indicators, ctx);
  const rules = tables.get('rsTableRules');
  if (rules) rulesSection.read(rules, ctx);
  const grades = tables.get('rsTableGrades');
  if (grades) gradesSection.read(grades, ctx);
  const requirementsView = tables.get('rsTableRequirements');
  const requirements = requirementsView ? readConditionTable(REQUIREMENTS, requirementsView, ctx, branchFacts(pack)) : [];
  const riskView = tables.get('rsTableRisk');
  const risk = riskView ? readConditionTable(RISK, riskView, ctx, branchFacts(pack, true)) : [];
  const testsView = tables.get('rsTableTests');
  if (testsView) {
    ctx.facts = FactDirectory.of(testView(pack, []).pack);
    testsSection.read(testsView, ctx);
  }
  const quota =
    settings.quotaStars !== undefined || settings.quotaShare !== undefined
      ? { stars: settings.quotaStars, maxShare: settings.quotaShare, ...(settings.quotaShareParam ? { param: settings.quotaShareParam } : {}) }
      : undefined;
  return {
    id: settings.id,
    version: 1,
    title: ctx.draft.title,
    titleEn: settings.titleEn,
    subject: settings.subject,
    ...(ctx.draft.params ? { params: ctx.draft.params } : {}),
    meetings,
    work,
    names: carried.names,
    facts,
    ledgers,
    requirements,
    indicators: ctx.draft.indicators,
    rules: ctx.draft.rules,
    grades: ctx.draft.grades,
    starQuota: quota,
    fallsShortMaxStars: settings.fallsShortMaxStars,
    risk: { label: settings.riskLabel, labelEn: settings.riskLabelEn, any: risk, maxStars: settings.riskMaxStars, rectifyMonths: settings.riskRectifyMonths },
    rectifyMonths: settings.rectifyMonths,
    coverShare: settings.coverShare,
    rateTolerance: rateTolerance(ctx, settings.rateTolerance, own.tolerance),
  };
}
