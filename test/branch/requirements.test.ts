import { describe, expect, it } from 'vitest';
import { assess, find, MEETING_HEADER, meetingRows, type MeetingOptions, Q2, WORK_HEADER, workRow } from './helpers';

const B = '巴彦嘎查党支部';
const OTHER = '乌兰嘎查党支部';

/** Two branches over Q2: the one under test, and one that meets everything (so the records cover every month). */
function ledgers(opts: MeetingOptions = {}, work: Parameters<typeof workRow>[2][] | null = null, months = Q2) {
  const meetings = { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows(B, months, opts), ...meetingRows(OTHER, months)] };
  if (!work) return [meetings];
  return [meetings, { name: '工作台账', rows: [WORK_HEADER, ...work.map((c, i) => workRow(B, months[i] ?? months[0]!, c, [50, 48], [10, 9]))] }];
}

const rules = (b: { flags: { rule: string }[] }) => b.flags.map((f) => f.rule);

describe('must-meet items, each passing and failing at its boundary', () => {
  it('passes a branch that holds every meeting', async () => {
    const a = await assess(ledgers(), { period: '2024-Q2' });
    expect(find(a, B).flags).toEqual([]);
    expect(find(a, B).fallsShort).toBe(false);
  });

  it('flags 支委会 not held in a month, naming the month, what was expected and the rows held', async () => {
    const a = await assess(ledgers({ skip: ['committee:2024-05'] }), { period: '2024-Q2' });
    const b = find(a, B);
    expect(b.flags).toEqual([
      expect.objectContaining({
        rule: 'committee-monthly',
        message: '支委会：2024年5月未召开（应每月至少1次）',
        expected: '每月至少1次',
        actual: '2024年5月未召开',
        evidence: [{ sheet: '三会一课', rows: [2, 7], cell: 'D2' }],
      }),
    ]);
    expect(b.fallsShort).toBe(true);
    expect(b.values.committeeMissedMonths).toBe(1);
  });

  it('names every month missed, the year once', async () => {
    const a = await assess(ledgers({ skip: ['group:2024-05', 'group:2024-06'] }), { period: '2024-Q2' });
    expect(find(a, B).flags.map((f) => f.message)).toEqual(['党小组会：2024年5月、6月未召开（应每月至少1次）']);
  });

  it('holds 主题党日 attendance at exactly 80% as met and below it as failed', async () => {
    const at80 = await assess(ledgers({ members: 20, themeDayPresent: { '2024-05': 16 } }), { period: '2024-Q2' });
    expect(rules(find(at80, B))).toEqual([]);
    const below = await assess(ledgers({ members: 20, themeDayPresent: { '2024-05': 15 } }), { period: '2024-Q2' });
    expect(find(below, B).flags).toEqual([
      expect.objectContaining({ rule: 'themeday-attendance', message: '主题党日：2024年5月10日出席率75.0%，低于80%', evidence: [{ sheet: '三会一课', rows: [7], cell: 'D7' }] }),
    ]);
  });

  it('asks for 支部党员大会 and 党课 once a quarter, and not in a single month', async () => {
    const q = await assess(ledgers({ skip: ['memberMeeting', 'lecture'] }), { period: '2024-Q2' });
    expect(find(q, B).flags.map((f) => f.message)).toEqual([
      '支部党员大会：2024年第二季度未召开（应每季度至少1次）',
      '党课：2024年第二季度未开展（应每季度至少1次）',
    ]);
    const month = await assess(ledgers({ skip: ['memberMeeting', 'lecture'] }), { period: '2024-06' });
    expect(rules(find(month, B))).toEqual([]);
    expect(find(month, B).values.memberMeetingMissedQuarters).toBeNull();
  });

  it('counts the quarters missed in a year', async () => {
    const year = ['2024-01', '2024-02', '2024-03', ...Q2];
    const a = await assess(ledgers({ skip: ['lecture'] }, null, year), { period: '2024' });
    // The records cover January to June: only Q1 and Q2 can be judged in the year.
    expect(find(a, B).flags.map((f) => f.message)).toEqual(['党课：2024年第一季度、第二季度未开展（应每季度至少1次）']);
    expect(a.coverageNotes.map((n) => n.message)).toEqual([expect.stringContaining('三会一课记录没有2024年7月、8月、9月、10月、11月、12月的记录')]);
  });

  it('holds 办结率 at exactly 90% as met and below as failed, with the counts behind it', async () => {
    const make = (closed: number) => [
      { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows(B, Q2), ...meetingRows(OTHER, Q2)] },
      { name: '工作台账', rows: [WORK_HEADER, workRow(B, '2024-04', [10, 10], [50, closed], [10, 9]), workRow(B, '2024-05', [10, 10], [50, 45], [10, 9]), workRow(OTHER, '2024-04', [10, 10], [10, 10], [10, 10])] },
    ];
    expect(rules(find(await assess(make(45), { period: '2024-Q2' }), B))).toEqual([]);
    const b = find(await assess(make(44), { period: '2024-Q2' }), B);
    expect(b.flags).toEqual([
      expect.objectContaining({ rule: 'service-rate', message: '办结率 89.0%，低于90%', actual: '89.0%（办结89/100件）', evidence: [{ sheet: '工作台账', rows: [2, 3], cell: 'G2' }] }),
    ]);
  });

  it('holds 承诺完成率 at 80% and 化解率 at 85%', async () => {
    const run = async (c: [number, number], d: [number, number]) => {
      const sheets = [
        { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows(B, Q2), ...meetingRows(OTHER, Q2)] },
        { name: '工作台账', rows: [WORK_HEADER, workRow(B, '2024-05', c, [10, 10], d)] },
      ];
      return rules(find(await assess(sheets, { period: '2024-Q2' }), B));
    };
    expect(await run([10, 8], [20, 17])).toEqual([]);
    expect(await run([10, 7], [20, 16])).toEqual(['commitment-rate', 'dispute-rate']);
  });

  it('flags a branch whose stationed cadre is graded 不合格, naming the cadre and month', async () => {
    const cadreHeader = ['姓名', '所驻嘎查', '下基层天数', '联系户数', '入户数', '承诺数', '完成数', '领导评分', '群众测评'];
    const sheets = [
      ...ledgers(),
      { name: '5月驻村台账', rows: [['2024年5月驻村干部台账'], cadreHeader, ['斯琴', '巴彦', 4, 40, 1, 4, 1, 50, 50], ['孟和', '乌兰', 15, 30, 12, 4, 4, 90, 90]] },
    ];
    const a = await assess(sheets, { period: '2024-Q2' });
    expect(find(a, B).flags).toEqual([
      expect.objectContaining({ rule: 'cadres-none-failing', message: '驻村干部：斯琴（2024年5月）考评不合格（应无不合格）', evidence: [{ sheet: '5月驻村台账', rows: [3], cell: 'B3' }] }),
    ]);
    expect(find(a, OTHER).flags).toEqual([]);
    expect(a.cadreResults).toBe(2);
  });
});

