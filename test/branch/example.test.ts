import { describe, expect, it } from 'vitest';
import { exampleTownship, townshipWorkbook } from '../../scripts/township';
import { assessBranches } from '../../src/core/branch/assess';
import { branchSummary } from '../../src/core/branch/summary';
import { branchResultTable } from '../../src/core/branch/table';
import { workbookSnapshot, loadWorkbook } from '../../src/node/workbook-file';
import { branchPack, cadrePack } from './helpers';

const EXAMPLE = 'examples/乡镇党建台账示例.xlsx';

describe('the example township workbook', () => {
  it('is built the same way every time, and the committed file is that build', async () => {
    const a = workbookSnapshot(townshipWorkbook(exampleTownship()));
    const b = workbookSnapshot(townshipWorkbook(exampleTownship()));
    expect(a).toEqual(b);
    const committed = (await loadWorkbook(EXAMPLE)).snapshot;
    expect(committed.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expect(committed.sheets.map((s) => s.values.length)).toEqual(a.sheets.map((s) => s.values.length));
    expect(committed.sheets[1]!.values.slice(0, 12)).toEqual(a.sheets[1]!.values.slice(0, 12));
  });

  it('gives a realistic spread: most branches fine, some short, six at risk, four five-star', async () => {
    const { snapshot } = await loadWorkbook(EXAMPLE);
    const pack = branchPack();
    const a = await assessBranches(snapshot, { branch: pack, cadre: cadrePack() });
    expect(a.periods).toEqual(['2024-Q2']);
    expect(a.branches).toHaveLength(24);
    // Alone, the branch assessment does not know the village-cadre assessment's ledger: a run keeps it apart (test/core/sheets.test.ts).
    expect(a.sheets).toMatchObject({
      'branch/meetings': ['三会一课记录', '阿拉坦嘎查', '都兰嘎查', '镇区第二社区'],
      'branch/work': ['支部工作台账'],
      'stationed-cadre/ledger': expect.arrayContaining(['4月驻村台账', '5月驻村台账']),
      'branch/basics': ['支部基本情况'],
      'branch/satisfaction': ['群众满意度测评'],
      'branch/development': ['发展党员情况'],
    });
    // Three for their items and place; 乌兰 for its vacant secretary post, 满都拉 for 群众满意度, 浩勒图 for no one in development.
    expect(a.branches.filter((b) => b.risk).map((b) => b.name).sort()).toEqual(
      ['敖包图嘎查党支部', '希日塔拉嘎查党支部', '朝克图嘎查党支部', '乌兰嘎查党支部', '满都拉嘎查党支部', '浩勒图嘎查党支部'].sort(),
    );
    expect(a.branches.filter((b) => b.fallsShort)).toHaveLength(8);
    expect(a.branches.filter((b) => b.stars === 5)).toHaveLength(4);
    expect(a.rateChecks.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['支部工作台账!E26']);
    expect([...new Set(a.unmatched.map((u) => u.name))]).toEqual(['温多尔']);
    expect(a.warnings.filter((w) => w.message.includes('重复'))).toHaveLength(2);
    expect(a.coverageNotes.map((n) => n.message)).toEqual([expect.stringContaining('没有2024年6月的记录')]);
    // 巴彦 is written three ways across the ledgers and still one branch.
    const bayan = a.branches.find((b) => b.name === '巴彦嘎查党支部')!;
    expect(bayan.variants).toEqual(expect.arrayContaining(['巴彦嘎查党支部', '巴彥嘎查党支部', '巴彦嘎查', '巴彥']));
    expect(bayan.values.failingCadres).toBe(0);

    const summary = branchSummary(a, pack);
    expect(summary.sections.map((s) => s.heading)).toEqual(['一、基本情况', '二、主要成效', '三、存在问题', '四、下步打算']);
    const names = a.branches.map((b) => b.name);
    for (const section of summary.sections) {
      for (const sentence of section.sentences.flatMap((s) => s.split(/[。；]/)).filter((s) => s.trim())) {
        // "Use data and cases": every sentence carries a figure or a name.
        expect(/\d/.test(sentence) || names.some((n) => sentence.includes(n)), sentence).toBe(true);
      }
    }
    const plan = summary.sections[3]!.sentences.join('');
    expect(plan).toContain('（1）乌兰嘎查党支部：列为软弱涣散风险支部');
    expect(plan).toContain('（3）朝克图嘎查党支部：列为软弱涣散风险支部');
    expect(plan).toContain('2024年9月30日前完成整顿');
    expect(plan).toContain('2024年7月31日前完成整改');

    const table = branchResultTable(a, pack, { time: '2024-07-06 09:00:00' });
    expect(table.sheet).toBe('支部汇总');
    expect(table.rows).toHaveLength(24);
    expect(table.rows.every((r) => r.length === table.header.length)).toBe(true);
    expect(table.numberFormats).toHaveLength(table.header.length);
    // At risk first, by rank: 乌兰 scores best of the six.
    expect(table.rows[0]![0]).toBe('乌兰嘎查党支部');
  });
});
