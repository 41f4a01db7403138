import { describe, expect, it } from 'vitest';
import { classifySheets } from '../../src/core/branch/ledgers';
import { BranchNameRules } from '../../src/core/branch/names';
import { assess, branchPack, cadrePack, find, MEETING_HEADER, meetingRows, Q2, snapshotOf } from './helpers';

describe('reading the meeting records as staff keep them', () => {
  it('reads the long layout through a merged title, meta rows, dittos, date formats, 合计 and footers', async () => {
    const rows = [
      ['巴彦宝力格镇各党支部2024年第二季度“三会一课”开展情况登记表'],
      ['填报单位（盖章）：镇党委组织办', null, null, null, '填报时间：2024年7月5日'],
      MEETING_HEADER,
      [1, '巴彦嘎查党支部', '支委会', '2024.4.3', 5, 5],
      [2, '同上', '党小组会', '2024年4月15日', 20, '１８'],
      [3, '〃', '主题党日活动', '2024/4/10', '20人', 19],
      [],
      [4, '巴彦嘎查', '支委会议', 20240506, 5, 5],
      [5, '巴彥嘎查党支部', '小组会', new Date(Date.UTC(2024, 4, 14)), 20, 17],
      [6, '巴彦 嘎查党支部', '固定党日', '5月10日', 20, 20],
      [7, '乌兰嘎查党支部', '支委会', '2024.4.2', 5, 5],
      [8, null, '党小组会', '2024.4.12', 18, 16],
      [9, null, '主题党日', '2024.4.10', 18, 15],
      ['合计', null, '共9次'],
      ['填表人：王丽', null, null, '审核人：苏和'],
    ];
    const a = await assess([{ name: '三会一课记录', rows, merges: ['A1:G1', 'B11:B13'] }], { period: '2024-Q2' });
    expect(a.warnings.map((w) => `${w.sheet}!${w.cell} ${w.message}`)).toEqual([]);
    expect(a.branches.map((b) => b.name).sort()).toEqual(['乌兰嘎查党支部', '巴彦嘎查党支部']);
    const bayan = find(a, '巴彦嘎查党支部');
    expect(bayan.values).toMatchObject({ committeeMeetings: 2, groupMeetings: 2, themeDayMeetings: 2, meetingMonths: 2 });
    expect(bayan.variants.sort()).toEqual(['巴彥嘎查党支部', '巴彦嘎查', '巴彦嘎查党支部'].sort());
    expect(find(a, '乌兰嘎查党支部').values).toMatchObject({ committeeMeetings: 1, groupMeetings: 1, themeDayMeetings: 1 });
    // Lowest Party-day attendance: 15 of 18 in April.
    expect(find(a, '乌兰嘎查党支部').values.themeDayAttendance).toBeCloseTo(15 / 18);
  });

  it('reads one sheet per branch, the branch named in the title row or the sheet name', async () => {
    const own = (title: string) => [
      [title],
      ['日期', '会议类型', '会议内容', '应到人数', '实到人数', '记录人'],
      ['4月3日', '支委会', '研究发展党员', 5, 5, '组织委员'],
      ['4月10日', '主题党日', '重温入党誓词', 22, 20, '组织委员'],
    ];
    const a = await assess(
      [
        { name: '阿拉坦', rows: own('阿拉坦嘎查党支部2024年三会一课记录'), merges: ['A1:F1'] },
        { name: '都兰嘎查', rows: own('2024年三会一课记录') },
        { name: 'Sheet3', rows: own('2024年三会一课记录') },
      ],
      { period: '2024-04' },
    );
    expect(a.ledgers.meetings.map((l) => [l.sheet, l.subject])).toEqual([
      ['阿拉坦', '阿拉坦嘎查党支部'],
      ['都兰嘎查', '都兰嘎查'],
      ['Sheet3', undefined],
    ]);
    expect(a.branches.map((b) => b.name).sort()).toEqual(['都兰嘎查', '阿拉坦嘎查党支部'].sort());
    expect(find(a, '阿拉坦嘎查党支部').values).toMatchObject({ committeeMeetings: 1, themeDayMeetings: 1 });
    expect(a.warnings).toEqual([expect.objectContaining({ sheet: 'Sheet3', cell: '', message: expect.stringContaining('没有“支部名称”列') })]);
  });

  it('normalises meeting types as staff write them and reports the ones it does not know', async () => {
    const rows = [
      ['2024年三会一课记录'],
      MEETING_HEADER,
      [1, '巴彦嘎查党支部', '支部委员会会议', '2024.4.3', 5, 5],
      [2, '巴彦嘎查党支部', '全体党员大会', '2024.4.20', 20, 18],
      [3, '巴彦嘎查党支部', '第一党小组会', '2024.4.15', 10, 9],
      [4, '巴彦嘎查党支部', '书记讲党课', '2024.4.21', 20, 18],
      [5, '巴彦嘎查党支部', '4月主题党日活动', '2024.4.10', 20, 18],
      [6, '巴彦嘎查党支部', '专题组织生活会', '2024.4.25', 20, 20],
      [7, '巴彦嘎查党支部', '支部党员大会暨党课', '2024.4.28', 20, 19],
      [8, '巴彦嘎查党支部', '民情恳谈会', '2024.4.29', 20, 19],
      [9, '巴彦嘎查党支部', null, '2024.4.30', 20, 19],
    ];
    const a = await assess([{ name: '三会一课', rows }], { period: '2024-04' });
    expect(find(a, '巴彦嘎查党支部').values).toMatchObject({
      committeeMeetings: 1,
      memberMeetingMeetings: 2,
      groupMeetings: 1,
      lectureMeetings: 2,
      themeDayMeetings: 1,
      lifeMeetingMeetings: 1,
    });
    expect(a.warnings.map((w) => `${w.cell} ${w.message}`)).toEqual(['C10 “民情恳谈会”不是规则包中的会议类型，这一行未计入', 'C11 没有填写会议类型，这一行未计入']);
  });

  it('counts a meeting entered twice once, in one sheet or across two, and says where', async () => {
    const a = await assess(
      [
        {
          name: '三会一课',
          rows: [
            MEETING_HEADER,
            [1, '巴彦嘎查党支部', '支委会', '2024.5.6', 5, 5],
            [2, '巴彦嘎查', '支委会议', '2024年5月6日', 5, 5],
            [3, '巴彦嘎查党支部', '支委会', '2024.5.20', 5, 5],
            [4, '乌兰嘎查党支部', '支委会', '2024.5.6', 5, 5],
          ],
        },
        { name: '巴彦嘎查', rows: [['巴彦嘎查党支部2024年三会一课记录'], ['日期', '会议类型', '应到人数', '实到人数'], ['5月20日', '支委会', 5, 4]] },
      ],
      { period: '2024-05' },
    );
    expect(find(a, '巴彦嘎查党支部').values.committeeMeetings).toBe(2);
    expect(find(a, '乌兰嘎查党支部').values.committeeMeetings).toBe(1);
    expect(a.warnings.map((w) => `${w.sheet}!${w.cell} ${w.message}`)).toEqual([
      '三会一课!D3 与 三会一课第2行 重复（同一支部、会议类型、日期），只计一次',
      '巴彦嘎查!A3 与 三会一课第4行 重复（同一支部、会议类型、日期），只计一次',
    ]);
  });

  it('warns about attendance above the members expected, naming the cell, and does not judge attendance from it', async () => {
    const a = await assess([{ name: '三会一课', rows: [MEETING_HEADER, [1, '巴彦嘎查党支部', '主题党日', '2024.5.10', 18, 21]] }], { period: '2024-05' });
    expect(a.warnings.map((w) => `${w.cell} ${w.message}`)).toEqual(['F2 实到人数 21 大于应到人数 18']);
    expect(find(a, '巴彦嘎查党支部').values.themeDayAttendance).toBeNull();
  });
});

