import { describe, expect, it } from 'vitest';
import type { BranchAssessment } from '../../src/core/branch/result';
import { assess, find, MEETING_HEADER, meetingRows, Q2, WORK_HEADER, workRow } from './helpers';

/**
 * Branch ledgers with values that cannot be: a part larger than its whole
 * (办结 > 受理, 化解 > 排查, 完成 > 承诺, 实到 > 应到) or a stated rate over 100%.
 * Each is warned at the part's cell with both values and the pair is treated
 * as missing: the rate that needs it is not computed from it, and the branch
 * says it has no data there instead of passing on an impossible count.
 */
const B = '巴彦嘎查党支部';
const OTHER = '乌兰嘎查党支部';
const meetings = { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows(B, Q2), ...meetingRows(OTHER, Q2)] };
const warningsOf = (a: BranchAssessment) => a.warnings.map((w) => `${w.sheet}!${w.cell}：${w.message}`);
const noDataOf = (a: BranchAssessment, name: string) => find(a, name, '2024-05').noData.map((n) => n.message);

describe('branch work counts that cannot be', () => {
  it.each([
    ['办结数 50 of 受理数 48', [10, 9], [48, 50], [6, 6], 'G2：办结数 50 大于受理数 48', 'serviceRate', 'service', '办结率：“受理数”未填写或数值不可能（见数据提醒），无数据，不作判定'],
    ['化解数 9 of 排查数 6', [10, 9], [48, 48], [6, 9], 'J2：化解数 9 大于排查数 6', 'disputeRate', 'disputes', '矛盾纠纷化解率：“排查数”未填写或数值不可能（见数据提醒），无数据，不作判定'],
    ['完成数 12 of 承诺数 10', [10, 12], [48, 48], [6, 6], 'D2：完成数 12 大于承诺数 10', 'commitmentRate', 'commitments', '承诺完成率：“承诺数”未填写或数值不可能（见数据提醒），无数据，不作判定'],
  ] as const)('%s: warned at the part, the rate left uncomputed and its indicator scoring nothing', async (_, c, s, d, warning, rate, indicator, note) => {
    const work = { name: '工作台账', rows: [WORK_HEADER, workRow(B, '2024-05', [...c], [...s], [...d]), workRow(OTHER, '2024-05', [10, 9], [48, 48], [6, 6])] };
    const a = await assess([meetings, work], { period: '2024-05' });
    expect(warningsOf(a)).toEqual([`工作台账!${warning}`]);
    const b = find(a, B, '2024-05');
    expect(b.values[rate]).toBeNull();
    expect(b.indicators[indicator]).toBe(0);
    expect(noDataOf(a, B)).toContain(note);
    // The other branch, with possible counts, is judged as ever.
    expect(find(a, OTHER, '2024-05').indicators).toEqual({ meetings: 35, themeDay: 15, service: 15, commitments: 13.5, disputes: 10, cadres: 0 });
    expect(find(a, OTHER, '2024-05').score).toBe(98.33);
  });

  it('warns about a stated rate over 100% and does not cross-check it', async () => {
    const work = { name: '工作台账', rows: [WORK_HEADER, workRow(B, '2024-05', [10, 9], [48, 48], [6, 6], ['120%', null, null]), workRow(OTHER, '2024-05', [10, 9], [48, 48], [6, 6])] };
    const a = await assess([meetings, work], { period: '2024-05' });
    expect(warningsOf(a)).toEqual(['工作台账!E2：承诺完成率 120% 超出 0~100%']);
    expect(a.rateChecks).toEqual([]);
    expect(find(a, B, '2024-05').values.commitmentRate).toBeCloseTo(0.9, 6);
  });
});

describe('attendance that cannot be', () => {
  it('warns about 25 present of 20 expected and leaves that meeting out of the attendance, still held', async () => {
    const rows = [MEETING_HEADER, ...meetingRows(B, ['2024-05'], { themeDayPresent: { '2024-05': 25 } }), ...meetingRows(OTHER, ['2024-05'])];
    const a = await assess([{ name: '三会一课', rows }], { period: '2024-05' });
    expect(warningsOf(a)).toEqual(['三会一课!F4：实到人数 25 大于应到人数 20']);
    expect(a.warnings[0]!.messageEn).toBe('members present 25 is more than members expected 20');
    const b = find(a, B, '2024-05');
    expect(b.values.themeDayAttendance).toBeNull();
    expect(b.values.themeDayMeetings).toBe(1);
    expect(noDataOf(a, B)).toContain('主题党日出席率：“应到人数”、“实到人数”未填写或数值不可能（见数据提醒），无数据，不作判定');
    expect(find(a, OTHER, '2024-05').values.themeDayAttendance).toBe(0.95);
  });
});

describe('meeting dates that cannot be', () => {
  it('counts no meeting on 2024/02/30 or in ９９９９年１月, and says why at the date cell', async () => {
    const rows = [MEETING_HEADER, ...meetingRows(B, ['2024-05']), [9, B, '支委会', '2024/02/30', 5, 5], [10, B, '支委会', '９９９９年１月', 5, 5], ...meetingRows(OTHER, ['2024-05'])];
    const a = await assess([{ name: '三会一课', rows }], { today: '2026-12-02' });
    expect(warningsOf(a)).toEqual([
      '三会一课!D7：“2024/02/30” 这一天不存在',
      '三会一课!D7：无法确定这一行的考评月份（请在表名、标题或“月份”列写明）',
      '三会一课!D8：日期“９９９９年１月”的年份 9999 不合理（应为 2000~2027年）',
      '三会一课!D8：无法确定这一行的考评月份（请在表名、标题或“月份”列写明）',
    ]);
    expect(a.periods).toEqual(['2024-Q2']);
    expect(find(a, B).values.committeeMeetings).toBe(1);
  });
});
