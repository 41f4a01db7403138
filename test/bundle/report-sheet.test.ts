import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessAll, runChartSheet, runTables } from '../../src/core/index';
import { FONT_SIZES, paragraph, reportMerges, reportSheet, reportSheetCells, type ReportSheet, runReportSheets, table } from '../../src/core/report/index';
import { type GasSandbox, SPREADSHEET_SERVICES } from '../../src/node/gas/index';
import type { WorkbookPayload, WriteResultsResult } from '../../src/rpc/contract';
import { carriesMark, LEFTOVER_SHEET, sandboxOf, sheetState, shippedRunPacks, TOWNSHIP_RESULT_SHEETS, workbookOf } from './harness';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const RESULTS = TOWNSHIP_RESULT_SHEETS;
const CHARTS = '图表';
const REPORT = '考评报告';
const FEEDBACK = '考评反馈单';
const UNCHANGED = /^写入考评结果失败，原有结果保持不变：/;
const LEFTOVER = LEFTOVER_SHEET;

const packs = shippedRunPacks();

let book: ExcelJS.Workbook;

async function township(): Promise<GasSandbox> {
  return sandboxOf(await workbookOf(book, { name: '吉仁高勒镇党建台账' }));
}

/** What the sidebar sends after a run of the second quarter: the tables, 图表, and the report sheets (with the notes when asked). */
async function runOf(sandbox: GasSandbox, time: string, feedback = false) {
  const payload = sandbox.call('getWorkbook') as WorkbookPayload;
  const run = await assessAll(payload.snapshot, packs, { period: '2024-Q2', today: '2024-12-31' });
  return { tables: runTables(run, packs, { time }), charts: runChartSheet(run, packs, { time })!, reports: runReportSheets(run, packs, { period: '2024-Q2', time }, { feedback }) };
}

const names = (sandbox: GasSandbox) => sandbox.workbook.sheets.map((s) => s.name);
const states = (sandbox: GasSandbox, sheets: string[]) => sheets.map((s) => sheetState(sandbox.workbook, s));

function cellsOf(sandbox: GasSandbox, report: ReportSheet): unknown[][] {
  const model = sandbox.workbook.sheet(report.sheet)!;
  return report.rows.map((_, r) => report.columnWidths.map((_, c) => model.value(r, c) ?? ''));
}

