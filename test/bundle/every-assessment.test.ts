import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessAll, resultSheetNames, type ResultTable, runTables, shippedSchemes } from '../../src/core/index';
import { FormulaValue, type GasSandbox } from '../../src/node/gas/index';
import { OWNED_SHEETS, type WorkbookPayload, type WriteResultsResult } from '../../src/rpc/contract';
import { carriesMark, headerRowOf, LEFTOVER_SHEET, sandboxOf, sheetState, shippedRunPacks, shownValue, TOWNSHIP_RESULT_SHEETS, workbookOf } from './harness';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const RESULTS = TOWNSHIP_RESULT_SHEETS;
const CHARTS = '图表';
const UNCHANGED = /^写入考评结果失败，原有结果保持不变：[^]*injected failure/;
const LEFTOVER = LEFTOVER_SHEET;

const packs = shippedRunPacks();

let book: ExcelJS.Workbook;

async function township(): Promise<GasSandbox> {
  return sandboxOf(await workbookOf(book, { name: '吉仁高勒镇党建台账' }));
}

/** The tables the sidebar sends for the snapshot the server hands it, computed by the real core. */
async function tablesOf(sandbox: GasSandbox, run: string): Promise<ResultTable[]> {
  const payload = sandbox.call('getWorkbook') as WorkbookPayload;
  const result = await assessAll(payload.snapshot, packs, { today: '2024-12-31' });
  return runTables(result, packs, { time: run });
}

const names = (sandbox: GasSandbox) => sandbox.workbook.sheets.map((s) => s.name);
const states = (sandbox: GasSandbox, sheets: string[]) => sheets.map((s) => sheetState(sandbox.workbook, s));

