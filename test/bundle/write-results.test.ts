import { describe, expect, it } from 'vitest';
import type { ResultTable } from '../../src/core/index';
import { FormulaValue, type GasSandbox } from '../../src/node/gas/index';
import type { WorkbookPayload, WriteResultsResult } from '../../src/rpc/contract';
import { ledgerWorkbook } from './ledger-fixture';
import { headerRowOf, markAsAddons, resultTableFor, sandboxOf, sheetState, shownValue, tableGrid, workbookOf } from './harness';

const LEDGER = '2024年5月驻村干部台账';
const RESULTS = '考评结果';

async function setUp(rows = 12): Promise<{ sandbox: GasSandbox; table: ResultTable }> {
  const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(rows)));
  const payload = sandbox.call('getWorkbook') as WorkbookPayload;
  return { sandbox, table: await resultTableFor(payload.snapshot) };
}

/** The results sheet as a reader sees it: strings, numbers, '' for empty. */
function shown(sandbox: GasSandbox, name = RESULTS): unknown[][] {
  const sheet = sandbox.workbook.sheet(name)!;
  return Array.from({ length: sheet.maxRows }, (_, r) => Array.from({ length: sheet.maxColumns }, (_, c) => shownValue(sheet.value(r, c))));
}

const sheetNames = (sandbox: GasSandbox) => sandbox.workbook.sheets.map((s) => s.name);

