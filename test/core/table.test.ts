import { describe, expect, it } from 'vitest';
import { assessWorkbook } from '../../src/core/assess/assess';
import { packHash } from '../../src/core/pack/hash';
import { assessmentJson } from '../../src/core/results/json';
import { CADRE_RESULT_SHEET, cadreResultTable, ResultTableSchema, tableTop } from '../../src/core/results/table';
import { cadreRow, ledger } from '../fixtures/ledgers';
import { defaultPack } from '../fixtures/pack';
import { snapshotOf } from '../fixtures/workbook';

const pack = defaultPack();

async function assessment() {
  return assessWorkbook(
    await snapshotOf(
      ledger('2024年5月', [cadreRow(1, '张三', { village: '宝力格嘎查', days: 8 }), cadreRow(2, '李四', { village: '额很嘎查' })]),
      ledger('2024年6月', [cadreRow(1, '张三', { village: '宝力格嘎查' })]),
    ),
    pack,
  );
}

describe('the result table', () => {
  it('has one row per cadre and month, each as wide as the header, and passes its schema', async () => {
    const table = cadreResultTable(await assessment(), pack, { time: '2024-07-05 09:30:00' });
    expect(ResultTableSchema.parse(table)).toEqual(table);
    expect(table.sheet).toBe(CADRE_RESULT_SHEET);
    expect(table.sheet).toBe('考评结果');
    expect(table.header).toEqual([
      '姓名', '所驻村（支部）', '考评期', '下基层天数（20）', '入户率（20）', '五个一（20）', '承诺完成率（20）', '双评（20）',
      '总分', '等次', '星级', '排名', '上期得分', '变化', '提示与扣分原因', '计分依据', '来源',
    ]);
    expect(table.rows).toHaveLength(3);
    for (const row of table.rows) expect(row).toHaveLength(table.header.length);
    expect(table.columnWidths).toHaveLength(table.header.length);
    expect(table.numberFormats).toHaveLength(table.header.length);
    expect(table.wrap.map((i) => table.header[i])).toEqual(['变化', '提示与扣分原因', '计分依据']);
    expect(table.note).toBe(`由“台账考评”于 2024-07-05 09:30:00 生成，规则包：驻村干部月度考核（stationed-cadre），规则版本 ${packHash(pack)}。本表每次考评整体重写，请勿在此表录入数据。`);
  });

  it('writes each row from the cadre\'s result', async () => {
    const table = cadreResultTable(await assessment(), pack, { time: 't' });
    expect(table.rows[0]).toEqual(['李四', '额很嘎查', '2024年5月', 20, 20, 20, 20, 20, 100, '优秀', '★★★★★', '1/2', '', '', '', expect.stringContaining('每月下基层不少于10天 +20；'), '2024年5月!A3']);
    expect(table.rows[1]!.slice(0, 15)).toEqual(['张三', '宝力格嘎查', '2024年5月', 16, 20, 20, 20, 20, 96, '优秀', '★★★★★', '2/2', '', '', '下基层天数不足10天（8天）；排名后20%']);
    // June's row compares with May's: the score up by 4, the days made good.
    expect(table.rows[2]!.slice(0, 3)).toEqual(['张三', '宝力格嘎查', '2024年6月']);
    expect(table.rows[2]!.slice(12, 14)).toEqual([96, '+4；整改到位：下基层天数不足10天']);
  });
});

