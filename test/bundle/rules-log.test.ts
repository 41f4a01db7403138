import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import branchPack from '../../rules/branch.json';
import stationedCadrePack from '../../rules/stationed-cadre.json';
import type { GasSandbox, WorkbookModel } from '../../src/node/gas/index';
import { assessAll, defaultRules, packHash, type RunPacks, runRulesRecord, runTables, type Scheme, shippedSchemes, t } from '../../src/core/index';
import { LOG_SHEET, type RulesLog, type WorkbookPayload, type WriteResultsResult } from '../../src/rpc/contract';
import { ledgerWorkbook } from './ledger-fixture';
import { headerRowOf, markAsAddons, resultTableFor, sandboxOf, sheetState, shownValue, workbookOf } from './harness';

describe('the rules log kept with the document', () => {
  it('keeps a pack larger than one property, the history newest first, in its hidden sheet', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    expect(sandbox.call('getRulesLog')).toEqual({ history: [], last: null });

    const big = JSON.stringify(branchPack);
    expect(new TextEncoder().encode(big).length).toBeGreaterThan(9 * 1024);
    sandbox.call('recordRulesVersion', { version: 'aaaa1111', time: '2024/6/1 10:00:00', pack: big });
    const small = JSON.stringify(stationedCadrePack);
    sandbox.call('recordRulesVersion', { version: 'bbbb2222', time: '2024/7/1 10:00:00', pack: small });

    const log = sandbox.call('getRulesLog') as RulesLog;
    expect(log.history.map((h) => h.version)).toEqual(['bbbb2222', 'aaaa1111']);
    expect(log.last).toEqual({ version: 'bbbb2222', time: '2024/7/1 10:00:00', pack: small });
    expect(sandbox.workbook.documentProperties.size).toBe(0);
    const sheet = sandbox.workbook.sheet(LOG_SHEET)!;
    expect(sheet.hidden).toBe(true);
    // The older run's pack is not kept: only the last run's is compared with.
    expect(sheet.values.map((row) => row.filter((v) => v !== undefined).length)).toEqual([2, 1]);
  });

  it('refuses a malformed entry with a clear message and keeps the log as it was', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    expect(() => sandbox.call('recordRulesVersion', { version: '', time: 'x', pack: '{}' })).toThrow();
    // A branch pack without its version (or the other way round) is not a record either.
    const small = JSON.stringify(stationedCadrePack);
    expect(() => sandbox.call('recordRulesVersion', { version: 'aaaa1111', time: 'x', pack: small, branch: JSON.stringify(branchPack) })).toThrow(/branchVersion/);
    expect(() => sandbox.call('recordRulesVersion', { version: 'aaaa1111', time: 'x', pack: small, branchVersion: 'bbbb2222' })).toThrow(/branchVersion/);
    expect(sandbox.call('getRulesLog')).toEqual({ history: [], last: null });
  });
});