describe('the 考评报告 and 考评反馈单 sheets through the shipped Code.js', () => {
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(TOWNSHIP);
  });

  it('writes 考评报告 with the results in one call, marked, its cells, merges and formats as laid out; the user’s sheets as they were', async () => {
    const sandbox = await township();
    const userSheets = names(sandbox);
    const before = states(sandbox, userSheets);
    const snapshotBefore = (sandbox.call('getWorkbook') as WorkbookPayload).snapshot;
    const { tables, charts, reports } = await runOf(sandbox, 't');
    expect(reports.map((r) => r.sheet)).toEqual([REPORT]);
    const [report] = reports as [ReportSheet];

    const written = sandbox.call('writeResults', { tables, charts, reports }) as WriteResultsResult;
    expect(written.sheets.map((s) => s.sheet)).toEqual([...RESULTS, CHARTS, REPORT]);
    expect(names(sandbox)).toEqual([...userSheets, ...RESULTS, CHARTS, REPORT]);
    const sheet = sandbox.workbook.sheet(REPORT)!;
    expect(carriesMark(sheet, REPORT)).toBe(true);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([report.rows.length, report.columnWidths.length]);
    expect(cellsOf(sandbox, report)).toEqual(reportSheetCells(report));
    expect(sheet.value(0, 0)).toBe(report.rows[0]!.cells[0]);

    // Every merge as laid out, row by row; nothing else merged.
    const merges = reportMerges(report).flatMap((m) => Array.from({ length: m.count }, (_, i) => ({ top: m.start - 1 + i, bottom: m.start - 1 + i, left: m.column - 1, right: m.column + m.columns - 2 })));
    expect([...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual(merges.sort((a, b) => a.top - b.top || a.left - b.left));
    expect(merges.length).toBeGreaterThan(report.rows.length / 2);

    report.rows.forEach((row, r) => {
      const format = sheet.format(r, 0);
      expect(format.wrap, `row ${r + 1}`).toBe(true);
      expect(format.fontSize, `row ${r + 1}`).toBe(FONT_SIZES[row.kind]);
      expect(format.bold ?? false, `row ${r + 1}`).toBe(['title', 'heading1', 'heading2', 'header'].includes(row.kind));
      if (row.kind === 'header' || row.kind === 'body') expect(format.border, `row ${r + 1}`).toBeDefined();
      expect(sheet.rowHeights.get(r + 1), `row ${r + 1}`).toBe(row.height);
    });
    const headings = report.rows.flatMap((r, i) => (r.kind === 'heading1' ? [sheet.value(i, 0)] : []));
    expect(headings.slice(0, 4)).toEqual(['一、基本情况', '二、主要成效', '三、存在问题', '四、下步打算']);
    expect([...sheet.columnWidths.values()]).toEqual(report.columnWidths);

    expect(states(sandbox, userSheets)).toEqual(before);
    // Never read back: the next run's snapshot is the user's workbook alone.
    expect((sandbox.call('getWorkbook') as WorkbookPayload).snapshot).toEqual(snapshotBefore);
  });

  it('writes 考评反馈单 only when asked, one note after another; a run that does not ask leaves the last notes alone', async () => {
    const sandbox = await township();
    const asked = await runOf(sandbox, 't', true);
    expect(asked.reports.map((r) => r.sheet)).toEqual([REPORT, FEEDBACK]);
    sandbox.call('writeResults', asked);
    const notes = asked.reports[1]!;
    expect(carriesMark(sandbox.workbook.sheet(FEEDBACK), FEEDBACK)).toBe(true);
    expect(cellsOf(sandbox, notes)).toEqual(reportSheetCells(notes));
    // No page breaks in Sheets: a blank row ends every note before the next one's title.
    for (const b of notes.breaks) expect(cellsOf(sandbox, notes)[b - 2]!.every((v) => v === '')).toBe(true);

    const kept = sheetState(sandbox.workbook, FEEDBACK);
    const plain = await runOf(sandbox, 't');
    expect(plain.reports.map((r) => r.sheet)).toEqual([REPORT]);
    sandbox.call('writeResults', plain);
    // As with any result sheet a run does not write: the last one stays as it was.
    expect(sheetState(sandbox.workbook, FEEDBACK)).toEqual(kept);
    expect(names(sandbox).filter((n) => LEFTOVER.test(n))).toEqual([]);
  });

  it('is all or nothing: a failure while formatting the report leaves every earlier sheet as it was, or none on a first run', async () => {
    const sandbox = await township();
    const userSheets = names(sandbox);
    const before = states(sandbox, userSheets);
    const first = await runOf(sandbox, '第一次', true);
    const second = await runOf(sandbox, '第二次', true);

    sandbox.calls.failOn('Range.mergeAcross', 3);
    expect(() => sandbox.call('writeResults', first)).toThrow(UNCHANGED);
    expect(names(sandbox)).toEqual(userSheets);
    sandbox.call('writeResults', first);
    const all = [...RESULTS, CHARTS, REPORT, FEEDBACK];

    for (const [key, nth] of [['Range.mergeAcross', 5], ['RangeList.setFontSize', 2], ['RangeList.setBorder', 2], ['Sheet.setRowHeights', 3], ['Range.setWrap', 2]] as const) {
      const results = states(sandbox, all);
      const order = names(sandbox);
      sandbox.calls.failOn(key, nth);
      expect(() => sandbox.call('writeResults', second), key).toThrow(UNCHANGED);
      expect(names(sandbox), key).toEqual(order);
      expect(states(sandbox, all), key).toEqual(results);
      sandbox.calls.reset();
    }
    // The generation note sits under the title row.
    const top = sandbox.workbook.sheet(RESULTS[0]!)!;
    expect([0, 1].map((r) => String(top.value(r, 0))).join('\n')).toContain('第一次');
    expect(names(sandbox).filter((n) => LEFTOVER.test(n))).toEqual([]);
    expect(states(sandbox, userSheets)).toEqual(before);
  });

  it('knows its sheets by their generation note when an .xlsx round trip lost their marks, and writes them again', async () => {
    const sandbox = await township();
    sandbox.call('writeResults', await runOf(sandbox, '第一次', true));
    const all = [...RESULTS, CHARTS, REPORT, FEEDBACK];
    for (const name of all) sandbox.workbook.sheet(name)!.metadata = [];
    sandbox.call('writeResults', await runOf(sandbox, '第二次', true));
    for (const name of all) expect(carriesMark(sandbox.workbook.sheet(name), name), name).toBe(true);
    // A result sheet's note sits under its title row; the report sheets open with theirs.
    expect(String(sandbox.workbook.sheet(RESULTS[0]!)!.value(1, 0))).toContain('第二次');
    expect(String(sandbox.workbook.sheet(REPORT)!.value(0, 0))).toContain('第二次');
  });

  it('refuses a 考评报告 the user made by hand, and writes none of the sheets', async () => {
    const sandbox = await township();
    sandbox.workbook.addSheet(REPORT).setValue(0, 0, '我的报告');
    const sheets = names(sandbox);
    const before = states(sandbox, sheets);
    const run = await runOf(sandbox, 't');
    expect(() => sandbox.call('writeResults', run)).toThrow(/^工作表“考评报告”与插件的表同名，但没有插件的标记/);
    expect(names(sandbox)).toEqual(sheets);
    expect(states(sandbox, sheets)).toEqual(before);
  });

  it('costs the same spreadsheet calls however many rows its tables have', async () => {
    const sandbox = await township();
    const { tables } = await runOf(sandbox, 't');
    const laid = (rows: number) =>
      reportSheet(REPORT, { blocks: [paragraph('一段说明'), table(['姓名', '得分', '原因'], Array.from({ length: rows }, (_, i) => [`对象${i}`, '90', '无']), [2, 1, 5]), paragraph('另一段')] });
    const measure = async (report: ReportSheet) => {
      const probe = await township();
      probe.call('writeResults', { tables: [tables[0]!], reports: [report] });
      probe.calls.reset();
      probe.call('writeResults', { tables: [tables[0]!], reports: [report] });
      return probe.calls.byMethod(SPREADSHEET_SERVICES);
    };
    const calls = await measure(laid(5));
    expect(await measure(laid(500))).toEqual(calls);
    expect(calls['Range.mergeAcross']).toBeGreaterThan(0);
    expect(calls['Range.setValues']).toBe(2);
  });
});