describe('the result table as a report', () => {
  it('opens with a title and the figures: 2 people are 3 results over 2 months, the scores and grades counted from the rows', async () => {
    const table = cadreResultTable(await assessment(), pack, { time: 't' });
    const { preamble } = table;
    expect(preamble!.title).toBe('2024年5月至2024年6月 驻村干部月度考核结果');
    const [counts, scores, grades, stars] = preamble!.lines;
    expect(counts).toEqual([
      { label: '参评对象（人）', value: 2 },
      { label: '考评结果（人次）', value: 3 },
      { label: '考评期（期）', value: 2 },
    ]);
    const total = table.rows.map((r) => r[table.header.indexOf('总分')] as number);
    expect(scores).toEqual([
      { label: '平均分', value: Math.round((total.reduce((a, b) => a + b, 0) / 3) * 100) / 100 },
      { label: '最高分', value: Math.max(...total) },
      { label: '最低分', value: Math.min(...total) },
    ]);
    const gradeColumn = table.rows.map((r) => r[table.header.indexOf('等次')]);
    expect(grades!.map((g) => g.label)).toEqual(pack.grades.map((g) => g.grade));
    for (const g of grades!) expect(g.value).toBe(gradeColumn.filter((x) => x === g.label).length);
    expect(grades!.reduce((n, g) => n + (g.value as number), 0)).toBe(3);
    const starColumn = table.rows.map((r) => r[table.header.indexOf('星级')]);
    for (const s of stars!) expect(s.value).toBe(starColumn.filter((x) => x === s.label).length);
  });

  it('names the period asked for in the title', async () => {
    const a = await assessWorkbook(await snapshotOf(ledger('2024年5月', [cadreRow(1, '张三', { village: '宝力格嘎查' })])), pack, { period: '2024-Q2' });
    expect(cadreResultTable(a, pack, { time: 't' }).preamble!.title).toBe('2024年第二季度 驻村干部月度考核结果');
  });

  it('says the points in the rules’ words, never by rule id', async () => {
    const table = cadreResultTable(await assessment(), pack, { time: 't' });
    const basis = table.rows.map((r) => r[table.header.indexOf('计分依据')] as string);
    for (const text of basis) for (const rule of pack.rules) expect(text).not.toMatch(new RegExp(`(^|；)${rule.id} `));
    expect(basis[0]).toContain('承诺完成率 ≥ 90% +20');
  });

  it('gives each row’s source as a ledger cell, the column’s text naming the same cell', async () => {
    const table = cadreResultTable(await assessment(), pack, { time: 't' });
    expect(table.sources!.column).toBe(table.header.indexOf('来源'));
    expect(table.sources!.cells).toEqual([{ sheet: '2024年5月', cell: 'A3' }, { sheet: '2024年5月', cell: 'A2' }, { sheet: '2024年6月', cell: 'A2' }]);
    table.rows.forEach((row, i) => expect(row[table.sources!.column]).toBe(`${table.sources!.cells[i]!.sheet}!${table.sources!.cells[i]!.cell}`));
  });

  it('lays the title, the note and the figures above the header, a line running on where the table is narrow', async () => {
    const table = cadreResultTable(await assessment(), pack, { time: 't' });
    const top = tableTop(table);
    expect(top.title).toBe(0);
    expect(top.note).toBe(1);
    expect(top.rows[0]![0]).toBe(table.preamble!.title);
    expect(top.rows[1]![0]).toBe(table.note);
    expect(top.figures).toEqual([2, 3, 4, 5]);
    expect(top.rows[2]).toEqual(['参评对象（人）', 2, '考评结果（人次）', 3, '考评期（期）', 2, ...Array(table.header.length - 6).fill('')]);
    for (const row of top.rows) expect(row).toHaveLength(table.header.length);
    const narrow = tableTop({ ...table, header: table.header.slice(0, 4) });
    expect(narrow.rows.slice(2, 4)).toEqual([['参评对象（人）', 2, '考评结果（人次）', 3], ['考评期（期）', 2, '', '']]);
    const bare = tableTop({ ...table, preamble: undefined });
    expect(bare).toEqual({ rows: [[table.note, ...Array(table.header.length - 1).fill('')]], title: undefined, note: 0, figures: [] });
  });
});

describe('the JSON result', () => {
  it('has the keys the CLI promises, and survives JSON unchanged', async () => {
    const a = await assessment();
    const json = assessmentJson(a, '小结');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(Object.keys(json.cadres[0]!)).toEqual(expect.arrayContaining(['name', 'branch', 'period', 'score', 'grade', 'stars', 'rank', 'indicators', 'flags', 'source']));
    expect(json.cadres[1]).toMatchObject({
      name: '张三', branch: '宝力格嘎查', period: '2024-05', score: 96, grade: '优秀', stars: 5, rank: 2,
      indicators: { days: 16, visits: 20, fiveOnes: 20, commitments: 20, rating: 20 },
      flags: [{ rule: 'days-short', message: '下基层天数不足10天（8天）' }, { rule: 'ranking:bottom', message: '排名后20%' }],
      source: { sheet: '2024年5月', row: 2 },
    });
    expect(json.summary).toBe('小结');
  });
});