describe('the rules log with both packs', () => {
  const cadre = JSON.stringify(stationedCadrePack);
  const branch = JSON.stringify(branchPack);
  const chunkKeys = (sandbox: { workbook: { documentProperties: Map<string, string> } }, part: string) =>
    [...sandbox.workbook.documentProperties.keys()].filter((k) => k.startsWith(`ledgerRules.rulesLog.${part}.`));
  const logCells = (sandbox: { workbook: WorkbookModel }) => sandbox.workbook.sheet(LOG_SHEET)!.values.map((row) => row.filter((v) => v !== undefined));

  it('keeps the branch pack beside the cadre pack, each in its own cells, and a change to either is a new version', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    sandbox.call('recordRulesVersion', { version: 'aaaa1111', time: '2024/6/1 10:00:00', pack: cadre, branchVersion: 'bbbb2222', branch });
    expect(logCells(sandbox)[0]).toHaveLength(3);
    expect(sandbox.call('getRulesLog')).toEqual({
      history: [{ version: 'aaaa1111', time: '2024/6/1 10:00:00', branchVersion: 'bbbb2222' }],
      last: { version: 'aaaa1111', time: '2024/6/1 10:00:00', pack: cadre, branchVersion: 'bbbb2222', branch },
    });

    // Only the branch pack changed: the same cadre version, a new entry.
    const edited = JSON.stringify({ ...branchPack, rectifyMonths: 2 });
    sandbox.call('recordRulesVersion', { version: 'aaaa1111', time: '2024/7/1 10:00:00', pack: cadre, branchVersion: 'cccc3333', branch: edited });
    const log = sandbox.call('getRulesLog') as RulesLog;
    expect(log.history.map((h) => [h.version, h.branchVersion])).toEqual([
      ['aaaa1111', 'cccc3333'],
      ['aaaa1111', 'bbbb2222'],
    ]);
    expect(log.last!.branch).toBe(edited);
  });

  it('reads a log written to document properties before runs kept the branch pack, and moves its history to the log sheet', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    // What earlier versions of the add-on stored: a history of cadre versions and the cadre pack's chunks.
    const props = sandbox.workbook.documentProperties;
    props.set('ledgerRules.rulesLog', JSON.stringify({ history: [{ version: 'aaaa1111', time: '2024/5/1 10:00:00' }], chunks: 1 }));
    props.set('ledgerRules.rulesLog.pack.0', '{"id":"stationed-cadre"}');
    expect(sandbox.call('getRulesLog')).toEqual({
      history: [{ version: 'aaaa1111', time: '2024/5/1 10:00:00' }],
      last: { version: 'aaaa1111', time: '2024/5/1 10:00:00', pack: '{"id":"stationed-cadre"}' },
    });

    props.set('ledgerRules.columnMapping', '{"走访户数":"visits"}');
    sandbox.call('recordRulesVersion', { version: 'dddd4444', time: '2024/6/1 10:00:00', pack: cadre, branchVersion: 'bbbb2222', branch });
    expect((sandbox.call('getRulesLog') as RulesLog).history.map((h) => h.version)).toEqual(['dddd4444', 'aaaa1111']);
    // The old log is gone from the store; the column mapping beside it stays.
    expect([...props.keys()]).toEqual(['ledgerRules.columnMapping']);
    sandbox.call('recordRulesVersion', { version: 'eeee5555', time: '2024/7/1 10:00:00', pack: cadre });
    expect(chunkKeys(sandbox, 'branch')).toEqual([]);
    expect(logCells(sandbox)[0]).toHaveLength(2);
    expect((sandbox.call('getRulesLog') as RulesLog).last).toEqual({ version: 'eeee5555', time: '2024/7/1 10:00:00', pack: cadre });
    expect((sandbox.call('getRulesLog') as RulesLog).history.map((h) => h.version)).toEqual(['eeee5555', 'dddd4444', 'aaaa1111']);
  });
});

