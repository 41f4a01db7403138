import { describe, expect, it } from 'vitest';
import { type Assessment, assessWorkbook, type CadreResult } from '../../src/core/assess/assess';
import { readLedgers } from '../../src/core/assess/scheme';
import { validatePack } from '../../src/core/pack/validate';
import { type CadreInputs, cadreRow, HEADER, ledger } from '../fixtures/ledgers';
import { defaultPack, packInput } from '../fixtures/pack';
import { snapshotOf } from '../fixtures/workbook';

/**
 * Values that cannot be, as a careless hand or a hostile file writes them:
 * each is warned at its cell in words and treated as missing, so the
 * indicator that needs it scores nothing and carries a flag, and the other
 * rows come out as they would without it.
 */
const pack = defaultPack();
const TITLE = '2024年驻村干部工作台账';

/** One month's ledger: 张三 with the inputs given, 李四 with full marks beside him (rows 3 and 4, under a title and the header). */
async function month(sheet: string, inputs: Partial<CadreInputs>, options: { today?: string } = {}): Promise<Assessment> {
  return assessWorkbook(await snapshotOf(ledger(sheet, [cadreRow(1, '张三', inputs), cadreRow(2, '李四')], { title: TITLE })), pack, options);
}

const cadre = (a: Assessment, name: string) => a.cadres.find((c) => c.name === name)!;
const flagsOf = (c: CadreResult) => c.flags.filter((f) => f.rule !== 'ranking:bottom').map((f) => f.message);
const warningsOf = (a: Assessment) => a.warnings.map((w) => `${w.sheet}!${w.cell}：${w.message}`);

/** 李四's full marks, the same with or without 张三's impossible values. */
function othersUnchanged(a: Assessment): void {
  const li = cadre(a, '李四');
  expect(li.score).toBe(100);
  expect(li.indicators).toEqual({ days: 20, visits: 20, fiveOnes: 20, commitments: 20, rating: 20 });
  expect(flagsOf(li)).toEqual([]);
}

describe('counts that cannot be', () => {
  it('does not give a 26.7% visit rate and full marks for -30 households and -8 visits', async () => {
    const a = await month('8月台账', { households: -30, visits: -8 });
    expect(warningsOf(a)).toEqual(['8月台账!E3：联系户数 -30 不能为负数', '8月台账!F3：入户数 -8 不能为负数']);
    expect(a.warnings[0]!.messageEn).toBe('households to visit -30 cannot be negative');
    const zhang = cadre(a, '张三');
    expect(zhang.indicators.visits).toBe(0);
    expect(flagsOf(zhang)).toEqual(['入户率：“联系户数”、“入户数”数值不可能，不计分']);
    expect(zhang.score).toBe(80);
    othersUnchanged(a);
  });

  it('does not score 15 for -5 commitments with -4 done', async () => {
    const a = await month('5月台账', { promised: -5, fulfilled: -4 });
    expect(warningsOf(a)).toEqual(['5月台账!L3：承诺数 -5 不能为负数', '5月台账!M3：完成数 -4 不能为负数']);
    expect(cadre(a, '张三').indicators.commitments).toBe(0);
    expect(flagsOf(cadre(a, '张三'))).toEqual(['承诺完成率：“承诺数”、“完成数”数值不可能，不计分']);
    othersUnchanged(a);
  });

  it('takes a fraction of a household for the impossible count it is', async () => {
    const a = await month('5月台账', { households: 2.5 });
    expect(warningsOf(a)).toEqual(['5月台账!E3：联系户数 2.5 不是整数']);
    expect(cadre(a, '张三').indicators.visits).toBe(0);
    expect(flagsOf(cadre(a, '张三'))).toEqual(['入户率：“联系户数”数值不可能，不计分']);
    othersUnchanged(a);
  });
});

describe('a part larger than its whole', () => {
  it('warns at the part with both values and scores neither: 8 visits of 5 households', async () => {
    const a = await month('5月台账', { households: 5, visits: 8 });
    expect(warningsOf(a)).toEqual(['5月台账!F3：入户数 8 大于联系户数 5']);
    expect(a.warnings[0]!.messageEn).toBe('households visited 8 is more than households to visit 5');
    expect(cadre(a, '张三').indicators.visits).toBe(0);
    expect(flagsOf(cadre(a, '张三'))).toEqual(['入户率：“联系户数”、“入户数”数值不可能，不计分']);
    othersUnchanged(a);
  });

  it('does not score 20 for 8 done of 5 promised', async () => {
    const a = await month('5月台账', { promised: 5, fulfilled: 8 });
    expect(warningsOf(a)).toEqual(['5月台账!M3：完成数 8 大于承诺数 5']);
    expect(cadre(a, '张三').indicators.commitments).toBe(0);
    expect(flagsOf(cadre(a, '张三'))).toEqual(['承诺完成率：“承诺数”、“完成数”数值不可能，不计分']);
    othersUnchanged(a);
  });

  it('lets a part equal its whole: 5 visits of 5 households is every household', async () => {
    const a = await month('5月台账', { households: 5, visits: 5 });
    expect(a.warnings).toEqual([]);
    expect(cadre(a, '张三').indicators.visits).toBe(20);
  });
});

