import { describe, expect, it } from 'vitest';
import { readLedgers } from '../../src/core/assess/scheme';
import { validatePack } from '../../src/core/pack/validate';
import { loadWorkbook } from '../../src/node/workbook-file';
import { writeCsv } from '../fixtures/csv';
import { cadreRow, HEADER, ledger } from '../fixtures/ledgers';
import { defaultPack, packInput } from '../fixtures/pack';
import { type FixtureCell, snapshotOf } from '../fixtures/workbook';

const pack = defaultPack();

async function read(...sheets: Parameters<typeof snapshotOf>) {
  return readLedgers(await snapshotOf(...sheets), pack);
}

const blank = () => Array(HEADER.length).fill(null);

describe('rows that are not cadres', () => {
  it('skips 合计 and 小计 rows, mid-sheet and at the end, and blank spacer rows', async () => {
    const subtotal = [null, '小计', '东片（2人）', 22, 40, 9, null, null, null, null, null, 20, 18, null, null];
    const zoneTotal = [null, '西片小计', null, 10, 20, 4, null, null, null, null, null, 10, 9, null, null];
    const total = ['合 计', '3人', null, 32, 60, 13, null, null, null, null, null, 30, 27, null, null];
    const spec = ledger('2024年5月', [
      cadreRow(1, '张三', { days: 12 }),
      cadreRow(2, '李四', { days: 10 }),
      subtotal,
      blank(),
      cadreRow(3, '王五'),
      zoneTotal,
      blank(),
      total,
      ['填表人：乌云　　审核人：巴特尔'],
    ]);
    const r = await read(spec);
    expect(r.records.map((x) => [x.name, x.row])).toEqual([['张三', 2], ['李四', 3], ['王五', 6]]);
    expect(r.warnings).toEqual([]);
  });

  it('skips a 合计 row written under 序号 where 序号 is not the first column', async () => {
    const header = ['姓名', '所驻村', '下基层天数', '序号', ...HEADER.slice(4)];
    const row = (cells: FixtureCell[]) => [cells[1]!, cells[2]!, cells[3]!, cells[0]!, ...cells.slice(4)];
    const total = ['合计', '2人', null, 22, 40, 8, null, null, null, null, null, 20, 18, null, null];
    const r = await read(ledger('2024年5月', [row(cadreRow(1, '张三')), row(cadreRow(2, '李四')), row(total)], { header }));
    expect(r.records.map((x) => x.name)).toEqual(['张三', '李四']);
    expect(r.warnings).toEqual([]);
  });

  it('keeps a cadre whose remark mentions a total', async () => {
    const r = await read(ledger('2024年5月', [[...cadreRow(1, '张三'), '已汇总']], { header: [...HEADER, '备注'] }));
    expect(r.records.map((x) => x.name)).toEqual(['张三']);
  });

  it('skips rows numbered in advance with nothing else in them', async () => {
    const r = await read(ledger('2024年5月', [cadreRow(1, '张三'), [2], [3], [4]]));
    expect(r.records).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });

  it('warns about a row with data but no name, and skips it', async () => {
    const r = await read(ledger('2024年5月', [cadreRow(1, '张三'), cadreRow(2, null)]));
    expect(r.records).toHaveLength(1);
    expect(r.warnings).toEqual([
      { sheet: '2024年5月', cell: 'B3', period: '2024-05', message: '这一行有数据但没有姓名，已跳过', messageEn: 'this row has data but no name; skipped' },
    ]);
  });
});

