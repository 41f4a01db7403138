import { describe, expect, it } from 'vitest';
import { assessAll } from '../../src/core/run';
import { runSheets } from '../../src/core/sheets';
import { type FixtureCell, sheet, snapshotOf } from '../fixtures/workbook';
import { branchPack, cadrePack, MEETING_HEADER, meetingRows, Q2 } from './helpers';

const packs = () => ({ cadre: cadrePack(), branch: branchPack() });
const rowsOf = (rows: unknown[][]) => rows as FixtureCell[][];
const meetings = () => sheet('三会一课', rowsOf([MEETING_HEADER, ...meetingRows('巴彦嘎查党支部', Q2), ...meetingRows('乌兰嘎查党支部', Q2)]));

describe('a branch ledger whose group column is headed in its own words', () => {
  it('reads a 便民服务 sheet with 代办点（支部） and flags the branch at 84%', async () => {
    const services = sheet('便民服务', [
      ['2024年第二季度便民服务代办情况统计表'],
      ['代办点（支部）', '统计月份', '受理件数', '办结件数'],
      ['巴彦嘎查', '2024年5月', 50, 42],
      ['乌兰嘎查', '2024年5月', 20, 19],
    ]);
    const run = await assessAll(await snapshotOf(meetings(), services), packs(), { period: '2024-Q2' });
    expect(run.kinds['branch/work']).toEqual(['便民服务']);
    const bayan = run.branches!.branches.find((b) => b.name === '巴彦嘎查党支部')!;
    expect(bayan.values.serviceRate).toBeCloseTo(0.84);
    expect(bayan.flags.map((f) => f.message)).toContain('办结率 84.0%，低于90%');
    expect(bayan.fallsShort).toBe(true);
    expect(run.branches!.branches.find((b) => b.name === '乌兰嘎查党支部')!.flags).toEqual([]);
    expect(runSheets(run, packs()).find((s) => s.sheet === '便民服务')).toMatchObject({ role: 'ledger', assessment: 'branch', ledger: 'branch/work', header: 2, records: 2 });
  });

  it('reads meeting records whose header sits under a 30-row 填报说明 block', async () => {
    const notes: FixtureCell[][] = [['填报说明'], ...Array.from({ length: 29 }, (_, i) => [i + 1, `第${i + 1}条：会议类型按支委会、党小组会、主题党日填写。`])];
    const run = await assessAll(await snapshotOf(sheet('三会一课', [...notes, ...rowsOf([MEETING_HEADER, ...meetingRows('巴彦嘎查党支部', Q2)])])), packs(), { period: '2024-Q2' });
    expect(run.kinds['branch/meetings']).toEqual(['三会一课']);
    expect(run.branches!.ledgers.meetings[0]!.headerRows).toEqual([31, 31]);
    expect(run.branches!.branches.map((b) => [b.name, b.flags.length])).toEqual([['巴彦嘎查党支部', 0]]);
  });
});

describe('branch ledger rows outside the period are counted, not dropped unsaid', () => {
  it('says how many meeting rows lie outside the month asked for', async () => {
    const run = await assessAll(await snapshotOf(meetings()), packs(), { period: '2024-05' });
    // Each branch: April 5 rows (3 monthly, 2 quarterly), June 3.
    expect(runSheets(run, packs())[0]).toMatchObject({
      sheet: '三会一课',
      records: 22,
      reason: '读取为三会一课记录（表头第1行），22条记录；16条不在考评期2024年5月内，未考评',
    });
  });
});

describe('no cadre left out of the branches without a word', () => {
  it('warns about a cadre whose village cell is blank, naming the cell', async () => {
    const cadres = sheet('2024年5月驻村台账', [
      ['姓名', '所驻嘎查', '下基层天数', '联系户数', '入户数', '承诺数', '完成数', '领导评分', '群众测评'],
      ['张三', '巴彦嘎查', 12, 30, 8, 3, 3, 90, 90],
      ['李四', null, 12, 30, 8, 3, 3, 90, 90],
    ]);
    const run = await assessAll(await snapshotOf(meetings(), cadres), packs(), { period: '2024-Q2' });
    expect(run.cadres.cadres.map((c) => c.name).sort()).toEqual(['张三', '李四']);
    expect(run.branches!.warnings.filter((w) => w.sheet === '2024年5月驻村台账')).toEqual([
      { sheet: '2024年5月驻村台账', cell: 'B3', message: '李四 没有填写所驻村（支部），其考评结果未计入任何支部', messageEn: '李四 has no village (branch) written, so the result is counted for no branch' },
    ]);
  });
});
