import { both, type Bilingual, t } from '../../messages';
import { paramMap, resolveConditions, resolveNumber } from '../../pack/params';
import { rangeProblems } from '../../pack/range';
import { conditionProblems, type PackProblem, scoringProblems, zodProblems } from '../../pack/validate';
import type { Column, StatedRate } from '../../pack/schema';
import { type Scheme, type SchemeFact, type SchemeLedger, SchemeSchema } from '../../scheme/schema';
import { nearest } from '../facts';
import { suggestion } from '../problem';
import { columnsById, factTypes, type FactType } from '../../scheme/types';
import { SCHEME_OUTCOMES } from './view';
import { COLUMN_TYPES } from '../words';
import { SOURCES, sourceOf } from './words';

export type SchemeResult = { ok: true; scheme: Scheme } | { ok: false; problems: PackProblem[] };

const isNumeric = (type: FactType | undefined) => type === 'number' || type === 'percent' || type === 'ratio';

/**
 * Validates a scheme strictly: its shape (SchemeSchema), then what a shape
 * cannot say — ids are unique, each ledger has one subject column and sound
 * ranges, each fact reads a ledger and columns that exist (and numbers where
 * it adds them up), facts built from facts name existing ones, the scoring
 * part is sound as a pack's is, so are the conditions of the must-meet items
 * and risk criteria, a veto reads a known fact, the quota and the
 * by-grade outputs name grades that exist, and a product multiplies known values.
 * Each problem has its path in the scheme ("facts[2].ledger").
 */
/**
 * What a shape cannot say of declared ledgers and facts, for a scheme and for
 * the branch pack's declared part alike: ids are unique, each ledger has one
 * subject column and sound ranges, each fact reads a ledger and columns that
 * exist (numbers where it adds them up) and facts that exist (or `facts`,
 * gathered elsewhere); a fact may also read `checkedLedgers`, whose problems
 * are someone else's to say (the branch's meeting records and work ledger).
 * With `columnsAreFacts` false a fact may name facts only, not columns.
 * Gives what every column and fact holds, and its label.
 */