describe('days beyond the month and ratings beyond their scale', () => {
  it('does not give full marks for 1e308 days, nor for 45 days in August', async () => {
    const huge = await month('8月台账', { days: 1e308 });
    expect(warningsOf(huge)).toEqual(['8月台账!D3：下基层天数 1e+308 超过当月天数 31']);
    expect(cadre(huge, '张三').indicators.days).toBe(0);
    expect(flagsOf(cadre(huge, '张三'))).toEqual(['下基层天数：“下基层天数”数值不可能，不计分（8月台账!D3）']);
    othersUnchanged(huge);
    const many = await month('8月台账', { days: 45 });
    expect(warningsOf(many)).toEqual(['8月台账!D3：下基层天数 45 超过当月天数 31']);
    expect(many.warnings[0]!.messageEn).toBe('days at the grassroots 45 is more than the 31 days of the month');
  });

  it('counts the days of the month the row is for: 29 in February 2024, 30 is too many', async () => {
    expect((await month('2月台账', { days: 29 })).warnings).toEqual([]);
    const a = await month('2月台账', { days: 30 });
    expect(warningsOf(a)).toEqual(['2月台账!D3：下基层天数 30 超过当月天数 29']);
    expect(cadre(a, '张三').indicators.days).toBe(0);
  });

  it('does not count a 领导评分 of 1e10: that half of 双评 is 0 and the warning says why', async () => {
    const a = await month('8月台账', { leader: 1e10 });
    expect(warningsOf(a)).toEqual(['8月台账!N3：领导评分 10000000000 超出 0~100', '8月台账!N3：张三：双评：“领导评分”数值不可能，不计分']);
    expect(cadre(a, '张三').indicators.rating).toBe(10);
    othersUnchanged(a);
  });

  it('follows a range the pack sets: ratings out of 10', async () => {
    const input = packInput();
    const leader = input.columns.find((c) => c.fact === 'leaderScore')!;
    leader.range = { min: 0, max: 10 };
    const result = validatePack(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const r = readLedgers(await snapshotOf(ledger('5月台账', [cadreRow(1, '张三', { leader: 9.5 }), cadreRow(2, '李四', { leader: 11 })], { title: TITLE })), result.pack);
    expect(r.warnings.map((w) => `${w.cell}：${w.message}`)).toEqual(['N4：领导评分 11 超出 0~10']);
    expect(r.records.map((x) => x.facts.leaderScore)).toEqual([9.5, null]);
    expect([...r.records[1]!.impossible]).toEqual(['leaderScore']);
  });
});

describe('dates that cannot be', () => {
  const header = [...HEADER, '月份'];
  const row = (no: number, name: string, when: string) => [...cadreRow(no, name), when];

  it('never takes 2024/02/30, 2023-13-01 or ９９９９年１月 for a month; the rows with real months are read', async () => {
    const sheet = ledger('驻村干部台账', [row(1, '张三', '2024/02/30'), row(2, '李四', '2023-13-01'), row(3, '王五', '９９９９年１月'), row(4, '赵六', '2024年5月'), row(5, '钱七', '1999年5月')], { header });
    const r = readLedgers(await snapshotOf(sheet), pack, { today: '2026-12-02' });
    expect(r.records.map((x) => [x.name, x.period])).toEqual([['赵六', '2024-05']]);
    expect(r.warnings.map((w) => `${w.cell}：${w.message}`)).toEqual([
      'P2：“2024/02/30” 这一天不存在',
      'P2：无法确定这一行的考评月份（请在表名、标题或“月份”列写明）',
      'P3：“2023-13-01” 这一天不存在',
      'P3：无法确定这一行的考评月份（请在表名、标题或“月份”列写明）',
      'P4：月份“９９９９年１月”的年份 9999 不合理（应为 2000~2027年）',
      'P4：无法确定这一行的考评月份（请在表名、标题或“月份”列写明）',
      'P6：月份“1999年5月”的年份 1999 不合理（应为 2000~2027年）',
      'P6：无法确定这一行的考评月份（请在表名、标题或“月份”列写明）',
    ]);
  });

  it('does not take a year beyond next year from a sheet name', async () => {
    const r = readLedgers(await snapshotOf(ledger('９９９９年１月台账', [cadreRow(1, '张三')])), pack, { today: '2026-12-02' });
    expect(r.records).toEqual([]);
    expect(r.warnings.map((w) => `${w.cell}：${w.message}`)).toEqual([
      '：标题或表名中的年份 9999 不合理（应为 2000~2027年），未采用',
      'B2：无法确定这一行的考评月份（请在表名、标题或“月份”列写明）',
    ]);
  });
});
