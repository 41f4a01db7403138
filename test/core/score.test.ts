import { describe, expect, it } from 'vitest';
import { assessWorkbook, type CadreResult } from '../../src/core/assess/assess';
import { cadreRow, type CadreInputs, ledger } from '../fixtures/ledgers';
import { defaultPack } from '../fixtures/pack';
import { percentCell, snapshotOf } from '../fixtures/workbook';

const pack = defaultPack();

/** Assesses one May ledger, a row per case, and returns each cadre's result by name. */
async function assessCases(cases: Record<string, Partial<CadreInputs>>) {
  const rows = Object.entries(cases).map(([name, inputs], i) => cadreRow(i + 1, name, inputs));
  const a = await assessWorkbook(await snapshotOf(ledger('2024年5月', rows)), pack);
  const byName = new Map(a.cadres.map((c) => [c.name, c]));
  return { a, get: (name: string) => byName.get(name)! };
}

const flags = (c: CadreResult) => c.flags.filter((f) => f.rule !== 'ranking:bottom').map((f) => f.message);

describe('下基层天数: 20 points from 10 days, else 2 a day', () => {
  it('scores each side of the boundary', async () => {
    const { get } = await assessCases({ 十天: { days: 10 }, 廿天: { days: 22 }, 九天: { days: 9 }, 一天: { days: 1 }, 零天: { days: 0 } });
    expect(get('十天').indicators.days).toBe(20);
    expect(flags(get('十天'))).toEqual([]);
    expect(get('廿天').indicators.days).toBe(20);
    expect(get('九天').indicators.days).toBe(18);
    expect(flags(get('九天'))).toEqual(['下基层天数不足10天（9天）']);
    expect(get('一天').indicators.days).toBe(2);
    expect(get('零天').indicators.days).toBe(0);
    expect(flags(get('零天'))).toEqual(['下基层天数不足10天（0天）']);
  });

  it('awards nothing for a missing or unreadable count, with a flag naming the column', async () => {
    const { get } = await assessCases({ 空白: { days: null }, 不详: { days: '不详' } });
    expect(get('空白').indicators.days).toBe(0);
    expect(get('空白').flags.find((f) => f.rule === 'missing:days')!.message).toBe('下基层天数：缺少“下基层天数”，不计分（2024年5月!D2）');
    expect(get('不详').flags.find((f) => f.rule === 'missing:days')!.message).toBe('下基层天数：“下基层天数”填写无法识别，不计分（2024年5月!D3）');
    expect(get('空白').score).toBe(80);
  });
});

describe('入户率 = 入户数 ÷ 联系户数: 20 from 20%, 10 from 10%', () => {
  it('scores each side of both boundaries', async () => {
    const { get } = await assessCases({
      二成: { households: 20, visits: 4 },
      一九九: { households: 1000, visits: 199 },
      一成: { households: 30, visits: 3 },
      九九: { households: 1000, visits: 99 },
      全部: { households: 5, visits: 5 },
    });
    expect(get('二成').indicators.visits).toBe(20);
    expect(flags(get('二成'))).toEqual([]);
    expect(get('一九九').indicators.visits).toBe(10);
    expect(flags(get('一九九'))).toEqual(['入户率低于20%（19.9%）']);
    expect(get('一成').indicators.visits).toBe(10);
    expect(flags(get('一成'))).toEqual(['入户率低于20%（10.0%）']);
    expect(get('九九').indicators.visits).toBe(0);
    expect(flags(get('九九'))).toEqual(['入户率低于20%（9.9%）']);
    expect(get('全部').indicators.visits).toBe(20);
  });

  it('awards nothing and flags 联系户数 of 0 or missing', async () => {
    const { get } = await assessCases({ 零户: { households: 0, visits: 0 }, 未填: { households: null }, 都空: { households: '—', visits: '—' } });
    expect(get('零户').indicators.visits).toBe(0);
    expect(flags(get('零户'))).toEqual(['联系户数为0，无法计算入户率']);
    expect(get('未填').indicators.visits).toBe(0);
    expect(flags(get('未填'))).toEqual(['入户率：缺少“联系户数”，不计分']);
    expect(flags(get('都空'))).toEqual(['入户率：缺少“联系户数”、“入户数”，不计分']);
  });
});

describe('五个一: 4 points an item, each item not done named', () => {
  const items = ['一事一议项目', '经济合作社', '联系党员中心户', '带领致富能手', '帮扶贫困户'];

  it.each(items.map((item, i) => [item, i] as const))('names %s when it is not done', async (item, i) => {
    const five = ['√', '√', '√', '√', '√'];
    five[i] = '×';
    const { get } = await assessCases({ 甲: { five } });
    expect(get('甲').indicators.fiveOnes).toBe(16);
    expect(flags(get('甲'))).toEqual([`五个一未完成：${item}`]);
  });

  it('adds up the items done and names every item not done in one flag', async () => {
    const { get } = await assessCases({ 全做: {}, 两项: { five: ['否', '√', '是', '无', 1] }, 全无: { five: [0, 0, 0, 0, 0] } });
    expect(get('全做').indicators.fiveOnes).toBe(20);
    expect(get('两项').indicators.fiveOnes).toBe(12);
    expect(flags(get('两项'))).toEqual(['五个一未完成：一事一议项目、带领致富能手']);
    expect(get('全无').indicators.fiveOnes).toBe(0);
    expect(flags(get('全无'))).toEqual([`五个一未完成：${items.join('、')}`]);
  });

  it('flags an item left blank as missing rather than as not done', async () => {
    const { get } = await assessCases({ 甲: { five: ['√', null, '√', '√', '√'] } });
    expect(get('甲').indicators.fiveOnes).toBe(16);
    expect(flags(get('甲'))).toEqual(['五个一：缺少“经济合作社”，不计分（2024年5月!H2）']);
  });
});

