import type { Column, ColumnType, Pack } from '../../pack/schema';
import type { Scheme, SchemeFact, SchemeLedger } from '../../scheme/schema';
import { FactDirectory } from '../facts';
import type { PackEntry } from '../section';

/** The kind of value a fact holds, as conditions on it are read: a rate (ratio) or the type of a column. */
export type FactType = ColumnType | 'ratio';

/** A column of some ledger, by fact id: the first ledger that has it. */
export function columnsById(ledgers: Pick<SchemeLedger, 'columns'>[]): Map<string, Column> {
  const out = new Map<string, Column>();
  for (const ledger of ledgers) for (const c of ledger.columns) if (!out.has(c.fact)) out.set(c.fact, c);
  return out;
}

/**
 * What each fact of a scheme holds: a value or an extreme has its column's
 * type, a sum or mean of rates is a rate, ratios and attendance are rates,
 * counts, months and scores are numbers, and "either" has the type of the
 * first of its facts.
 */
export function factTypes(facts: SchemeFact[], columns: Map<string, Column>): Map<string, FactType> {
  const byId = new Map(facts.map((f) => [f.fact, f]));
  const out = new Map<string, FactType>();
  const typeOf = (fact: SchemeFact, seen: Set<string>): FactType => {
    switch (fact.source) {
      case 'value':
        return columns.get(fact.column)?.type ?? 'number';
      case 'rows':
        return fact.op !== 'count' && fact.column && columns.get(fact.column)?.type === 'percent' ? 'percent' : 'number';
      case 'ratio':
      case 'attendance':
        return 'ratio';
      case 'either': {
        const first = fact.facts[0]!;
        const inner = byId.get(first);
        if (inner && !seen.has(first)) return typeOf(inner, new Set([...seen, first]));
        return columns.get(first)?.type ?? 'number';
      }
      default:
        return 'number';
    }
  };
  for (const f of facts) out.set(f.fact, typeOf(f, new Set([f.fact])));
  return out;
}

type ViewSource = Pick<Scheme, 'id' | 'title' | 'params' | 'ledgers' | 'facts' | 'indicators' | 'rules' | 'grades'>;

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
 * The scheme as the shared 【指标】【规则】【等次】 tables (and the checks of
 * rule rows) see a pack: its scoring parts, with the ledgers' columns and the
 * scheme's facts standing for the pack's columns. Nothing else of the pack
 * shape is read.
 */
export function schemeView(scheme: ViewSource): PackEntry {
  const pack: Pack = {
    id: scheme.id,
    version: 1,
    title: scheme.title,
    subject: 'cadre',
    params: scheme.params,
    columns: viewColumns(scheme),
    ignoredColumns: [],
    derived: [],
    indicators: scheme.indicators,
    rules: scheme.rules,
    grades: scheme.grades,
  };
  return { pack, tests: [] };
}
