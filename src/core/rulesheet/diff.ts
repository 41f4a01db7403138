import { both, type Bilingual, type MessageKey, t } from '../messages';
import type { Pack, Rule } from '../pack/schema';
import { conditionText, formatValue } from './condition';
import { FactDirectory } from './facts';
import { pointsText } from './points';
import { COLUMN_TYPES, ENABLED, HIT_POLICIES, ON_MISSING, ROLES, SUBJECTS } from './words';

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

function ruleFields(rule: Rule, pack: Pack): Fields {
  const facts = FactDirectory.of(pack);
  const fields: Fields = [
    field('rsHeadEnabled', ENABLED.word(rule.enabled ? 'yes' : 'no')),
    field('rsHeadIndicator', pack.indicators.find((i) => i.id === rule.indicator)?.label ?? rule.indicator),
  ];
  for (const fact of new Set(rule.when.map((c) => c.fact))) {
    const info = facts.get(fact);
    const value = conditionText(rule.when.filter((c) => c.fact === fact), info?.kind ?? 'number');
    fields.push({ zh: info?.label ?? fact, en: info?.labelEn ?? fact, value });
  }
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
    field('rsSetBottomShare', pack.ranking ? formatValue(pack.ranking.bottomShare, 'percent') : ''),
    field('rsSetBottomFlag', pack.ranking?.flag ?? ''),
    field('rsSetBottomFlagEn', pack.ranking?.flagEn ?? ''),
    field('rsSetIgnored', pack.ignoredColumns.join('、')),
  ];
}

interface Item {
  name: string;
  fields: Fields;
}

/** Each table's items by name, with their fields: what two versions are compared on. */
function tableItems(pack: Pack): [MessageKey, Item[]][] {
  const facts = FactDirectory.of(pack);
  const label = (fact: string) => facts.get(fact)?.label ?? fact;
  return [
    ['rsTableSettings', [{ name: t('rsPackTitle'), fields: settingFields(pack) }]],
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
        fields: [field('rsHeadScoreRange', `>= ${g.min}`), field('rsHeadStars', String(g.stars)), field('rsHeadEnglish', g.gradeEn ?? '')],
      })),
    ],
  ];
}

const blank = (v: string, lang: 'zh' | 'en') => (v === '' ? t('rsChangeBlank', {}, lang) : v);

/**
 * What changed from one version of a pack to another, for the change log:
 * items added and removed, and each changed field with its old and new value
 * written the way the rules sheet shows them (>= 10, 每天2分，最多20分).
 */
export function diffPacks(before: Pack, after: Pack): PackChange[] {
  const changes: PackChange[] = [];
  const earlier = new Map(tableItems(before));
  for (const [table, items] of tableItems(after)) {
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
        changes.push({
          kind: 'changed',
          table,
          name: item.name,
          field: f.zh,
          old: o,
          new: n,
          ...both('rsChangeField', { ...section, name: item.name, field: f.zh, fieldEn: f.en, old: blank(o, 'zh'), new: blank(n, 'zh'), oldEn: blank(o, 'en'), newEn: blank(n, 'en') }),
        });
      }
    }
  }
  return changes;
}
