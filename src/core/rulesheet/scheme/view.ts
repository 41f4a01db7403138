import { type MessageKey, t } from '../../messages';
import type { Column, ColumnType } from '../../pack/schema';
import type { Scheme } from '../../scheme/schema';
import { columnsById, factTypes } from '../../scheme/types';
import { FactDirectory } from '../facts';
import type { ScoringEntry } from '../section';

type ViewSource = Pick<Scheme, 'ledgers' | 'facts' | 'indicators' | 'rules' | 'grades'>;

/** Every name a rule's conditions and points may read: the ledgers' columns and the scheme's facts. */
function viewColumns(scheme: Pick<Scheme, 'ledgers' | 'facts'>): Column[] {
  const columns = columnsById(scheme.ledgers);
  const types = factTypes(scheme.facts, columns);
  const facts: Column[] = scheme.facts
    .filter((f) => !columns.has(f.fact))
    .map((f) => {
      const type = types.get(f.fact)!;
      return { fact: f.fact, label: f.label, ...(f.labelEn ? { labelEn: f.labelEn } : {}), type: type === 'ratio' ? 'percent' : type, aliases: [] };
    });
  return [...columns.values(), ...facts];
}

/** The facts of a scheme by the names staff write for them: a column's label or alias, a fact's name, or an id. */
export function schemeFacts(scheme: Pick<Scheme, 'ledgers' | 'facts'>): FactDirectory {
  return new FactDirectory(viewColumns(scheme), []);
}

/** The facts known once a period is ranked, which only a risk criterion may read; the ids are those the assessor gives them. */
export const SCHEME_OUTCOMES: { fact: string; label: MessageKey; type: ColumnType }[] = [
  { fact: 'failedItems', label: 'rsOutcomeFailedItems', type: 'number' },
  { fact: 'lastPlace', label: 'rsOutcomeLastPlace', type: 'boolean' },
  { fact: 'score', label: 'rsOutcomeScore', type: 'number' },
  { fact: 'rank', label: 'rsOutcomeRank', type: 'number' },
  { fact: 'of', label: 'rsOutcomeOf', type: 'number' },
];

/**
 * What a risk criterion may read: the scheme's facts, then the outcomes. A
 * label the scheme uses itself names the scheme's fact, and the outcome is
 * then named by its id; an id both have is the outcome's, as the assessor reads it.
 */
export function schemeRiskFacts(scheme: Pick<Scheme, 'ledgers' | 'facts'>): FactDirectory {
  const outcomes: Column[] = SCHEME_OUTCOMES.map((o) => ({ fact: o.fact, label: t(o.label), labelEn: t(o.label, {}, 'en'), type: o.type, aliases: [] }));
  return new FactDirectory([...viewColumns(scheme), ...outcomes], []);
}

/**
 * What a rule test's inputs may name: the scheme's columns and facts, and,
 * where it has a risk, 排名末位, which a test may set since one subject alone
 * is never last; the other outcomes a test works out.
 */
export function schemeTestInputs(scheme: Pick<Scheme, 'ledgers' | 'facts'>, risk: boolean): Column[] {
  const last = SCHEME_OUTCOMES.find((o) => o.fact === 'lastPlace')!;
  const lastPlace: Column = { fact: last.fact, label: t(last.label), labelEn: t(last.label, {}, 'en'), type: last.type, aliases: [] };
  return [...viewColumns(scheme), ...(risk ? [lastPlace] : [])];
}

/**
 * What a rule test may expect a value of, by name: the outputs first (绩效报酬系数),
 * then the columns and facts, as a run gives them; a yes/no is an input, never an expected value.
 */
export function schemeTestValues(scheme: Pick<Scheme, 'ledgers' | 'facts' | 'outputs'>): FactDirectory {
  const outputs: Column[] = scheme.outputs.map((o) => ({ fact: o.id, label: o.label, ...(o.labelEn ? { labelEn: o.labelEn } : {}), type: 'number', aliases: [] }));
  return new FactDirectory([...outputs, ...viewColumns(scheme).filter((c) => c.type !== 'boolean')], []);
}

/**
 * The scheme's scoring as the shared 【指标】【规则】【等次】 tables (and the
 * checks of rule rows) see it: its indicators, rules and grades, with the
 * ledgers' columns and the scheme's facts as the facts its rules read (a
 * ratio among them as a percentage, so it has no rates of its own).
 */
export function schemeView(scheme: ViewSource): ScoringEntry {
  return { pack: { columns: viewColumns(scheme), derived: [], indicators: scheme.indicators, rules: scheme.rules, grades: scheme.grades }, tests: [] };
}
