import { describe, expect, it } from 'vitest';
import { branchPack, classifyRun, stationedCadrePack, validateBranchPack, validatePack, whatIf } from '../../src/core/index';
import { loadWorkbook } from '../../src/node/workbook-file';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';

function packs() {
  const cadre = validatePack(stationedCadrePack);
  const branch = validateBranchPack(branchPack);
  if (!cadre.ok || !branch.ok) throw new Error('default packs must be valid');
  return { cadre: cadre.pack, branch: branch.pack };
}

describe('the what-if reaches the branches', () => {
  it('shows the branches whose stationed-cadre item a change of the cadre grade bands would clear', async () => {
    const { snapshot } = await loadWorkbook(TOWNSHIP);
    const { cadre, branch } = packs();
    // 斯琴 and 韩雪 score 28–40 and are graded 不合格; with 基本合格 from 20 they no longer fail.
    const candidate = { ...cadre, grades: cadre.grades.map((g) => (g.grade === '基本合格' ? { ...g, min: 20 } : g)) };
    const result = await whatIf(snapshot, { cadre, branch }, cadre, candidate, { period: '2024-Q2' });

    expect(result.cadres.map((c) => c.name).sort()).toEqual(['斯琴', '斯琴', '韩雪', '韩雪']);
    const names = result.branches.branches.map((b) => b.name).sort();
    expect(names).toEqual(['希日塔拉嘎查党支部', '敖包图嘎查党支部', '满都拉嘎查党支部']);
    // 敖包图 climbs off the last place, which passes to 希日塔拉: already at risk, now for one more reason.
    const xiri = result.branches.branches.find((b) => b.name === '希日塔拉嘎查党支部')!;
    expect([xiri.delta, xiri.before.risk, xiri.after.risk]).toEqual([0, true, true]);
    expect(xiri.risksAdded.map((r) => r.message)).toEqual(['排名末位（24个支部中第24名）']);
    const aobaotu = result.branches.branches.find((b) => b.name === '敖包图嘎查党支部')!;
    expect(aobaotu.risksRemoved.map((r) => r.messageEn)).toEqual(['3 must-meet items failed', 'last place (24 of 24)']);
    expect([aobaotu.before.risk, aobaotu.after.risk]).toEqual([true, false]);
    expect(aobaotu.indicators).toEqual([{ id: 'cadres', label: '驻村干部', before: 0, after: 10, delta: 10 }]);
    const manduula = result.branches.branches.find((b) => b.name === '满都拉嘎查党支部')!;
    expect(manduula.before.fallsShort).toBe(true);
    expect(manduula.after.fallsShort).toBe(false);
    expect(manduula.flagsRemoved.map((f) => f.message).join('')).toContain('斯琴');
    expect(manduula.flagsRemoved.map((f) => f.messageEn).join('')).toContain('graded unsatisfactory');
    expect(manduula.delta).toBeGreaterThan(0);
  });

  it('leaves the branches out when the workbook has no branch ledgers', async () => {
    const { snapshot } = await loadWorkbook(TOWNSHIP);
    const { cadre, branch } = packs();
    const { kinds } = classifyRun(snapshot, { cadre, branch });
    const branchSheets = [...(kinds['branch/meetings'] ?? []), ...(kinds['branch/work'] ?? [])];
    expect(branchSheets.length).toBeGreaterThan(0);
    const cadreOnly = { ...snapshot, sheets: snapshot.sheets.filter((s) => !branchSheets.includes(s.name)) };
    const candidate = { ...cadre, grades: cadre.grades.map((g) => (g.grade === '基本合格' ? { ...g, min: 20 } : g)) };
    const result = await whatIf(cadreOnly, { cadre, branch }, cadre, candidate, { period: '2024-Q2' });
    // The same cadres move as with the branches; no branch is there to move with them.
    expect(result.cadres.map((c) => c.name).sort()).toEqual(['斯琴', '斯琴', '韩雪', '韩雪']);
    expect(result.branches).toEqual({ branches: [], unchanged: 0, counts: { up: 0, down: 0, starsChanged: 0, standingChanged: 0 } });
  });
});
