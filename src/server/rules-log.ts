import * as z from 'zod';
import { LOG_SHEET, RulesLogSchema, RulesVersionSchema, type RpcArgs, type RpcResult, SchemeRecordSchema } from '../rpc/contract';
import { hasMark, markOwned, requireOwn } from './owned';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;
type Version = z.infer<typeof RulesVersionSchema>;
type Entry = RpcArgs<'recordRulesVersion'>[0];
type SchemeRecord = z.infer<typeof SchemeRecordSchema>;

/**
 * The rules log lives in a hidden sheet the add-on owns: one row per run,
 * newest first, the last HISTORY_KEPT runs. Document properties cannot hold
 * it (9 KB a value, 500 KB the whole store, and a township's packs reached
 * that). Each row starts with its entry as JSON; the newest row carries the
 * packs themselves after it, cut into cells Sheets can hold: the cadre pack,
 * the branch pack, then each declared assessment's scheme in the order its
 * entry lists them.
 */
const HISTORY_KEPT = 50;
/** A cell holds at most 50,000 characters; a chunk and its mark stay under that. */
const CHUNK_CHARS = 40_000;
/**
 * Put before every chunk, so no chunk can begin with what Sheets would
 * retype (a leading =, a number, a date): the entry cell begins with "{" and
 * is just as safe.
 */
const CHUNK_MARK = '|';

const LogRowSchema = RulesVersionSchema.extend({
  /** The length of each pack the row carries, 0 for none: a chunk lost or cut short shows. */
  packLength: z.number().int().nonnegative(),
  branchLength: z.number().int().nonnegative(),
  /** The declared assessments the row carries after the branch pack, each with its length; absent from rows written before. */
  schemes: z.array(SchemeRecordSchema.omit({ pack: true }).extend({ length: z.number().int().positive() })).optional(),
});
type LogRow = z.infer<typeof LogRowSchema>;

interface Log {
  history: Version[];
  last: { row: LogRow; cells: unknown[] } | undefined;
}

/**
 * The last run as the sidebar gets it: with its branch pack only when that
 * pack read back whole, and its declared assessments only when every one did
 * (one missing would look like a block added since).
 */
function lastRun(run: Version, pack: string, branch: string | undefined, schemes?: SchemeRecord[]) {
  const { branchVersion, ...version } = versionOf(run);
  return { ...version, pack, ...(branch === undefined || branchVersion === undefined ? {} : { branchVersion, branch }), ...(schemes === undefined ? {} : { schemes }) };
}

/** The log checked against the contract: a last run that does not pass is dropped, the history kept. */
function checkedLog(history: Version[], last: unknown): RpcResult<'getRulesLog'> {
  const parsed = RulesLogSchema.safeParse({ history, last });
  if (parsed.success) return parsed.data;
  const withoutLast = RulesLogSchema.safeParse({ history, last: null });
  return withoutLast.success ? withoutLast.data : { history: [], last: null };
}

const versionOf = (row: Version): Version => ({
  version: row.version,
  time: row.time,
  ...(row.branchVersion === undefined ? {} : { branchVersion: row.branchVersion }),
  ...(row.assessments === undefined ? {} : { assessments: row.assessments }),
});

/** Whether two entries name the same rules: the same packs, and the same version of each assessment that ran. */
function sameRules(a: Version, b: Version): boolean {
  if (a.version !== b.version || a.branchVersion !== b.branchVersion) return false;
  const x = Object.entries(a.assessments ?? {});
  const y = b.assessments ?? {};
  return (a.assessments === undefined) === (b.assessments === undefined) && x.length === Object.keys(y).length && x.every(([id, v]) => y[id] === v);
}