describe('ditto marks and names', () => {
  it('repeats the value above for 同上 and 〃, across a merged village too', async () => {
    const spec = ledger('2024年5月', [
      cadreRow(1, '张三', { village: '宝力格嘎查' }),
      cadreRow(2, '李四', { village: '同上' }),
      cadreRow(3, '王五', { village: '〃' }),
      cadreRow(4, '赵六', { village: '额很嘎查' }),
      cadreRow(5, '孙七', { village: null }),
    ]);
    spec.merges!.push('C5:C6');
    const r = await read(spec);
    expect(r.records.map((x) => [x.name, x.branch])).toEqual([
      ['张三', '宝力格嘎查'],
      ['李四', '宝力格嘎查'],
      ['王五', '宝力格嘎查'],
      ['赵六', '额很嘎查'],
      ['孙七', '额很嘎查'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('warns about a ditto mark with nothing above it and leaves the value missing', async () => {
    const r = await read(ledger('2024年5月', [cadreRow(1, '张三', { days: '同上' })]));
    expect(r.records[0]!.facts.days).toBeNull();
    expect(r.records[0]!.unreadable.has('days')).toBe(true);
    expect(r.warnings).toEqual([
      { sheet: '2024年5月', cell: 'D2', period: '2024-05', message: '“同上”上方没有可沿用的值', messageEn: 'a ditto mark with nothing above it to repeat' },
    ]);
  });

  it('takes the padding out of names and keeps the characters', async () => {
    const r = await read(ledger('2024年5月', [cadreRow(1, '张  三'), cadreRow(2, '王　芳'), cadreRow(3, ' 其木格 '), cadreRow(4, '幹部甲')]));
    expect(r.records.map((x) => x.name)).toEqual(['张三', '王芳', '其木格', '幹部甲']);
  });
});

describe('values as staff write them', () => {
  it('reads full-width digits, units, percentages as text and every yes/no mark', async () => {
    const r = await read(
      ledger('2024年5月', [
        cadreRow(1, '张三', { days: '１２', households: '30户', visits: '６户', five: ['√', '是', '有', 1, '1'], promised: '5项', fulfilled: '５', leader: '92分', people: '96%' }),
        cadreRow(2, '李四', { days: '10天', households: 20, visits: 4, five: ['×', '否', '无', 0, '0'], promised: '无', fulfilled: '—', leader: 88, people: '八十五' }),
      ]),
    );
    expect(r.warnings).toEqual([]);
    expect(r.records[0]!.facts).toMatchObject({
      days: 12, households: 30, visits: 6, project: true, cooperative: true, centralHousehold: true, richLeader: true, poorHousehold: true,
      promised: 5, fulfilled: 5, leaderScore: 92, publicScore: 96,
    });
    expect(r.records[1]!.facts).toMatchObject({
      days: 10, project: false, cooperative: false, centralHousehold: false, richLeader: false, poorHousehold: false,
      promised: null, fulfilled: null, publicScore: 85,
    });
    expect(r.records[1]!.unreadable.size).toBe(0);
  });

  it('turns every cell it cannot read into a warning naming the sheet and the cell, and keeps the cadre', async () => {
    const r = await read(
      ledger('5月台账', [
        cadreRow(1, '张三'),
        cadreRow(2, '李四', { days: '不详', five: ['√', '√', '半', '√', '√'], leader: '待定' }),
      ], { title: '驻村干部台账（2024年5月）' }),
    );
    expect(r.records.map((x) => x.name)).toEqual(['张三', '李四']);
    expect(r.records[1]!.facts.days).toBeNull();
    expect([...r.records[1]!.unreadable].sort()).toEqual(['centralHousehold', 'days', 'leaderScore']);
    expect(r.warnings.map((w) => `${w.sheet}!${w.cell}：${w.message}`)).toEqual([
      '5月台账!D4：“不详” 不是有效的下基层天数',
      '5月台账!I4：“半” 不是有效的联系党员中心户',
      '5月台账!N4：“待定” 不是有效的领导评分',
    ]);
    expect(r.warnings[0]!.messageEn).toBe('"不详" is not a valid days at the grassroots');
  });
});

describe('the month of each row', () => {
  it('comes from the sheet name, the title row, or a year in the title with the month in the name', async () => {
    const r = await read(
      ledger('2024年4月驻村干部台账', [cadreRow(1, '甲')], { title: '驻村干部台账' }),
      ledger('5月台账', [cadreRow(1, '乙')], { title: '某某苏木驻嘎查干部工作台账（2024年5月）' }),
      ledger('2024.06', [cadreRow(1, '丙')]),
      ledger('7月', [cadreRow(1, '丁')], { title: '2024年驻村干部台账' }),
    );
    expect(r.records.map((x) => [x.name, x.period])).toEqual([['甲', '2024-04'], ['乙', '2024-05'], ['丙', '2024-06'], ['丁', '2024-07']]);
    expect(r.ledgers.map((l) => l.period)).toEqual(['2024-04', '2024-05', '2024-06', '2024-07']);
  });

  it('prefers the title row over the sheet name, and ignores the filing date in a meta row', async () => {
    const r = await read(
      ledger('Sheet1', [cadreRow(1, '甲')], { title: '驻村干部台账（2024年8月）', meta: ['填表日期：2024年9月3日'] }),
      ledger('Sheet2', [cadreRow(1, '乙')], { title: '驻村干部台账', meta: ['统计时间：2024年9月　填报日期：2024年10月5日'] }),
      ledger('Sheet3', [cadreRow(1, '丙')], { title: '駐村幹部臺賬', meta: ['填報日期：2024年12月2日　統計時間：2024年11月'] }),
    );
    expect(r.records.map((x) => x.period)).toEqual(['2024-08', '2024-09', '2024-11']);
  });

  it('comes from a month or date column in any of the usual forms, the year from the title', async () => {
    const header = ['月份', ...HEADER.slice(1)];
    const row = (when: string | number | Date, name: string) => [when, ...cadreRow(0, name).slice(1)];
    const r = await read(
      ledger('第二季度', [
        row('2024年4月', '甲'),
        row('5月', '乙'),
        row('2024.6.30', '丙'),
        row(20240415, '丁'),
        row(new Date(Date.UTC(2024, 4, 6)), '戊'),
        row('2024-06', '己'),
      ], { header, title: '2024年第二季度驻村干部台账' }),
    );
    expect(r.records.map((x) => [x.name, x.period])).toEqual([
      ['甲', '2024-04'], ['乙', '2024-05'], ['丙', '2024-06'], ['丁', '2024-04'], ['戊', '2024-05'], ['己', '2024-06'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('reads a month column holding the month alone as that month of the title\'s year, not as a spreadsheet day', async () => {
    const header = ['月份', ...HEADER.slice(1)];
    const row = (when: string | number, name: string) => [when, ...cadreRow(0, name).slice(1)];
    const r = await read(
      ledger('第二季度', [row(4, '甲'), row('５', '乙'), row('6', '丙')], { header, title: '2024年第二季度驻村干部台账' }),
      ledger('无年份', [row(5, '丁')], { header }),
    );
    expect(r.records.map((x) => [x.name, x.period])).toEqual([['甲', '2024-04'], ['乙', '2024-05'], ['丙', '2024-06']]);
    expect(r.warnings.map((w) => `${w.sheet}!${w.cell}：${w.message}`)).toEqual([
      '无年份!A2：“5” 不是可识别的月份（如 2024年5月、2024-05，或在标题中写明年份）',
      '无年份!A2：无法确定这一行的考评月份（请在表名、标题或“月份”列写明）',
    ]);
  });

  it('keeps the day of a date column, apart from the month the row is for', async () => {
    const input = packInput();
    input.columns.push({ fact: 'visitDate', label: '走访日期', type: 'date' });
    const checked = validatePack(input);
    if (!checked.ok) throw new Error(checked.problems[0]!.message);
    const row = (when: FixtureCell, name: string) => [...cadreRow(0, name), when];
    const snapshot = await snapshotOf(ledger('2024年5月', [row('5月6日', '甲'), row('2024.6.2', '乙'), row('上旬', '丙')], { header: [...HEADER, '走访日期'] }));
    const r = readLedgers(snapshot, checked.pack);
    expect(r.records.map((x) => [x.name, x.period, x.facts.visitDate])).toEqual([['甲', '2024-05', '2024-05-06'], ['乙', '2024-05', '2024-06-02'], ['丙', '2024-05', null]]);
    expect(r.warnings.map((w) => `${w.cell}：${w.message}`)).toEqual(['P4：“上旬” 不是可识别的日期']);
  });

  it('warns and skips a row whose month cannot be told', async () => {
    const r = await read(ledger('驻村干部台账', [cadreRow(1, '甲')]));
    expect(r.records).toEqual([]);
    expect(r.warnings.map((w) => [w.cell, w.message])).toEqual([['B2', '无法确定这一行的考评月份（请在表名、标题或“月份”列写明）']]);
    const withDefault = readLedgers(await snapshotOf(ledger('驻村干部台账', [cadreRow(1, '甲')])), pack, { defaultPeriod: '2024-05' });
    expect(withDefault.records.map((x) => x.period)).toEqual(['2024-05']);
  });

  it('reads a workbook of several months, one sheet each', async () => {
    const r = await read(
      ledger('2024年4月', [cadreRow(1, '甲'), cadreRow(2, '乙')]),
      ledger('2024年5月', [cadreRow(1, '甲'), cadreRow(2, '乙'), cadreRow(3, '丙')]),
    );
    expect(r.records.map((x) => `${x.period}:${x.name}`)).toEqual(['2024-04:甲', '2024-04:乙', '2024-05:甲', '2024-05:乙', '2024-05:丙']);
  });
});

describe('CSV files', () => {
  const rows = [
    ['驻村干部台账（2024年5月）'],
    HEADER,
    cadreRow(1, '张  三', { days: '１２天', five: ['√', '×', '是', '否', '无'], people: '96%' }),
    cadreRow(2, '額爾德木圖', { village: '〃' }),
    ['合计', '2人', null, 22],
  ] as (string | number | null)[][];

  it.each(['utf8', 'utf8-bom', 'gb18030'] as const)('reads a %s export', async (encoding) => {
    const file = await writeCsv(rows, `5月台账.csv`, encoding);
    const { snapshot } = await loadWorkbook(file);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['5月台账']);
    const r = readLedgers(snapshot, pack);
    expect(r.warnings).toEqual([]);
    expect(r.records.map((x) => [x.name, x.branch, x.period, x.row])).toEqual([
      ['张三', '红旗村', '2024-05', 3],
      ['額爾德木圖', '红旗村', '2024-05', 4],
    ]);
    expect(r.records[0]!.facts).toMatchObject({ days: 12, project: true, cooperative: false, centralHousehold: true, richLeader: false, poorHousehold: false, publicScore: 96 });
  });
});
