import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessAll, type ChartSheet, chartSheet, chartSheetCells, type ResultTable, runAssessments, runChartSheet, runSchemes, runTables } from '../../src/core/index';
import { type GasSandbox, SPREADSHEET_SERVICES } from '../../src/node/gas/index';
import type { WorkbookPayload, WriteResultsResult } from '../../src/rpc/contract';
import { carriesMark, LEFTOVER_SHEET, sandboxOf, sheetState, shippedRunPacks, TOWNSHIP_RESULT_SHEETS, workbookOf } from './harness';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const RESULTS = TOWNSHIP_RESULT_SHEETS;
const CHARTS = '图表';
const UNCHANGED = /^写入考评结果失败，原有结果保持不变：/;
const LEFTOVER = LEFTOVER_SHEET;
const TYPES = { column: 'COLUMN', bar: 'BAR', line: 'LINE' } as const;

const packs = shippedRunPacks();

let book: ExcelJS.Workbook;

async function township(): Promise<GasSandbox> {
  return sandboxOf(await workbookOf(book, { name: '吉仁高勒镇党建台账' }));
}

/** What the sidebar sends for the snapshot the server hands it: the result tables and the 图表 sheet, computed by the real core. */
async function runOf(sandbox: GasSandbox, time: string) {
  const payload = sandbox.call('getWorkbook') as WorkbookPayload;
  const run = await assessAll(payload.snapshot, packs, { today: '2024-12-31' });
  return { run, tables: runTables(run, packs, { time }), charts: runChartSheet(run, packs, { time })! };
}

const names = (sandbox: GasSandbox) => sandbox.workbook.sheets.map((s) => s.name);
const states = (sandbox: GasSandbox, sheets: string[]) => sheets.map((s) => sheetState(sandbox.workbook, s));

/** The sheet's cells over the tables' columns, as the core laid them out ('' for an empty cell). */
function cellsOf(sandbox: GasSandbox, sheet: string, rows: number, columns: number): unknown[][] {
  const model = sandbox.workbook.sheet(sheet)!;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => model.value(r, c) ?? ''));
}

