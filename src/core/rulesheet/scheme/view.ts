import type { Column } from '../../pack/schema';
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
