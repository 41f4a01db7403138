import { describe, expect, it } from 'vitest';
import branchPack from '../../rules/branch.json';
import stationedCadrePack from '../../rules/stationed-cadre.json';
import type { RulesLog } from '../../src/rpc/contract';
import { ledgerWorkbook } from './ledger-fixture';
import { sandboxOf, workbookOf } from './harness';

describe('the rules log kept with the document', () => {
  it('stores a pack larger than one property in chunks, keeps the history newest first, and drops stale chunks', async () => {
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
    const chunks = [...sandbox.workbook.documentProperties.keys()].filter((k) => k.includes('.pack.'));
    expect(chunks).toHaveLength(Math.ceil(small.length / 2000));
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

  it('keeps the branch pack beside the cadre pack, each in its own chunks, and a change to either is a new version', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    sandbox.call('recordRulesVersion', { version: 'aaaa1111', time: '2024/6/1 10:00:00', pack: cadre, branchVersion: 'bbbb2222', branch });
    expect(chunkKeys(sandbox, 'pack')).toHaveLength(Math.ceil(cadre.length / 2000));
    expect(chunkKeys(sandbox, 'branch')).toHaveLength(Math.ceil(branch.length / 2000));
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

  it('reads a log written before runs kept the branch pack, and drops the branch chunks when a run records none', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(2)));
    // What earlier versions of the add-on stored: a history of cadre versions and the cadre pack's chunks.
    const props = sandbox.workbook.documentProperties;
    props.set('ledgerRules.rulesLog', JSON.stringify({ history: [{ version: 'aaaa1111', time: '2024/5/1 10:00:00' }], chunks: 1 }));
    props.set('ledgerRules.rulesLog.pack.0', '{"id":"stationed-cadre"}');
    expect(sandbox.call('getRulesLog')).toEqual({
      history: [{ version: 'aaaa1111', time: '2024/5/1 10:00:00' }],
      last: { version: 'aaaa1111', time: '2024/5/1 10:00:00', pack: '{"id":"stationed-cadre"}' },
    });

    sandbox.call('recordRulesVersion', { version: 'dddd4444', time: '2024/6/1 10:00:00', pack: cadre, branchVersion: 'bbbb2222', branch });
    expect((sandbox.call('getRulesLog') as RulesLog).history.map((h) => h.version)).toEqual(['dddd4444', 'aaaa1111']);
    sandbox.call('recordRulesVersion', { version: 'eeee5555', time: '2024/7/1 10:00:00', pack: cadre });
    expect(chunkKeys(sandbox, 'branch')).toEqual([]);
    expect((sandbox.call('getRulesLog') as RulesLog).last).toEqual({ version: 'eeee5555', time: '2024/7/1 10:00:00', pack: cadre });
  });
});
