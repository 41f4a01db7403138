import type { ColumnType } from '../pack/schema';
import { ledgerKind } from '../scheme/ledgers';
import type { SchemeFact } from '../scheme/schema';
import { declaredProblems } from '../rulesheet/scheme/validate';
import type { LedgerKind } from '../ledger/classify';
import type { BranchPack } from './schema';
import { branchLedgers, implicitFacts, MEETINGS_LEDGER, WORK_LEDGER } from './scheme';

export { MEETING_MONTHS, meetingCountFact } from './scheme';

export type FactType = ColumnType | 'ratio';

export interface BranchFactInfo {
  type: FactType;
  label: string;
  labelEn: string;
}

/** The outcome facts the risk criteria read, known only after scoring and ranking. */
export const OUTCOME_FACTS: Record<string, BranchFactInfo> = {
  failedItems: { type: 'number', label: '未达标事项数', labelEn: 'failed items' },
  lastPlace: { type: 'boolean', label: '排名末位', labelEn: 'last place' },
  score: { type: 'number', label: '得分', labelEn: 'score' },
  rank: { type: 'number', label: '排名', labelEn: 'rank' },
  of: { type: 'number', label: '参评支部数', labelEn: 'branches ranked' },
};

/**
 * Every fact a rule or requirement of the pack may read, with its type and
 * label: the implicit ones (covered months, a count per meeting type, the sum
 * of every work count column), then the facts the pack defines.
 */
export function factCatalogue(pack: BranchPack): Map<string, BranchFactInfo> {
  const facts = new Map<string, BranchFactInfo>();
  facts.set('always', { type: 'boolean', label: '', labelEn: '' });
  for (const f of implicitFacts(pack)) facts.set(f.fact, { type: 'number', label: f.label, labelEn: f.labelEn ?? f.label });
  const types = factTypesOf(pack);
  for (const f of pack.facts) {
    // A rate, read or worked out, compares and shows as a percentage.
    const type = types.get(f.fact) ?? 'number';
    facts.set(f.fact, { type: type === 'percent' ? 'ratio' : type, label: f.label, labelEn: f.labelEn ?? f.label });
  }
  return facts;
}

/** The type of each fact, as the generic assessment model gives it (the pack is valid by now: no problem is kept). */
function factTypesOf(pack: BranchPack): Map<string, FactType> {
  const implicit = new Map(implicitFacts(pack).map((f): [string, FactType] => [f.fact, 'number']));
  return declaredProblems(branchLedgers(pack), pack.facts, () => undefined, { factsPath: 'facts', facts: implicit, columnsAreFacts: false }).types;
}

/** The ledger a fact is read from: its own, or that of the first fact it is worked out of. */
export function declaredLedgerOf(facts: SchemeFact[], fact: SchemeFact): string | undefined {
  if ('ledger' in fact) return fact.ledger;
  const first = fact.source === 'ratio' ? fact.denominator : fact.source === 'either' ? fact.facts[0] : undefined;
  const input = facts.find((f) => f.fact === first);
  return input ? declaredLedgerOf(facts, input) : undefined;
}

/** Where a fact's value comes from: the ledger it is computed from, and the columns of that ledger it needs. */
export interface FactSource {
  /** Null for another assessment's results (the stationed cadres'): they need that assessment's ledger. */
  ledger: LedgerKind | null;
  /** Column facts of that ledger; none beyond those the reader needs to recognise it. */
  columns: string[];
}

/** The columns of the meeting records or work ledger a fact needs, through the facts it is worked out of. */
function columnsNeeded(facts: SchemeFact[], fact: SchemeFact, seen = new Set<string>()): string[] {
  if (seen.has(fact.fact)) return [];
  const inner = (id: string) => {
    const f = facts.find((x) => x.fact === id);
    return f ? columnsNeeded(facts, f, new Set([...seen, fact.fact])) : [];
  };
  switch (fact.source) {
    case 'rows':
    case 'value':
    case 'monthsSince':
      return fact.column ? [fact.column] : [];
    case 'attendance':
      return [fact.expected, fact.present];
    case 'ratio':
      return [...inner(fact.numerator), ...inner(fact.denominator)];
    default:
      return [];
  }
}

/** Where each fact of the catalogue comes from: what a workbook must hold for the fact to have a value. */
export function factSources(pack: BranchPack): Map<string, FactSource> {
  const sources = new Map<string, FactSource>();
  const all = [...implicitFacts(pack), ...pack.facts];
  for (const f of all) {
    if (f.source === 'results') {
      sources.set(f.fact, { ledger: null, columns: [] });
      continue;
    }
    const ledger = declaredLedgerOf(all, f);
    if (ledger === MEETINGS_LEDGER || ledger === WORK_LEDGER) sources.set(f.fact, { ledger: ledgerKind(pack.id, ledger), columns: columnsNeeded(all, f) });
    else if (ledger) sources.set(f.fact, { ledger: ledgerKind(pack.id, ledger), columns: [] });
  }
  return sources;
}

/** The pack's facts read from the branch's own ledgers (meeting records, work ledger, stationed cadres): those 支部汇总 and the summary show. */
export function ownFacts(pack: BranchPack): SchemeFact[] {
  const sources = factSources(pack);
    const own = new Set<LedgerKind | null>([null, ledgerKind(pack.id, MEETINGS_LEDGER), ledgerKind(pack.id, WORK_LEDGER)]);
  return pack.facts.filter((f) => sources.has(f.fact) && own.has(sources.get(f.fact)!.ledger));
}
