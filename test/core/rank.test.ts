import { describe, expect, it } from 'vitest';
import { assessWorkbook } from '../../src/core/assess/assess';
import { gradeFor, starText } from '../../src/core/assess/grade';
import { bottomShare, competitionRanks } from '../../src/core/assess/rank';
import { cadreRow, ledger } from '../fixtures/ledgers';
import { defaultPack } from '../fixtures/pack';
import { snapshotOf } from '../fixtures/workbook';

const pack = defaultPack();

describe('grade bands', () => {
  it.each([
    [100, '优秀', 5],
    [90, '优秀', 5],
    [89.99, '良好', 4],
    [80, '良好', 4],
    [79.99, '合格', 3],
    [70, '合格', 3],
    [69.99, '基本合格', 2],
    [60, '基本合格', 2],
    [59.99, '不合格', 1],
    [0, '不合格', 1],
    [-5, '不合格', 1],
  ])('%d → %s %d★', (score, grade, stars) => {
    const band = gradeFor(pack.grades, score);
    expect([band.grade, band.stars]).toEqual([grade, stars]);
  });

  it('draws stars out of five', () => {
    expect(starText(4)).toBe('★★★★☆');
    expect(starText(1)).toBe('★☆☆☆☆');
  });
});

describe('ranks', () => {
  it('share a rank on a tie and skip the places the tie takes', () => {
    expect(competitionRanks([90, 85, 85, 70, 100])).toEqual([2, 3, 3, 5, 1]);
    expect(competitionRanks([80, 80, 80])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
  });
});

describe('the bottom 20%', () => {
  const scores = (n: number) => Array.from({ length: n }, (_, i) => 100 - i);
  const count = (flags: boolean[]) => flags.filter(Boolean).length;

  it('takes the lowest ⌈20% × N⌉ scores', () => {
    expect(count(bottomShare(scores(15), 0.2))).toBe(3);
    expect(count(bottomShare(scores(10), 0.2))).toBe(2);
    expect(count(bottomShare(scores(11), 0.2))).toBe(3);
    expect(count(bottomShare(scores(5), 0.2))).toBe(1);
    expect(count(bottomShare(scores(2), 0.2))).toBe(1);
    expect(bottomShare(scores(15), 0.2).slice(12)).toEqual([true, true, true]);
    expect(count(bottomShare(scores(10), 0))).toBe(0);
  });

  it('extends to every score tied with the last one taken', () => {
    const tied = [100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 89, 80, 80, 70];
    expect(count(bottomShare(tied, 0.2))).toBe(3);
    const tiedAcross = [100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 80, 80, 79, 70];
    expect(count(bottomShare(tiedAcross, 0.2))).toBe(4);
  });

  it('never takes a score tied with the best: a lone cadre, or a month where all scored the same', () => {
    expect(bottomShare([100], 0.2)).toEqual([false]);
    expect(count(bottomShare([60, 60, 60, 60, 60], 0.2))).toBe(0);
    expect(bottomShare([90, 90, 90, 90, 80], 0.2)).toEqual([false, false, false, false, true]);
    expect(bottomShare([90, 80, 80, 80, 80], 0.2)).toEqual([false, true, true, true, true]);
  });

  it('is ranked within each month of an assessment', async () => {
    // Fifteen cadres in May, 90 + 领导评分 ÷ 10 each: 30 and 35 and two at 40 are the bottom.
    const leaders = [100, 95, 90, 85, 80, 75, 70, 65, 60, 55, 50, 40, 40, 35, 30];
    const may = ledger('2024年5月', leaders.map((leader, i) => cadreRow(i + 1, `干部${i + 1}`, { leader })));
    const june = ledger('2024年6月', [cadreRow(1, '干部1', { leader: 0 }), cadreRow(2, '干部2'), cadreRow(3, '干部3'), cadreRow(4, '干部4'), cadreRow(5, '干部5', { leader: 0 })]);
    const a = await assessWorkbook(await snapshotOf(may, june), pack);

    const inMay = a.cadres.filter((c) => c.period === '2024-05');
    expect(inMay.map((c) => [c.name, c.score, c.rank, c.of])).toEqual(
      leaders.map((leader, i) => [`干部${i + 1}`, 90 + leader / 10, i < 12 ? i + 1 : i === 12 ? 12 : i + 1, 15]),
    );
    const bottom = (list: typeof inMay) => list.filter((c) => c.flags.some((f) => f.rule === 'ranking:bottom' && f.message === '排名后20%')).map((c) => c.name);
    expect(bottom(inMay)).toEqual(['干部12', '干部13', '干部14', '干部15']);

    const inJune = a.cadres.filter((c) => c.period === '2024-06');
    expect(inJune.map((c) => [c.name, c.rank])).toEqual([['干部2', 1], ['干部3', 1], ['干部4', 1], ['干部1', 4], ['干部5', 4]]);
    expect(bottom(inJune)).toEqual(['干部1', '干部5']);
  });
});
