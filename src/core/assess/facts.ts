import type { FactValue } from '../ledger/read';

/** Why a fact has no value for a record. */
export type MissingReason =
  | { kind: 'absent'; fact: string }
  | { kind: 'unreadable'; fact: string }
  | { kind: 'impossible'; fact: string }
  | { kind: 'zero'; fact: string; denominator: string };

export interface RecordFacts {
  /** Flat facts for the engine: every pack fact present, null when missing. */
  values: Record<string, FactValue>;
  /** Why each missing fact is missing: a ratio lists every missing part. */
  missing: Map<string, MissingReason[]>;
}
