import { mappingFor, type SheetKinds, sheetsNamed } from '../ledger/classify';
import type { ColumnMapping } from '../ledger/columns';
import { type LedgerInfo, type LedgerRecord, readLedgerSheets, type Warning } from '../ledger/read';
import type { WorkbookSnapshot } from '../snapshot';
import { ledgerKind, schemeLedgerSpec, type SubjectFromTitle } from './ledgers';
import type { SchemeLedger } from './schema';

export interface LedgerRead {
  records: LedgerRecord[];
  infos: LedgerInfo[];
  warnings: Warning[];
}

export interface DeclaredReadOptions {
  mapping?: ColumnMapping;
  defaultPeriod?: string;
  today?: string;
  /** How a title names a subject, for a ledger whose sheets may name theirs so. */
  fromTitle?: SubjectFromTitle;
}

/** Each ledger an owner (an assessment, the branch pack) declares, read once from the sheets the run's classification gave it. */
export function readDeclaredLedgers(workbook: WorkbookSnapshot, owner: { id: string; ledgers: SchemeLedger[] }, kinds: SheetKinds, options: DeclaredReadOptions): Map<string, LedgerRead> {
  const out = new Map<string, LedgerRead>();
  for (const ledger of owner.ledgers) {
    const sheets = kinds[ledgerKind(owner.id, ledger.id)] ?? [];
    const spec = schemeLedgerSpec(ledger, options.fromTitle);
    const read = readLedgerSheets(sheetsNamed(workbook, sheets), spec, { mapping: mappingFor(spec, options.mapping ?? {}), defaultPeriod: options.defaultPeriod, today: options.today });
    out.set(ledger.id, { records: read.records, infos: read.ledgers, warnings: read.warnings });
  }
  return out;
}
