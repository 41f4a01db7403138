import { describe, expect, it } from 'vitest';
import type { ResultTable } from '../../src/core/index';
import { WorkbookModel, type GasSandbox } from '../../src/node/gas/index';
import type { WriteResultsResult } from '../../src/rpc/contract';
import { smallWorkbook } from '../rulesheet/workbook-fixture';
import { sandboxOf, sheetState } from './harness';

const RESULTS = '考评结果';
const BRANCHES = '支部汇总';
const LEFTOVER = /（台账考评·(写入中|旧结果)）$/;
const UNCHANGED = /^写入考评结果失败，原有结果保持不变：[^]*injected failure[^]*\nwriting the results failed; the earlier results are unchanged/;
const NO_LOCK = /^无法取得本表格的写入锁[^]*injected failure[^]*本次没有写入任何内容/;
/** Calls made once the results are in place: the end of the execution flushes and lets the lock go whatever they do. */
const AFTER_WRITING = ['SpreadsheetApp.flush', 'Lock.releaseLock'];

function table(sheet: string, run: string, rows: number): ResultTable {
  return {
    sheet,
    note: `由“台账考评”于 ${run} 生成`,
    header: ['姓名', '总分', '提示'],
    rows: Array.from({ length: rows }, (_, i) => [`${run}-${i}`, 90 - i, i === 0 ? '=IMAGE("http://x")' : '']),
    columnWidths: [80, 60, 200],
    numberFormats: ['', '0.##', ''],
    wrap: [2],
  };
}

const first = [table(RESULTS, '第一次', 3), table(BRANCHES, '第一次', 2)];
const second = [table(RESULTS, '第二次', 5), table(BRANCHES, '第二次', 1)];

/** A township whose workbook already holds the results of a first run. */
function afterFirstRun(): GasSandbox {
  const sandbox = sandboxOf(WorkbookModel.fromSnapshot(smallWorkbook(), { name: '吉仁高勒镇台账' }));
  sandbox.call('writeResults', { tables: first });
  return sandbox;
}

const names = (sandbox: GasSandbox) => sandbox.workbook.sheets.map((s) => s.name);
const results = (sandbox: GasSandbox) => [sheetState(sandbox.workbook, RESULTS), sheetState(sandbox.workbook, BRANCHES)];
/** Which run each result sheet shows, by its first data cell. */
const runs = (sandbox: GasSandbox) => [RESULTS, BRANCHES].map((s) => String(sandbox.workbook.sheet(s)?.value(2, 0) ?? '').split('-')[0]);

/** Every service call the second run makes, as "Kind.method" and its count. */
function callsOfSecondRun(): [string, number][] {
  const sandbox = afterFirstRun();
  sandbox.calls.reset();
  sandbox.call('writeResults', { tables: second });
  return Object.entries(sandbox.calls.byMethod());
}

describe('writeResults with two tables is all or nothing at every step', () => {
  it('a failure at any call leaves all the old results or all the new ones, no stray sheet, and a message that says which', () => {
    const steps = callsOfSecondRun();
    expect(steps.map(([key]) => key)).toEqual(
      expect.arrayContaining(['Spreadsheet.insertSheet', 'Sheet.addDeveloperMetadata', 'Range.setValues', 'Sheet.setFrozenRows', 'Sheet.setName', 'Spreadsheet.deleteSheet']),
    );
    const outcomes = { unchanged: 0, replaced: 0, leftovers: 0 };
    for (const [key, count] of steps) {
      for (let nth = 1; nth <= count; nth++) {
        const where = `${key} #${nth}`;
        const sandbox = afterFirstRun();
        const before = { names: names(sandbox), results: results(sandbox) };
        sandbox.calls.failOn(key, nth);
        let written: WriteResultsResult | undefined;
        let error: Error | undefined;
        try {
          written = sandbox.call('writeResults', { tables: second }) as WriteResultsResult;
        } catch (e) {
          error = e as Error;
        }
        if (error) {
          // "旧结果保持不变" only when it is true: every old sheet where it was, exactly as it was.
          expect(error.message, where).toMatch(key.startsWith('Lock') || key.startsWith('LockService') ? NO_LOCK : UNCHANGED);
          expect(names(sandbox), where).toEqual(before.names);
          expect(results(sandbox), where).toEqual(before.results);
          outcomes.unchanged++;
          continue;
        }
        expect(runs(sandbox), where).toEqual(['第二次', '第二次']);
        const stray = names(sandbox).filter((n) => LEFTOVER.test(n));
        expect(stray, where).toEqual(written!.leftovers ?? []);
        expect(stray.every((n) => n.endsWith('（台账考评·旧结果）')), where).toBe(true);
        if (stray.length > 0) {
          outcomes.leftovers++;
          // The next run clears what this one could not.
          sandbox.call('writeResults', { tables: second });
          expect(names(sandbox).filter((n) => LEFTOVER.test(n)), where).toEqual([]);
        } else {
          expect(AFTER_WRITING, where).toContain(key);
          outcomes.replaced++;
        }
      }
    }
    // Each injected failure mattered: before the swap was complete it left every old result; after, only the two deletes
    // of the old sheets and the lock's release remain.
    const total = steps.reduce((n, [, count]) => n + count, 0);
    const afterWriting = steps.filter(([key]) => AFTER_WRITING.includes(key)).reduce((n, [, count]) => n + count, 0);
    expect(total).toBeGreaterThan(40);
    expect(afterWriting).toBe(2);
    expect(outcomes).toEqual({ unchanged: total - 2 - afterWriting, replaced: afterWriting, leftovers: 2 });
  });

  it('says the old results are not all back when undoing the swap fails too, and the next run puts everything right', () => {
    const sandbox = afterFirstRun();
    // The 4th rename places the second new sheet; the 6th, undoing, would give the first new sheet its temporary name back.
    sandbox.calls.failOn('Sheet.setName', 4);
    sandbox.calls.failOn('Sheet.setName', 6);
    expect(() => sandbox.call('writeResults', { tables: second })).toThrow(
      /^写入考评结果失败，原有结果未能全部恢复：[^]*请再次考评[^]*\nwriting the results failed and the earlier results could not all be put back/,
    );
    sandbox.call('writeResults', { tables: second });
    expect(runs(sandbox)).toEqual(['第二次', '第二次']);
    expect(names(sandbox).filter((n) => LEFTOVER.test(n))).toEqual([]);
  });

  it('reports old results it could not remove once the new ones are in place, and removes them on the next run', () => {
    const sandbox = afterFirstRun();
    sandbox.calls.failOn('Spreadsheet.deleteSheet', 1);
    const written = sandbox.call('writeResults', { tables: second }) as WriteResultsResult;
    expect(written.leftovers).toEqual(['考评结果（台账考评·旧结果）']);
    expect(runs(sandbox)).toEqual(['第二次', '第二次']);
    expect(names(sandbox)).toContain('考评结果（台账考评·旧结果）');
    const again = sandbox.call('writeResults', { tables: first }) as WriteResultsResult;
    expect(again.leftovers).toBeUndefined();
    expect(runs(sandbox)).toEqual(['第一次', '第一次']);
    expect(names(sandbox).filter((n) => LEFTOVER.test(n))).toEqual([]);
  });
});