describe('the rules log where it fits, bounded', () => {
  /** A pack near the contract's 200,000 characters, in Chinese: about 570 KB of UTF-8, more than a whole property store. */
  const hugePack = (base: object, tag: string) => {
    const text = JSON.stringify({ ...base, note: '' });
    return JSON.stringify({ ...base, note: `${tag}${'驻村干部考评说明'.repeat((199_000 - text.length) / 8)}` });
  };

  it('keeps the packs of a large township, which no property store holds, in cells Sheets can hold', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    const cadre = hugePack(stationedCadrePack, 'a');
    const branch = hugePack(branchPack, 'b');
    expect(new TextEncoder().encode(cadre + branch).length).toBeGreaterThan(500 * 1024);
    for (const [i, version] of ['aaaa1111', 'bbbb2222', 'cccc3333'].entries()) {
      sandbox.call('recordRulesVersion', { version, time: `2024/${i + 6}/1 10:00:00`, pack: cadre, branchVersion: 'dddd4444', branch });
    }
    const log = sandbox.call('getRulesLog') as RulesLog;
    expect(log.history.map((h) => h.version)).toEqual(['cccc3333', 'bbbb2222', 'aaaa1111']);
    expect(log.last).toEqual({ version: 'cccc3333', time: '2024/8/1 10:00:00', pack: cadre, branchVersion: 'dddd4444', branch });
    const cells = sandbox.workbook.sheet(LOG_SHEET)!.values.flat().filter((v): v is string => typeof v === 'string');
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(50_000);
    expect(sandbox.workbook.documentProperties.size).toBe(0);
  });

  it('keeps the last 50 runs, each version once, newest first', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    const pack = JSON.stringify(stationedCadrePack);
    const version = (i: number) => `v${String(i).padStart(7, '0')}`;
    for (let i = 1; i <= 60; i++) sandbox.call('recordRulesVersion', { version: version(i), time: `run ${i}`, pack });
    sandbox.call('recordRulesVersion', { version: version(30), time: 'run 61', pack });
    const log = sandbox.call('getRulesLog') as RulesLog;
    expect(log.history).toHaveLength(50);
    expect(log.history[0]).toEqual({ version: version(30), time: 'run 61' });
    expect(log.history.slice(1).map((h) => h.version)).toEqual(Array.from({ length: 60 }, (_, i) => version(60 - i)).filter((v) => v !== version(30)).slice(0, 49));
    expect(sandbox.workbook.sheet(LOG_SHEET)!.lastRow).toBe(50);
  });

  it('is never read as a ledger nor written by a result table', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(3)));
    sandbox.call('recordRulesVersion', { version: 'aaaa1111', time: '2024/6/1 10:00:00', pack: JSON.stringify(stationedCadrePack) });
    const payload = sandbox.call('getWorkbook') as WorkbookPayload;
    expect(payload.snapshot.sheets.map((s) => s.name)).not.toContain(LOG_SHEET);
    const table = await resultTableFor(payload.snapshot);
    const before = sheetState(sandbox.workbook, LOG_SHEET);
    expect(() => sandbox.call('writeResults', { tables: [{ ...table, sheet: LOG_SHEET }] })).toThrow(/不能写入工作表“_台账考评日志”：考评只写入插件自己的结果表（考评结果、支部汇总、/);
    expect(sheetState(sandbox.workbook, LOG_SHEET)).toEqual(before);
  });

  it('drops a last run whose packs were cut short, and keeps its history', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    const pack = JSON.stringify(stationedCadrePack);
    sandbox.call('recordRulesVersion', { version: 'aaaa1111', time: '2024/6/1 10:00:00', pack });
    const sheet = sandbox.workbook.sheet(LOG_SHEET)!;
    sheet.setValue(0, 1, String(sheet.value(0, 1)).slice(0, -1));
    expect(sandbox.call('getRulesLog')).toEqual({ history: [{ version: 'aaaa1111', time: '2024/6/1 10:00:00' }], last: null });
  });

  it('leaves document properties to the column mapping, with a clear message when the store is full', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    const props = sandbox.workbook.documentProperties;
    // An earlier version's log that filled the store to its 500 KB.
    props.set('ledgerRules.rulesLog', JSON.stringify({ history: [{ version: 'aaaa1111', time: '2024/5/1 10:00:00' }], chunks: 56 }));
    for (let i = 0; i < 56; i++) props.set(`ledgerRules.rulesLog.pack.${i}`, 'x'.repeat(9 * 1024));
    const mapping = { 走访户数: 'visits' };
    expect(() => sandbox.call('saveMapping', mapping)).toThrow(/^列对应设置未能保存：本表格的插件存储已满（You have exceeded the property storage quota[^]*\nthe column mapping was not saved/);
    sandbox.call('recordRulesVersion', { version: 'bbbb2222', time: '2024/6/1 10:00:00', pack: JSON.stringify(stationedCadrePack) });
    expect(sandbox.call('saveMapping', mapping)).toEqual({ ok: true });
    expect([...props.keys()]).toEqual(['ledgerRules.columnMapping']);
    expect((sandbox.call('getRulesLog') as RulesLog).history.map((h) => h.version)).toEqual(['bbbb2222', 'aaaa1111']);
  });
});

