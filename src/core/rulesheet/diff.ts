import type { BranchPack } from '../branch/schema';
import { branchLedgers } from '../branch/scheme';
import { both, type Bilingual, type MessageKey, t } from '../messages';
import { packHash } from '../pack/hash';
import { type Param, paramText } from '../pack/params';
import type { Condition, Pack, Rule } from '../pack/schema';
import { builtInFacts, REQUIREMENTS, RISK } from './branch/block';
import { laidLedgers } from './branch/own-ledgers';
import type { ConditionTable } from './branch/condition-table';
import { sharedView } from './branch/facts';
import { writeNameAliases, writeNameRules } from './branch/names';
import { branchSettingCells } from './branch/settings';
import { conditionText, shareText } from './condition';
import { FactDirectory } from './facts';
import { pointsText } from './points';
import type { RulesEntry } from './read';
import { type BlockKind, kindOfEntry } from './block-kinds';
import type { EditablePack } from './editable';
import type { ScoringPack, TableOut } from './section';
import type { Scheme } from '../scheme/schema';
import { writeFacts } from './scheme/facts';
import { writeLedgers } from './scheme/ledgers';
import { SCHEME_REQUIREMENTS, SCHEME_RISK } from './scheme/conditions';
import { schemeSettingCells } from './scheme/settings';
import { writeOutputs, writeQuota, writeRanking, writeVetoes } from './scheme/standing';
import { schemeView } from './scheme/view';
import { COLUMN_TYPES, ENABLED, HIT_POLICIES, ON_MISSING, ROLES, SUBJECTS } from './words';
import { rangeCellText } from './range-cell';
import { formatMin } from './sections/grades';

/** One difference between two versions of a pack, with its values written as the sheet shows them. */
export interface PackChange extends Bilingual {
  kind: 'added' | 'removed' | 'changed';
  /** The table it belongs to: rsTableRules, rsTableIndicators, … */
  table: MessageKey;
  /** What changed: a rule id, an indicator, a column, a grade, a setting. */
  name: string;
  field?: string;
  old?: string;
  new?: string;
}

/** A field's name in both languages, and its value as the sheet shows it. */
type Field = { zh: string; en: string; value: string };
type Fields = Field[];

const field = (key: MessageKey, value: string): Field => ({ zh: t(key), en: t(key, {}, 'en'), value });

/** One field per fact the conditions read, named by the fact's column, valued as its condition cell. */
function conditionFields(when: Condition[], facts: FactDirectory): Fields {
  return [...new Set(when.map((c) => c.fact))].map((fact) => {
    const info = facts.get(fact);
    return { zh: info?.label ?? fact, en: info?.labelEn ?? fact, value: conditionText(when.filter((c) => c.fact === fact), info?.kind ?? 'number') };
  });
}

function ruleFields(rule: Rule, pack: ScoringPack): Fields {
  const facts = FactDirectory.of(pack);
  const fields: Fields = [
    field('rsHeadEnabled', ENABLED.word(rule.enabled ? 'yes' : 'no')),
    field('rsHeadIndicator', pack.indicators.find((i) => i.id === rule.indicator)?.label ?? rule.indicator),
    ...conditionFields(rule.when, facts),
  ];
  fields.push(field('rsHeadPoints', String(pointsText(rule.points, rule, facts))));
  fields.push(field('rsHeadFlag', (rule.flag ?? '').replace(/\{(\w+)\}/g, (w, f: string) => (facts.get(f) ? `{${facts.get(f)!.label}}` : w))));
  fields.push(field('rsHeadNote', rule.note ?? ''));
  fields.push(field('rsHeadFlagEn', rule.flagEn ?? ''));
  return fields;
}

function settingFields(pack: Pack): Fields {
  return [
    field('rsPackTitle', pack.title),
    field('rsSetId', pack.id),
    field('rsSetSubject', SUBJECTS.word(pack.subject)),
    field('rsSetTitleEn', pack.titleEn ?? ''),
    field('rsSetBottomShare', pack.ranking ? shareText(pack.ranking.bottomShare, pack.ranking.param) : ''),
    field('rsSetBottomFlag', pack.ranking?.flag ?? ''),
    field('rsSetBottomFlagEn', pack.ranking?.flagEn ?? ''),
    field('rsSetIgnored', pack.ignoredColumns.join('、')),
  ];
}

interface Item {
  name: string;
  fields: Fields;
}

type Tables = [MessageKey, Item[]][];

