import type { FactValue, LedgerRecord } from '../ledger/read';
import type { Pack } from '../pack/schema';

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

/** Facts of one record plus the derived ones (ratios), with the reason each missing fact is missing. */
export function recordFacts(record: LedgerRecord, pack: Pack): RecordFacts {
  const values: Record<string, FactValue> = { always: true, ...record.facts };
  const missing = new Map<string, MissingReason[]>();
  for (const column of pack.columns) {
    if (values[column.fact] === null || values[column.fact] === undefined) {
      values[column.fact] = null;
      const kind = record.impossible.has(column.fact) ? 'impossible' : record.unreadable.has(column.fact) ? 'unreadable' : 'absent';
      missing.set(column.fact, [{ kind, fact: column.fact }]);
    }
  }
  for (const d of pack.derived) {
    const num = values[d.numerator];
    const den = values[d.denominator];
    values[d.fact] = null;
    // No households to visit, no commitment made: that is the reason, whatever the numerator says.
    if (den === 0) missing.set(d.fact, [{ kind: 'zero', fact: d.fact, denominator: d.denominator }]);
    else if (typeof num === 'number' && typeof den === 'number') values[d.fact] = num / den;
    else {
      const reasons = [d.denominator, d.numerator].flatMap((f) => missing.get(f) ?? []);
      missing.set(d.fact, reasons.length > 0 ? reasons : [{ kind: 'absent', fact: d.denominator }]);
    }
  }
  return { values, missing };
}
