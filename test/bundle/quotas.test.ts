import { describe, expect, it } from 'vitest';
import { GasSandbox, WorkbookModel } from '../../src/node/gas/index';

/**
 * The fakes refuse what Apps Script refuses, at the documented figures
 * (Quotas for Google Services: properties 9 KB per value and 500 KB per
 * store; Sheets: 50,000 characters in a cell), so a bundle test can fail
 * where the real service would.
 */
const KB = 1024;

function scripted(code: string): GasSandbox {
  const book = new WorkbookModel();
  book.addSheet('Sheet1');
  return new GasSandbox({ code, files: {}, workbook: book });
}

describe('PropertiesService limits in the fakes', () => {
  const sandbox = () =>
    scripted(`
      function setOne(key, value) { PropertiesService.getDocumentProperties().setProperty(key, value); return true; }
      function setMany(values) { PropertiesService.getDocumentProperties().setProperties(values); return true; }`);

  it('take a value of 9 KB and refuse one byte more, from setProperty and setProperties alike', () => {
    const s = sandbox();
    // Counted in UTF-8 bytes: 3,072 Chinese characters are 9,216 bytes.
    expect(s.call('setOne', 'a', 'x'.repeat(9 * KB))).toBe(true);
    expect(s.call('setOne', 'b', '字'.repeat(3 * KB))).toBe(true);
    expect(() => s.call('setOne', 'c', 'x'.repeat(9 * KB + 1))).toThrow(/^Argument too large: value of property c$/);
    expect(() => s.call('setOne', 'c', `${'字'.repeat(3 * KB)}x`)).toThrow(/Argument too large/);
    expect(() => s.call('setMany', { d: 'ok', e: 'x'.repeat(9 * KB + 1) })).toThrow(/Argument too large: value of property e/);
    expect([...s.workbook.documentProperties.keys()]).toEqual(['a', 'b']);
  });

  it('take a store of 500 KB, keys and values together, and refuse one byte more without keeping any of it', () => {
    const s = sandbox();
    // 64 properties of a 6-byte key and a 7,994-byte value: 512,000 bytes, exactly 500 KB.
    const filler = Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`key${String(i).padStart(3, '0')}`, 'x'.repeat((500 * KB) / 64 - 6)]));
    expect(s.call('setMany', filler)).toBe(true);
    const full = [...s.workbook.documentProperties];
    expect(() => s.call('setOne', 'k', '')).toThrow(/^You have exceeded the property storage quota\. Please remove some properties and try again\.$/);
    expect(() => s.call('setOne', 'key000', `${filler.key000}x`)).toThrow(/exceeded the property storage quota/);
    // Shortening one value frees 7,989 bytes; the new property takes 7,990.
    expect(() => s.call('setMany', { key001: 'short', key999: 'x'.repeat(7_984) })).toThrow(/exceeded the property storage quota/);
    expect([...s.workbook.documentProperties]).toEqual(full);
    // A write that takes as much as it gives back keeps the store at exactly 500 KB, and is allowed.
    expect(s.call('setMany', { key001: `${filler.key001}x`, key002: filler.key002.slice(1) })).toBe(true);
  });
});

describe('the Sheets cell limit in the fakes', () => {
  const sandbox = () =>
    scripted(`
      function one(text) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).setValue(text); return true; }
      function grid(rows) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, rows.length, rows[0].length).setValues(rows); return true; }`);

  it('holds 50,000 characters and refuses one more, from setValue and setValues, writing nothing of a refused grid', () => {
    const s = sandbox();
    const sheet = s.workbook.sheet('Sheet1')!;
    expect(s.call('one', 'x'.repeat(50_000))).toBe(true);
    expect(sheet.value(0, 0)).toHaveLength(50_000);
    expect(() => s.call('one', 'y'.repeat(50_001))).toThrow(/^Your input contains more than the maximum of 50000 characters in a single cell\.$/);
    expect(sheet.value(0, 0)).toBe('x'.repeat(50_000));

    expect(s.call('grid', [['a', '字'.repeat(50_000)]])).toBe(true);
    expect(() => s.call('grid', [['b', 'c'], ['d', 'z'.repeat(50_001)]])).toThrow(/more than the maximum of 50000 characters/);
    expect([sheet.value(0, 0), sheet.value(0, 1), sheet.value(1, 0)]).toEqual(['a', '字'.repeat(50_000), undefined]);
  });
});