function parseRow(cell: unknown): LogRow | undefined {
  if (typeof cell !== 'string') return undefined;
  try {
    const parsed = LogRowSchema.safeParse(JSON.parse(cell));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The log as the sheet holds it; a row that does not read is left out rather than failing the run. */
function sheetLog(values: unknown[][]): Log {
  const rows = values.map((line) => ({ row: parseRow(line[0]), cells: line.slice(1) }));
  const first = rows[0];
  return {
    history: rows.flatMap(({ row }) => (row ? [versionOf(row)] : [])),
    last: first?.row ? { row: first.row, cells: first.cells } : undefined,
  };
}

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) out.push(CHUNK_MARK + text.slice(i, i + CHUNK_CHARS));
  return out;
}

/** The pack of `length` characters the cells from `start` hold, or undefined when a chunk is missing or altered. */
function unchunked(cells: unknown[], start: number, length: number): string | undefined {
  const count = Math.ceil(length / CHUNK_CHARS);
  const parts = cells.slice(start, start + count);
  if (parts.length < count || !parts.every((p): p is string => typeof p === 'string' && p.startsWith(CHUNK_MARK))) return undefined;
  const text = parts.map((p) => p.slice(CHUNK_MARK.length)).join('');
  return text.length === length ? text : undefined;
}

// Logs written before the log moved to its sheet: in document properties, the
// history under one key and the last run's packs in numbered chunks. They still
// read, and the first run that records into the sheet takes their history over
// and removes them.
const LEGACY_KEY = 'ledgerRules.rulesLog';
const LEGACY_CHUNK_KEY = 'ledgerRules.rulesLog.pack.';
const LEGACY_BRANCH_CHUNK_KEY = 'ledgerRules.rulesLog.branch.';

interface LegacyLog {
  history: Version[];
  chunks: number;
  branchChunks: number;
}

function legacyLog(props: Properties): LegacyLog {
  const empty = { history: [], chunks: 0, branchChunks: 0 };
  try {
    const value = JSON.parse(props.getProperty(LEGACY_KEY) ?? '') as Partial<LegacyLog>;
    const history = z.array(RulesVersionSchema).safeParse(value.history);
    if (!history.success || !Number.isInteger(value.chunks)) return empty;
    return { history: history.data, chunks: value.chunks!, branchChunks: Number.isInteger(value.branchChunks) ? value.branchChunks! : 0 };
  } catch {
    return empty;
  }
}

/** A legacy pack put back together, or undefined when a chunk is missing. */
function legacyJoined(all: Record<string, string>, key: string, count: number): string | undefined {
  const parts = Array.from({ length: count }, (_, i) => all[`${key}${i}`]);
  return count > 0 && parts.every((p) => typeof p === 'string') ? parts.join('') : undefined;
}

function legacyRulesLog(props: Properties): RpcResult<'getRulesLog'> {
  const log = legacyLog(props);
  const first = log.history[0];
  let last = null;
  if (first && log.chunks > 0) {
    const all = props.getProperties();
    const pack = legacyJoined(all, LEGACY_CHUNK_KEY, log.chunks);
    const branch = first.branchVersion === undefined ? undefined : legacyJoined(all, LEGACY_BRANCH_CHUNK_KEY, log.branchChunks);
    if (pack !== undefined) last = lastRun(first, pack, branch);
  }
  return checkedLog(log.history, last);
}

/** The cells of a log's newest row after its entry: the packs and every scheme, chunked, in the order the entry lists them. */
function packCells(entry: Entry): string[] {
  return [entry.pack, ...(entry.branch === undefined ? [] : [entry.branch]), ...(entry.schemes ?? []).map((s) => s.pack)].flatMap(chunks);
}

/** The schemes a newest row carries, read back whole, or undefined when the row has none or one of them was cut short. */
function schemesOf(row: LogRow, cells: unknown[]): SchemeRecord[] | undefined {
  if (row.schemes === undefined) return undefined;
  let start = Math.ceil(row.packLength / CHUNK_CHARS) + Math.ceil(row.branchLength / CHUNK_CHARS);
  const out: SchemeRecord[] = [];
  for (const { id, version, length } of row.schemes) {
    const pack = unchunked(cells, start, length);
    if (pack === undefined) return undefined;
    out.push({ id, version, pack });
    start += Math.ceil(length / CHUNK_CHARS);
  }
  return out;
}