/** 【指标】【规则】【等次】, which both kinds of pack hold in the same shape. */
function scoringTables(pack: ScoringPack): Tables {
  return [
    [
      'rsTableIndicators',
      pack.indicators.map((i) => ({
        name: i.label,
        fields: [
          field('rsHeadId', i.id),
          field('rsHeadMax', String(i.max)),
          field('rsHeadHitPolicy', HIT_POLICIES.word(i.hitPolicy)),
          field('rsHeadOnMissing', ON_MISSING.word(i.onMissing)),
          field('rsHeadEnglish', i.labelEn ?? ''),
        ],
      })),
    ],
    ['rsTableRules', pack.rules.map((r) => ({ name: r.id, fields: ruleFields(r, pack) }))],
    [
      'rsTableGrades',
      pack.grades.map((g) => ({
        name: g.grade,
        fields: [field('rsHeadScoreRange', `>= ${formatMin(g)}`), field('rsHeadStars', String(g.stars)), field('rsHeadEnglish', g.gradeEn ?? '')],
      })),
    ],
  ];
}

/** 【参数】: each parameter by name, with its value and note. */
const paramItems = (params: Param[] | undefined): Item[] =>
  (params ?? []).map((p) => ({ name: p.name, fields: [field('rsHeadValue', paramText(p)), field('rsHeadNote', p.note ?? '')] }));

/** Each table's items by name, with their fields: what two versions are compared on. */
function tableItems(pack: Pack): Tables {
  const facts = FactDirectory.of(pack);
  const label = (fact: string) => facts.get(fact)?.label ?? fact;
  return [
    ['rsTableSettings', [{ name: t('rsPackTitle'), fields: settingFields(pack) }]],
    ['rsTableParams', paramItems(pack.params)],
    [
      'rsTableColumns',
      pack.columns.map((c) => ({
        name: c.label,
        fields: [
          field('rsHeadFact', c.fact),
          field('rsHeadType', COLUMN_TYPES.word(c.type)),
          field('rsHeadRole', c.role ? ROLES.word(c.role) : ''),
          field('rsHeadAliases', c.aliases.join('、')),
          field('rsHeadEnglish', c.labelEn ?? ''),
          field('rsHeadRange', rangeCellText(c, label)),
        ],
      })),
    ],
    [
      'rsTableDerived',
      pack.derived.map((d) => ({
        name: d.label,
        fields: [field('rsHeadFormula', `${label(d.numerator)} ÷ ${label(d.denominator)}`), field('rsHeadEnglish', d.labelEn ?? '')],
      })),
    ],
    ...scoringTables(pack),
  ];
}

/** A table of items with conditions (must-meet items, risk criteria), by id, with the columns the sheet gives them. */
function conditionItems<S>(spec: ConditionTable<S>, source: S): Item[] {
  const facts = spec.facts(source);
  return spec.items(source).map((item) => ({
    name: item.id,
    fields: [
      ...(spec.enabled ? [field('rsHeadEnabled', ENABLED.word(item.enabled === false ? 'no' : 'yes'))] : []),
      ...conditionFields(item.when, facts),
      ...spec.texts.map((x) => field(x.header, typeof item[x.field] === 'string' ? (item[x.field] as string) : '')),
    ],
  }));
}

/** The header words of the tables compared row by row (【台账】【数据项】【否决】【名额】【排名】【输出】【名称规则】【名称对照】), for each field's English name. */
const DECLARED_HEADERS: MessageKey[] = [
  'rsHeadLedger', 'rsHeadLedgerId', 'rsHeadColumn', 'rsHeadId', 'rsHeadType', 'rsHeadLedgerRole', 'rsHeadAliases', 'rsHeadRange',
  'rsHeadEnglish', 'rsHeadLedgerEn', 'rsHeadLedgerSpan', 'rsHeadValues', 'rsHeadCheck', 'rsHeadName', 'rsHeadSource', 'rsHeadWhere', 'rsHeadYears', 'rsHeadFormula',
  'rsHeadFact', 'rsHeadFlag', 'rsHeadFlagEn', 'rsHeadGrade', 'rsHeadShare', 'rsHeadAction', 'rsHeadActionEn', 'rsHeadByGrade', 'rsHeadProduct',
  'rsHeadNameKind', 'rsHeadNameWords', 'rsHeadWritten', 'rsHeadAliasBranch',
];

/** A laid-out table as items, one a row, named by `name`, each cell a field under its header, as the sheet shows it. */
function rowItems(table: TableOut, name: (row: TableOut['rows'][number]) => string): Item[] {
  const en = new Map(DECLARED_HEADERS.map((k) => [t(k), t(k, {}, 'en')]));
  return table.rows.map((row) => ({
    name: name(row),
    fields: table.columns.map((c, i) => ({ zh: c.header, en: en.get(c.header) ?? c.header, value: row[i] === null || row[i] === undefined ? '' : String(row[i]) })),
  }));
}

