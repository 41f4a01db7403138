import { describe, expect, it } from 'vitest';
import { assessWorkbook } from '../../src/core/assess/assess';
import { cadreSummary, summaryText } from '../../src/core/results/summary';
import { cadreRow, ledger } from '../fixtures/ledgers';
import { defaultPack } from '../fixtures/pack';
import { snapshotOf } from '../fixtures/workbook';

const pack = defaultPack();

const MAY = [
  cadreRow(1, '巴特尔', { village: '宝力格嘎查' }),
  cadreRow(2, '张伟', { village: '宝力格嘎查', days: 8, five: ['×', '×', '√', '√', '√'] }),
  cadreRow(3, '其木格', { village: '额很嘎查', households: 30, visits: 3, leader: 85, people: 80 }),
  cadreRow(4, '孟和', { village: '额很嘎查', days: 3, households: 40, visits: 2, five: [0, 0, 1, 0, 1], promised: 5, fulfilled: 2, leader: 60, people: 55 }),
  cadreRow(5, '白音仓', { village: '额很嘎查', households: 0, visits: 0, people: null }),
];
const JUNE = [
  cadreRow(1, '巴特尔', { village: '宝力格嘎查' }),
  cadreRow(2, '张伟', { village: '宝力格嘎查', days: 9 }),
  cadreRow(3, '孟和', { village: '额很嘎查', days: '不详', households: 40, visits: 3, five: [0, 0, 0, 0, 1], promised: 5, fulfilled: 2, leader: 60, people: 60 }),
];

async function summaryOf(...sheets: Parameters<typeof snapshotOf>) {
  const a = await assessWorkbook(await snapshotOf(...sheets), pack);
  return { a, s: cadreSummary(a, pack) };
}

const sentences = (text: string) => text.split(/(?<=。)/).map((x) => x.trim()).filter(Boolean);

describe('the summary of one month', () => {
  it('follows the skeleton, and every sentence carries a figure or a name', async () => {
    const { a, s } = await summaryOf(ledger('2024年5月', MAY));
    expect(s.title).toBe('2024年5月驻村干部月度考核情况');
    expect(s.sections.map((x) => x.heading)).toEqual(['一、基本情况', '二、主要成效', '三、存在问题', '四、下步打算']);
    const names = a.cadres.map((c) => c.name);
    for (const section of s.sections) {
      for (const sentence of section.sentences.flatMap(sentences)) {
        const carries = /\d/.test(sentence) || names.some((n) => sentence.includes(n));
        expect(carries, sentence).toBe(true);
      }
    }
  });

  it('gives the figures of the month', async () => {
    const { s } = await summaryOf(ledger('2024年5月', MAY));
    const [basics, results, problems, plans] = s.sections.map((x) => x.sentences.join(''));
    expect(basics).toBe('2024年5月共考评驻村干部5名，覆盖2个村（嘎查），数据来自1张台账。平均得分74.0分，最高100分（巴特尔），最低25.5分（孟和）。');
    expect(results).toContain('等次分布：优秀1名（20.0%），良好2名（40.0%），合格1名（20.0%），基本合格0名（0.0%），不合格1名（20.0%）。');
    expect(results).toContain('下基层天数得满分（20分）的3名，占60.0%，平均16.4分。');
    expect(problems).toContain('下基层天数不足10天：2名（张伟8天、孟和3天）。');
    expect(problems).toContain('入户率低于20%：2名（其木格10.0%、孟和5.0%）。');
    expect(problems).toContain('五个一未完成：2名（张伟缺一事一议项目、经济合作社；孟和缺一事一议项目、经济合作社、带领致富能手）。');
    expect(problems).toContain('联系户数为0，无法计算入户率：1名（白音仓）。');
    expect(problems).toContain('台账中有1处数据需要核实（如2024年5月!O6）。');
    expect(plans).toContain('对考评为不合格的1名干部（孟和）逐一约谈，限期一个月整改。');
    expect(plans).toContain('对排名后20%的1名（孟和）实行动态管理，下月重点跟踪。');
  });

  it('says when there is nothing to assess', async () => {
    const a = await assessWorkbook(await snapshotOf(ledger('2024年5月', MAY)), pack, { period: '2024-07' });
    const s = cadreSummary(a, pack);
    expect(summaryText(s)).toBe('驻村干部月度考核情况\n一、基本情况\n本期没有可考评的记录。');
  });
});

