import { describe, expect, it } from 'vitest';
import { sheet } from '../fixtures/workbook';
import { VILLAGE_HEADER, villageMerges, assessmentOf, flagTexts, noteTexts, resultOf, runSheets, warningTexts } from './helpers';

type Row = [string, string, string, number, number, number, number, number, number, string | null, number];

const ledger = (rows: Row[], title = '2024年度嘎查“两委”干部目标考核评分表') =>
  sheet('2024年度村干部考评', [[title], ...VILLAGE_HEADER, ...rows.map((r, i) => [i + 1, ...r])], villageMerges(2));

describe('村干部年度目标考评 (village-cadre)', () => {
  it('totals the six aspects, bands them and computes the pay coefficient and pay', async () => {
    const a = assessmentOf(
      await runSheets([
        ledger([
          ['周德明', '额尔敦嘎查', '党支部书记', 24.5, 18.5, 14.5, 14.5, 9.5, 14.5, '无', 30000],
          ['郭红梅', '额尔敦嘎查', '嘎查委员会主任', 21.5, 17.5, 13, 13.5, 9, 13, null, 24000],
          ['李强', '乌兰嘎查', '委员', 18, 14, 10, 10, 7, 11, '', 20000],
          ['赵敏', '乌兰嘎查', '委员', 12, 10, 8, 9, 5, 8, null, 20000],
          ['孙丽', '宝力根嘎查', '委员', 20, 15, 12, 12, 8, 11, '无', 21000],
        ]),
      ]),
      'village-cadre',
    );
    expect(a.periods).toEqual(['2024']);
    expect(a.results.map((r) => [r.name, r.score, r.grade, r.rank, r.values.coefficient, r.values.pay])).toEqual([
      ['周德明', 96, '优秀', 1, 1.2, 36000],
      ['郭红梅', 87.5, '称职', 2, 1, 24000],
      ['孙丽', 78, '称职', 3, 1, 21000],
      ['李强', 70, '基本称职', 4, 0.8, 16000],
      ['赵敏', 52, '不称职', 5, 0.5, 10000],
    ]);
    expect(resultOf(a, '周德明').indicators).toEqual({ partyWork: 24.5, economy: 18.5, livelihood: 14.5, safety: 14.5, ecology: 9.5, satisfaction: 14.5 });
    expect(a.results.flatMap(flagTexts)).toEqual([]);
    expect(resultOf(a, '赵敏').fallsShort).toBe(true);
    expect(a.columns.filter((c) => c.id === 'coefficient' || c.id === 'pay').map((c) => c.label)).toEqual(['绩效报酬系数', '绩效报酬']);
  });

  it('caps a score over its maximum and warns with its cell', async () => {
    const a = assessmentOf(
      await runSheets([
        ledger([
          ['周德明', '额尔敦嘎查', '党支部书记', 30, 18, 14, 14, 9, 14, '无', 30000],
          ['郭红梅', '额尔敦嘎查', '主任', 20, 15, 12, 12, 8, 16, '无', 24000],
        ]),
      ]),
      'village-cadre',
    );
    expect(resultOf(a, '周德明').indicators.partyWork).toBe(25);
    expect(resultOf(a, '周德明').score).toBe(94);
    expect(resultOf(a, '郭红梅').indicators.satisfaction).toBe(15);
    const warnings = warningTexts(a.warnings);
    expect(warnings.some((w) => w.startsWith('2024年度村干部考评!E4: ') && w.includes('25'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('2024年度村干部考评!J5: ') && w.includes('15'))).toBe(true);
  });

  it('makes any veto text but blank or 无 不称职, with the flag naming it, and pays the lowest coefficient', async () => {
    const a = assessmentOf(
      await runSheets([
        ledger([
          ['周德明', '额尔敦嘎查', '党支部书记', 25, 20, 15, 15, 10, 15, '发生重大安全生产事故', 30000],
          ['郭红梅', '额尔敦嘎查', '主任', 20, 15, 12, 12, 8, 13, '无', 24000],
          ['李强', '乌兰嘎查', '委员', 20, 15, 12, 12, 8, 13, null, 20000],
        ]),
      ]),
      'village-cadre',
    );
    const vetoed = resultOf(a, '周德明');
    expect([vetoed.score, vetoed.grade, vetoed.fallsShort, vetoed.values.coefficient, vetoed.values.pay]).toEqual([100, '不称职', true, 0.5, 15000]);
    expect(vetoed.flags).toEqual([expect.objectContaining({ rule: 'veto:veto', message: '一票否决：发生重大安全生产事故', cells: ['2024年度村干部考评!K4'] })]);
    expect(resultOf(a, '郭红梅').grade).toBe('称职');
    expect(resultOf(a, '李强').flags).toEqual([]);
  });

  it('keeps 优秀 to ⌊20% × N⌋: the rest drop to 称职 with a note, and ties at the cut-off drop together', async () => {
    const full = (name: string, total: number): Row => [name, '额尔敦嘎查', '委员', 25, 20, 15, 15, 10, total - 85, '无', 20000];
    // N = 10: two may keep 优秀; 98 keeps it, the two 95s are tied at the cut-off and both drop.
    const rows = [full('甲', 98), full('乙', 95), full('丙', 95), ...['丁', '戊', '己', '庚', '辛', '壬', '癸'].map((n) => full(n, 88))];
    const a = assessmentOf(await runSheets([ledger(rows)]), 'village-cadre');
    expect(['甲', '乙', '丙', '丁'].map((n) => [n, resultOf(a, n).grade, resultOf(a, n).rank])).toEqual([
      ['甲', '优秀', 1],
      ['乙', '称职', 2],
      ['丙', '称职', 2],
      ['丁', '称职', 4],
    ]);
    expect(noteTexts(resultOf(a, '丁'))).toEqual([]);
    expect(noteTexts(resultOf(a, '乙'))).toEqual(['优秀名额为10名中的20%（2名），得分 95 处于名额线及以下（含同分），评为称职']);
    expect(noteTexts(resultOf(a, '甲'))).toEqual([]);
    expect(resultOf(a, '乙').values.coefficient).toBe(1);
    expect(resultOf(a, '乙').values.pay).toBe(20000);
    expect(resultOf(a, '甲').values.pay).toBe(24000);
  });

  it('gives no one 优秀 when ⌊20% × N⌋ is 0', async () => {
    const a = assessmentOf(
      await runSheets([
        ledger([
          ['甲', '额尔敦嘎查', '委员', 25, 20, 15, 15, 10, 15, '无', 20000],
          ['乙', '额尔敦嘎查', '委员', 20, 15, 12, 12, 8, 13, '无', 20000],
        ]),
      ]),
      'village-cadre',
    );
    expect(a.results.map((r) => r.grade)).toEqual(['称职', '称职']);
    expect(noteTexts(resultOf(a, '甲'))[0]).toContain('评为称职');
  });
});