describe('no data is not failed', () => {
  it('does not count a month the records do not cover as missed, and says so', async () => {
    const a = await assess(ledgers({}, null, ['2024-04', '2024-05']), { period: '2024-Q2' });
    const b = find(a, B);
    expect(b.flags).toEqual([]);
    expect(b.values.meetingMonths).toBe(2);
    // The quarter is not wholly covered and no 党课 was held in April or May... but one was: nothing to judge missing.
    expect(a.coverageNotes.map((n) => n.message)).toEqual(['三会一课记录没有2024年6月的记录，2024年6月的相关要求不作判定（视为无数据，不算未达标）']);
  });

  it('leaves a quarterly item unjudged when its quarter is only partly covered and it was not held', async () => {
    const a = await assess(ledgers({ skip: ['lecture'] }, null, ['2024-04', '2024-05']), { period: '2024-Q2' });
    const b = find(a, B);
    expect(rules(b)).toEqual([]);
    // The records hold April and May: June is what they lack, not the quarter.
    expect(b.noData.map((n) => n.message)).toContain('党课：三会一课记录没有2024年6月的记录，无数据，不作判定');
  });

  it('reports a branch the work ledger has no row for as no data, and scores it nothing there', async () => {
    const sheets = [
      { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows(B, Q2), ...meetingRows(OTHER, Q2)] },
      { name: '工作台账', rows: [WORK_HEADER, workRow(OTHER, '2024-05', [10, 10], [10, 10], [10, 10])] },
    ];
    const b = find(await assess(sheets, { period: '2024-Q2' }), B);
    expect(b.flags).toEqual([]);
    expect(b.noData.map((n) => n.message)).toEqual([
      '办结率：支部工作台账中没有本支部2024年第二季度的记录，无数据，不作判定',
      '承诺完成率：支部工作台账中没有本支部2024年第二季度的记录，无数据，不作判定',
      '矛盾纠纷化解率：支部工作台账中没有本支部2024年第二季度的记录，无数据，不作判定',
      '驻村干部：工作簿中没有驻村干部月度考核台账，不作判定',
      '为民服务、承诺践诺、矛盾纠纷化解：本支部未填报数据，不计分',
      '无数据的指标（驻村干部）不计入，得分按其余90分折算为百分制',
    ]);
    expect(b.indicators).toMatchObject({ service: 0, commitments: 0, disputes: 0 });
    expect(b.score).toBeCloseTo((50 / 90) * 100, 1);
  });

  it('leaves work indicators out of every score when the workbook has no work ledger', async () => {
    const b = find(await assess(ledgers(), { period: '2024-Q2' }), B);
    expect(b.excluded).toEqual(['service', 'commitments', 'disputes', 'cadres']);
    expect(b.score).toBe(100);
    expect(b.noData.map((n) => n.rule)).toEqual(['service-rate', 'commitment-rate', 'dispute-rate', 'cadres-none-failing', 'score:rescaled']);
  });

  it('does not judge a rate whose denominator is zero', async () => {
    const sheets = [
      { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows(B, Q2), ...meetingRows(OTHER, Q2)] },
      { name: '工作台账', rows: [WORK_HEADER, workRow(B, '2024-05', [10, 10], [10, 10], [0, 0])] },
    ];
    const b = find(await assess(sheets, { period: '2024-Q2' }), B);
    expect(b.flags).toEqual([]);
    expect(b.values.disputeRate).toBeNull();
    expect(b.excluded).toContain('disputes');
  });
});

