import { describe, expect, it } from 'vitest';
import stationedCadrePack from '../../rules/stationed-cadre.json';
import { both, defaultRules, RULES_SHEET, rulesSheetPaint, sheetDecoration } from '../../src/core/index';
import { GasSandbox, WorkbookModel } from '../../src/node/gas/index';
import { LOG_SHEET, READ_ONLY_RPCS, RPC, type RpcArgs, type RpcName, type RulesLog, type WorkbookPayload } from '../../src/rpc/contract';
import { ledgerWorkbook } from './ledger-fixture';
import { resultTableFor, sandboxOf, sheetState, shownValue, tableGrid, workbookOf } from './harness';

const RESULTS = '考评结果';
const BUSY = both('runInProgress');
const busyText = `${BUSY.message}\n${BUSY.messageEn}`;

/** The calls a run makes on the lock and on flush, by "Kind.method". */
const lockCalls = (sandbox: GasSandbox) => sandbox.calls.byMethod(['LockService', 'Lock']);
const flushes = (sandbox: GasSandbox) => sandbox.calls.byMethod(['SpreadsheetApp'])['SpreadsheetApp.flush'] ?? 0;
const documentCalls = (sandbox: GasSandbox) => sandbox.calls.total(['Spreadsheet', 'Sheet', 'Range', 'RangeList', 'Properties']);

/** Every value of the results sheet, '' for empty, as a reader sees it. */
function shown(book: WorkbookModel): unknown[][] {
  const sheet = book.sheet(RESULTS)!;
  return Array.from({ length: sheet.maxRows }, (_, r) => Array.from({ length: sheet.maxColumns }, (_, c) => shownValue(sheet.value(r, c))));
}

const expected = tableGrid;

/** Everything the document holds: every sheet and the document properties. */
const documentState = (book: WorkbookModel) => ({
  sheets: book.sheets.map((s) => [s.name, sheetState(book, s.name)]),
  properties: [...book.documentProperties],
});

const rules = (version: string) => ({ version, time: '2024/6/1 10:00:00', pack: JSON.stringify(stationedCadrePack) });

