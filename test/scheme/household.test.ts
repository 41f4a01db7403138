import { describe, expect, it } from 'vitest';
import { sheet } from '../fixtures/workbook';
import { HOUSEHOLD_HEADER, assessmentOf, flagTexts, resultOf, runSheets, warningTexts } from './helpers';

const BOTTOM = '后20%：补位调整或取消中心户资格';

/** 民主测评 × 0.6 + min(10, 2 × 宣传) + min(10, 2 × 帮代办) + min(10, 征求) + min(10, 5 × 调解), to 2 decimals. */
const expected = (rating: number, publicity: number, service: number, opinions: number, mediation: number) =>
  Math.round((rating * 0.6 + Math.min(10, 2 * publicity) + Math.min(10, 2 * service) + Math.min(10, opinions) + Math.min(10, 5 * mediation)) * 100) / 100;

describe('党员中心户季度测评 (household)', () => {
  it('scores each household by the seed-003 formula, to 2 decimals, and bands it', async () => {
    const rows: [string, string, number, number, number, number, number][] = [
      ['贾志强', '巴彦嘎查', 83, 1, 6, 2, 2],
      ['牧仁', '宝力根嘎查', 81.7, 2, 5, 2, 2],
      ['王芳', '巴彦嘎查', 95, 6, 6, 12, 3],
      ['呼日乐', '哈拉图嘎查', 60, 0, 0, 0, 0],
      ['宋慧敏', '查干诺尔嘎查', 92, 3, 4, 8, 1],
    ];
    const q1 = sheet('一季度中心户测评', [['巴彦宝力格镇2024年第一季度党员中心户测评表'], HOUSEHOLD_HEADER, ...rows.map((r, i) => [i + 1, ...r])]);
    const a = assessmentOf(await runSheets([q1]), 'household');
    expect(a.periods).toEqual(['2024-Q1']);
    for (const [name, group, ...n] of rows) {
      const r = resultOf(a, name, '2024-Q1');
      expect(r.score, name).toBe(expected(...(n as [number, number, number, number, number])));
      expect(r.group).toBe(group);
    }
    expect(resultOf(a, '牧仁').score).toBe(75.02);
    expect(resultOf(a, '牧仁').indicators).toEqual({ rating: 49.02, publicity: 4, service: 10, opinions: 2, mediation: 10 });
    expect(resultOf(a, '王芳').indicators).toEqual({ rating: 57, publicity: 10, service: 10, opinions: 10, mediation: 10 });
    expect(a.results.map((r) => [r.name, r.grade, r.rank])).toEqual([
      ['王芳', '优秀', 1],
      ['宋慧敏', '良好', 2],
      ['牧仁', '良好', 3],
      ['贾志强', '合格', 4],
      ['呼日乐', '不合格', 5],
    ]);
    // ⌈20% × 5⌉ = 1: only the lowest is flagged, with the action.
    expect(a.results.filter((r) => flagTexts(r).includes(BOTTOM)).map((r) => r.name)).toEqual(['呼日乐']);
    expect(resultOf(a, '呼日乐').fallsShort).toBe(true);
    expect(resultOf(a, '贾志强').fallsShort).toBe(false);
    expect(resultOf(a, '贾志强').source).toEqual({ sheet: '一季度中心户测评', row: 3 });
  });

  it('ranks each quarter on its own across the workbook: the quarter from the title, or from the sheet name', async () => {
    const q1 = sheet('一季度', [['2024年第一季度党员中心户测评表'], HOUSEHOLD_HEADER, [1, '甲', '巴彦嘎查', 90, 5, 5, 10, 2], [2, '乙', '乌兰嘎查', 70, 1, 1, 1, 0]]);
    // No quarter in the title: the sheet name gives it; the second sheet's households rank with the first's of Q2.
    const q2a = sheet('2024年第二季度（巴彦）', [['党员中心户民主测评及履职情况统计表'], HOUSEHOLD_HEADER, [1, '甲', '巴彦嘎查', 60, 0, 0, 0, 0], [2, '丙', '巴彦嘎查', 80, 2, 2, 2, 1]]);
    const q2b = sheet('2024年第二季度（乌兰）', [['党员中心户民主测评及履职情况统计表'], HOUSEHOLD_HEADER, [1, '乙', '乌兰嘎查', 100, 5, 5, 10, 2], [2, '丁', '乌兰嘎查', 75, 1, 1, 1, 1]]);
    const a = assessmentOf(await runSheets([q1, q2a, q2b]), 'household');
    expect(a.periods).toEqual(['2024-Q1', '2024-Q2']);
    expect(a.results.map((r) => [r.period, r.name, r.rank, r.of])).toEqual([
      ['2024-Q1', '甲', 1, 2],
      ['2024-Q1', '乙', 2, 2],
      ['2024-Q2', '乙', 1, 4],
      ['2024-Q2', '丙', 2, 4],
      ['2024-Q2', '丁', 3, 4],
      ['2024-Q2', '甲', 4, 4],
    ]);
    expect(resultOf(a, '乙', '2024-Q1').source).toEqual({ sheet: '一季度', row: 4 });
    expect(resultOf(a, '乙', '2024-Q2').source).toEqual({ sheet: '2024年第二季度（乌兰）', row: 3 });
    expect(flagTexts(resultOf(a, '甲', '2024-Q2'))).toEqual([BOTTOM]);
    expect(flagTexts(resultOf(a, '甲', '2024-Q1'))).toEqual([]);
  });

  it('flags the lowest ⌈20% × N⌉ and everyone tied with them', async () => {
    // N = 6: ⌈1.2⌉ = 2 lowest, and the third is tied with the second.
    const rows = [
      ['甲', 100, 5, 5, 10, 2],
      ['乙', 90, 5, 5, 10, 2],
      ['丙', 80, 5, 5, 10, 2],
      ['丁', 70, 0, 0, 0, 0],
      ['戊', 70, 0, 0, 0, 0],
      ['己', 50, 0, 0, 0, 0],
    ];
    const s = sheet('2024年第三季度中心户测评', [HOUSEHOLD_HEADER, ...rows.map((r, i) => [i + 1, r[0], '巴彦嘎查', ...r.slice(1)])]);
    const a = assessmentOf(await runSheets([s]), 'household');
    expect(a.results.map((r) => [r.name, r.rank, flagTexts(r).includes(BOTTOM)])).toEqual([
      ['甲', 1, false],
      ['乙', 2, false],
      ['丙', 3, false],
      ['丁', 4, true],
      ['戊', 4, true],
      ['己', 6, true],
    ]);
  });

  it('flags no one when everyone is tied with the best', async () => {
    const rows = ['甲', '乙', '丙', '丁', '戊'].map((n, i) => [i + 1, n, '巴彦嘎查', 80, 2, 2, 2, 1]);
    const a = assessmentOf(await runSheets([sheet('2024年第一季度', [HOUSEHOLD_HEADER, ...rows])]), 'household');
    expect(a.results.map((r) => r.rank)).toEqual([1, 1, 1, 1, 1]);
    expect(a.results.flatMap(flagTexts)).toEqual([]);
    expect(a.results.every((r) => r.score === 63 && r.grade === '合格' && !r.fallsShort)).toBe(true);
  });

  it('scores a missing or 不详 rating 0 and flags it with its cell, never silently', async () => {
    const s = sheet('2024年第二季度中心户测评', [
      ['党员中心户民主测评及履职情况统计表'],
      HOUSEHOLD_HEADER,
      [1, '贾志强', '巴彦嘎查', null, 2, 2, 2, 1],
      [2, '牧仁', '宝力根嘎查', '不详', 2, 2, 2, 1],
      [3, '宋慧敏', '查干诺尔嘎查', 80, 2, 2, 2, 1],
    ]);
    const a = assessmentOf(await runSheets([s]), 'household');
    for (const [name, cell] of [['贾志强', 'D3'], ['牧仁', 'D4']] as const) {
      const r = resultOf(a, name);
      expect(r.indicators.rating, name).toBe(0);
      expect(r.score, name).toBe(15);
      const flag = r.flags.find((f) => f.rule.startsWith('missing:'));
      expect(flag?.message, name).toContain(`2024年第二季度中心户测评!${cell}`);
      expect(flag?.message, name).toContain('民主测评');
      expect(flag?.cells).toEqual([`2024年第二季度中心户测评!${cell}`]);
    }
    expect(warningTexts(a.warnings)).toContain('2024年第二季度中心户测评!D4: “不详” 不是有效的民主测评得分');
    expect(resultOf(a, '宋慧敏').flags).toEqual([]);
  });

  it('bands at the boundaries: 90 is 优秀, 75 良好, 60 合格, just under each the band below', async () => {
    // 民主测评 × 0.6 plus 30 points from the other four (5 talks, 5 errands, 10 opinions, no mediation).
    const ratings: [string, number, string][] = [
      ['甲', 100, '优秀'],
      ['乙', 99.95, '良好'],
      ['丙', 75, '良好'],
      ['丁', 74.95, '合格'],
      ['戊', 50, '合格'],
      ['己', 49.95, '不合格'],
    ];
    const rows = ratings.map(([name, rating], i) => [i + 1, name, '巴彦嘎查', rating, 5, 5, 10, 0]);
    const a = assessmentOf(await runSheets([sheet('2024年第四季度', [HOUSEHOLD_HEADER, ...rows])]), 'household');
    expect(ratings.map(([name]) => [name, resultOf(a, name).score, resultOf(a, name).grade])).toEqual([
      ['甲', 90, '优秀'],
      ['乙', 89.97, '良好'],
      ['丙', 75, '良好'],
      ['丁', 74.97, '合格'],
      ['戊', 60, '合格'],
      ['己', 59.97, '不合格'],
    ]);
  });
});