describe('no data in a ledger that is there', () => {
  it('does not judge attendance when 应到/实到 are left empty, and says which columns', async () => {
    const rows = meetingRows(B, Q2).map((r) => (r[2] === '主题党日' ? [...r.slice(0, 4), '—', null] : r));
    const a = await assess([{ name: '三会一课', rows: [MEETING_HEADER, ...rows, ...meetingRows(OTHER, Q2)] }], { period: '2024-Q2' });
    const b = find(a, B);
    expect(b.flags).toEqual([]);
    expect(b.noData.map((n) => n.message)).toContain('主题党日出席率：“应到人数”、“实到人数”未填写或数值不可能（见数据提醒），无数据，不作判定');
  });

  it('does not judge a month from a quarterly work table', async () => {
    const sheets = [
      { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows(B, Q2), ...meetingRows(OTHER, Q2)] },
      { name: '工作台账', rows: [['2024年第二季度支部工作统计表'], WORK_HEADER.filter((h) => h !== '月份'), [B, 10, 5, null, 50, 20, null, 10, 2, null]] },
    ];
    const month = await assess(sheets, { period: '2024-05' });
    expect(find(month, B).flags).toEqual([]);
    expect(month.coverageNotes.map((n) => n.message)).toEqual(['支部工作台账没有2024年5月的记录，2024年5月的相关要求不作判定（视为无数据，不算未达标）']);
    const quarter = await assess(sheets, { period: '2024-Q2' });
    expect(find(quarter, B).flags.map((f) => f.rule)).toEqual(['service-rate', 'commitment-rate', 'dispute-rate']);
  });
});

describe('coverage of the records', () => {
  it('takes a month only one branch of many has rows for as a mistyped date, not as a month everyone missed', async () => {
    const names = ['甲嘎查党支部', '乙嘎查党支部', '丙嘎查党支部', '丁嘎查党支部', '戊嘎查党支部'];
    const rows = [MEETING_HEADER, ...names.flatMap((n) => meetingRows(n, Q2)), [99, '甲嘎查党支部', '支委会', '2024.3.5', 5, 5]];
    const a = await assess([{ name: '三会一课', rows }]);
    expect(a.periods).toEqual(['2024-Q2']);
    expect(a.coverage.meetings).toEqual(Q2);
    expect(a.warnings.map((w) => `${w.cell} ${w.message}`)).toEqual(['D57 三会一课记录中2024年3月只有1个党支部有记录，不足以说明该期已登记，视为无数据（日期是否填错？）']);
    const q1 = await assess([{ name: '三会一课', rows }], { period: '2024-Q1' });
    expect(q1.branches.every((b) => b.flags.length === 0)).toBe(true);
  });
});

describe('a workbook with only one kind of branch ledger', () => {
  it('assesses from the work ledger alone, the meeting items left as no data', async () => {
    const work = { name: '工作台账', rows: [WORK_HEADER, workRow(B, '2024-05', [10, 7], [50, 48], [10, 9]), workRow(OTHER, '2024-05', [10, 10], [50, 50], [10, 10])] };
    const a = await assess([work], { period: '2024-05' });
    expect(a.branches.map((b) => b.name).sort()).toEqual([B, OTHER].sort());
    const b = find(a, B);
    expect(b.flags.map((f) => f.rule)).toEqual(['commitment-rate']);
    expect(b.noData.map((n) => n.message)).toContain('支委会：工作簿中没有三会一课记录，不作判定');
    expect(b.excluded).toEqual(['meetings', 'themeDay', 'cadres']);
  });
});
