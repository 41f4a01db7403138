import type { LedgerInfo } from '../ledger/read';

/** The column letters of a fact's column in a ledger sheet, as its header placed it. */
export function a1Column(info: LedgerInfo | undefined, fact: string): string | undefined {
  const header = info?.columns.find((c) => c.fact === fact)?.cell;
  return header ? /^[A-Z]+/.exec(header)?.[0] : undefined;
}
