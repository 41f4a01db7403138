import type { Column, ColumnType } from '../pack/schema';
import type { SchemeFact, SchemeLedger } from './schema';

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
