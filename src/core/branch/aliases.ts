import type { LedgerSpec, Warning } from '../ledger/read';
import { readLedgerSheets } from '../ledger/read';
import type { Column } from '../pack/schema';
import type { WorkbookSnapshot } from '../snapshot';

/**
 * The branch name table staff keep in the workbook (支部名称对照): one row per
 * way a ledger writes a branch, beside the branch it means. It extends the
 * pack's alias table; the sidebar and the rules sheet edit the same pairs.
 */
const COLUMNS: Column[] = [
  { fact: 'written', label: '台账中的写法', labelEn: 'as written', type: 'name', role: 'subject', aliases: ['其他写法', '别名', '曾用名', '台账写法', '原写法', '原名称', '简称'] },
  { fact: 'branch', label: '对应支部', labelEn: 'branch', type: 'name', aliases: ['支部名称', '标准名称', '规范名称', '党支部名称', '对应党支部'] },
];

const SPEC: LedgerSpec = { columns: COLUMNS, ignoredColumns: ['序号', '备注', '说明'], periodless: true };

export interface AliasTable {
  aliases: Record<string, string>;
  sheets: string[];
  warnings: Warning[];
}

/** The pairs of every 支部名称对照 sheet of a workbook; a sheet is one when its header has both columns. */
export function readAliasSheets(workbook: WorkbookSnapshot): AliasTable {
  const read = readLedgerSheets(workbook, SPEC);
  const sheets = read.ledgers.filter((l) => l.columns.some((c) => c.fact === 'branch')).map((l) => l.sheet);
  const aliases: Record<string, string> = {};
  for (const r of read.records) {
    if (!sheets.includes(r.sheet)) continue;
    const target = r.facts.branch;
    if (typeof target === 'string') aliases[r.name] = target;
  }
  return { aliases, sheets, warnings: read.warnings.filter((w) => sheets.includes(w.sheet) && w.cell !== '') };
}