describe('one run at a time', () => {
  it('refuses a second editor’s run while the first is writing, and the first run’s results come out whole', async () => {
    const book = await workbookOf(ledgerWorkbook(12));
    const first = sandboxOf(book);
    const second = sandboxOf(book);
    const table = await resultTableFor((first.call('getWorkbook') as WorkbookPayload).snapshot);
    const other = { ...table, note: '另一位编辑者的考评', rows: table.rows.slice(0, 2) };
    first.calls.reset();

    // The first run is paused in the middle of filling its new sheet; the second starts there.
    let refused: unknown;
    let documentCallsOfSecond = -1;
    first.calls.onCall('Range.setValues', () => {
      expect(book.sheets.map((s) => s.name)).toContain('考评结果（台账考评·写入中）');
      try {
        second.call('writeResults', { tables: [other], rules: rules('bbbb2222') });
      } catch (error) {
        refused = error;
      }
      documentCallsOfSecond = documentCalls(second);
    });
    // Flushed while still holding the lock: the next holder reads what this run wrote.
    let flushedBeforeRelease = false;
    first.calls.onCall('Lock.releaseLock', () => {
      flushedBeforeRelease = flushes(first) === 1;
    });
    const written = first.call('writeResults', { tables: [table], rules: rules('aaaa1111') });

    expect((refused as Error).message).toBe(busyText);
    expect(documentCallsOfSecond).toBe(0);
    expect(written).toMatchObject({ sheets: [{ sheet: RESULTS, rows: 12 }] });
    expect(written).not.toHaveProperty('rulesLogError');
    expect(shown(book)).toEqual(expected(table));
    expect(book.sheets.map((s) => s.name)).toEqual(['2024年5月驻村干部台账', '填表说明', RESULTS, LOG_SHEET]);
    expect((first.call('getRulesLog') as RulesLog).history.map((h) => h.version)).toEqual(['aaaa1111']);

    expect(lockCalls(first)).toEqual({ 'Lock.releaseLock': 1, 'Lock.tryLock': 1, 'LockService.getDocumentLock': 1 });
    expect(flushedBeforeRelease).toBe(true);
    expect(flushes(first)).toBe(1);
    // The refused run asked once, never held the lock, so flushed and released nothing.
    expect(lockCalls(second)).toEqual({ 'Lock.tryLock': 1, 'LockService.getDocumentLock': 1 });
    expect(flushes(second)).toBe(0);
    expect(book.documentLock.holder).toBeUndefined();

    // Once the first run is done, the second editor's run goes through.
    second.call('writeResults', { tables: [other], rules: rules('bbbb2222') });
    expect(shown(book)).toEqual(expected(other));
    expect((second.call('getRulesLog') as RulesLog).history.map((h) => h.version)).toEqual(['bbbb2222', 'aaaa1111']);
  });

  /** Arguments each writing function accepts; the type makes a new writing function need an entry. */
  async function writingCalls(book: WorkbookModel, sandbox: GasSandbox): Promise<{ [N in Exclude<RpcName, 'getWorkbook' | 'getRulesLog' | 'selectCell'>]: RpcArgs<N> }> {
    const payload = sandbox.call('getWorkbook') as WorkbookPayload;
    const table = await resultTableFor(payload.snapshot);
    const paint = rulesSheetPaint(defaultRules());
    const rulesValues = book.toSnapshot().sheets.find((s) => s.name === RULES_SHEET)?.values ?? paint.layout.values;
    return {
      saveMapping: [{ 走访户数: 'visits' }],
      writeResults: [{ tables: [table], rules: rules('aaaa1111') }],
      ensureRulesSheet: [paint],
      markRuleProblems: [{ decoration: sheetDecoration(rulesValues, []) }],
      writeRuleRow: [{ sheet: RULES_SHEET, row: 20, insert: true, values: ['新规则'], headers: [] }],
      recordRulesVersion: [rules('bbbb2222')],
      replaceRulesSheet: [paint],
    };
  }

  it('holds the lock in every function that writes, and only those', async () => {
    const book = await workbookOf(ledgerWorkbook(3));
    const sandbox = sandboxOf(book);
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const calls = await writingCalls(book, sandbox);
    const writers = Object.keys(RPC).filter((name) => !READ_ONLY_RPCS.includes(name as RpcName));
    expect(Object.keys(calls).sort()).toEqual(writers.sort());

    // Another editor's execution holds the lock: every writer is refused before touching the document.
    const elsewhere = {};
    book.documentLock.holder = elsewhere;
    const before = documentState(book);
    for (const [name, args] of Object.entries(calls)) {
      sandbox.calls.reset();
      expect(() => sandbox.call(name, ...args), name).toThrow(busyText);
      expect(documentCalls(sandbox), name).toBe(0);
    }
    expect(documentState(book)).toEqual(before);
    // Reading needs no lock.
    expect((sandbox.call('getWorkbook') as WorkbookPayload).snapshot.sheets.length).toBeGreaterThan(0);
    expect(sandbox.call('getRulesLog')).toEqual({ history: [], last: null });
    expect(sandbox.call('selectCell', { sheet: '填表说明', cell: 'A1' })).toEqual({ ok: true });
    expect(book.documentLock.holder).toBe(elsewhere);

    // Free again: each writer takes the lock, flushes, and lets it go.
    book.documentLock.holder = undefined;
    for (const [name, args] of Object.entries(calls)) {
      sandbox.calls.reset();
      sandbox.call(name, ...args);
      expect(lockCalls(sandbox), name).toEqual({ 'Lock.releaseLock': 1, 'Lock.tryLock': 1, 'LockService.getDocumentLock': 1 });
      expect(flushes(sandbox), name).toBe(1);
      expect(book.documentLock.holder, name).toBeUndefined();
    }
    for (const name of READ_ONLY_RPCS) expect(writers).not.toContain(name);
  });

  it('lets the lock go when a writing call fails', async () => {
    const book = await workbookOf(ledgerWorkbook(3));
    const sandbox = sandboxOf(book);
    const table = await resultTableFor((sandbox.call('getWorkbook') as WorkbookPayload).snapshot);
    sandbox.calls.reset();
    sandbox.calls.failOn('Range.setValues');
    expect(() => sandbox.call('writeResults', { tables: [table] })).toThrow(/写入考评结果失败/);
    expect(lockCalls(sandbox)).toEqual({ 'Lock.releaseLock': 1, 'Lock.tryLock': 1, 'LockService.getDocumentLock': 1 });
    expect(flushes(sandbox)).toBe(1);
    expect(sandboxOf(book).call('writeResults', { tables: [table] })).toMatchObject({ sheets: [{ sheet: RESULTS, rows: 3 }] });
  });
});

describe('the LockService fake', () => {
  const script = `
    function take(ms) { const lock = LockService.getDocumentLock(); const got = lock.tryLock(ms); return [got, lock.hasLock()]; }
    function wait(ms) { LockService.getDocumentLock().waitLock(ms); return true; }
    function takeAndRelease() { const lock = LockService.getDocumentLock(); lock.waitLock(100); lock.releaseLock(); return lock.hasLock(); }
    function hold() { LockService.getDocumentLock().waitLock(100); SpreadsheetApp.getActiveSpreadsheet().getName(); SpreadsheetApp.flush(); return true; }`;
  const editor = (book: WorkbookModel) => new GasSandbox({ code: script, files: {}, workbook: book });

  it('is one lock per document that every editor contends for, released when the script ends', () => {
    const book = new WorkbookModel();
    book.addSheet('Sheet1');
    const [a, b] = [editor(book), editor(book)];
    const elsewhere = editor(new WorkbookModel());
    const seen: unknown[] = [];
    a.calls.onCall('Spreadsheet.getName', () => {
      seen.push(b.call('take', 1000));
      try {
        b.call('wait', 1000);
      } catch (error) {
        seen.push(error);
      }
      seen.push(elsewhere.call('take', 1000));
    });
    expect(a.call('hold')).toBe(true);
    expect(seen[0]).toEqual([false, false]);
    expect((seen[1] as Error).message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(seen[2]).toEqual([true, true]);
    expect(a.calls.byMethod(['SpreadsheetApp'])).toEqual({ 'SpreadsheetApp.flush': 1, 'SpreadsheetApp.getActiveSpreadsheet': 1 });
    // `hold` never released the lock: Apps Script releases it when the script ends.
    expect(book.documentLock.holder).toBeUndefined();
    expect(b.call('take', 0)).toEqual([true, true]);
    expect(b.call('takeAndRelease')).toBe(false);
  });
});
