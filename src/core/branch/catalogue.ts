import { t } from '../messages';
import type { ColumnType } from '../pack/schema';
import { declaredKind } from '../scheme/ledgers';
import type { SchemeFact } from '../scheme/schema';
import { declaredProblems } from '../rulesheet/scheme/validate';
import type { LedgerKind } from './ledgers';
import type { BranchPack } from './schema';

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

/** Covered months of the meeting records in the period: null when the records cover none of it. */
export const MEETING_MONTHS = 'meetingMonths';

export const meetingCountFact = (type: string) => `${type}Meetings`;

/**
 * Every fact a rule or requirement of the pack may read, with its type and
 * label: the covered months, a count per meeting type, the sum of every work
 * count column, and the facts the pack defines.
 */
export function factCatalogue(pack: BranchPack): Map<string, BranchFactInfo> {
  const facts = new Map<string, BranchFactInfo>();
  facts.set('always', { type: 'boolean', label: '', labelEn: '' });
  facts.set(MEETING_MONTHS, { type: 'number', label: t('branchFactMeetingMonths'), labelEn: t('branchFactMeetingMonths', {}, 'en') });
  for (const m of pack.meetings.types) {
    facts.set(meetingCountFact(m.id), { type: 'number', label: t('branchFactMeetingsHeld', { meeting: m.label }), labelEn: t('branchFactMeetingsHeld', { meeting: m.labelEn ?? m.label }, 'en') });
  }
  for (const c of pack.work.columns) {
    if (c.type === 'number') facts.set(c.fact, { type: 'number', label: c.label, labelEn: c.labelEn ?? c.label });
  }
  for (const f of pack.facts) {
    const type: FactType = f.source === 'attendance' || f.source === 'ratio' ? 'ratio' : 'number';
    facts.set(f.fact, { type, label: f.label, labelEn: f.labelEn ?? f.label });
  }
  const types = declaredTypes(pack);
  for (const f of pack.declaredFacts) {
    // A rate, read or worked out, compares and shows as a percentage, as the built-in ratios do.
    const type = types.get(f.fact) ?? 'number';
    facts.set(f.fact, { type: type === 'percent' ? 'ratio' : type, label: f.label, labelEn: f.labelEn ?? f.label });
  }
  return facts;
}

/** The type of each declared fact, as the generic assessment model gives it (the pack is valid by now: no problem is kept). */
function declaredTypes(pack: BranchPack): Map<string, FactType> {
  return declaredProblems(pack.ledgers, pack.declaredFacts, () => undefined, { factsPath: 'declaredFacts' }).types;
}

/** The declared ledger a declared fact is read from: its own, or that of the first fact it is worked out of. */
export function declaredLedgerOf(facts: SchemeFact[], fact: SchemeFact): string | undefined {
  if ('ledger' in fact) return fact.ledger;
  const first = fact.source === 'ratio' ? fact.denominator : fact.source === 'either' ? fact.facts[0] : undefined;
  const input = facts.find((f) => f.fact === first);
  return input ? declaredLedgerOf(facts, input) : undefined;
}

/** Where a fact's value comes from: the ledger it is computed from, and the columns of that ledger it needs. */
export interface FactSource {
  ledger: LedgerKind;
  /** Column facts of that ledger; none beyond those the reader needs to recognise it. */
  columns: string[];
}

/** Where each fact of the catalogue comes from: what a workbook must hold for the fact to have a value. */
export function factSources(pack: BranchPack): Map<string, FactSource> {
  const sources = new Map<string, FactSource>();
  sources.set(MEETING_MONTHS, { ledger: 'meetings', columns: [] });
  for (const t of pack.meetings.types) sources.set(meetingCountFact(t.id), { ledger: 'meetings', columns: [] });
  for (const c of pack.work.columns) if (c.type === 'number') sources.set(c.fact, { ledger: 'work', columns: [c.fact] });
  for (const f of pack.facts) {
    if (f.source === 'meetingsMissed') sources.set(f.fact, { ledger: 'meetings', columns: [] });
    else if (f.source === 'attendance') sources.set(f.fact, { ledger: 'meetings', columns: ['expected', 'present'] });
    else if (f.source === 'ratio') sources.set(f.fact, { ledger: 'work', columns: [f.numerator, f.denominator] });
    else sources.set(f.fact, { ledger: 'cadre', columns: [] });
  }
  for (const f of pack.declaredFacts) {
    const ledger = declaredLedgerOf(pack.declaredFacts, f);
    if (ledger) sources.set(f.fact, { ledger: declaredKind(pack.id, ledger), columns: [] });
  }
  return sources;
}
