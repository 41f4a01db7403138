/**
 * The committed example workbook, read through the real loader and assessed
 * end to end: what a township user would see for named cadres.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Assessment, assessWorkbook } from '../../src/core/assess/assess';
import { cadreSummary, summaryText } from '../../src/core/results/summary';
import { loadWorkbook } from '../../src/node/workbook-file';
import { defaultPack } from '../fixtures/pack';

const EXAMPLE = 'examples/驻村干部台账示例.xlsx';
const pack = defaultPack();
let a: Assessment;

beforeAll(async () => {
  a = await assessWorkbook((await loadWorkbook(EXAMPLE)).snapshot, pack);
});

const cadre = (period: string, name: string) => a.cadres.find((c) => c.period === period && c.name === name)!;
const messages = (period: string, name: string) => cadre(period, name).flags.map((f) => f.message);

describe('the example workbook', () => {
  it('has three monthly ledgers, each laid out differently, and a notes sheet left alone', () => {
    expect(a.ledgers.map((l) => [l.sheet, l.headerRows, l.period, l.records])).toEqual([
      ['2024年4月驻村干部台账', [3, 3], '2024-04', 26],
      ['5月台账', [4, 5], '2024-05', 27],
      ['2024.06', [3, 4], '2024-06', 27],
    ]);
    expect(a.otherSheets).toEqual(['填表说明']);
    for (const l of a.ledgers) expect(l.missing).toEqual([]);
    expect(a.ledgers[0]!.unmapped).toEqual([{ header: '包联领导', cell: 'Q3' }]);
    expect(a.months).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(new Set(a.cadres.map((c) => c.branch)).size).toBe(12);
  });

  it('scores 孟和 in April from "3天", 2 of 25 households, three of the five and 3 of 7 commitments', () => {
    const c = cadre('2024-04', '孟和');
    expect(c).toMatchObject({ branch: '查干淖尔嘎查', score: 31.1, grade: '不合格', stars: 1, rank: 26, of: 26, source: { sheet: '2024年4月驻村干部台账', row: 15 } });
    expect(c.indicators).toEqual({ days: 6, visits: 0, fiveOnes: 12, commitments: 0, rating: 13.1 });
    expect(messages('2024-04', '孟和')).toEqual([
      '下基层天数不足10天（3天）',
      '入户率低于20%（8.0%）',
      '五个一未完成：一事一议项目、联系党员中心户',
      '承诺完成率低于60%（42.9%）',
      '排名后20%',
    ]);
  });

  it('assesses 李志强 in April although his days read "不详", and says so at the cell', () => {
    const c = cadre('2024-04', '李志强');
    expect(c.score).toBe(64.3);
    expect(c.indicators.days).toBe(0);
    expect(messages('2024-04', '李志强')[0]).toBe('下基层天数：“下基层天数”填写无法识别，不计分（2024年4月驻村干部台账!E8）');
    expect(a.warnings).toContainEqual(expect.objectContaining({ sheet: '2024年4月驻村干部台账', cell: 'E8', message: '“不详” 不是有效的下基层天数' }));
  });

  it('takes May\'s village from 〃 and 同上, skips the 小计 and 合计 rows, and flags 白音仓\'s 0 households', () => {
    expect(cadre('2024-05', '张伟').branch).toBe('宝力格嘎查');
    expect(cadre('2024-05', '李志强').branch).toBe('额很嘎查');
    expect(a.cadres.some((c) => /小计|合计|人$/.test(c.name))).toBe(false);
    const c = cadre('2024-05', '白音仓');
    expect(c.score).toBe(53.9);
    expect(c.indicators.visits).toBe(0);
    expect(messages('2024-05', '白音仓')).toContain('联系户数为0，无法计算入户率');
  });

  it('reads June\'s traditional headers, and warns at the empty 群众测评 of 韩雪梅 without a flag', () => {
    const c = cadre('2024-06', '韩雪梅');
    expect(c.indicators.rating).toBe(9.1);
    expect(c.score).toBe(84.1);
    expect(c.flags).toEqual([]);
    expect(a.warnings).toContainEqual(expect.objectContaining({ sheet: '2024.06', cell: 'O22', message: '韩雪梅：双评：缺少“群众测评”，不计分' }));
  });

  it('reads 图雅\'s June 群众测评, typed as 95% into a percentage cell, as 95', () => {
    expect(cadre('2024-06', '图雅')).toMatchObject({ score: 99.2, rank: 1, indicators: { rating: 19.2 } });
    expect(cadre('2024-06', '其木格').rank).toBe(1);
  });

  it('unpads names so a cadre is one person across months', () => {
    expect(a.cadres.filter((c) => c.name === '张伟').map((c) => c.period)).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(a.cadres.filter((c) => c.name === '其木格')).toHaveLength(3);
    expect(a.cadres.some((c) => /\s/.test(c.name))).toBe(false);
  });

  it('shares a rank on a tie, and extends the bottom 20% over a tie at its edge', () => {
    expect([cadre('2024-04', '刘凤英'), cadre('2024-04', '敖特根')].map((c) => [c.score, c.rank])).toEqual([[93, 4], [93, 4]]);
    const bottom = (period: string) => a.cadres.filter((c) => c.period === period && c.flags.some((f) => f.rule === 'ranking:bottom'));
    expect(bottom('2024-04')).toHaveLength(6);
    expect(bottom('2024-05').map((c) => c.score)).toEqual([64.7, 64.7, 64.7, 63.5, 53.9, 47, 46.4]);
    expect(bottom('2024-06')).toHaveLength(6);
  });

  it('spreads over every grade, as a real township does', () => {
    for (const month of a.months) {
      const grades = new Set(a.cadres.filter((c) => c.period === month).map((c) => c.grade));
      expect(grades.size, month).toBeGreaterThanOrEqual(4);
    }
    expect(new Set(a.cadres.map((c) => c.grade))).toEqual(new Set(['优秀', '良好', '合格', '基本合格', '不合格']));
  });

  it('sums it up with the figures and names of the quarter, every sentence carrying one', () => {
    const summary = cadreSummary(a, pack);
    const names = [...new Set(a.cadres.map((c) => c.name))];
    for (const sentence of summary.sections.flatMap((s) => s.sentences)) {
      expect(/\d/.test(sentence) || names.some((n) => sentence.includes(n)), sentence).toBe(true);
    }
    const text = summaryText(summary);
    expect(text).toContain('2024年4月至2024年6月共考评驻村干部28名（80人次），覆盖12个村（嘎查），数据来自3张台账。');
    expect(text).toContain('最高99.2分（其木格6月、图雅6月），最低31.1分（孟和4月）。');
    expect(text).toContain('联系户数为0，无法计算入户率：1人次（白音仓5月）。');
    expect(text).toContain('台账中有5处数据需要核实（如2024年4月驻村干部台账!Q3、2024年4月驻村干部台账!E8、5月台账!F17）。');
  });
});