describe('writeResults', () => {
  it('writes 考评结果 with the title, the note, the figures, the header and every row, laid out for reading', async () => {
    const { sandbox, table } = await setUp();
    const result = sandbox.call('writeResults', { tables: [table] }) as WriteResultsResult;
    expect(result.sheets).toEqual([{ sheet: RESULTS, rows: 12 }]);
    expect(result.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(sheetNames(sandbox)).toEqual([LEDGER, '填表说明', RESULTS]);

    const width = table.header.length;
    const grid = shown(sandbox);
    expect(grid).toEqual(tableGrid(table));
    expect(grid[0]![0]).toBe('2024年5月 驻村干部月度考核结果');
    expect(grid[1]![0]).toBe(table.note);
    expect(grid[2]!.slice(0, 6)).toEqual(['参评对象（人）', 12, '考评结果（人次）', 12, '考评期（期）', 1]);
    const header = headerRowOf(table);
    const sheet = sandbox.workbook.sheet(RESULTS)!;
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: width - 1 },
      { top: 1, left: 0, bottom: 1, right: width - 1 },
    ]);
    expect(sheet.frozenRows).toBe(header + 1);
    expect(sheet.format(0, 0)).toMatchObject({ bold: true, fontSize: 14 });
    expect(sheet.format(1, 0)).toMatchObject({ italic: true });
    expect([sheet.format(2, 0).bold ?? false, sheet.format(2, 1).bold]).toEqual([false, true]);
    expect(sheet.format(header, 3)).toMatchObject({ bold: true, background: '#e8f0fe', wrap: true });
    table.columnWidths.forEach((px, i) => expect(sheet.columnWidths.get(i + 1)).toBe(px));
    const scoreColumn = table.header.indexOf('总分');
    expect(sheet.format(header + 1, scoreColumn).numberFormat).toBe('0.##');
    for (const col of table.wrap) expect(sheet.format(header + table.rows.length, col)).toMatchObject({ wrap: true, verticalAlignment: 'top' });
  });

  it('makes each source a link to its ledger row, by the ledger sheet’s id, the text naming the cell', async () => {
    const { sandbox, table } = await setUp();
    sandbox.call('writeResults', { tables: [table] });
    const sheet = sandbox.workbook.sheet(RESULTS)!;
    const gid = sandbox.workbook.sheet(LEDGER)!.id;
    const column = table.header.indexOf('来源');
    expect(table.sources!.column).toBe(column);
    table.rows.forEach((row, i) => {
      const cell = sheet.value(headerRowOf(table) + 1 + i, column);
      expect(cell).toBeInstanceOf(FormulaValue);
      const source = table.sources!.cells[i]!;
      expect(source.sheet).toBe(LEDGER);
      expect((cell as FormulaValue).link).toEqual({ url: `#gid=${gid}&range=${source.cell}`, text: `${LEDGER}!${source.cell}` });
      expect(row[column]).toBe(`${LEDGER}!${source.cell}`);
    });
    // No other cell is a formula: the ranks, names and notes stay text.
    const formulas = sheet.values.flatMap((r) => r ?? []).filter((v) => v instanceof FormulaValue);
    expect(formulas).toHaveLength(table.rows.length);
  });

  it('leaves a source as text when its sheet is gone', async () => {
    const { sandbox, table } = await setUp();
    const gone = { ...table, sources: { ...table.sources!, cells: table.sources!.cells.map((c) => c && { ...c, sheet: '已删除的台账' }) } };
    sandbox.call('writeResults', { tables: [gone] });
    const sheet = sandbox.workbook.sheet(RESULTS)!;
    expect(sheet.values.flatMap((r) => r ?? []).filter((v) => v instanceof FormulaValue)).toEqual([]);
  });

  it('keeps text that Sheets would retype as text: ranks like 1/12, ID-like digits, a leading =', async () => {
    const { sandbox, table } = await setUp();
    const rank = table.header.indexOf('排名');
    expect(table.rows[0]![rank]).toMatch(/^\d+\/12$/);
    const tricky = table.rows.map((row, i) => (i === 0 ? row.map((v, c) => (c === 0 ? '=SUM(A1:A2)' : c === 1 ? '007' : v)) : row));
    sandbox.call('writeResults', { tables: [{ ...table, rows: tricky }] });
    const first = headerRowOf(table) + 1;
    expect(shown(sandbox).slice(first, first + tricky.length)).toEqual(tricky);
  });

  it('never changes a ledger cell', async () => {
    const { sandbox, table } = await setUp();
    const before = [sheetState(sandbox.workbook, LEDGER), sheetState(sandbox.workbook, '填表说明')];
    sandbox.call('writeResults', { tables: [table] });
    sandbox.call('writeResults', { tables: [table] });
    expect([sheetState(sandbox.workbook, LEDGER), sheetState(sandbox.workbook, '填表说明')]).toEqual(before);
  });

  it('replaces an existing 考评结果 whole, in the same place among the sheets', async () => {
    const { sandbox, table } = await setUp();
    sandbox.call('writeResults', { tables: [table] });
    const [ledger, notes, results] = sandbox.workbook.sheets;
    sandbox.workbook.sheets = [ledger!, results!, notes!];
    expect(sheetNames(sandbox)).toEqual([LEDGER, RESULTS, '填表说明']);

    const shorter = { ...table, note: '第二次考评', rows: table.rows.slice(0, 3) };
    sandbox.call('writeResults', { tables: [shorter] });
    expect(sheetNames(sandbox)).toEqual([LEDGER, RESULTS, '填表说明']);
    expect(shown(sandbox)).toEqual(tableGrid(shorter));
    expect(shown(sandbox)[1]![0]).toBe('第二次考评');
  });

  it('writes a header-only table when nobody was assessed', async () => {
    const { sandbox, table } = await setUp();
    const empty: ResultTable = { ...table, rows: [] };
    delete empty.sources;
    sandbox.call('writeResults', { tables: [empty] });
    const blank = Array(table.header.length).fill('');
    expect(shown(sandbox)).toEqual([...tableGrid(empty), blank]);
    expect(sandbox.workbook.sheet(RESULTS)!.frozenRows).toBe(headerRowOf(table) + 1);
  });

  it('lays out a table without a title as before: the note on row 1, the header frozen on row 2', async () => {
    const { sandbox, table } = await setUp();
    const plain: ResultTable = { ...table };
    delete plain.preamble;
    sandbox.call('writeResults', { tables: [plain] });
    const width = table.header.length;
    expect(shown(sandbox)).toEqual([[table.note, ...Array(width - 1).fill('')], table.header, ...table.rows]);
    expect(sandbox.workbook.sheet(RESULTS)!.frozenRows).toBe(2);
  });

  it('widens the new sheet for a pack with more columns than a new sheet has', async () => {
    const { sandbox, table } = await setUp();
    const extra = Array.from({ length: 20 }, (_, i) => `指标${i + 1}`);
    const wide = {
      ...table,
      header: [...table.header, ...extra],
      rows: table.rows.map((row) => [...row, ...extra.map((_, i) => i)]),
      columnWidths: [...table.columnWidths, ...extra.map(() => 60)],
      numberFormats: [...table.numberFormats, ...extra.map(() => '0')],
    };
    sandbox.call('writeResults', { tables: [wide] });
    expect(shown(sandbox).slice(headerRowOf(wide))).toEqual([wide.header, ...wide.rows]);
    expect(sandbox.workbook.sheet(RESULTS)!.columnWidths.get(wide.header.length)).toBe(60);
  });

  for (const [failing, nth, stage] of [
    ['Range.setValues', 1, 'while filling the new sheet'],
    ['Sheet.setFrozenRows', 1, 'while formatting the new sheet'],
    ['Sheet.setName', 2, 'after the old results were set aside'],
  ] as const) {
    it(`is all or nothing: a failure ${stage} leaves the old 考评结果 intact and no temporary sheet`, async () => {
      const { sandbox, table } = await setUp();
      sandbox.call('writeResults', { tables: [table] });
      const names = sheetNames(sandbox);
      const old = sheetState(sandbox.workbook, RESULTS);
      sandbox.calls.failOn(failing, nth);
      expect(() => sandbox.call('writeResults', { tables: [{ ...table, rows: table.rows.slice(0, 2) }] })).toThrow(
        /^写入考评结果失败，原有结果保持不变：.*injected failure[^]*\nwriting the results failed; the earlier results are unchanged/,
      );
      expect(sheetNames(sandbox)).toEqual(names);
      expect(sheetState(sandbox.workbook, RESULTS)).toEqual(old);
    });
  }

  it('cleans up a temporary sheet a cut-short run left behind', async () => {
    const { sandbox, table } = await setUp();
    const leftover = sandbox.workbook.addSheet('考评结果（台账考评·写入中）');
    leftover.setValue(0, 0, '半截');
    markAsAddons(leftover, RESULTS);
    sandbox.call('writeResults', { tables: [table] });
    expect(sheetNames(sandbox)).toEqual([LEDGER, '填表说明', RESULTS]);
  });

  it('neither deletes nor uses a sheet with a temporary sheet’s name that lacks the add-on’s mark', async () => {
    const { sandbox, table } = await setUp();
    sandbox.workbook.addSheet('考评结果（台账考评·写入中）').setValue(0, 0, '我的笔记');
    const before = sheetState(sandbox.workbook, '考评结果（台账考评·写入中）');
    expect(() => sandbox.call('writeResults', { tables: [table] })).toThrow(/^工作表“考评结果（台账考评·写入中）”与插件的表同名，但没有插件的标记[^]*\nsheet "考评结果（台账考评·写入中）" has the name/);
    expect(sheetState(sandbox.workbook, '考评结果（台账考评·写入中）')).toEqual(before);
    expect(sheetNames(sandbox)).toEqual([LEDGER, '填表说明', '考评结果（台账考评·写入中）']);
  });

  it('puts back old results a cut-short run had set aside', async () => {
    const { sandbox, table } = await setUp();
    sandbox.call('writeResults', { tables: [table] });
    sandbox.workbook.sheet(RESULTS)!.name = '考评结果（台账考评·旧结果）';
    sandbox.calls.failOn('Range.setValues');
    expect(() => sandbox.call('writeResults', { tables: [table] })).toThrow(/写入考评结果失败/);
    expect(sheetNames(sandbox)).toEqual([LEDGER, '填表说明', RESULTS]);
  });

  it('rejects a payload that fails validation, naming the field, and writes nothing', async () => {
    const { sandbox, table } = await setUp();
    const bad = { ...table, rows: [[...table.rows[0]!.slice(0, -1), { text: 'x' }]] };
    sandbox.calls.reset();
    expect(() => sandbox.call('writeResults', { tables: [bad] })).toThrow(/^writeResults 收到的数据无效：\[0\]\.tables\[0\]\.rows\[0\]\[\d+\][^]*\nwriteResults received invalid data/);
    expect(() => sandbox.call('writeResults', { tables: [] })).toThrow(/writeResults 收到的数据无效/);
    expect(() => sandbox.call('writeResults', { tables: [{ ...table, rows: [table.rows[0]!.slice(1)] }] })).toThrow(new RegExp(`第 ${headerRowOf(table) + 2} 行有 \\d+ 个值，而表头有 \\d+ 列`));
    expect(sandbox.calls.total(['Spreadsheet', 'Sheet', 'Range'])).toBe(0);
    expect(sheetNames(sandbox)).toEqual([LEDGER, '填表说明']);
  });

  it('refuses a table aimed at a user sheet', async () => {
    const { sandbox, table } = await setUp();
    const before = sheetState(sandbox.workbook, LEDGER);
    expect(() => sandbox.call('writeResults', { tables: [table, { ...table, sheet: LEDGER }] })).toThrow(
      /^不能写入工作表“2024年5月驻村干部台账”：考评只写入插件自己的结果表（考评结果、支部汇总、驻村干部季度评星定档结果、党员中心户季度测评结果、村干部年度目标考评结果、图表、考评报告、考评反馈单）/,
    );
    expect(sheetState(sandbox.workbook, LEDGER)).toEqual(before);
    expect(sheetNames(sandbox)).toEqual([LEDGER, '填表说明']);
  });
});

describe('selectCell', () => {
  it('activates the cell a warning points at', async () => {
    const { sandbox } = await setUp();
    expect(sandbox.call('selectCell', { sheet: LEDGER, cell: 'D8' })).toEqual({ ok: true });
    expect(sandbox.workbook.selection).toEqual({ sheet: LEDGER, range: 'D8' });
    expect(sandbox.workbook.activeSheet.name).toBe(LEDGER);
  });

  it('names a sheet that is gone, and rejects a malformed reference', async () => {
    const { sandbox } = await setUp();
    expect(() => sandbox.call('selectCell', { sheet: '6月台账', cell: 'A1' })).toThrow(/^找不到工作表“6月台账”\nthere is no sheet named "6月台账"$/);
    expect(() => sandbox.call('selectCell', { sheet: LEDGER, cell: 'D0x' })).toThrow(/selectCell 收到的数据无效：\[0\]\.cell/);
  });
});