describe('reading the branch work ledger', () => {
  it('reads a quarterly table with a two-row merged header; 合计 and footers are left out', async () => {
    const rows = [
      ['2024年第二季度各党支部承诺践诺、为民服务、矛盾纠纷化解情况统计表'],
      ['单位：项、件'],
      ['序号', '支部名称', '承诺践诺', null, null, '为民服务', null, null, '矛盾纠纷化解', null, null, '备注'],
      [null, null, '承诺数', '完成数', '完成率', '受理数', '办结数', '办结率', '排查数', '化解数', '化解率', null],
      [1, '巴彦嘎查', 12, 11, '91.7%', 40, 38, 0.95, 8, 7, '87.5%'],
      [2, '乌兰嘎查党支部', 10, 10, '100%', 30, 30, '100.0%', 5, 5, '100%'],
      ['合计', null, 22, 21, '95.5%', 70, 68, '97.1%', 13, 12, '92.3%'],
      ['填表人：赵敏'],
    ];
    const meetings = { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows('巴彦嘎查党支部', Q2), ...meetingRows('乌兰嘎查党支部', Q2)] };
    const a = await assess([meetings, { name: '工作台账', rows, merges: ['A1:L1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:H3', 'I3:K3', 'L3:L4'] }], { period: '2024-Q2' });
    expect(a.warnings).toEqual([]);
    expect(a.ledgers.work.map((l) => [l.sheet, l.period, l.records])).toEqual([['工作台账', '2024-Q2', 2]]);
    expect(find(a, '巴彦嘎查党支部').values).toMatchObject({ promised: 12, fulfilled: 11, received: 40, closed: 38, disputes: 8, resolved: 7, serviceRate: 0.95 });
    expect(find(a, '巴彦嘎查党支部').values.commitmentRate).toBeCloseTo(11 / 12);
    expect(a.coverage.work).toEqual(['2024-Q2']);
  });

  it('sums monthly rows over the period, from separate sheets per kind of work', async () => {
    const meetings = { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows('巴彦嘎查党支部', Q2)] };
    const commitments = { name: '承诺践诺', rows: [['支部名称', '月份', '承诺事项数', '已完成'], ...Q2.map((m) => ['巴彦嘎查', `${m.slice(0, 4)}年${Number(m.slice(5))}月`, 10, 9])] };
    const services = { name: '便民服务', rows: [['党支部', '统计月份', '受理件数', '办结件数'], ...Q2.map((m) => ['巴彦嘎查党支部', m, 20, 19])] };
    const a = await assess([meetings, commitments, services], { period: '2024-Q2' });
    expect(a.warnings).toEqual([]);
    expect(find(a, '巴彦嘎查党支部').values).toMatchObject({ promised: 30, fulfilled: 27, received: 60, closed: 57, commitmentRate: 0.9, serviceRate: 0.95, disputes: null });
  });
});

