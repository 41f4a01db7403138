import type { ResultTable } from '../core/results/table';
import { OWNED_SHEETS, type RpcArgs, type RpcResult } from '../rpc/contract';
import { errorText, UserError } from './errors';
import { layOutTable } from './layout';
import { backedUpSheet, backupName, isOwned, isTemporary, temporaryName } from './owned';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Refuses, before anything is written, a table that would land on a user's sheet or that cannot be laid out. */
function checkTables(tables: ResultTable[]): void {
  const seen = new Set<string>();
  for (const table of tables) {
    if (!isOwned(table.sheet)) throw new UserError('writeNotOwned', { sheet: table.sheet, owned: OWNED_SHEETS.join('、') });
    if (seen.has(table.sheet)) throw new UserError('writeDuplicateSheet', { sheet: table.sheet });
    seen.add(table.sheet);
    const width = table.header.length;
    table.rows.forEach((row, i) => {
      if (row.length !== width) throw new UserError('writeRowWidth', { sheet: table.sheet, row: i + 3, count: row.length, width });
    });
  }
}

/**
 * A run the 6-minute limit cut short can leave a half-written temporary sheet
 * (dropped) or the old results set aside (put back when nothing replaced them).
 */
function recoverLeftovers(spreadsheet: Spreadsheet): void {
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    const original = backedUpSheet(name);
    if (isTemporary(name)) spreadsheet.deleteSheet(sheet);
    else if (original !== undefined) {
      if (spreadsheet.getSheetByName(original)) spreadsheet.deleteSheet(sheet);
      else sheet.setName(original);
    }
  }
}

interface Staged {
  table: ResultTable;
  fresh: Sheet;
  old: Sheet | null;
  /** How far the swap got, so a failure can be undone step by step. */
  setAside: boolean;
  placed: boolean;
}

/** Puts every staged sheet in place of the old one, or, on failure, puts every old one back. */
function commit(spreadsheet: Spreadsheet, staged: Staged[]): void {
  try {
    for (const s of staged) {
      if (s.old) {
        s.old.setName(backupName(s.table.sheet));
        s.setAside = true;
      }
      s.fresh.setName(s.table.sheet);
      s.placed = true;
    }
  } catch (error) {
    for (const s of staged) {
      if (s.placed) {
        s.fresh.setName(temporaryName(s.table.sheet));
        s.placed = false;
      }
      if (s.setAside && s.old) s.old.setName(s.table.sheet);
    }
    throw error;
  }
  for (const s of staged) if (s.old) spreadsheet.deleteSheet(s.old);
}

/**
 * Writes the result tables all or nothing: each into a new temporary sheet,
 * and only when every one is complete do they replace the old results. On any
 * failure the temporaries go and the old results stay as they were. Tables
 * may only target the sheets the add-on owns; a ledger is never written.
 */
export function writeResults(...[{ tables }]: RpcArgs<'writeResults'>): RpcResult<'writeResults'> {
  checkTables(tables);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  recoverLeftovers(spreadsheet);
  const staged: Staged[] = [];
  try {
    for (const table of tables) {
      const old = spreadsheet.getSheetByName(table.sheet);
      const position = old ? old.getIndex() - 1 : spreadsheet.getNumSheets();
      const fresh = spreadsheet.insertSheet(temporaryName(table.sheet), position);
      staged.push({ table, fresh, old, setAside: false, placed: false });
      layOutTable(fresh, table);
    }
    commit(spreadsheet, staged);
  } catch (error) {
    for (const s of staged) {
      if (!s.placed) spreadsheet.deleteSheet(s.fresh);
    }
    throw new UserError('writeFailed', { detail: errorText(error) });
  }
  return {
    sheets: tables.map((t) => ({ sheet: t.sheet, rows: t.rows.length })),
    time: Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), "yyyy-MM-dd'T'HH:mm:ss"),
  };
}
