import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatDate, GasSandbox, WorkbookModel, workbookFromExcel, workbookToExcel } from '../../src/node/gas/index';
import { ledgerWorkbook } from './ledger-fixture';
import { headerRowOf, resultTableFor, sandboxOf, workbookOf } from './harness';
import type { WorkbookPayload } from '../../src/rpc/contract';

/** The sandbox and the fakes are what the bundle tests stand on: they must catch what Apps Script would. */
function scriptSandbox(code: string): GasSandbox {
  return new GasSandbox({ code, files: {}, workbook: new WorkbookModel() });
}

describe('GasSandbox.call', () => {
  it('refuses results google.script.run would not deliver unchanged', () => {
    const sandbox = scriptSandbox(`
      function date() { return { when: new Date(0) }; }
      function hole() { return { rows: [1, undefined] }; }
      function nan() { return [0 / 0]; }
      function fine() { return { rows: [[1, 'a', null, true]] }; }
    `);
    expect(() => sandbox.call('date')).toThrow(/result\.when is a Date/);
    expect(() => sandbox.call('hole')).toThrow(/result\.rows\[1\] is undefined/);
    expect(() => sandbox.call('nan')).toThrow(/result\[0\] is NaN/);
    expect(sandbox.call('fine')).toEqual({ rows: [[1, 'a', null, true]] });
  });

  it('refuses Date arguments and unknown functions, as google.script.run does', () => {
    const sandbox = scriptSandbox('function echo(x) { return x; }');
    expect(() => sandbox.call('echo', { day: new Date() })).toThrow(/cannot pass arguments\[0\]\.day is a Date/);
    expect(() => sandbox.call('missing')).toThrow(/Script function not found: missing/);
  });

  it('passes arguments as JSON copies made in the script realm', () => {
    const sandbox = scriptSandbox('function kind(x) { return [Array.isArray(x.rows), x.rows instanceof Array, Object.getPrototypeOf(x) === Object.prototype]; }');
    expect(sandbox.call('kind', { rows: [1] })).toEqual([true, true, true]);
  });

  it('fails loudly on a service method the fakes do not have', () => {
    const sandbox = scriptSandbox('function f() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].autoResizeColumns(1, 2); }');
    sandbox.workbook.addSheet('Sheet1');
    expect(() => sandbox.call('f')).toThrow(/the Apps Script fake has no Sheet\.autoResizeColumns/);
  });
});

