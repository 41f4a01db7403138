import type { FactValue } from '../ledger/read';
import type { MissingReason } from '../scheme/facts';

export interface RecordFacts {
  /** Flat facts for the engine: every pack fact present, null when missing. */
  values: Record<string, FactValue>;
  /** Why each missing fact is missing: a ratio lists every missing part. */
  missing: Map<string, MissingReason[]>;
}