export function declaredProblems(
  ledgers: SchemeLedger[],
  facts: SchemeFact[],
  add: (path: string, message: Bilingual) => void,
  context: { schemes?: string[]; factsPath: string; facts?: Map<string, FactType>; checkedLedgers?: SchemeLedger[]; columnsAreFacts?: boolean },
): { types: Map<string, FactType>; labels: Map<string, { zh: string; en: string }> } {
  const byId = new Map<string, SchemeLedger>((context.checkedLedgers ?? []).map((l) => [l.id, l]));
  ledgers.forEach((ledger, i) => {
    if (byId.has(ledger.id)) add(`ledgers[${i}].id`, both('packDuplicateId', { id: ledger.id }));
    else byId.set(ledger.id, ledger);
    const seen = new Set<string>();
    ledger.columns.forEach((c, j) => {
      if (seen.has(c.fact)) add(`ledgers[${i}].columns[${j}].fact`, both('packDuplicateId', { id: c.fact }));
      seen.add(c.fact);
    });
    if (ledger.columns.filter((c) => c.role === 'subject').length !== 1) add(`ledgers[${i}].columns`, both('rsLedgerSubjectCount', { ledger: ledger.title }));
    rangeProblems(ledger.columns, `ledgers[${i}].columns`, add);
    ledger.columns.forEach((c, j) => valueProblems(c, `ledgers[${i}].columns[${j}].values`, add));
    ledger.statedRates?.forEach((r, k) => statedRateProblems(ledger, r, `ledgers[${i}].statedRates[${k}]`, add));
    // The column that marks a sheet as the ledger must be one of its own.
    if (ledger.keyColumn !== undefined && !seen.has(ledger.keyColumn)) add(`ledgers[${i}].keyColumn`, both('rsFactUnknown', { text: ledger.keyColumn, ...suggestion(nearest(ledger.keyColumn, [...seen])) }));
  });

  const columns = columnsById([...(context.checkedLedgers ?? []), ...ledgers]);
  const factKinds = factTypes(facts, columns);
  // A branch's facts are gathered from its rows, never a column as it stands: there a ratio naming a column would have no value.
  const columnTypes = context.columnsAreFacts === false ? [] : [...columns].map(([id, c]): [string, FactType] => [id, c.type]);
  const types = new Map<string, FactType>([...(context.facts ?? []), ...columnTypes, ...factKinds]);
  const labels = new Map<string, { zh: string; en: string }>();
  for (const [id, c] of columns) labels.set(id, { zh: c.label, en: c.labelEn ?? c.label });
  const seenFacts = new Set<string>();
  facts.forEach((f, k) => {
    const at = `${context.factsPath}[${k}]`;
    if (columns.has(f.fact) || seenFacts.has(f.fact) || context.facts?.has(f.fact)) add(`${at}.fact`, both('packDuplicateId', { id: f.fact }));
    seenFacts.add(f.fact);
    labels.set(f.fact, { zh: f.label, en: f.labelEn ?? f.label });
    const known = (id: string, path: string) => {
      if (id === f.fact) add(path, both('rsFactSelf', { label: f.label }));
      else if (!types.has(id)) add(path, both('rsFactUnknown', { text: id, ...suggestion(nearest(id, [...types.keys()])) }));
    };
    if (f.source === 'ratio') {
      known(f.numerator, `${at}.numerator`);
      known(f.denominator, `${at}.denominator`);
    }
    if (f.source === 'either') f.facts.forEach((id, n) => known(id, `${at}.facts[${n}]`));
    if (f.source === 'results') {
      if ((f.op === 'countGraded' || f.op === 'subjectsGraded') && !f.grades?.length) add(`${at}.grades`, both('rsWhereGradesOnly'));
      if (context.schemes && !context.schemes.includes(f.scheme)) add(`${at}.scheme`, both('schemeUnknownScheme', { fact: f.fact, scheme: f.scheme }));
      return;
    }
    if (!('ledger' in f)) return;
    const ledger = byId.get(f.ledger);
    if (!ledger) {
      add(`${at}.ledger`, both('rsFactLedgerUnknown', { text: f.ledger, ...suggestion(nearest(f.ledger, [...byId.keys()])) }));
      return;
    }
    const inLedger = (id: string | undefined, path: string, numeric = false) => {
      if (id === undefined) return;
      const column = ledger.columns.find((c) => c.fact === id);
      const names = ledger.columns.map((c) => c.fact);
      if (!column) add(path, both('rsFactColumnUnknown', { text: id, ledger: ledger.title, ...suggestion(nearest(id, names)) }));
      else if (numeric && !isNumeric(column.type)) add(path, both('rsFactColumnNotNumber', { text: column.label, source: SOURCES.word(sourceOf(f)), sourceEn: SOURCES.word(sourceOf(f), 'en') }));
    };
    if (f.source === 'value' || f.source === 'monthsSince') inLedger(f.column, `${at}.column`);
    if (f.source === 'rows') {
      if (f.op !== 'count' && f.column === undefined) add(`${at}.column`, both('rsFactNeedsColumn', { source: SOURCES.word(f.op) }));
      inLedger(f.column, `${at}.column`, f.op !== 'count');
    }
    if (f.source === 'attendance') {
      inLedger(f.present, `${at}.present`, true);
      inLedger(f.expected, `${at}.expected`, true);
    }
    if ('where' in f && f.where) {
      inLedger(f.where.column, `${at}.where`);
      const values = ledger.columns.find((c) => c.fact === f.where!.column)?.values;
      const ids = values?.map((v) => v.id) ?? [];
      for (const v of values ? f.where.values : []) {
        if (v !== '' && !ids.includes(String(v))) add(`${at}.where`, both('rsWhereValueUnknown', { text: String(v), column: labelOfColumn(ledger, f.where.column), ...suggestion(nearest(String(v), ids)) }));
      }
    }
  });

  return { types, labels };
}

const labelOfColumn = (ledger: SchemeLedger, fact: string) => ledger.columns.find((c) => c.fact === fact)?.label ?? fact;

/** Values are for text columns, each id once. */
function valueProblems(column: Column, path: string, add: (path: string, message: Bilingual) => void): void {
  if (!column.values) return;
  if (column.type !== 'text' && column.type !== 'name') {
    add(path, both('rsValuesNotText', { column: column.label, type: COLUMN_TYPES.word(column.type), typeEn: COLUMN_TYPES.word(column.type, 'en') }));
  }
  const seen = new Set<string>();
  for (const v of column.values) {
    if (seen.has(v.id)) add(path, both('packDuplicateId', { id: v.id }));
    seen.add(v.id);
  }
}