describe('a run’s results and the rules behind them', () => {
  const rules = { version: 'aaaa1111', time: '2024/6/1 10:00:00', pack: JSON.stringify(stationedCadrePack), branchVersion: 'bbbb2222', branch: JSON.stringify(branchPack) };

  it('are written in one call: the results, then the log', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(4)));
    const table = await resultTableFor((sandbox.call('getWorkbook') as WorkbookPayload).snapshot);
    const written = sandbox.call('writeResults', { tables: [table], rules }) as WriteResultsResult;
    expect(written).toEqual({ sheets: [{ sheet: '考评结果', rows: 4 }], time: written.time });
    expect((sandbox.call('getRulesLog') as RulesLog).last).toEqual(rules);
  });

  it('make a run that is done even when its rules cannot be logged, with the reason for the sidebar’s warning', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(4)));
    const table = await resultTableFor((sandbox.call('getWorkbook') as WorkbookPayload).snapshot);
    sandbox.calls.failOn('Sheet.hideSheet');
    const written = sandbox.call('writeResults', { tables: [table], rules }) as WriteResultsResult;
    expect(written.sheets).toEqual([{ sheet: '考评结果', rows: 4 }]);
    expect(written.rulesLogError).toMatch(/^Service Spreadsheets failed while accessing document \(Sheet\.hideSheet, injected failure\)/);
    const sheet = sandbox.workbook.sheet('考评结果')!;
    // A cell written empty (上期得分 with no month before) holds nothing.
    const rows = table.rows.map((row) => row.map((v) => (v === '' ? undefined : v)));
    const header = headerRowOf(table);
    const shown = sheet.values.slice(header, header + 1 + table.rows.length).map((row) => row.slice(0, table.header.length).map((v) => (v === undefined ? v : shownValue(v))));
    expect(shown).toEqual([table.header, ...rows]);
    expect(sandbox.call('getRulesLog')).toEqual({ history: [], last: null });
    // What the sidebar shows under the result line, from the message table.
    expect(t('uiRulesLogNotSaved', { detail: written.rulesLogError! })).toMatch(/^注意：结果已写入，但本次所用的规则未能记入日志（Service Spreadsheets failed/);

    // The next run logs as usual.
    sandbox.call('writeResults', { tables: [table], rules: { ...rules, version: 'cccc3333' } });
    expect((sandbox.call('getRulesLog') as RulesLog).history.map((h) => h.version)).toEqual(['cccc3333']);
    expect(sandbox.workbook.sheet(LOG_SHEET)!.hidden).toBe(true);
    expect(sandbox.workbook.activeSheet.name).toBe('考评结果');
  });
});