describe('承诺完成率 = 完成数 ÷ 承诺数: 20 from 90%, 15 from 80%, 10 from 60%', () => {
  it('scores each side of every boundary', async () => {
    const { get } = await assessCases({
      九成: { promised: 10, fulfilled: 9 },
      八成九: { promised: 100, fulfilled: 89 },
      八成: { promised: 10, fulfilled: 8 },
      七成九: { promised: 100, fulfilled: 79 },
      六成: { promised: 100, fulfilled: 60 },
      五成九: { promised: 100, fulfilled: 59 },
      全部: { promised: 3, fulfilled: 3 },
    });
    expect(get('九成').indicators.commitments).toBe(20);
    expect(get('八成九').indicators.commitments).toBe(15);
    expect(get('八成').indicators.commitments).toBe(15);
    expect(get('七成九').indicators.commitments).toBe(10);
    expect(get('六成').indicators.commitments).toBe(10);
    expect(flags(get('六成'))).toEqual([]);
    expect(get('五成九').indicators.commitments).toBe(0);
    expect(flags(get('五成九'))).toEqual(['承诺完成率低于60%（59.0%）']);
    expect(get('全部').indicators.commitments).toBe(20);
  });

  it('flags a cadre who made no commitment', async () => {
    const { get } = await assessCases({ 零项: { promised: 0, fulfilled: 0 }, 空白: { promised: '无', fulfilled: '无' } });
    expect(get('零项').indicators.commitments).toBe(0);
    expect(flags(get('零项'))).toEqual(['承诺数为0，无法计算承诺完成率']);
    expect(flags(get('空白'))).toEqual(['承诺完成率：缺少“承诺数”、“完成数”，不计分']);
  });
});

describe('双评 = 领导评分 × 10% + 群众测评 × 10%', () => {
  it('adds the two parts', async () => {
    const { get } = await assessCases({ 甲: { leader: 92, people: 88 }, 乙: { leader: '95分', people: '96%' }, 丙: { leader: 0, people: 0 } });
    expect(get('甲').indicators.rating).toBe(18);
    expect(get('乙').indicators.rating).toBe(19.1);
    expect(get('丙').indicators.rating).toBe(0);
    expect(flags(get('甲'))).toEqual([]);
  });

  it('reads a rating typed as 96% into a percentage cell, stored as 0.96, as 96', async () => {
    const { get } = await assessCases({ 甲: { leader: percentCell(0.92), people: percentCell(0.96) }, 乙: { leader: percentCell(1), people: percentCell(0.855) } });
    expect(get('甲').indicators.rating).toBe(18.8);
    expect(get('乙').indicators.rating).toBe(18.55);
  });

  it('warns about a missing rating at its cell and counts that part as 0, without a flag', async () => {
    const { a, get } = await assessCases({ 甲: {}, 韩雪梅: { leader: 90, people: null } });
    expect(get('韩雪梅').indicators.rating).toBe(9);
    expect(get('韩雪梅').score).toBe(89);
    expect(flags(get('韩雪梅'))).toEqual([]);
    expect(a.warnings).toEqual([
      { sheet: '2024年5月', cell: 'O3', period: '2024-05', message: '韩雪梅：双评：缺少“群众测评”，不计分', messageEn: '韩雪梅: Dual rating: "representatives\' rating" missing, no points' },
    ]);
  });
});

describe('the total and the grade', () => {
  it('adds the indicators up to 100 and grades at each band edge', async () => {
    // Everything else full (80 points); the dual rating sets the band.
    const low = { days: 5, households: 1000, visits: 199 };
    const { get } = await assessCases({
      满分: {},
      九十: { leader: 50, people: 50 },
      八九九: { leader: 50, people: 49 },
      八十: { leader: 0, people: 0 },
      七九九: { days: 9, leader: 10, people: 9 },
      七十: { days: 5, leader: 0, people: 0 },
      六九九: { ...low, leader: 50, people: 49 },
      六十: { ...low, leader: 0, people: 0 },
      五九九: { ...low, five: ['√', '√', '√', '√', '×'], leader: 20, people: 19 },
    });
    const gradeOf = (n: string) => [get(n).score, get(n).grade, get(n).stars];
    expect(gradeOf('满分')).toEqual([100, '优秀', 5]);
    expect(gradeOf('九十')).toEqual([90, '优秀', 5]);
    expect(gradeOf('八九九')).toEqual([89.9, '良好', 4]);
    expect(gradeOf('八十')).toEqual([80, '良好', 4]);
    expect(gradeOf('七九九')).toEqual([79.9, '合格', 3]);
    expect(gradeOf('七十')).toEqual([70, '合格', 3]);
    expect(gradeOf('六九九')).toEqual([69.9, '基本合格', 2]);
    expect(gradeOf('六十')).toEqual([60, '基本合格', 2]);
    expect(gradeOf('五九九')).toEqual([59.9, '不合格', 1]);
    expect(get('满分').indicators).toEqual({ days: 20, visits: 20, fiveOnes: 20, commitments: 20, rating: 20 });
  });
});