/** A stated rate is a percent column of its ledger, recomputed from two number columns of it. */
function statedRateProblems(ledger: SchemeLedger, rate: StatedRate, path: string, add: (path: string, message: Bilingual) => void): void {
  const column = (fact: string) => ledger.columns.find((c) => c.fact === fact);
  for (const fact of [rate.fact, rate.numerator, rate.denominator]) {
    if (!column(fact)) add(path, both('rsFactColumnUnknown', { text: fact, ledger: ledger.title, ...suggestion(nearest(fact, ledger.columns.map((c) => c.fact))) }));
  }
  if (column(rate.fact) && column(rate.fact)!.type !== 'percent') add(path, both('rsCheckNotRate', { column: column(rate.fact)!.label }));
  for (const fact of [rate.numerator, rate.denominator]) {
    if (column(fact) && column(fact)!.type !== 'number') add(path, both('rsCheckNotCount', { column: column(fact)!.label }));
  }
}

/**
 * The must-meet items read the scheme's facts, the risk criteria those and
 * the outcomes (得分, 排名末位, …): each condition a known fact with a value of
 * its type and a parameter that fits it; ids unique within each.
 */
function itemProblems(scheme: Scheme, types: Map<string, FactType>, labels: Map<string, { zh: string; en: string }>, add: (path: string, message: Bilingual) => void): void {
  const outcomeTypes = new Map(types);
  const outcomeLabels = new Map(labels);
  for (const o of SCHEME_OUTCOMES) {
    outcomeTypes.set(o.fact, o.type);
    outcomeLabels.set(o.fact, { zh: t(o.label), en: t(o.label, {}, 'en') });
  }
  const params = paramMap(scheme.params);
  const groups = [
    { path: 'requirements', items: scheme.requirements, types, labels },
    { path: 'risk.any', items: scheme.risk?.any ?? [], types: outcomeTypes, labels: outcomeLabels },
  ];
  for (const g of groups) {
    const isRate = (fact: string) => (g.types.has(fact) ? ['percent', 'ratio'].includes(g.types.get(fact)!) : undefined);
    const ids = new Set<string>();
    g.items.forEach((item, i) => {
      if (ids.has(item.id)) add(`${g.path}[${i}].id`, both('packDuplicateId', { id: item.id }));
      ids.add(item.id);
      resolveConditions(item.when, params, `${g.path}[${i}]`, isRate, add);
      conditionProblems(item.id, item.when, `${g.path}[${i}]`, g.types, g.labels, add);
    });
  }
}

export function validateScheme(input: unknown, context: { schemes?: string[] } = {}): SchemeResult {
  const parsed = SchemeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const scheme = parsed.data;
  const problems: PackProblem[] = [];
  const add = (path: string, message: Bilingual) => problems.push({ path, ...message });

  const { types, labels } = declaredProblems(scheme.ledgers, scheme.facts, add, { ...context, factsPath: 'facts' });

  scoringProblems(scheme, types, labels, add);
  itemProblems(scheme, types, labels, add);
  const params = paramMap(scheme.params);
  if (scheme.quota) resolveNumber(scheme.quota, 'maxShare', true, params, 'quota', add);
  if (scheme.ranking) resolveNumber(scheme.ranking, 'bottomShare', true, params, 'ranking', add);

  const grades = scheme.grades.map((g) => g.grade);
  const gradeProblem = (grade: string, path: string, key: 'rsQuotaGradeUnknown' | 'rsByGradeUnknown') => {
    if (!grades.includes(grade)) add(path, both(key, { grade, ...suggestion(nearest(grade, grades)) }));
  };
  const vetoIds = new Set<string>();
  scheme.vetoes.forEach((v, i) => {
    if (vetoIds.has(v.id)) add(`vetoes[${i}].id`, both('packDuplicateId', { id: v.id }));
    vetoIds.add(v.id);
    if (!types.has(v.fact)) add(`vetoes[${i}].fact`, both('rsFactUnknown', { text: v.fact, ...suggestion(nearest(v.fact, [...types.keys()])) }));
  });
  if (scheme.quota) gradeProblem(scheme.quota.grade, 'quota.grade', 'rsQuotaGradeUnknown');
  const values = new Set(types.keys());
  scheme.outputs.forEach((o, i) => {
    if (values.has(o.id)) add(`outputs[${i}].id`, both('packDuplicateId', { id: o.id }));
    if ('byGrade' in o) for (const grade of Object.keys(o.byGrade)) gradeProblem(grade, `outputs[${i}].byGrade`, 'rsByGradeUnknown');
    else for (const id of o.product) if (!values.has(id)) add(`outputs[${i}].product`, both('rsFactUnknown', { text: id, ...suggestion(nearest(id, [...values])) }));
    values.add(o.id);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scheme };
}