/** A branch pack's tables, as its block on the rules sheet lays them out. */
function branchTableItems(pack: BranchPack): Tables {
  const settings = [field('rsPackTitle', pack.title), ...branchSettingCells(pack).map((s) => field(s.name, s.value))];
  return [
    ['rsTableSettings', [{ name: t('rsPackTitle'), fields: settings }]],
    ['rsTableParams', paramItems(pack.params)],
    ...scoringTables(sharedView(pack).pack),
    ['rsTableRequirements', conditionItems(REQUIREMENTS, pack)],
    ['rsTableRisk', conditionItems(RISK, pack)],
    ...declaredTables(writeLedgers(laidLedgers(pack)), writeFacts(branchLedgers(pack), pack.facts, builtInFacts(pack))),
    ['rsTableNames', rowItems(writeNameRules(pack.names), (row) => String(row[0]))],
    ['rsTableNameAliases', rowItems(writeNameAliases(pack.names), (row) => String(row[0]))],
  ];
}

/** 【台账】 and 【数据项】: a ledger column named by its ledger and header (党员发展计划/计划发展人数), a fact by its name. */
const declaredTables = (ledgers: TableOut, facts: TableOut): Tables => [
  ['rsTableLedgers', rowItems(ledgers, (row) => `${row[0]}/${row[2]}`)],
  ['rsTableFacts', rowItems(facts, (row) => String(row[1]))],
];

/**
 * A declared assessment's tables, as its block on the rules sheet lays them
 * out: 【方案】 (title, id, who, how often) as one item, 【参数】, 【台账】 and
 * 【数据项】, the scoring tables a pack has, then 【否决】, 【必达项】 and
 * 【风险】 by id, 【名额】 by grade, 【排名】 by who is ranked and 【输出】 by name. Everything a scheme
 * holds is on its block, so no part is left to compare whole.
 */
function schemeTableItems(scheme: Scheme): Tables {
  const settings = [field('rsPackTitle', scheme.title), ...schemeSettingCells(scheme).map((c) => field(c.name, c.value))];
  return [
    ['rsTableSettings', [{ name: t('rsTableScheme'), fields: settings }]],
    ['rsTableParams', paramItems(scheme.params)],
    ...declaredTables(writeLedgers(scheme.ledgers), writeFacts(scheme.ledgers, scheme.facts)),
    ...scoringTables(schemeView(scheme).pack),
    ['rsTableVetoes', rowItems(writeVetoes(scheme), (row) => String(row[0]))],
    ['rsTableMustMeet', conditionItems(SCHEME_REQUIREMENTS, scheme)],
    ['rsTableSchemeRisk', conditionItems(SCHEME_RISK, scheme)],
    ['rsTableQuota', rowItems(writeQuota(scheme), (row) => String(row[0]))],
    ['rsTableRanking', rowItems(writeRanking(scheme), () => scheme.subject)],
    ['rsTableOutputs', rowItems(writeOutputs(scheme), (row) => String(row[1]))],
  ];
}

const blank = (v: string, lang: 'zh' | 'en') => (v === '' ? t('rsChangeBlank', {}, lang) : v);

/** Items added and removed, and each changed field with its old and new value. */
function diffTables(before: Tables, after: Tables): PackChange[] {
  const changes: PackChange[] = [];
  const earlier = new Map(before);
  for (const [table, items] of after) {
    const section = { section: t(table), sectionEn: t(table, {}, 'en').toLowerCase() };
    const old = earlier.get(table)!;
    const now = new Set(items.map((i) => i.name));
    for (const item of old) {
      if (!now.has(item.name)) changes.push({ kind: 'removed', table, name: item.name, ...both('rsChangeRemoved', { ...section, name: item.name }) });
    }
    const oldByName = new Map(old.map((i) => [i.name, i]));
    for (const item of items) {
      const prev = oldByName.get(item.name);
      if (!prev) {
        const detail = item.fields.filter((f) => f.value !== '').map((f) => `${f.zh} ${f.value}`).join('；');
        changes.push({ kind: 'added', table, name: item.name, ...both('rsChangeAdded', { ...section, name: item.name, detail }) });
        continue;
      }
      const names = [...new Map([...prev.fields, ...item.fields].map((f) => [f.zh, f])).values()];
      for (const f of names) {
        const o = prev.fields.find((x) => x.zh === f.zh)?.value ?? '';
        const n = item.fields.find((x) => x.zh === f.zh)?.value ?? '';
        if (o === n) continue;
        // A standard raised is the change staff look for first: said in so many words.
        const message =
          table === 'rsTableParams' && f.zh === t('rsHeadValue')
            ? both('rsChangeParam', { name: item.name, old: blank(o, 'zh'), new: blank(n, 'zh'), oldEn: blank(o, 'en'), newEn: blank(n, 'en') })
            : both('rsChangeField', { ...section, name: item.name, field: f.zh, fieldEn: f.en, old: blank(o, 'zh'), new: blank(n, 'zh'), oldEn: blank(o, 'en'), newEn: blank(n, 'en') });
        changes.push({
          kind: 'changed',
          table,
          name: item.name,
          field: f.zh,
          old: o,
          new: n,
          ...message,
        });
      }
    }
  }
  return changes;
}

