import { describe, expect, it } from 'vitest';
import { branchesJson } from '../../src/core/branch/json';
import { branchSummary } from '../../src/core/branch/summary';
import { branchResultTable } from '../../src/core/branch/table';
import { summaryText } from '../../src/core/results/summary';
import { assess, branchPack, MEETING_HEADER, meetingRows, Q2, WORK_HEADER, workRow } from './helpers';

const names = ['巴彦嘎查党支部', '乌兰嘎查党支部', '查干嘎查党支部'];

describe('the branch summary and the 支部汇总 table', () => {
  const sheets = [
    { name: '三会一课', rows: [MEETING_HEADER, ...names.flatMap((n) => meetingRows(n, Q2))] },
    { name: '工作台账', rows: [WORK_HEADER, ...names.flatMap((n, i) => Q2.map((m) => workRow(n, m, [10, 10 - i], [40, 40 - i], [5, 5])))] },
  ];

  it('puts the last-placed branch at risk even when every branch meets everything (末位整顿)', async () => {
    const a = await assess(sheets, { period: '2024-Q2' });
    expect(a.branches.map((b) => [b.name, b.rank, b.risk])).toEqual([
      ['查干嘎查党支部', 3, true],
      ['巴彦嘎查党支部', 1, false],
      ['乌兰嘎查党支部', 2, false],
    ]);
    const text = summaryText(branchSummary(a, branchPack()));
    expect(text).toContain('1个支部存在软弱涣散风险：查干嘎查党支部排名末位（3个支部中第3名），得分');
    expect(text).toContain('（1）查干嘎查党支部：列为软弱涣散风险支部，由党委班子成员包联整顿，2024年9月30日前完成整顿；');
  });

  it('writes a short report with figures and no rectification list when no branch falls short or is at risk', async () => {
    const pack = branchPack();
    pack.risk.any = pack.risk.any.filter((c) => c.id !== 'risk-last-place');
    const a = await assess(sheets, { period: '2024-Q2' }, pack);
    const text = summaryText(branchSummary(a, pack));
    expect(text).toContain('2024年第二季度党支部考核情况');
    expect(text).toContain('2024年第二季度共考评党支部3个');
    expect(text).toContain('3个支部各项必达要求全部达标，占100.0%');
    expect(text).toContain('本期3个支部各项必达要求均已达标');
    expect(text).toContain('保持现有做法，2024年第三季度继续按党支部考核规则考评3个支部');
    expect(text).not.toContain('整改清单');
  });

  it('says the same in English when asked', async () => {
    const pack = branchPack();
    const a = await assess(sheets, { period: '2024-Q2' });
    const en = branchSummary(a, pack, 'en');
    expect(en.title).toBe('Party branch assessment, 2024-Q2');
    const text = summaryText(en);
    expect(text).toContain('3 Party branches assessed in 2024-Q2');
    expect(text).toContain('To rectify (1 branches): (1) 查干嘎查党支部: listed as at risk of being weak and lax');
    expect(text).not.toMatch(/[，。：；]|个支部/);
  });

  it('lists evidence rows per sheet in the table, and the JSON leaves excluded indicators empty', async () => {
    const sheets = [
      { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows(names[0]!, Q2, { skip: ['committee:2024-05', 'group:2024-06'] }), ...meetingRows(names[1]!, Q2)] },
    ];
    const a = await assess(sheets, { period: '2024-Q2' });
    const table = branchResultTable(a, branchPack(), { time: '2024-07-06 09:00' });
    const row = table.rows[0]!;
    expect(row[0]).toBe('巴彦嘎查党支部');
    expect(row[table.header.indexOf('依据（台账行）')]).toBe('三会一课!2、3、5、7');
    expect(row[table.header.indexOf('不合格驻村干部人数')]).toBe('—');
    const json = branchesJson(a)[0]!;
    expect(json.indicators).toMatchObject({ meetings: 25, service: null, cadres: null });
    expect(json.flags.map((f) => f.evidence)).toEqual([[{ sheet: '三会一课', rows: [2, 7], cell: 'D2' }], [{ sheet: '三会一课', rows: [3, 5], cell: 'D3' }]]);
  });
});