describe('the Sheets fakes', () => {
  const run = (code: string) => {
    const sandbox = scriptSandbox(`function f() { const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; ${code} }`);
    sandbox.workbook.addSheet('Sheet1');
    return { sandbox, sheet: sandbox.workbook.sheet('Sheet1')! };
  };

  it('retype strings written into cells not formatted as text, as Sheets does', () => {
    const { sandbox, sheet } = run(`
      sheet.getRange(1, 1, 1, 4).setValues([['1/12', '007', '=A2', '96%']]);
      sheet.getRange(2, 1, 1, 2).setNumberFormat('@');
      sheet.getRange(2, 1, 1, 2).setValues([['1/12', '007']]);`);
    sandbox.call('f');
    expect(sheet.value(0, 0)).toBeInstanceOf(Date);
    expect(sheet.value(0, 1)).toBe(7);
    expect(String(sheet.value(0, 2))).toBe('#ERROR!');
    expect(sheet.value(0, 3)).toBe(0.96);
    expect([sheet.value(1, 0), sheet.value(1, 1)]).toEqual(['1/12', '007']);
  });

  it('refuse ranges outside the sheet, empty ranges, and merges across frozen columns', () => {
    expect(() => run('sheet.getRange(1001, 1).getValues();').sandbox.call('f')).toThrow(/outside the dimensions of the sheet/);
    expect(() => run('sheet.getRange(3, 1, 0, 2);').sandbox.call('f')).toThrow(/number of rows in the range must be at least 1/);
    expect(() => run('sheet.setFrozenColumns(1); sheet.getRange(1, 1, 1, 3).merge();').sandbox.call('f')).toThrow(/merge frozen and non-frozen columns/);
    expect(() => run('sheet.getRange(1, 1, 1, 3).merge(); sheet.setFrozenColumns(1);').sandbox.call('f')).toThrow(/only part of a merged cell/);
  });

  it('format dates as Utilities.formatDate does, in the zone asked for', () => {
    const instant = Date.UTC(2024, 4, 5, 16, 30);
    expect(formatDate(instant, 'Asia/Shanghai', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2024-05-06T00:30:00');
    expect(formatDate(instant, 'UTC', 'yyyy年M月d日 H:mm')).toBe('2024年5月5日 16:30');
    expect(() => formatDate(instant, 'UTC', 'EEE')).toThrow(/does not support "EEE"/);
  });

  it('build a workbook from a snapshot that the bundle reads back unchanged', async () => {
    const payload = sandboxOf(await workbookOf(ledgerWorkbook(6))).call('getWorkbook') as WorkbookPayload;
    const rebuilt = WorkbookModel.fromSnapshot(payload.snapshot, { timeZone: payload.timeZone });
    expect((sandboxOf(rebuilt).call('getWorkbook') as WorkbookPayload).snapshot).toEqual(payload.snapshot);
    expect(rebuilt.toSnapshot()).toEqual(payload.snapshot);
  });

  it('export the workbook, results included, back to .xlsx', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(5)));
    const table = await resultTableFor((sandbox.call('getWorkbook') as WorkbookPayload).snapshot);
    sandbox.call('writeResults', { tables: [table] });
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(await workbookToExcel(sandbox.workbook).xlsx.writeBuffer());
    const results = copy.getWorksheet('考评结果')!;
    const header = headerRowOf(table) + 1;
    expect(results.getCell('A1').value).toBe(table.preamble!.title);
    expect(results.getCell('A2').value).toBe(table.note);
    expect(results.getCell('A2').isMerged).toBe(true);
    expect(results.getRow(header).values).toEqual([undefined, ...table.header]);
    expect(results.getCell(header + 1, 1).value).toBe(table.rows[0]![0]);
    // A link comes out as its formula with its text as the result.
    const source = results.getCell(header + 1, table.sources!.column + 1).value as ExcelJS.CellFormulaValue;
    expect(source.formula).toMatch(/^HYPERLINK\("#gid=\d+&range=A\d+",/);
    expect(source.result).toBe(table.rows[0]![table.sources!.column]);
    const ledger = copy.getWorksheet('2024年5月驻村干部台账')!;
    expect(ledger.getCell('P5').value).toEqual(new Date(Date.UTC(2024, 4, 1)));
  });

  it('merge over merges inside the range, and refuse to merge or break apart part of one', () => {
    const { sandbox, sheet } = run(`
      sheet.getRange(1, 1, 1, 2).merge();
      sheet.getRange(1, 1, 2, 4).merge();`);
    sandbox.call('f');
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 3 }]);
    expect(() => run('sheet.getRange(1, 1, 2, 2).merge(); sheet.getRange(2, 2, 2, 2).merge();').sandbox.call('f')).toThrow(/select all cells in a merged range/);
    expect(() => run('sheet.getRange(1, 1, 2, 2).merge(); sheet.getRange(1, 1, 1, 2).breakApart();').sandbox.call('f')).toThrow(/select all cells in a merged range/);
  });

  it('keep colours, weights, notes and drop-downs per cell, and refuse grids of the wrong size', () => {
    const { sandbox, sheet } = run(`
      const rule = SpreadsheetApp.newDataValidation().requireValueInList(['是', '否'], true).setAllowInvalid(false).build();
      const range = sheet.getRange(1, 1, 1, 2);
      range.setBackgrounds([['#F4C7C3', null]]);
      range.setFontWeights([['bold', 'normal']]);
      range.setNotes([['⚠ 不是数字', '']]);
      range.setDataValidations([[rule, null]]);`);
    sandbox.call('f');
    expect(sheet.format(0, 0)).toMatchObject({ background: '#f4c7c3', bold: true });
    expect(sheet.format(0, 1)).toMatchObject({ background: undefined, bold: false });
    expect([sheet.note(0, 0), sheet.note(0, 1)]).toEqual(['⚠ 不是数字', '']);
    expect(sheet.validation(0, 0)).toEqual({ criteria: 'VALUE_IN_LIST', values: ['是', '否'], showDropdown: true, allowInvalid: false });
    expect(sheet.validation(0, 1)).toBeUndefined();
    expect(() => run("sheet.getRange(1, 1, 2, 2).setNotes([['a', 'b']]);").sandbox.call('f')).toThrow(/data has 1 but the range has 2/);
    expect(() => run("sheet.getRange(1, 1).setDataValidations([[{}]]);").sandbox.call('f')).toThrow(/Invalid argument: rules/);
  });

  it('clear contents and formats but leave notes and drop-downs to their own calls', () => {
    const { sandbox, sheet } = run(`
      const range = sheet.getRange(1, 1, 2, 2);
      range.setValues([['a', 'b'], ['c', 'd']]).setBackground('#d2e3fc');
      range.setNotes([['n', ''], ['', '']]);
      range.setDataValidations([[SpreadsheetApp.newDataValidation().requireValueInList(['x']).build(), null], [null, null]]);
      range.clear();`);
    sandbox.call('f');
    expect([sheet.value(0, 0), sheet.format(0, 0).background, sheet.note(0, 0), sheet.validation(0, 0)?.values]).toEqual([undefined, undefined, 'n', ['x']]);
  });

  it('give a row inserted after another that row’s formats and drop-downs, not its values or notes', () => {
    const { sandbox, sheet } = run(`
      const row = sheet.getRange(2, 1, 1, 2);
      row.setValues([['是', '下基层天数']]).setNumberFormat('@').setNotes([['说明', '']]);
      row.setDataValidations([[SpreadsheetApp.newDataValidation().requireValueInList(['是', '否']).build(), null]]);
      sheet.getRange(1, 1, 3, 1).merge();
      sheet.insertRowAfter(2);`);
    sandbox.call('f');
    expect([sheet.value(2, 0), sheet.note(2, 0), sheet.format(2, 0).numberFormat, sheet.validation(2, 0)?.values]).toEqual([undefined, '', '@', ['是', '否']]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 3, right: 0 }]);
    expect(sheet.maxRows).toBe(1001);
    expect(() => run('sheet.insertRowAfter(1001);').sandbox.call('f')).toThrow(/out of bounds/);
  });

  it('round-trip notes and drop-downs through .xlsx', async () => {
    const { sandbox } = run(`
      const range = sheet.getRange(2, 3);
      range.setValue('>= 十').setNotes([['⚠ “>= 十” 不是数字']]);
      range.setDataValidations([[SpreadsheetApp.newDataValidation().requireValueInList(['是', '否']).build()]]);`);
    sandbox.call('f');
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(await workbookToExcel(sandbox.workbook).xlsx.writeBuffer());
    const back = workbookFromExcel(copy).sheet('Sheet1')!;
    expect([back.value(1, 2), back.note(1, 2), back.validation(1, 2)]).toEqual(['>= 十', '⚠ “>= 十” 不是数字', { criteria: 'VALUE_IN_LIST', values: ['是', '否'], showDropdown: true, allowInvalid: true }]);
  });
});
