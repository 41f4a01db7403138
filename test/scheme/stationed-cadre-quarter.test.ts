import { describe, expect, it } from 'vitest';
import { cadreRow, ledger } from '../fixtures/ledgers';
import { assessmentOf, flagTexts, noteTexts, resultOf, runSheets } from './helpers';

/** Ten cadres: 甲 100; 乙 and 丙 98 (领导评分 80); 丁–辛 85 (群众测评 50, 领导评分 0); 壬 70; 癸 50. */
const may = [
  cadreRow(1, '甲'),
  cadreRow(2, '乙', { leader: 80 }),
  cadreRow(3, '丙', { leader: 80 }),
  ...['丁', '戊', '己', '庚', '辛'].map((n, i) => cadreRow(4 + i, n, { leader: 0, people: 50 })),
  cadreRow(9, '壬', { leader: 0, people: 0, days: 5 }),
  cadreRow(10, '癸', { leader: 0, people: 0, days: 5, households: 100 }),
];
// In April 癸 is missing, and 甲 scored 90 (days 5).
const april = may.filter((r) => r[1] !== '癸').map((r) => (r[1] === '甲' ? cadreRow(1, '甲', { days: 5 }) : r));

describe('驻村干部季度评星定档 (stationed-cadre-quarter)', () => {
  it('scores a quarter as the mean of the monthly totals of the months some ledger covers, and says the uncovered month once', async () => {
    const run = await runSheets([ledger('2024年4月台账', april), ledger('2024年5月台账', may)]);
    const monthly = run.cadres.cadres;
    expect(monthly.find((c) => c.name === '甲' && c.period === '2024-04')?.score).toBe(90);
    expect(monthly.find((c) => c.name === '癸' && c.period === '2024-05')?.score).toBe(50);
    const a = assessmentOf(run, 'stationed-cadre-quarter');
    expect(a.periods).toEqual(['2024-Q2']);
    expect(a.notes.map((n) => n.message)).toEqual(['“驻村干部季度评星定档”2024年第二季度：2024年6月无任何台账，按有台账的月份计。']);
    expect(Object.fromEntries(a.results.map((r) => [r.name, r.score]))).toEqual({ 甲: 95, 乙: 98, 丙: 98, 丁: 85, 戊: 85, 己: 85, 庚: 85, 辛: 85, 壬: 70, 癸: 50 });
    expect(a.results.map((r) => r.rank)).toEqual([1, 1, 3, 4, 4, 4, 4, 4, 9, 10]);
    expect(resultOf(a, '乙').source).toEqual({ sheet: '2024年4月台账', row: 3 });
  });

  it('flags a cadre missing from a covered month, naming the month', async () => {
    const a = assessmentOf(await runSheets([ledger('2024年4月台账', april), ledger('2024年5月台账', may)]), 'stationed-cadre-quarter');
    expect(flagTexts(resultOf(a, '癸'))).toContain('4月无台账记录');
    expect(resultOf(a, '癸').values.monthsMissing).toBe(1);
    expect(a.results.filter((r) => flagTexts(r).some((f) => f.includes('无台账记录'))).map((r) => r.name)).toEqual(['癸']);
  });

  it('gives five stars to at most ⌊20% × N⌋, drops everyone tied at the cut-off to four with a note, and flags the bottom 20%', async () => {
    const a = assessmentOf(await runSheets([ledger('2024年4月台账', april), ledger('2024年5月台账', may)]), 'stationed-cadre-quarter');
    // N = 10: two may keep 优秀; 乙 and 丙 (98) are the first two, so both keep it; 甲 (95) is past the quota.
    expect(['乙', '丙', '甲', '丁'].map((n) => [n, resultOf(a, n).grade, resultOf(a, n).stars, resultOf(a, n).rank])).toEqual([
      ['乙', '优秀', 5, 1],
      ['丙', '优秀', 5, 1],
      ['甲', '良好', 4, 3],
      ['丁', '良好', 4, 4],
    ]);
    expect(noteTexts(resultOf(a, '甲'))).toEqual(['优秀名额为10名中的20%（2名），得分 95 处于名额线及以下（含同分），评为良好']);
    expect(noteTexts(resultOf(a, '乙'))).toEqual([]);
    // ⌈20% × 10⌉ = 2 lowest.
    expect(a.results.filter((r) => flagTexts(r).includes('排名后20%')).map((r) => r.name)).toEqual(['壬', '癸']);
    expect(resultOf(a, '壬').fallsShort).toBe(true);
  });

  it('drops all tied at the cut-off when they are more than the quota', async () => {
    // Five cadres in one month: one may keep 优秀, and 甲 and 乙 are tied at 100.
    const rows = [cadreRow(1, '甲'), cadreRow(2, '乙'), cadreRow(3, '丙', { leader: 80 }), cadreRow(4, '丁', { leader: 0, people: 50 }), cadreRow(5, '戊', { leader: 0, people: 0 })];
    const a = assessmentOf(await runSheets([ledger('2024年7月台账', rows)]), 'stationed-cadre-quarter');
    expect(a.results.map((r) => [r.name, r.grade, r.stars])).toEqual([
      ['甲', '良好', 4],
      ['乙', '良好', 4],
      ['丙', '良好', 4],
      ['丁', '良好', 4],
      ['戊', '良好', 4],
    ]);
    expect(noteTexts(resultOf(a, '甲'))[0]).toBe('优秀名额为5名中的20%（1名），得分 100 处于名额线及以下（含同分），评为良好');
    expect(a.notes.map((n) => n.message)).toEqual(['“驻村干部季度评星定档”2024年第三季度：2024年8月、2024年9月无任何台账，按有台账的月份计。']);
  });
});
