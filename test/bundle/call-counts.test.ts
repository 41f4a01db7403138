import { describe, expect, it } from 'vitest';
import { SPREADSHEET_SERVICES, type GasSandbox } from '../../src/node/gas/index';
import type { WorkbookPayload } from '../../src/rpc/contract';
import { ledgerWorkbook } from './ledger-fixture';
import { resultTableFor, sandboxOf, workbookOf } from './harness';

/**
 * Spreadsheet service calls are the slow part of Apps Script (each one a round
 * trip, each read flushing pending writes). Their number must not depend on
 * how many rows a ledger or a result table has.
 */
async function measure(rows: number) {
  const sandbox: GasSandbox = sandboxOf(await workbookOf(ledgerWorkbook(rows)));
  sandbox.calls.reset();
  const payload = sandbox.call('getWorkbook') as WorkbookPayload;
  const reading = sandbox.calls.byMethod(SPREADSHEET_SERVICES);

  const table = await resultTableFor(payload.snapshot);
  expect(table.rows).toHaveLength(rows);
  sandbox.call('writeResults', { tables: [table] });
  sandbox.calls.reset();
  sandbox.call('writeResults', { tables: [table] });
  // A new sheet is sized to the table with one call either way: rows deleted for a short table, inserted for a long one.
  const writing = Object.entries(sandbox.calls.byMethod(SPREADSHEET_SERVICES)).reduce<Record<string, number>>((acc, [key, n]) => {
    const k = /^Sheet\.(deleteRows|insertRowsAfter)$/.test(key) ? 'Sheet.(resize rows)' : key;
    acc[k] = (acc[k] ?? 0) + n;
    return acc;
  }, {});
  return { reading, writing, payload };
}

describe('spreadsheet service calls', () => {
  it('are the same for a 10-row and a 2,000-row ledger, reading and writing', async () => {
    const small = await measure(10);
    const large = await measure(2000);
    expect(large.payload.snapshot.sheets[0]!.values.length).toBeGreaterThan(2000);

    expect(large.reading).toEqual(small.reading);
    expect(small.reading['Range.getValues']).toBe(2);

    expect(large.writing).toEqual(small.writing);
    expect(small.writing['Range.setValues']).toBe(1);
    expect(small.writing['Sheet.(resize rows)']).toBe(1);
    // Every source links to the one ledger sheet: its id is asked for once, however many rows link to it.
    expect(small.writing['Sheet.getSheetId']).toBe(1);
    expect(large.writing['Range.setFontWeights']).toBe(1);
  });
});