/** Drops the legacy log in one call, keeping every other document property (the column mapping). */
function dropLegacyLog(props: Properties): void {
  const all = props.getProperties();
  if (!Object.keys(all).some((key) => key.startsWith(LEGACY_KEY))) return;
  props.setProperties(Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith(LEGACY_KEY))), true);
}

/**
 * The log sheet, made on first use without taking the user away from the
 * sheet they are on, and hidden again should it be in view (a run that
 * failed half-way through making it, or someone who unhid it to look).
 */
function logSheet(): Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let sheet = spreadsheet.getSheetByName(LOG_SHEET);
  if (!sheet) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(LOG_SHEET, spreadsheet.getNumSheets());
    markOwned(sheet, LOG_SHEET);
    active.activate();
  } else requireOwn(sheet, LOG_SHEET);
  if (!sheet.isSheetHidden()) sheet.hideSheet();
  return sheet;
}

/**
 * Records the rules a run used: its versions (and those of the assessments
 * it ran, by id) at the top of the history, and its packs and schemes beside
 * them, in one setValues over the rows of the log. The grid covers whatever
 * the sheet held before, so stale cells are blanked in the same call.
 */
export function recordRulesVersion(...[entry]: RpcArgs<'recordRulesVersion'>): RpcResult<'recordRulesVersion'> {
  const sheet = logSheet();
  const before = sheet.getDataRange().getValues();
  const fromSheet = sheetLog(before);
  const props = PropertiesService.getDocumentProperties();
  const earlier = fromSheet.history.length > 0 ? fromSheet.history : legacyLog(props).history;

  const version = versionOf(entry);
  const history = [version, ...earlier.filter((h) => !sameRules(h, version))].slice(0, HISTORY_KEPT);
  const newest: LogRow = {
    ...version,
    packLength: entry.pack.length,
    branchLength: entry.branch?.length ?? 0,
    ...(entry.schemes === undefined ? {} : { schemes: entry.schemes.map(({ id, version: v, pack }) => ({ id, version: v, length: pack.length })) }),
  };
  const rows: string[][] = [
    [JSON.stringify(newest), ...packCells(entry)],
    ...history.slice(1).map((h) => [JSON.stringify({ ...h, packLength: 0, branchLength: 0 })]),
  ];
  const height = Math.max(rows.length, before.length);
  const width = Math.max(...rows.map((r) => r.length), before[0]?.length ?? 0);
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (sheet.getMaxRows() < height) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  const grid = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? ''));
  sheet.getRange(1, 1, height, width).setValues(grid);
  if (fromSheet.history.length === 0) dropLegacyLog(props);
  return { ok: true };
}

/**
 * The rules history and the last run's packs. An unreadable log reads as
 * empty rather than failing; a log still in document properties (written
 * before the log sheet) reads as it did; a last run recorded before the
 * branch pack was kept comes back with its cadre pack alone, one recorded
 * before the declared assessments were kept without `schemes`.
 */
export function getRulesLog(): RpcResult<'getRulesLog'> {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(LOG_SHEET);
  const log = sheet && hasMark(sheet, LOG_SHEET) ? sheetLog(sheet.getDataRange().getValues()) : undefined;
  if (!log || log.history.length === 0) return legacyRulesLog(PropertiesService.getDocumentProperties());
  let last = null;
  if (log.last) {
    const { row, cells } = log.last;
    const pack = unchunked(cells, 0, row.packLength);
    const branch = row.branchVersion === undefined ? undefined : unchunked(cells, Math.ceil(row.packLength / CHUNK_CHARS), row.branchLength);
    if (pack !== undefined) last = lastRun(row, pack, branch, schemesOf(row, cells));
  }
  return checkedLog(log.history, last);
}
