import { describe, expect, it } from 'vitest';
import { branchPack, stationedCadrePack, validateBranchPack, validatePack, whatIf } from '../../src/core/index';
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
    const result = await whatIf(snapshot, cadre, candidate, { branch, period: '2024-Q2' });

    expect(result.cadres.map((c) => c.name).sort()).toEqual(['斯琴', '斯琴', '韩雪', '韩雪']);
    const names = result.branches.map((b) => b.name).sort();
    expect(names).toEqual(['敖包图嘎查党支部', '满都拉嘎查党支部']);
    const manduula = result.branches.find((b) => b.name === '满都拉嘎查党支部')!;
    expect(manduula.before.fallsShort).toBe(true);
    expect(manduula.after.fallsShort).toBe(false);
    expect(manduula.flagsRemoved.join('')).toContain('斯琴');
    expect(manduula.delta).toBeGreaterThan(0);
  });

  it('leaves the branches out when it is not given the branch pack', async () => {
    const { snapshot } = await loadWorkbook(TOWNSHIP);
    const { cadre } = packs();
    const candidate = { ...cadre, grades: cadre.grades.map((g) => (g.grade === '基本合格' ? { ...g, min: 20 } : g)) };
    expect((await whatIf(snapshot, cadre, candidate, { period: '2024-Q2' })).branches).toEqual([]);
  });
});