describe('the summary of several months', () => {
  it('names the month beside a name, counts people once, and counts only the ledgers used', async () => {
    const april = ledger('2024年4月', [cadreRow(1, '其木格', { village: '额很嘎查' }), cadreRow(2, '巴特尔', { village: '宝力格嘎查', leader: 90 })]);
    const a = await assessWorkbook(await snapshotOf(april, ledger('2024年5月', MAY), ledger('2024年6月', JUNE)), pack, { period: '2024-Q2' });
    const text = summaryText(cadreSummary(a, pack));
    expect(text).toContain('2024年第二季度共考评驻村干部5名（10人次），覆盖2个村（嘎查），数据来自3张台账。');
    expect(text).toContain('最高100分（其木格4月、巴特尔5月、巴特尔6月），最低16分（孟和6月）。');
    expect(text).toContain('排名后20%：3人次（2人，巴特尔4月、孟和5月、孟和6月）。');
    expect(text).toContain('下基层天数不足10天：3人次（2人，张伟5月8天、孟和5月3天、张伟6月9天）。');
    expect(text).toContain('五个一未完成：3人次（2人，张伟5月缺一事一议项目、经济合作社；孟和5月缺一事一议项目、经济合作社、带领致富能手；孟和6月缺一事一议项目、经济合作社、联系党员中心户、带领致富能手）。');
    expect(text).toContain('对考评为不合格的1名干部（孟和，共2人次）逐一约谈');

    expect(text).toMatch(/等次分布：优秀\d+人次（\d+人，[\d.]+%）/);
    expect(text).toContain('不合格2人次（1人，20.0%）');

    const may = await assessWorkbook(await snapshotOf(april, ledger('2024年5月', MAY), ledger('2024年6月', JUNE)), pack, { period: '2024-05' });
    expect(summaryText(cadreSummary(may, pack))).toContain('数据来自1张台账');
  });
});

describe('the summary in English', () => {
  it('says the same figures in English, a cadre over one month counted once', async () => {
    const a = await assessWorkbook(await snapshotOf(ledger('2024年5月', MAY)), pack);
    const s = cadreSummary(a, pack, 'en');
    expect(s.sections.map((x) => x.heading)).toEqual(['1. Overview', '2. Achievements', '3. Problems', '4. Next steps']);
    const [basics, results, problems, plans] = s.sections.map((x) => x.sentences.join(' '));
    expect(basics).toBe('5 stationed cadres assessed in 2024-05, in 2 villages, from 1 ledger sheets. Mean score 74.0; highest 100 (巴特尔); lowest 25.5 (孟和).');
    expect(results).toContain('Grades: excellent 1 (20.0%), good 2 (40.0%), satisfactory 1 (20.0%), basically satisfactory 0 (0.0%), unsatisfactory 1 (20.0%).');
    expect(problems).toMatch(/^[A-Z]/);
    expect(plans).toContain('Talk to each of the 1 cadres graded unsatisfactory (孟和) and give them a month to improve.');
    expect(summaryText(s)).not.toMatch(/[，。：；]|人次/);
  });

  it('counts people and person-periods apart over a quarter', async () => {
    const april = ledger('2024年4月', [cadreRow(1, '其木格', { village: '额很嘎查' }), cadreRow(2, '巴特尔', { village: '宝力格嘎查', leader: 90 })]);
    const a = await assessWorkbook(await snapshotOf(april, ledger('2024年5月', MAY), ledger('2024年6月', JUNE)), pack, { period: '2024-Q2' });
    const text = summaryText(cadreSummary(a, pack, 'en'));
    expect(text).toContain('5 stationed cadres assessed in 2024-Q2 (10 person-periods), in 2 villages, from 3 ledger sheets.');
    expect(text).toContain('unsatisfactory 2 person-periods (1 person, 20.0%)');
    expect(text).toContain('(2 people, 巴特尔 (2024-04), 孟和 (2024-05), 孟和 (2024-06))');
  });
});
