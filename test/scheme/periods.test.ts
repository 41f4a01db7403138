import { describe, expect, it } from 'vitest';
import { cadreRow, ledger } from '../fixtures/ledgers';
import { sheet } from '../fixtures/workbook';
import { HOUSEHOLD_HEADER, VILLAGE_HEADER, villageMerges, assessmentOf, runSheets } from './helpers';

const household = (name: string, title: string) => sheet(name, [[title], HOUSEHOLD_HEADER, [1, '贾志强', '巴彦嘎查', 84, 1, 3, 3, 2], [2, '牧仁', '宝力根嘎查', 80, 6, 1, 0, 2]]);
const workbook = () => [
  household('一季度中心户', '2024年第一季度党员中心户测评表'),
  household('三季度中心户', '2024年第三季度党员中心户测评表'),
  household('去年四季度中心户', '2023年第四季度党员中心户测评表'),
  sheet('村干部考评', [['2024年度嘎查“两委”干部目标考核评分表'], ...VILLAGE_HEADER, [1, '周德明', '额尔敦嘎查', '书记', 24, 18, 14, 14, 9, 14, '无', 30000]], villageMerges(2)),
  ledger('2024年5月台账', [cadreRow(1, '甲'), cadreRow(2, '乙', { days: 8 })]),
  ledger('2024年11月台账', [cadreRow(1, '甲'), cadreRow(2, '乙')]),
];

describe('periods of each assessment’s own kind', () => {
  it('runs the year asked for as each quarter of a quarterly assessment with data and the year of a yearly one', async () => {
    const run = await runSheets(workbook(), { period: '2024' });
    const household = assessmentOf(run, 'household');
    expect(household.periods).toEqual(['2024-Q1', '2024-Q3']);
    expect([...new Set(household.results.map((r) => r.period))]).toEqual(['2024-Q1', '2024-Q3']);
    expect(assessmentOf(run, 'village-cadre').periods).toEqual(['2024']);
    expect(assessmentOf(run, 'village-cadre').results.map((r) => [r.name, r.period])).toEqual([['周德明', '2024']]);
    const quarter = assessmentOf(run, 'stationed-cadre-quarter');
    expect(quarter.periods).toEqual(['2024-Q2', '2024-Q4']);
    expect(quarter.results.map((r) => [r.period, r.name, r.score])).toEqual([
      ['2024-Q2', '甲', 100],
      ['2024-Q2', '乙', 96],
      ['2024-Q4', '甲', 100],
      ['2024-Q4', '乙', 100],
    ]);
  });

  it('runs a quarter asked for as that quarter only', async () => {
    const run = await runSheets(workbook(), { period: '2024-Q3' });
    expect(assessmentOf(run, 'household').periods).toEqual(['2024-Q3']);
    expect(assessmentOf(run, 'household').results).toHaveLength(2);
  });

  it('says a month asked of a yearly or quarterly assessment is not a whole period of its kind, and gives no results', async () => {
    const run = await runSheets(workbook(), { period: '2024-05' });
    const village = assessmentOf(run, 'village-cadre');
    expect(village.results).toEqual([]);
    expect(village.periods).toEqual([]);
    expect(village.notes.map((n) => n.message)).toEqual(['“村干部年度目标考评”按年度考评，所选期间 2024年5月 不是完整的年度，本次未考评。']);
    expect(village.notes.map((n) => n.messageEn)).toEqual(['"Village cadres, annual target assessment" is assessed by year; 2024-05 is not a whole year, so it was not assessed']);
    const household = assessmentOf(run, 'household');
    expect(household.results).toEqual([]);
    expect(household.notes[0]!.message).toBe('“党员中心户季度测评”按季度考评，所选期间 2024年5月 不是完整的季度，本次未考评。');
    expect(run.cadres.cadres.map((c) => c.period)).toEqual(['2024-05', '2024-05']);
  });

  it('with no period asked, judges every unit the data spans', async () => {
    const run = await runSheets(workbook());
    expect(assessmentOf(run, 'household').periods).toEqual(['2023-Q4', '2024-Q1', '2024-Q3']);
    expect(assessmentOf(run, 'village-cadre').periods).toEqual(['2024']);
    expect(assessmentOf(run, 'stationed-cadre-quarter').periods).toEqual(['2024-Q2', '2024-Q4']);
  });
});
