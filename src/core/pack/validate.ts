import type { z } from 'zod';
import { both, type Bilingual, type MessageKey, t } from '../messages';
import { paramMap, paramProblems, resolveBands, resolveConditions, resolveNumber } from './params';
import { rangeProblems } from './range';
import { type ColumnType, type Condition, type Pack, PackSchema } from './schema';

export interface PackProblem extends Bilingual {
  /** Where in the pack: "rules[3].when[0].value". */
  path: string;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

export function zodProblems(error: z.ZodError): PackProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return { path, message: `${path}：${issue.message}`, messageEn: `${path}: ${issue.message}` };
  });
}

export function valueFits(type: ColumnType | 'ratio', value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  switch (type) {
    case 'number':
    case 'percent':
    case 'ratio':
      return values.every((v) => typeof v === 'number');
    case 'boolean':
      return values.every((v) => typeof v === 'boolean');
    default:
      return values.every((v) => typeof v === 'string');
  }
}

export const TYPE_NAMES: Record<ColumnType | 'ratio', MessageKey> = {
  number: 'factTypeNumber',
  percent: 'factTypePercent',
  ratio: 'factTypeRatio',
  boolean: 'factTypeBoolean',
  text: 'factTypeText',
  name: 'factTypeName',
  date: 'factTypeDate',
  period: 'factTypePeriod',
};

/**
 * Validates a pack strictly before anything runs: its shape (zod), then what a
 * shape cannot say — every fact a rule reads exists, condition values have the
 * fact's type (so "100" is never compared with 20 as text), ids are unique,
 * grade bands descend.
 */
export function validatePack(input: unknown): PackResult {
  const parsed = PackSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const pack = parsed.data;
  const problems: PackProblem[] = [];
  const add = (path: string, message: Bilingual) => problems.push({ path, ...message });

  const types = new Map<string, ColumnType | 'ratio'>();
  const labels = new Map<string, { zh: string; en: string }>();
  pack.columns.forEach((c, i) => {
    if (types.has(c.fact)) add(`columns[${i}].fact`, both('packDuplicateId', { id: c.fact }));
    types.set(c.fact, c.type);
    labels.set(c.fact, { zh: c.label, en: c.labelEn ?? c.label });
  });
  pack.derived.forEach((d, i) => {
    if (types.has(d.fact)) add(`derived[${i}].fact`, both('packDuplicateId', { id: d.fact }));
    for (const input of [d.numerator, d.denominator]) {
      if (!types.has(input)) add(`derived[${i}]`, both('packUnknownFact', { rule: d.fact, fact: input }));
    }
    types.set(d.fact, 'ratio');
    labels.set(d.fact, { zh: d.label, en: d.labelEn ?? d.label });
  });
  if (pack.columns.filter((c) => c.role === 'subject').length !== 1) add('columns', both('packNoSubject'));
  rangeProblems(pack.columns, 'columns', add);

  scoringProblems(pack, types, labels, add);
  if (pack.ranking) resolveNumber(pack.ranking, 'bottomShare', true, paramMap(pack.params), 'ranking', add);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack };
}

type Types = Map<string, ColumnType | 'ratio'>;
type Labels = Map<string, { zh: string; en: string }>;

/** A fact as the person editing the pack knows it: its label and its kind of value. */
function describer(types: Types, labels: Labels) {
  return (fact: string) => {
    const type = TYPE_NAMES[types.get(fact)!];
    return { fact: labels.get(fact)!.zh, factEn: labels.get(fact)!.en, type: t(type), typeEn: t(type, {}, 'en') };
  };
}

/** Each condition of a rule or item (at `path`) reads a fact of `types`, with a value, or list of values, of its type. */
export function conditionProblems(id: string, when: Condition[], path: string, types: Types, labels: Labels, add: (path: string, message: Bilingual) => void): void {
  const described = describer(types, labels);
  when.forEach((c, j) => {
    const type = types.get(c.fact);
    const at = `${path}.when[${j}]`;
    const params = () => ({ rule: id, op: c.op, value: JSON.stringify(c.value), ...described(c.fact) });
    const list = c.op === 'in' || c.op === 'notIn';
    if (!type) add(`${at}.fact`, both('packUnknownFact', { rule: id, fact: c.fact }));
    else if (list && !Array.isArray(c.value)) add(`${at}.value`, both('packListNeeded', params()));
    else if (!list && Array.isArray(c.value)) add(`${at}.value`, both('packListNotAllowed', params()));
    else if (!valueFits(type, c.value)) add(`${at}.value`, both('packValueType', params()));
  });
}

/**
 * What a schema cannot say about the scoring part of a pack (or of an
 * assessment scheme, whose facts are given as `types`): indicator and rule ids
 * are unique, every rule belongs to an indicator and reads facts that exist,
 * with values of the fact's type and parameters that fit, points count a
 * number, and grade bands descend.
 */
export function scoringProblems(
  pack: Pick<Pack, 'params' | 'indicators' | 'rules' | 'grades'>,
  types: Types,
  labels: Labels,
  add: (path: string, message: Bilingual) => void,
): void {
  const described = describer(types, labels);
  const indicators = new Set<string>();
  pack.indicators.forEach((ind, i) => {
    if (indicators.has(ind.id)) add(`indicators[${i}].id`, both('packDuplicateId', { id: ind.id }));
    indicators.add(ind.id);
  });
  paramProblems(pack.params, add);
  const params = paramMap(pack.params);
  const isRate = (fact: string) => (types.has(fact) ? ['percent', 'ratio'].includes(types.get(fact)!) : undefined);
  pack.rules.forEach((rule, i) => resolveConditions(rule.when, params, `rules[${i}]`, isRate, add));
  resolveBands(pack.grades, params, add);
  const ruleIds = new Set<string>();
  pack.rules.forEach((rule, i) => {
    if (ruleIds.has(rule.id)) add(`rules[${i}].id`, both('packDuplicateId', { id: rule.id }));
    ruleIds.add(rule.id);
    if (!indicators.has(rule.indicator)) add(`rules[${i}].indicator`, both('packUnknownIndicator', { rule: rule.id, indicator: rule.indicator }));
    conditionProblems(rule.id, rule.when, `rules[${i}]`, types, labels, add);
    if (typeof rule.points === 'object') {
      const type = types.get(rule.points.per);
      if (!type) add(`rules[${i}].points.per`, both('packUnknownFact', { rule: rule.id, fact: rule.points.per }));
      else if (!valueFits(type, 0)) add(`rules[${i}].points.per`, both('packPointsPer', { rule: rule.id, ...described(rule.points.per) }));
    }
  });
  for (let i = 1; i < pack.grades.length; i++) {
    if (pack.grades[i]!.min >= pack.grades[i - 1]!.min) add(`grades[${i}].min`, both('packGradesOrder'));
  }
}