/**
 * What changed from one version of a pack to another, for the change log:
 * items added and removed, and each changed field with its old and new value
 * written the way the rules sheet shows them (>= 10, 每天2分，最多20分).
 */
export function diffPacks(before: Pack, after: Pack): PackChange[] {
  return diffTables(tableItems(before), tableItems(after));
}

/**
 * The change log of a branch pack, in the same words as diffPacks: its
 * settings (star quota, months to rectify, …), indicators, rules and grades,
 * must-meet items and risk criteria, ledgers, facts and name rules as the
 * sheet shows them.
 */
export function diffBranchPacks(before: BranchPack, after: BranchPack): PackChange[] {
  return diffTables(branchTableItems(before), branchTableItems(after));
}

/**
 * What the change log between two versions of a declared assessment says:
 * each of its tables compared as the scheme block lays it out (indicators,
 * rules, grades and parameters as a pack's are).
 */
export function diffSchemes(before: Scheme, after: Scheme): PackChange[] {
  return diffTables(schemeTableItems(before), schemeTableItems(after));
}

/** One pack's part of the change log between two versions of the rules. */
export interface PackDiff {
  /** A cadre pack, the branch pack, or a declared assessment (a scheme block). */
  subject: 'cadre' | 'branch' | 'scheme';
  id: string;
  title: string;
  /** The version it had; absent for a pack the earlier rules did not have. */
  from?: string;
  to: string;
  indicators: number;
  rules: number;
  changes: PackChange[];
}

/** A pack of the rules no pack of the later version was compared with: a block deleted in between. */
export interface RemovedPack {
  subject: PackDiff['subject'];
  id: string;
  title: string;
  /** The version it had. */
  from: string;
}

type Compared = { kind: BlockKind; pack: EditablePack };

const compared = (entry: RulesEntry): Compared => {
  const kind = kindOfEntry(entry);
  return { kind, pack: kind.packOf(entry) };
};

/** Whether a pack left over may be an earlier version of one renamed: the same kind, and as its kind says (a declared assessment with the same subject, 考核对象). */
const sameKind = (b: Compared, a: Compared) => b.kind === a.kind && a.kind.mayBeRenamed(b.pack, a.pack);

/**
 * Which pack of `before` each pack of `after` is compared with: the one with
 * its id, or else the first one left of the same kind (a pack renamed in
 * between); and the packs of `before` left over.
 */
function pairs(before: RulesEntry[], after: RulesEntry[]): { now: Compared[]; partner: Map<Compared, Compared>; left: Compared[] } {
  const left = before.map(compared);
  const now = after.map(compared);
  const partner = new Map<Compared, Compared>();
  for (const a of now) {
    const i = left.findIndex((b) => b.kind === a.kind && b.pack.id === a.pack.id);
    if (i >= 0) partner.set(a, left.splice(i, 1)[0]!);
  }
  for (const a of now) {
    if (partner.has(a)) continue;
    const i = left.findIndex((b) => sameKind(b, a));
    if (i >= 0) partner.set(a, left.splice(i, 1)[0]!);
  }
  return { now, partner, left };
}

/**
 * The change log between two versions of the rules, block by block (cadre
 * packs, the branch pack, declared assessments): each pack of `after` is
 * compared with the pack of `before` that has its id, or else with the first
 * one left of the same kind (a pack renamed in between; a declared assessment
 * only with one that assesses the same 考核对象).
 */
export function diffRules(before: RulesEntry[], after: RulesEntry[]): PackDiff[] {
  const { now, partner } = pairs(before, after);
  return now.map((a) => {
    const b = partner.get(a);
    const base = { subject: a.kind.subject, id: a.pack.id, title: a.pack.title, to: packHash(a.pack), indicators: a.pack.indicators.length, rules: a.pack.rules.length };
    if (!b) return { ...base, changes: [] };
    // Paired only within a kind.
    return { ...base, from: packHash(b.pack), changes: a.kind.diff(b.pack, a.pack) };
  });
}

/** The packs of `before` that diffRules compares with none of `after`: the blocks deleted in between. */
export function removedPacks(before: RulesEntry[], after: RulesEntry[]): RemovedPack[] {
  return pairs(before, after).left.map((b) => ({ subject: b.kind.subject, id: b.pack.id, title: b.pack.title, from: packHash(b.pack) }));
}