describe('the rules log of a run of every assessment', () => {
  const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
  const [cadre, branch] = defaultRules();

  async function township(): Promise<GasSandbox> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(TOWNSHIP);
    return sandboxOf(await workbookOf(book, { name: '吉仁高勒镇党建台账' }));
  }

  /** A run as the sidebar makes it: the real core over the server's snapshot, its tables and its rules in one writeResults. */
  async function runWith(sandbox: GasSandbox, schemes: Scheme[], time: string) {
    const packs: RunPacks = { cadre: cadre.pack, branch: branch.branch, schemes };
    const payload = sandbox.call('getWorkbook') as WorkbookPayload;
    const run = await assessAll(payload.snapshot, packs, { today: '2024-12-31' });
    const rules = runRulesRecord(run, packs, time);
    sandbox.call('writeResults', { tables: runTables(run, packs, { time }), rules });
    return rules;
  }

  /** The log row an earlier version wrote: its entry (the two packs' versions and lengths), then each pack after the chunk mark. */
  function oldLogSheet(sandbox: GasSandbox) {
    const sheet = sandbox.workbook.addSheet(LOG_SHEET);
    markAsAddons(sheet, LOG_SHEET);
    sheet.hidden = true;
    const pack = JSON.stringify(cadre.pack);
    const branchJson = JSON.stringify(branch.branch);
    const entry = { version: packHash(cadre.pack), time: '2024/5/1 10:00:00', branchVersion: packHash(branch.branch) };
    sheet.setValue(0, 0, JSON.stringify({ ...entry, packLength: pack.length, branchLength: branchJson.length }));
    sheet.setValue(0, 1, `|${pack}`);
    sheet.setValue(0, 2, `|${branchJson}`);
    sheet.setValue(1, 0, JSON.stringify({ version: 'aaaa1111', time: '2024/4/1 10:00:00', packLength: 0, branchLength: 0 }));
    return { entry, pack, branch: branchJson };
  }

  it('records the version of every assessment that ran, by id, and carries every declared assessment beside the two packs', async () => {
    const sandbox = await township();
    const schemes = shippedSchemes();
    const rules = await runWith(sandbox, schemes, '2024/12/31 09:00:00');
    const versions = {
      'stationed-cadre': packHash(cadre.pack),
      branch: packHash(branch.branch),
      'stationed-cadre-quarter': packHash(schemes[0]),
      household: packHash(schemes[1]),
      'village-cadre': packHash(schemes[2]),
    };
    expect(rules.assessments).toEqual(versions);

    const log = sandbox.call('getRulesLog') as RulesLog;
    expect(log.history).toEqual([{ version: packHash(cadre.pack), time: '2024/12/31 09:00:00', branchVersion: packHash(branch.branch), assessments: versions }]);
    expect(log.last!.assessments).toEqual(versions);
    expect(log.last!.schemes!.map((s) => [s.id, s.version])).toEqual(schemes.map((s) => [s.id, packHash(s)]));
    expect(log.last!.schemes!.map((s) => JSON.parse(s.pack))).toEqual(JSON.parse(JSON.stringify(schemes)));
    // The entry, then the cadre pack, the branch pack and the three schemes, each in a cell of its own.
    expect(sandbox.workbook.sheet(LOG_SHEET)!.values[0]!.filter((v) => v !== undefined && v !== '')).toHaveLength(6);

    // household's 优秀 band moved: a new entry, in which only household's version differs.
    const moved = schemes.map((s) => (s.id === 'household' ? { ...s, grades: s.grades.map((g) => (g.grade === '优秀' ? { ...g, min: 92 } : g)) } : s));
    await runWith(sandbox, moved, '2025/1/5 09:00:00');
    const next = sandbox.call('getRulesLog') as RulesLog;
    expect(next.history.map((h) => h.time)).toEqual(['2025/1/5 09:00:00', '2024/12/31 09:00:00']);
    expect(next.history[0]!.assessments).toEqual({ ...versions, household: packHash(moved[1]) });
    expect(next.history[0]!.assessments!.household).not.toBe(versions.household);
    expect(JSON.parse(next.last!.schemes![1]!.pack).grades[0]).toMatchObject({ grade: '优秀', min: 92 });
  });

  it('keeps a declared assessment with no ledgers in the carried rules, and logs only the assessments that ran', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(3)));
    const rules = await runWith(sandbox, shippedSchemes(), '2024/6/1 10:00:00');
    // Cadre ledgers only: the monthly cadre assessment and its quarterly roll-up ran; the branch, household and village-cadre ones had nothing to read.
    expect(Object.keys(rules.assessments)).toEqual(['stationed-cadre', 'stationed-cadre-quarter']);
    const log = sandbox.call('getRulesLog') as RulesLog;
    expect(Object.keys(log.history[0]!.assessments!)).toEqual(['stationed-cadre', 'stationed-cadre-quarter']);
    expect(log.last!.schemes!.map((s) => s.id)).toEqual(['stationed-cadre-quarter', 'household', 'village-cadre']);
  });

  it('reads a row written before runs kept the declared assessments, and the next run with them goes on top of its history', async () => {
    const sandbox = await township();
    const old = oldLogSheet(sandbox);
    expect(sandbox.call('getRulesLog')).toEqual({
      history: [old.entry, { version: 'aaaa1111', time: '2024/4/1 10:00:00' }],
      last: { ...old.entry, pack: old.pack, branch: old.branch },
    });

    await runWith(sandbox, shippedSchemes(), '2024/12/31 09:00:00');
    const log = sandbox.call('getRulesLog') as RulesLog;
    // The same two packs as the old row, but now with the assessments that ran: a new entry, the old ones kept below it.
    expect(log.history.map((h) => [h.time, h.assessments === undefined])).toEqual([
      ['2024/12/31 09:00:00', false],
      ['2024/5/1 10:00:00', true],
      ['2024/4/1 10:00:00', true],
    ]);
    expect(log.last!.schemes!.map((s) => s.id)).toEqual(['stationed-cadre-quarter', 'household', 'village-cadre']);
  });

  it('drops the carried schemes of a last run when one was cut short, keeping its packs and its history', async () => {
    const sandbox = await township();
    await runWith(sandbox, shippedSchemes(), '2024/12/31 09:00:00');
    const sheet = sandbox.workbook.sheet(LOG_SHEET)!;
    sheet.setValue(0, 4, String(sheet.value(0, 4)).slice(0, -1));
    const log = sandbox.call('getRulesLog') as RulesLog;
    expect(log.last!.schemes).toBeUndefined();
    expect(log.last!.pack).toBe(JSON.stringify(cadre.pack));
    expect(log.last!.branch).toBe(JSON.stringify(branch.branch));
    expect(log.history).toHaveLength(1);
  });

  it('refuses a scheme twice in one record', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    const scheme = { id: 'household', version: 'aaaa1111', pack: '{}' };
    expect(() => sandbox.call('recordRulesVersion', { version: 'aaaa1111', time: 'x', pack: '{}', schemes: [scheme, scheme] })).toThrow(/each scheme once/);
    expect(sandbox.call('getRulesLog')).toEqual({ history: [], last: null });
  });
});