describe('the 图表 sheet through the shipped Code.js', () => {
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(TOWNSHIP);
  });

  it('is written with the result sheets in one call: marked, its tables where the core lays them, one embedded chart per spec; the user’s sheets as they were', async () => {
    const sandbox = await township();
    const userSheets = names(sandbox);
    const before = states(sandbox, userSheets);
    const snapshotBefore = (sandbox.call('getWorkbook') as WorkbookPayload).snapshot;
    const { tables, charts } = await runOf(sandbox, '2024-12-31 09:00:00');
    expect(charts.charts.map((c) => c.kind)).toEqual(expect.arrayContaining(['column', 'bar', 'line']));

    sandbox.calls.reset();
    const written = sandbox.call('writeResults', { tables, charts }) as WriteResultsResult;
    expect(written.sheets.map((s) => s.sheet)).toEqual([...RESULTS, CHARTS]);
    expect(names(sandbox)).toEqual([...userSheets, ...RESULTS, CHARTS]);
    const sheet = sandbox.workbook.sheet(CHARTS)!;
    expect(carriesMark(sheet, CHARTS)).toBe(true);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([charts.size.rows, charts.size.columns]);

    const cells = chartSheetCells(charts);
    expect(cellsOf(sandbox, CHARTS, cells.length, cells[0]!.length)).toEqual(cells);
    expect(sheet.charts.map(({ type, ranges, numHeaders, position, options }) => ({ type, ranges, numHeaders, position, options }))).toEqual(
      charts.charts.map((c) => ({
        type: TYPES[c.kind],
        ranges: [{ sheetId: sheet.id, a1: c.range }],
        numHeaders: 1,
        position: { row: c.position.row, col: c.position.col, offsetX: 0, offsetY: 0 },
        options: { title: c.title },
      })),
    );
    // The branches' scores against the pass line read the three columns of their table.
    const scores = charts.charts.find((c) => c.kind === 'bar')!;
    expect(sheet.value(Number(/^A(\d+)/.exec(scores.range)![1]) - 1, 2)).toBe('60分线（二星）');
    const calls = sandbox.calls.byMethod();
    for (const key of ['Sheet.newChart', 'EmbeddedChartBuilder.setChartType', 'EmbeddedChartBuilder.addRange', 'EmbeddedChartBuilder.setPosition', 'EmbeddedChartBuilder.setOption', 'EmbeddedChartBuilder.build', 'Sheet.insertChart']) {
      expect(calls[key], key).toBe(charts.charts.length);
    }

    expect(states(sandbox, userSheets)).toEqual(before);
    // The next run's snapshot is the user's workbook alone: 图表 is never read as a ledger.
    expect((sandbox.call('getWorkbook') as WorkbookPayload).snapshot).toEqual(snapshotBefore);
  });

  it('is all or nothing: a chart that fails to build leaves every earlier sheet as it was, or none on a first run', async () => {
    const sandbox = await township();
    const userSheets = names(sandbox);
    const before = states(sandbox, userSheets);
    const first = await runOf(sandbox, '第一次');
    const second = await runOf(sandbox, '第二次');
    const count = first.charts.charts.length;

    sandbox.calls.failOn('Sheet.insertChart', count);
    expect(() => sandbox.call('writeResults', { tables: first.tables, charts: first.charts })).toThrow(UNCHANGED);
    expect(names(sandbox)).toEqual(userSheets);
    sandbox.call('writeResults', { tables: first.tables, charts: first.charts });
    const all = [...RESULTS, CHARTS];

    for (const key of ['Sheet.newChart', 'EmbeddedChartBuilder.setChartType', 'EmbeddedChartBuilder.addRange', 'EmbeddedChartBuilder.build', 'Sheet.insertChart']) {
      const results = states(sandbox, all);
      const order = names(sandbox);
      sandbox.calls.failOn(key, count);
      expect(() => sandbox.call('writeResults', { tables: second.tables, charts: second.charts }), key).toThrow(UNCHANGED);
      expect(names(sandbox), key).toEqual(order);
      expect(states(sandbox, all), key).toEqual(results);
      sandbox.calls.reset();
    }
    expect(String(sandbox.workbook.sheet(CHARTS)!.value(0, 0))).toContain('第一次');
    expect(names(sandbox).filter((n) => LEFTOVER.test(n))).toEqual([]);
    expect(states(sandbox, userSheets)).toEqual(before);
  });

  it('refuses, as Sheets does, a chart over a range outside the sheet, and writes nothing', async () => {
    const sandbox = await township();
    const sheets = names(sandbox);
    const { tables, charts } = await runOf(sandbox, '2024-12-31 09:00:00');
    const beyond = `A1:B${charts.size.rows + 1}`;
    const bad: ChartSheet = { ...charts, charts: [...charts.charts.slice(0, -1), { ...charts.charts.at(-1)!, range: beyond }] };
    expect(() => sandbox.call('writeResults', { tables, charts: bad })).toThrow(/^写入考评结果失败，原有结果保持不变：[^]*outside the dimensions of the sheet/);
    expect(names(sandbox)).toEqual(sheets);
  });

  it('refuses a 图表 the user made by hand, and writes none of the sheets', async () => {
    const sandbox = await township();
    sandbox.workbook.addSheet(CHARTS).setValue(0, 0, '我的图表');
    const sheets = names(sandbox);
    const before = states(sandbox, sheets);
    const { tables, charts } = await runOf(sandbox, '2024-12-31 09:00:00');
    expect(() => sandbox.call('writeResults', { tables, charts })).toThrow(/^工作表“图表”与插件的表同名，但没有插件的标记/);
    expect(names(sandbox)).toEqual(sheets);
    expect(states(sandbox, sheets)).toEqual(before);
  });

  it('costs a constant number of spreadsheet calls per chart, however many rows its tables have', async () => {
    const sandbox = await township();
    const { run, tables } = await runOf(sandbox, 't');
    const schemes = runSchemes(packs);
    /** The run's charts, with each assessment's subjects listed `times` over under other names. */
    const charted = (times: number) =>
      chartSheet(
        runAssessments(run, packs).map((a) => {
          const scheme = schemes.find((s) => s.id === a.id)!;
          const results = Array.from({ length: times }, (_, i) => a.results.map((r) => ({ ...r, name: `${r.name}${'乙'.repeat(i)}` }))).flat();
          return { assessment: { ...a, results }, grades: scheme.grades, mustMeet: scheme.requirements.length > 0 };
        }),
        { time: 't' },
      )!;
    const measure = async (charts: ChartSheet, table: ResultTable) => {
      const probe = await township();
      probe.call('writeResults', { tables: [table], charts });
      probe.calls.reset();
      probe.call('writeResults', { tables: [table], charts });
      return probe.calls.byMethod(SPREADSHEET_SERVICES);
    };
    const one = charted(1);
    const four = charted(4);
    expect(four.blocks.reduce((n, b) => n + b.rows.length, 0)).toBeGreaterThan(one.blocks.reduce((n, b) => n + b.rows.length, 0) + 50);
    expect(four.charts.length).toBe(one.charts.length);
    expect(await measure(four, tables[0]!)).toEqual(await measure(one, tables[0]!));
  });
});
