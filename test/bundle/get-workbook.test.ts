import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookSnapshot } from '../../src/node/workbook-file';
import { WorkbookPayloadSchema, type WorkbookPayload } from '../../src/rpc/contract';
import { ledgerWorkbook } from './ledger-fixture';
import { sandboxOf, workbookOf } from './harness';

const LEDGER = '2024年5月驻村干部台账';

/** The .xlsx host's snapshot of the same bytes: what the CLI and the core's tests see. */
async function fileSnapshot(wb: ExcelJS.Workbook) {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return workbookSnapshot(copy, ['考评结果']);
}

describe('getWorkbook', () => {
  it('returns date cells as ISO strings in the spreadsheet time zone, and survives JSON unchanged', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(10)));
    // call() refuses a result that JSON would change (a Date, undefined, NaN…), so reaching the next line proves it is JSON-safe.
    const payload = sandbox.call('getWorkbook') as WorkbookPayload;
    expect(WorkbookPayloadSchema.parse(payload)).toEqual(payload);
    expect(payload).toMatchObject({ spreadsheetName: '红旗镇驻村干部台账', timeZone: 'Asia/Shanghai', mapping: {} });
    const ledger = payload.snapshot.sheets.find((s) => s.name === LEDGER)!;
    expect(ledger.values[4]![15]).toBe('2024-05-01');
    expect(ledger.values[6]![15]).toBe('2024-05-31T08:30:00');
    expect(ledger.values[4]![16]).toBe('150102198001011000');
    expect(ledger.values[4]![1]).toBe('张  三');
    expect(payload.snapshot.sheets.find((s) => s.name === '填表说明')!.values[1]).toEqual(['报送日期', '2024-06-05']);
  });

  it('reads what the .xlsx host reads from the same workbook, merges included', async () => {
    const wb = ledgerWorkbook(25);
    const payload = sandboxOf(await workbookOf(wb)).call('getWorkbook') as WorkbookPayload;
    expect(payload.snapshot).toEqual(await fileSnapshot(wb));
    expect(payload.snapshot.sheets[0]!.merges).toContainEqual({ top: 2, left: 4, bottom: 2, right: 5 });
  });

  it('reads a rating typed as 96% into a percentage-formatted cell the way the user sees it, as the .xlsx host does', async () => {
    const wb = ledgerWorkbook(3);
    const cell = wb.getWorksheet(LEDGER)!.getCell(5, 15);
    cell.value = 0.96;
    cell.numFmt = '0%';
    const payload = sandboxOf(await workbookOf(wb)).call('getWorkbook') as WorkbookPayload;
    const ledger = payload.snapshot.sheets.find((s) => s.name === LEDGER)!;
    expect(ledger.values[4]![14]).toBe('96%');
    expect(payload.snapshot).toEqual(await fileSnapshot(wb));
  });

  it('keeps the wall-clock day in a zone with daylight saving time', async () => {
    const wb = ledgerWorkbook(10);
    const payload = sandboxOf(await workbookOf(wb, { timeZone: 'America/New_York' })).call('getWorkbook') as WorkbookPayload;
    expect(payload.timeZone).toBe('America/New_York');
    expect(payload.snapshot).toEqual(await fileSnapshot(wb));
  });

  it('reports a failing spreadsheet service in both languages', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(3)));
    sandbox.calls.failOn('Range.getValues');
    expect(() => sandbox.call('getWorkbook')).toThrow(/^getWorkbook 执行失败：Service Spreadsheets failed[^]*\ngetWorkbook failed: Service Spreadsheets failed/);
  });

  it('leaves out the sheets the add-on writes, finished or left over', async () => {
    const wb = ledgerWorkbook(3);
    wb.addWorksheet('考评结果').getCell('A1').value = '旧结果';
    wb.addWorksheet('考评结果（台账考评·写入中）').getCell('A1').value = '半截';
    const payload = sandboxOf(await workbookOf(wb)).call('getWorkbook') as WorkbookPayload;
    expect(payload.snapshot.sheets.map((s) => s.name)).toEqual([LEDGER, '填表说明']);
  });
});

describe('saveMapping', () => {
  it('stores the column mapping with the document and getWorkbook hands it back', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(3)));
    const mapping = { 下基层天数: 'days', 走访户数: 'visits' };
    expect(sandbox.call('saveMapping', mapping)).toEqual({ ok: true });
    expect((sandbox.call('getWorkbook') as WorkbookPayload).mapping).toEqual(mapping);
  });

  it('rejects a mapping that is not a map of strings, and one too large for a document property', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(3)));
    expect(() => sandbox.call('saveMapping', { 下基层天数: 3 })).toThrow(/saveMapping 收到的数据无效：\[0\]\.下基层天数/);
    const huge = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`第${i}列的很长很长的表头文字`, 'days']));
    expect(() => sandbox.call('saveMapping', huge)).toThrow(/列对应设置太大.*\n.*too large/);
    expect(sandbox.workbook.documentProperties.size).toBe(0);
  });

  it('ignores a stored mapping that no longer parses instead of failing to open', async () => {
    const book = await workbookOf(ledgerWorkbook(3));
    book.documentProperties.set('ledgerRules.columnMapping', '{"days": 3');
    expect((sandboxOf(book).call('getWorkbook') as WorkbookPayload).mapping).toEqual({});
  });
});
