import type { ReportSheet } from '../core/report/sheet';
import type { ChartSheet } from '../core/results/chart-sheet';
import { type ResultTable, tableTop } from '../core/results/table';
import { OWNED_SHEETS, type RpcArgs, type RpcResult } from '../rpc/contract';
import { layOutChartSheet } from './charts';
import { errorText, UserError } from './errors';
import { layOutTable, type SheetIds, sheetIdsOf } from './layout';
import { layOutReportSheet } from './reports';
import { backedUpSheet, backupName, isOwned, markOwned, requireOwn, temporaryName, temporaryOf } from './owned';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Refuses, before anything is written, a table that would land on a user's sheet or that cannot be laid out. */
function checkTables(tables: ResultTable[], charts: ChartSheet | undefined, reports: ReportSheet[]): void {
  const seen = new Set<string>();
  const claim = (sheet: string) => {
    if (!isOwned(sheet)) throw new UserError('writeNotOwned', { sheet, owned: OWNED_SHEETS.join('、') });
    if (seen.has(sheet)) throw new UserError('writeDuplicateSheet', { sheet });
    seen.add(sheet);
  };
  for (const table of tables) {
    claim(table.sheet);
    const width = table.header.length;
    const firstData = tableTop(table).rows.length + 2;
    table.rows.forEach((row, i) => {
      if (row.length !== width) throw new UserError('writeRowWidth', { sheet: table.sheet, row: firstData + i, count: row.length, width });
    });
  }
  if (charts) claim(charts.sheet);
  for (const report of reports) claim(report.sheet);
}

/** One sheet a run writes: its name, how many rows of data it holds, and how it is laid out on a fresh sheet (its links to ledger sheets by their ids). */
interface Write {
  sheet: string;
  rows: number;
  lay: (fresh: Sheet, sheetIds: SheetIds) => void;
}

function writesOf(tables: ResultTable[], charts: ChartSheet | undefined, reports: ReportSheet[]): Write[] {
  const writes = tables.map((table): Write => ({ sheet: table.sheet, rows: table.rows.length, lay: (fresh, sheetIds) => layOutTable(fresh, table, sheetIds) }));
  if (charts) writes.push({ sheet: charts.sheet, rows: charts.blocks.reduce((n, b) => n + b.rows.length, 0), lay: (fresh) => layOutChartSheet(fresh, charts) });
  for (const report of reports) writes.push({ sheet: report.sheet, rows: report.rows.length, lay: (fresh) => layOutReportSheet(fresh, report) });
  return writes;
}

/**
 * A run the 6-minute limit cut short, or a failure while clearing up, can
 * leave a half-written temporary sheet (dropped) or the old results set aside
 * (dropped when new results took their place, put back when nothing did).
 * Every leftover must carry the add-on's mark before it is touched: one the
 * user made under such a name is refused, before anything is written.
 */
function recoverLeftovers(spreadsheet: Spreadsheet): void {
  const leftovers = spreadsheet
    .getSheets()
    .map((sheet) => {
      const name = sheet.getName();
      return { sheet, name, temporary: temporaryOf(name), original: backedUpSheet(name) };
    })
    .filter((l) => l.temporary !== undefined || l.original !== undefined);
  for (const l of leftovers) requireOwn(l.sheet, (l.temporary ?? l.original)!);
  for (const l of leftovers) {
    if (l.temporary !== undefined) spreadsheet.deleteSheet(l.sheet);
    else if (spreadsheet.getSheetByName(l.original!)) spreadsheet.deleteSheet(l.sheet);
    else l.sheet.setName(l.original!);
  }
}

interface Staged {
  write: Write;
  fresh: Sheet;
  old: Sheet | null;
  /** How far the swap got, so a failure can be undone step by step. */
  setAside: boolean;
  placed: boolean;
}

/** Runs every step even when one fails; true when all of them succeeded. */
function attemptAll(steps: (() => void)[]): boolean {
  let ok = true;
  for (const step of steps) {
    try {
      step();
    } catch {
      ok = false;
    }
  }
  return ok;
}

