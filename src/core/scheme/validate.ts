import { both, type Bilingual } from '../messages';
import { paramMap, paramProblems, resolveConditions } from '../pack/params';
import { rangeProblems } from '../pack/range';
import type { ColumnType } from '../pack/schema';
import { type PackProblem, TYPE_NAMES, valueFits, zodProblems } from '../pack/validate';
import { t } from '../messages';
import { type Scheme, type SchemeFact, type SchemeLedger, SchemeSchema } from './schema';

export type SchemeResult = { ok: true; scheme: Scheme } | { ok: false; problems: PackProblem[] };

/** The kind of value a fact holds, as conditions must match it. */
type FactType = ColumnType | 'ratio';

/**
 * Validates an assessment before anything runs: its shape, then what a shape
 * cannot say — each ledger has one subject column, each fact reads a ledger
 * and columns it has and facts listed before it, every rule reads a fact the
 * scheme gathers with a value of that fact's type, vetoes and outputs name
 * facts that exist, a quota names a band, and the bands descend.
 */
export function validateScheme(input: unknown, known: { schemes?: string[] } = {}): SchemeResult {
  const parsed = SchemeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const scheme = parsed.data;
  const problems: PackProblem[] = [];
  const add = (path: string, message: Bilingual) => problems.push({ path, ...message });

  const types = declaredProblems(scheme.ledgers, scheme.facts, add, { ...known, factsPath: 'facts' });

  const indicators = new Set<string>();
  scheme.indicators.forEach((ind, i) => {
    if (indicators.has(ind.id)) add(`indicators[${i}].id`, both('packDuplicateId', { id: ind.id }));
    indicators.add(ind.id);
  });
  paramProblems(scheme.params, add);
  const params = paramMap(scheme.params);
  const isRate = (fact: string) => (types.has(fact) ? ['percent', 'ratio'].includes(types.get(fact)!) : undefined);
  const ruleIds = new Set<string>();
  scheme.rules.forEach((rule, i) => {
    resolveConditions(rule.when, params, `rules[${i}]`, isRate, add);
    if (ruleIds.has(rule.id)) add(`rules[${i}].id`, both('packDuplicateId', { id: rule.id }));
    ruleIds.add(rule.id);
    if (!indicators.has(rule.indicator)) add(`rules[${i}].indicator`, both('packUnknownIndicator', { rule: rule.id, indicator: rule.indicator }));
    rule.when.forEach((c, j) => {
      const type = types.get(c.fact);
      const at = `rules[${i}].when[${j}]`;
      const list = c.op === 'in' || c.op === 'notIn';
      const described = () => ({ rule: rule.id, op: c.op, value: JSON.stringify(c.value), fact: c.fact, factEn: c.fact, type: t(TYPE_NAMES[type!]), typeEn: t(TYPE_NAMES[type!], {}, 'en') });
      if (!type) add(`${at}.fact`, both('packUnknownFact', { rule: rule.id, fact: c.fact }));
      else if (list && !Array.isArray(c.value)) add(`${at}.value`, both('packListNeeded', described()));
      else if (!list && Array.isArray(c.value)) add(`${at}.value`, both('packListNotAllowed', described()));
      else if (!valueFits(type, c.value)) add(`${at}.value`, both('packValueType', described()));
    });
    if (typeof rule.points === 'object') {
      const type = types.get(rule.points.per);
      if (!type) add(`rules[${i}].points.per`, both('packUnknownFact', { rule: rule.id, fact: rule.points.per }));
    }
  });
  for (let i = 1; i < scheme.grades.length; i++) {
    if (scheme.grades[i]!.min >= scheme.grades[i - 1]!.min) add(`grades[${i}].min`, both('packGradesOrder'));
  }
  const grades = new Set(scheme.grades.map((g) => g.grade));
  scheme.vetoes.forEach((v, i) => {
    if (!types.has(v.fact)) add(`vetoes[${i}].fact`, both('packUnknownFact', { rule: v.id, fact: v.fact }));
  });
  if (scheme.quota && !grades.has(scheme.quota.grade)) add('quota.grade', both('schemeUnknownGrade', { grade: scheme.quota.grade, grades: [...grades].join('、') }));
  const outputs = new Set<string>();
  scheme.outputs.forEach((o, i) => {
    if (types.has(o.id) || outputs.has(o.id)) add(`outputs[${i}].id`, both('packDuplicateId', { id: o.id }));
    if ('byGrade' in o) for (const g of Object.keys(o.byGrade)) if (!grades.has(g)) add(`outputs[${i}].byGrade`, both('schemeUnknownGrade', { grade: g, grades: [...grades].join('、') }));
    if ('product' in o) for (const x of o.product) if (!types.has(x) && !outputs.has(x)) add(`outputs[${i}].product`, both('packUnknownFact', { rule: o.id, fact: x }));
    outputs.add(o.id);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scheme };
}

/**
 * What a shape cannot say of declared ledgers and facts: each ledger has one
 * subject column, each fact reads a ledger and columns it has and facts listed
 * before it (or `known.facts`, gathered elsewhere). Gives each fact's type, as
 * conditions over it must match it; the branch pack checks its declared part
 * with it too.
 */
export function declaredProblems(
  ledgers: SchemeLedger[],
  facts: SchemeFact[],
  add: (path: string, message: Bilingual) => void,
  known: { schemes?: string[]; factsPath: string; facts?: Map<string, FactType> },
): Map<string, FactType> {
  const columns = new Map(ledgers.map((l) => [l.id, new Map(l.columns.map((c) => [c.fact, c]))]));
  ledgers.forEach((l, i) => {
    if (ledgers.findIndex((x) => x.id === l.id) !== i) add(`ledgers[${i}].id`, both('packDuplicateId', { id: l.id }));
    if (l.columns.filter((c) => c.role === 'subject').length !== 1) add(`ledgers[${i}].columns`, both('packNoSubject'));
    rangeProblems(l.columns, `ledgers[${i}].columns`, add);
  });

  const types = new Map<string, FactType>([['always', 'boolean'], ...(known.facts ?? [])]);
  const column = (path: string, ledger: string, col: string | undefined, fact: string): ColumnType | undefined => {
    const cols = columns.get(ledger);
    if (!cols) {
      add(`${path}.ledger`, both('schemeUnknownLedger', { fact, ledger }));
      return undefined;
    }
    if (col === undefined) return undefined;
    const c = cols.get(col);
    if (!c) add(`${path}.column`, both('schemeUnknownColumn', { fact, ledger, column: col }));
    return c?.type;
  };
  facts.forEach((f, i) => {
    const at = `${known.factsPath}[${i}]`;
    if (types.has(f.fact)) add(`${at}.fact`, both('packDuplicateId', { id: f.fact }));
    let type: FactType = 'number';
    switch (f.source) {
      case 'value':
        type = column(at, f.ledger, f.column, f.fact) ?? 'text';
        break;
      case 'rows': {
        const c = column(at, f.ledger, f.column, f.fact);
        if (f.op !== 'count' && f.column === undefined) add(`${at}.column`, both('schemeColumnNeeded', { fact: f.fact }));
        type = f.op !== 'count' && c === 'percent' ? 'percent' : 'number';
        break;
      }
      case 'attendance':
        column(at, f.ledger, f.present, f.fact);
        column(at, f.ledger, f.expected, f.fact);
        type = 'ratio';
        break;
      case 'unitsWithout':
        column(at, f.ledger, undefined, f.fact);
        break;
      case 'monthsSince':
        column(at, f.ledger, f.column, f.fact);
        break;
      case 'ratio':
        for (const x of [f.numerator, f.denominator]) if (!types.has(x)) add(at, both('schemeFactBefore', { fact: f.fact, input: x }));
        type = 'ratio';
        break;
      case 'either':
        for (const x of f.facts) if (!types.has(x)) add(at, both('schemeFactBefore', { fact: f.fact, input: x }));
        type = types.get(f.facts[0]!) ?? 'number';
        break;
      case 'results':
        if (known.schemes && !known.schemes.includes(f.scheme)) add(`${at}.scheme`, both('schemeUnknownScheme', { fact: f.fact, scheme: f.scheme }));
        if (f.op === 'countGraded' && !f.grades?.length) add(`${at}.grades`, both('schemeGradesNeeded', { fact: f.fact }));
        break;
    }
    if ('where' in f && f.where) column(`${at}.where`, f.ledger, f.where.column, f.fact);
    types.set(f.fact, type);
  });
  return types;
}