describe('telling the ledgers apart', () => {
  it('keeps a cadre ledger with 所属支部 and 承诺数 a cadre ledger, and a work ledger with 书记姓名 a work ledger', async () => {
    const snapshot = await snapshotOf([
      { name: '5月驻村台账', rows: [['姓名', '所属支部', '下基层天数', '联系户数', '入户数', '承诺数', '完成数'], ['张三', '巴彦嘎查党支部', 12, 30, 8, 3, 3]] },
      { name: '工作台账', rows: [['支部名称', '书记姓名', '月份', '承诺数', '完成数', '受理数', '办结数'], ['巴彦嘎查党支部', '李四', '2024-05', 10, 9, 20, 19]] },
      { name: '三会一课', rows: [['支部名称', '会议类型', '日期', '应到人数', '实到人数', '主持人姓名'], ['巴彦嘎查党支部', '支委会', '2024.5.6', 5, 5, '李四']] },
      { name: '填表说明', rows: [['一、本表每月填报。'], ['二、会议类型按规定填写。']] },
    ]);
    const pack = branchPack();
    expect(classifySheets(snapshot, pack, new BranchNameRules(pack.names), cadrePack())).toEqual({ 'branch/meetings': ['三会一课'], 'branch/work': ['工作台账'], 'stationed-cadre/ledger': ['5月驻村台账'] });
  });
});