/**
 * Puts every staged sheet in place of the old one. On failure every step is
 * undone, newest first, and the temporaries are dropped; the answer says
 * whether the old results are all back under their names.
 */
function swap(spreadsheet: Spreadsheet, staged: Staged[]): { error: unknown; restored: boolean } | undefined {
  try {
    for (const s of staged) {
      if (s.old) {
        s.old.setName(backupName(s.write.sheet));
        s.setAside = true;
      }
      s.fresh.setName(s.write.sheet);
      s.placed = true;
    }
    return undefined;
  } catch (error) {
    const undo = [...staged].reverse().flatMap((s) => [
      () => {
        if (s.placed) s.fresh.setName(temporaryName(s.write.sheet));
        s.placed = false;
      },
      () => {
        if (s.setAside && s.old) s.old.setName(s.write.sheet);
        s.setAside = false;
      },
    ]);
    const restored = attemptAll(undo);
    dropTemporaries(spreadsheet, staged);
    return { error, restored };
  }
}

/** Drops the new sheets that did not take their place; one that will not go is cleared by the next run. */
function dropTemporaries(spreadsheet: Spreadsheet, staged: Staged[]): void {
  attemptAll(staged.filter((s) => !s.placed).map((s) => () => spreadsheet.deleteSheet(s.fresh)));
}

/**
 * Writes the result tables, and the 图表 sheet with its charts and the
 * printable 考评报告 and 考评反馈单 when given, all or nothing: each into a new temporary sheet, and only when every one is
 * complete (every chart built) do they replace the old results. On any
 * failure before that the temporaries go and the old results stay as they
 * were, and only then does the message say so. Once every new sheet is in
 * place the run has succeeded: an old sheet that will not go is reported and
 * dropped by the next run. Tables may only target the sheets the add-on owns,
 * and an existing one must carry the add-on's mark; a ledger is never written.
 */
export function writeResults(...[{ tables, charts, reports = [] }]: RpcArgs<'writeResults'>): RpcResult<'writeResults'> {
  checkTables(tables, charts, reports);
  const writes = writesOf(tables, charts, reports);
  const staged: Staged[] = [];
  const failed = (key: 'writeFailed' | 'writeFailedUnsure', error: unknown) => new UserError(key, { detail: errorText(error) });
  let active: Spreadsheet | undefined;
  let time: string;
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    active = spreadsheet;
    time = Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), "yyyy-MM-dd'T'HH:mm:ss");
    recoverLeftovers(spreadsheet);
    const sheetIds = sheetIdsOf(spreadsheet);
    const olds = writes.map((write) => {
      const old = spreadsheet.getSheetByName(write.sheet);
      if (old) requireOwn(old, write.sheet);
      return old;
    });
    writes.forEach((write, i) => {
      const old = olds[i]!;
      const position = old ? old.getIndex() - 1 : spreadsheet.getNumSheets();
      const fresh = spreadsheet.insertSheet(temporaryName(write.sheet), position);
      staged.push({ write, fresh, old, setAside: false, placed: false });
      markOwned(fresh, write.sheet);
      write.lay(fresh, sheetIds);
    });
  } catch (error) {
    if (active) dropTemporaries(active, staged);
    if (error instanceof UserError) throw error;
    throw failed('writeFailed', error);
  }
  const spreadsheet = active;
  const failure = swap(spreadsheet, staged);
  if (failure) throw failed(failure.restored ? 'writeFailed' : 'writeFailedUnsure', failure.error);
  const leftovers: string[] = [];
  for (const s of staged) {
    if (!s.old) continue;
    try {
      spreadsheet.deleteSheet(s.old);
    } catch {
      leftovers.push(backupName(s.write.sheet));
    }
  }
  return {
    sheets: writes.map((w) => ({ sheet: w.sheet, rows: w.rows })),
    time,
    ...(leftovers.length > 0 ? { leftovers } : {}),
  };
}