describe('a run of every assessment through the shipped Code.js', () => {
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(TOWNSHIP);
  });

  it('owns the result sheet of every shipped assessment, from the one list the core gives', () => {
    expect(OWNED_SHEETS).toEqual(resultSheetNames(shippedSchemes()));
    expect(OWNED_SHEETS).toEqual([...RESULTS, CHARTS, '考评报告', '考评反馈单']);
  });

  it('writes 考评结果, 支部汇总 and the three declared assessments’ sheets in one call, each marked, every user sheet as it was, and reads none of them back', async () => {
    const sandbox = await township();
    const userSheets = names(sandbox);
    const before = states(sandbox, userSheets);
    const snapshotBefore = (sandbox.call('getWorkbook') as WorkbookPayload).snapshot;
    const tables = await tablesOf(sandbox, '2024-12-31 09:00:00');
    expect(tables.map((t) => t.sheet)).toEqual(RESULTS);

    const written = sandbox.call('writeResults', { tables }) as WriteResultsResult;
    expect(written.sheets.map((s) => s.sheet)).toEqual(RESULTS);
    expect(written.sheets.find((s) => s.sheet === '村干部年度目标考评结果')!.rows).toBe(16);
    expect(names(sandbox)).toEqual([...userSheets, ...RESULTS]);
    for (const sheet of RESULTS) expect(carriesMark(sandbox.workbook.sheet(sheet), sheet), sheet).toBe(true);
    expect(states(sandbox, userSheets)).toEqual(before);
    const village = sandbox.workbook.sheet('村干部年度目标考评结果')!;
    const villageTable = tables.find((t) => t.sheet === village.name)!;
    expect(Array.from({ length: village.maxColumns }, (_, c) => village.value(headerRowOf(villageTable), c))).toEqual(expect.arrayContaining(['绩效报酬系数', '绩效报酬']));

    // The next run's snapshot is the user's workbook alone: no result sheet is taken for a ledger.
    expect((sandbox.call('getWorkbook') as WorkbookPayload).snapshot).toEqual(snapshotBefore);
  });

  it('starts every result sheet with its title and figures, the header frozen under them, and links each source to its ledger row by the sheet’s id', async () => {
    const sandbox = await township();
    const tables = await tablesOf(sandbox, '2024-12-31 09:00:00');
    sandbox.call('writeResults', { tables });
    const ids = new Map(sandbox.workbook.sheets.map((s) => [s.name, s.id]));
    let links = 0;
    for (const table of tables) {
      const sheet = sandbox.workbook.sheet(table.sheet)!;
      const header = headerRowOf(table);
      const row = (r: number) => Array.from({ length: table.header.length }, (_, c) => shownValue(sheet.value(r, c)));
      expect(row(0)[0], table.sheet).toMatch(/结果$/);
      expect(row(0)[0]).toBe(table.preamble!.title);
      expect(row(1)[0]).toBe(table.note);
      expect(row(2).slice(0, 2)).toEqual([expect.stringMatching(/^参评对象（[人个]）$/), new Set(table.rows.map((r) => JSON.stringify(r.slice(0, 2)))).size]);
      expect(row(2).slice(2, 4)).toEqual([expect.stringMatching(/^考评结果（(人次|个次)）$/), table.rows.length]);
      expect(row(header)).toEqual(table.header);
      expect(sheet.frozenRows).toBe(header + 1);
      table.rows.forEach((data, i) => expect(row(header + 1 + i)).toEqual(data));
      table.sources?.cells.forEach((source, i) => {
        const cell = sheet.value(header + 1 + i, table.sources!.column);
        if (!source) return;
        expect(cell).toBeInstanceOf(FormulaValue);
        const link = (cell as FormulaValue).link!;
        expect(link.url).toBe(`#gid=${ids.get(source.sheet)}&range=${source.cell}`);
        const ledger = sandbox.workbook.sheet(source.sheet)!;
        // The linked row is the subject's own: its name is in that row of the ledger, however spaced there.
        const squeeze = (v: unknown) => String(v).replace(/\s/g, '');
        expect(ledger.values[Number(/\d+$/.exec(source.cell)![0]) - 1]!.map(squeeze)).toContain(squeeze(table.rows[i]![0]));
        links++;
      });
    }
    expect(links).toBeGreaterThan(50);
  });

  it('is all or nothing: a failure on the last sheet of the five leaves every earlier result as it was, or none on a first run', async () => {
    const sandbox = await township();
    const userSheets = names(sandbox);
    const before = states(sandbox, userSheets);
    const first = await tablesOf(sandbox, '第一次');
    const second = await tablesOf(sandbox, '第二次');

    // A first run cut short on the last table's sheet writes nothing at all.
    sandbox.calls.failOn('Spreadsheet.insertSheet', RESULTS.length);
    expect(() => sandbox.call('writeResults', { tables: first })).toThrow(UNCHANGED);
    expect(names(sandbox)).toEqual(userSheets);
    sandbox.call('writeResults', { tables: first });

    // Over earlier results, each of these failing on its last call leaves all five earlier sheets exactly as they were.
    sandbox.calls.reset();
    const probe = await township();
    probe.call('writeResults', { tables: first });
    probe.calls.reset();
    probe.call('writeResults', { tables: second });
    const counts = probe.calls.byMethod();
    for (const key of ['Spreadsheet.insertSheet', 'Range.setValues', 'Sheet.setName']) {
      const results = states(sandbox, RESULTS);
      const order = names(sandbox);
      sandbox.calls.failOn(key, counts[key]!);
      expect(() => sandbox.call('writeResults', { tables: second }), key).toThrow(UNCHANGED);
      expect(names(sandbox), key).toEqual(order);
      expect(states(sandbox, RESULTS), key).toEqual(results);
      sandbox.calls.reset();
    }
    expect(names(sandbox).filter((n) => LEFTOVER.test(n))).toEqual([]);
    expect(states(sandbox, userSheets)).toEqual(before);
  });

  it('refuses, naming it, a 党员中心户季度测评结果 the user made by hand, and writes none of the five', async () => {
    const sandbox = await township();
    const own = sandbox.workbook.addSheet('党员中心户季度测评结果');
    own.setValue(0, 0, '我的测评结果（手工）');
    const sheets = names(sandbox);
    const before = states(sandbox, sheets);
    const tables = await tablesOf(sandbox, '2024-12-31 09:00:00');
    expect(() => sandbox.call('writeResults', { tables })).toThrow(/^工作表“党员中心户季度测评结果”与插件的表同名，但没有插件的标记/);
    expect(names(sandbox)).toEqual(sheets);
    expect(states(sandbox, sheets)).toEqual(before);
  });

  it('writes the results of an assessment declared on the rules sheet under its own title, marked, and leaves a user’s sheet of that shape alone', async () => {
    const sandbox = await township();
    const ledger = sandbox.workbook.addSheet('年度考核结果');
    ledger.setValue(0, 0, '姓名');
    const table = { ...(await tablesOf(sandbox, '2024-12-31 09:00:00'))[0]!, sheet: '平安家庭评比结果' };
    const written = sandbox.call('writeResults', { tables: [table] }) as WriteResultsResult;
    expect(written.sheets.map((s) => s.sheet)).toEqual(['平安家庭评比结果']);
    expect(carriesMark(sandbox.workbook.sheet('平安家庭评比结果'), '平安家庭评比结果')).toBe(true);
    // The next snapshot leaves the marked results out and keeps the user's 年度考核结果, which has no mark.
    const snapshot = (sandbox.call('getWorkbook') as WorkbookPayload).snapshot;
    expect(snapshot.sheets.map((s) => s.name)).toContain('年度考核结果');
    expect(snapshot.sheets.map((s) => s.name)).not.toContain('平安家庭评比结果');
    const before = sheetState(sandbox.workbook, '年度考核结果');
    expect(() => sandbox.call('writeResults', { tables: [{ ...table, sheet: '年度考核结果' }] })).toThrow(/^工作表“年度考核结果”与插件的表同名，但没有插件的标记/);
    expect(sheetState(sandbox.workbook, '年度考核结果')).toEqual(before);
  });
});
