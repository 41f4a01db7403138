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
    expect(sandbox.call('getRulesLog')).toEqual({ history: [], last: null });
  });
});
