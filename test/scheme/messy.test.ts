import { describe, expect, it } from 'vitest';
import { sheet } from '../fixtures/workbook';
import { VILLAGE_HEADER, villageMerges, assessmentOf, flagTexts, resultOf, runSheets, warningTexts } from './helpers';

describe('messy ledgers of the declared assessments', () => {
  it('reads a household ledger with traditional headers, a 合计 row, 不详 and a rating over 100, each warning naming its cell', async () => {
    const s = sheet('2024年第二季度', [
      ['巴彦宝力格镇黨員中心戶測評表'],
      ['序號', '姓名', '所在嘎查（支部）', '民主測評得分', '政策宣傳（次）', '幫代辦服務（件）', '徵求意見（條）', '調解糾紛（起）', '備註'],
      [1, '贾志强', '巴彦嘎查', 84, 0, 3, 3, 2],
      [2, '牧仁', '宝力根嘎查', 105, 6, 1, 0, 2],
      [3, '宋慧敏', '查干诺尔嘎查', 62, '不详', 3, 3, 1],
      ['合计', null, null, 251, 9, 7, 6, 5],
    ]);
    const run = await runSheets([s]);
    expect(run.sheets.find((x) => x.sheet === '2024年第二季度')).toMatchObject({ role: 'ledger', kind: 'household/household' });
    const a = assessmentOf(run, 'household');
    // The quarter comes from the sheet name; the 合计 row is no household.
    expect(a.results.map((r) => [r.name, r.period, r.score])).toEqual([
      ['贾志强', '2024-Q2', 69.4],
      ['宋慧敏', '2024-Q2', 51.2],
      ['牧仁', '2024-Q2', 22],
    ]);
    expect(resultOf(a, '贾志强').indicators).toEqual({ rating: 50.4, publicity: 0, service: 6, opinions: 3, mediation: 10 });
    expect(warningTexts(a.warnings)).toEqual(['2024年第二季度!D4: 民主测评得分 105 超出 0~100', '2024年第二季度!E5: “不详” 不是有效的政策宣传']);
    expect(flagTexts(resultOf(a, '牧仁'))).toEqual(['民主测评：“民主测评得分”数值不可能，不计分（2024年第二季度!D4）', '后20%：补位调整或取消中心户资格']);
    expect(flagTexts(resultOf(a, '宋慧敏'))).toEqual(['政策宣传：“政策宣传”填写无法识别，不计分（2024年第二季度!E5）']);
  });

  it('takes the quarter from the title when the sheet name has none', async () => {
    const s = sheet('中心户测评', [
      ['巴彦宝力格镇2024年第三季度党员中心户测评表'],
      ['序号', '中心户户主', '所属支部', '民主测评', '宣传次数', '帮办代办', '收集意见', '调处纠纷'],
      [1, '贾志强', '巴彦嘎查党支部', 90, 5, 5, 10, 2],
    ]);
    const a = assessmentOf(await runSheets([s]), 'household');
    expect(a.results.map((r) => [r.name, r.group, r.period, r.score, r.grade])).toEqual([['贾志强', '巴彦嘎查党支部', '2024-Q3', 94, '优秀']]);
  });

  it('reads a village-cadre ledger with a merged two-row header, a 合计 row, 不详 and a score over its maximum', async () => {
    const s = sheet(
      '村干部考评',
      [
        ['2024年度嘎查“两委”干部目标考核评分表'],
        ...VILLAGE_HEADER,
        [1, '周德明', '额尔敦嘎查', '党支部书记', 24.5, 18.5, 14.5, 14.5, 9.5, 14.5, '无', 30000],
        [2, '郭红梅', '额尔敦嘎查', '主任', 21.5, 17.5, '不详', 13.5, 12, 13, null, 24000],
        ['合计', null, null, null, 46, 36, 14.5, 28, 21.5, 27.5, null, 54000],
      ],
      villageMerges(2),
    );
    const run = await runSheets([s]);
    const a = assessmentOf(run, 'village-cadre');
    expect(a.results.map((r) => [r.name, r.period, r.score, r.grade])).toEqual([
      ['周德明', '2024', 96, '称职'],
      ['郭红梅', '2024', 75.5, '称职'],
    ]);
    expect(resultOf(a, '郭红梅').indicators).toEqual({ partyWork: 21.5, economy: 17.5, livelihood: 0, safety: 13.5, ecology: 10, satisfaction: 13 });
    expect(flagTexts(resultOf(a, '郭红梅'))).toEqual(['民生实事：“民生实事”填写无法识别，不计分（村干部考评!G5）']);
    const warnings = warningTexts(a.warnings);
    expect(warnings).toContain('村干部考评!G5: “不详” 不是有效的民生实事');
    expect(warnings.filter((w) => w.startsWith('村干部考评!I5: '))).toHaveLength(1);
    expect(warnings.every((w) => /^村干部考评![A-L]\d+: /.test(w))).toBe(true);
  });

  it('reads the quarter from a 季度 column written in several ways, says a year row and a second row of one quarter by their cells', async () => {
    const s = sheet('中心户测评台账', [
      ['党员中心户测评表'],
      ['序号', '姓名', '所在嘎查（支部）', '季度', '民主测评得分', '政策宣传', '帮代办服务', '征求意见', '调解纠纷'],
      [1, '甲', '巴彦嘎查', '2024年第一季度', 80, 1, 1, 1, 1],
      [2, '乙', '巴彦嘎查', '2024年一季度', 70, 1, 1, 1, 1],
      [3, '甲', '巴彦嘎查', '2024Q2', 90, 1, 1, 1, 1],
      [4, '甲', '巴彦嘎查', '2024年第二季度', 60, 1, 1, 1, 1],
      [5, '丙', '巴彦嘎查', '2024年', 60, 1, 1, 1, 1],
    ]);
    const a = assessmentOf(await runSheets([s]), 'household');
    expect(a.results.map((r) => [r.name, r.period, r.score, r.source?.row])).toEqual([
      ['甲', '2024-Q1', 58, 3],
      ['乙', '2024-Q1', 52, 4],
      ['甲', '2024-Q2', 64, 5],
    ]);
    expect(warningTexts(a.warnings)).toEqual([
      '中心户测评台账!D7: “党员中心户季度测评”按季度考评，此行的期间 2024年 长于一个季度，未计入',
      '中心户测评台账!B6: 甲 在 2024年第二季度 已有一行（中心户测评台账!B5），此行未计入',
    ]);
  });
});
