import type { LedgerKind, RunLedger } from '../ledger/classify';
import type { LedgerSpec } from '../ledger/read';
import type { SchemeLedger } from './schema';

/** How a title row or sheet name names a subject: the run's name rules, given at run time. */
export type SubjectFromTitle = (title: string, sheetName: string) => string | undefined;

/**
 * How a sheet is read as a ledger of any assessment: by its columns and their
 * values; its rows may stand for a month, a quarter or a year unless it is kept
 * per month; its stated rates rechecked; its subject taken from the title when
 * the ledger allows it and the run can tell a subject in a title.
 */
export function schemeLedgerSpec(ledger: SchemeLedger, fromTitle?: SubjectFromTitle): LedgerSpec {
  return {
    columns: ledger.columns,
    ignoredColumns: ledger.ignoredColumns,
    longerPeriods: !ledger.monthsOnly,
    periodless: ledger.standing,
    ...(ledger.keyColumn ? { keyFact: ledger.keyColumn } : {}),
    ...(ledger.warnMissing === false ? { warnMissing: false } : {}),
    ...(ledger.subjectFromTitle && fromTitle ? { subjectFromTitle: fromTitle } : {}),
    ...(ledger.statedRates ? { statedRates: ledger.statedRates } : {}),
    ...(ledger.rateTolerance !== undefined ? { rateTolerance: ledger.rateTolerance } : {}),
  };
}

export const ledgerKind = (owner: string, ledger: string): LedgerKind => `${owner}/${ledger}`;

/**
 * The ledgers of a run's assessments, keyed by assessment and ledger id, for
 * the run to classify and read once. The order is the tie rule of the
 * classification: a ledger marked by a column of its own (会议类型) is told by
 * more than its subject, so on equal matches it comes first; the rest keep the
 * order of the assessments given (the cadre ledger before the branch's work
 * counts, so a cadre ledger with 所属支部 and 承诺数 columns stays a cadre ledger).
 */
export function runLedgers(owners: { id: string; ledgers: SchemeLedger[] }[], fromTitle?: SubjectFromTitle): RunLedger[] {
  const all = owners.flatMap((o) => o.ledgers.map((l) => ({ kind: ledgerKind(o.id, l.id), ledger: l, spec: schemeLedgerSpec(l, fromTitle) })));
  return [...all.filter((l) => l.ledger.keyColumn), ...all.filter((l) => !l.ledger.keyColumn)];
}
