import type { DeclaredKind, DeclaredLedger } from '../branch/ledgers';
import type { LedgerSpec } from '../ledger/read';
import type { SchemeLedger } from './schema';

/** How a sheet is read as a declared ledger: by its columns and their values; its rows may stand for a month, a quarter or a year; its stated rates rechecked. */
export function schemeLedgerSpec(ledger: SchemeLedger): LedgerSpec {
  return {
    columns: ledger.columns,
    ignoredColumns: ledger.ignoredColumns,
    longerPeriods: true,
    periodless: ledger.standing,
    ...(ledger.statedRates ? { statedRates: ledger.statedRates } : {}),
    ...(ledger.rateTolerance !== undefined ? { rateTolerance: ledger.rateTolerance } : {}),
  };
}

export const declaredKind = (owner: string, ledger: string): DeclaredKind => `${owner}/${ledger}`;

/** The ledgers some assessments declare, keyed by owner and ledger id, for the run to classify and read once. */
export function declaredLedgers(owners: { id: string; ledgers: SchemeLedger[] }[]): DeclaredLedger[] {
  return owners.flatMap((o) => o.ledgers.map((l) => ({ kind: declaredKind(o.id, l.id), spec: schemeLedgerSpec(l) })));
}
