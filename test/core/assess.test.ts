import { describe, expect, it } from 'vitest';
import { assessWorkbook } from '../../src/core/assess/assess';
import { cadreRow, ledger } from '../fixtures/ledgers';
import { defaultPack } from '../fixtures/pack';
import { snapshotOf } from '../fixtures/workbook';

const pack = defaultPack();

/** A year of ledgers: Dec 2023, then Apr, May, Jun and Oct 2024, a sheet each; May has an unreadable cell. */
async function year() {
  return snapshotOf(
    ledger('2023年12月', [cadreRow(1, '甲'), cadreRow(2, '乙')]),
    ledger('2024年4月', [cadreRow(1, '甲'), cadreRow(2, '乙')]),
    ledger('2024年5月', [cadreRow(1, '甲', { days: '不详' }), cadreRow(2, '乙'), cadreRow(3, '丙')]),
    ledger('2024年6月', [cadreRow(1, '甲'), cadreRow(2, '乙')]),
    ledger('2024年10月', [cadreRow(1, '甲')]),
  );
}

describe('the period filter', () => {
  it.each([
    ['2024-05', ['2024-05'], 3],
    ['2024-Q2', ['2024-04', '2024-05', '2024-06'], 7],
    ['2024', ['2024-04', '2024-05', '2024-06', '2024-10'], 8],
    ['2023-Q4', ['2023-12'], 2],
  ])('%s assesses %j', async (period, months, count) => {
    const a = await assessWorkbook(await year(), pack, { period });
    expect(a.period).toBe(period);
    expect(a.months).toEqual(months);
    expect(a.cadres).toHaveLength(count);
    expect(new Set(a.cadres.map((c) => c.period))).toEqual(new Set(months));
  });

  it('assesses every month without one, ranking each month on its own', async () => {
    const a = await assessWorkbook(await year(), pack);
    expect(a.months).toEqual(['2023-12', '2024-04', '2024-05', '2024-06', '2024-10']);
    expect(a.cadres.filter((c) => c.period === '2024-05').map((c) => [c.name, c.rank, c.of])).toEqual([['乙', 1, 3], ['丙', 1, 3], ['甲', 3, 3]]);
  });

  it('keeps only the warnings of the months assessed', async () => {
    const may = await assessWorkbook(await year(), pack, { period: '2024-05' });
    expect(may.warnings.map((w) => `${w.sheet}!${w.cell}`)).toEqual(['2024年5月!D2']);
    const june = await assessWorkbook(await year(), pack, { period: '2024-06' });
    expect(june.warnings).toEqual([]);
  });
});

describe('one cadre twice in a month', () => {
  it('assesses the first record and says at the second one\'s name cell that it is not counted', async () => {
    const a = await assessWorkbook(await snapshotOf(ledger('2024年5月', [cadreRow(1, '张三'), cadreRow(2, '李四'), cadreRow(3, '张 三')])), pack);
    expect(a.cadres.filter((c) => c.name === '张三').map((c) => c.source.row)).toEqual([2]);
    expect(a.warnings.map((w) => [w.sheet, w.cell, w.message])).toEqual([['2024年5月', 'B4', '张三 在 2024年5月 已有一行（2024年5月!B2），此行未计入']]);
  });
});

describe('progress', () => {
  it('is reported as judging starts, as rows are scored and at the total', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => cadreRow(i + 1, `干部${i + 1}`));
    const seen: [string, number, number, string | undefined][] = [];
    await assessWorkbook(await snapshotOf(ledger('2024年5月', rows)), pack, { onProgress: (p) => void seen.push([p.stage, p.done, p.total, p.of?.zh]) });
    // Each report names the assessment its counts are of: a run goes through several, one after another.
    expect(seen[0]).toEqual(['judging', 0, 120, pack.title]);
    expect(seen.at(-1)).toEqual(['judging', 120, 120, pack.title]);
    expect(seen.map((s) => s[1])).toEqual([...seen.map((s) => s[1])].sort((a, b) => a - b));
    expect(seen.length).toBeGreaterThan(10);
  });
});
