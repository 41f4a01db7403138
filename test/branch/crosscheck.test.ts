import { describe, expect, it } from 'vitest';
import { assess, find, MEETING_HEADER, meetingRows, Q2, WORK_HEADER, workRow } from './helpers';

const B = '镇区第一社区党支部';
const meetings = { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows(B, Q2)] };

describe('cross-checks of stated rates', () => {
  it('catches seed 000’s 93.8% for 78 of 97 commitments, naming the cells, and uses 80.4%', async () => {
    const work = { name: '工作台账', rows: [WORK_HEADER, workRow(B, '2024-06', [97, 78], [50, 48], [10, 9], ['93.8%', '96.0%', 0.9])] };
    const a = await assess([meetings, work], { period: '2024-Q2' });
    expect(a.rateChecks).toEqual([
      { sheet: '工作台账', cell: 'E2', fact: 'statedCommitmentRate', stated: 0.938, computed: 78 / 97, numerator: 78, denominator: 97, from: ['D2', 'C2'] },
    ]);
    expect(a.warnings.map((w) => `${w.sheet}!${w.cell} ${w.message}`)).toEqual([
      '工作台账!E2 填报的承诺完成率 93.8% 与台账数量不符：完成数78÷承诺数97（D2、C2）= 80.4%，相差13.4个百分点，按数量计算',
    ]);
    const b = find(a, B);
    expect(b.values.commitmentRate).toBeCloseTo(0.804, 3);
    expect(b.flags).toEqual([]);
  });

  it('lets a rate rounded as staff round it pass, and flags one just over half a point off', async () => {
    // 6/7 = 85.71%: 85.7% and 86% are rounding; 85.1% is 0.61 points off.
    const work = {
      name: '工作台账',
      rows: [WORK_HEADER, workRow(B, '2024-04', [7, 6], [7, 6], [7, 6], ['85.7%', 0.86, '85.1%']), workRow(B, '2024-05', [10, 9], [20, 19], [4, 4], [90, '95%', '100%'])],
    };
    const a = await assess([meetings, work], { period: '2024-Q2' });
    expect(a.rateChecks.map((c) => c.cell)).toEqual(['K2']);
  });

  it('warns when a count done is larger than the count it is out of, and does not count either', async () => {
    const work = { name: '工作台账', rows: [WORK_HEADER, workRow(B, '2024-04', [10, 12], [20, 19], [4, 4]), workRow(B, '2024-05', [10, 9], [20, 19], [4, 4])] };
    const a = await assess([meetings, work], { period: '2024-Q2' });
    expect(a.warnings.map((w) => `${w.cell} ${w.message}`)).toEqual(['D2 完成数 12 大于承诺数 10']);
    expect(find(a, B).values.commitmentRate).toBeCloseTo(0.9, 6);
  });
});
