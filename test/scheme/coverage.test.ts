import { describe, expect, it } from 'vitest';
import type { LedgerInfo, LedgerRecord } from '../../src/core/ledger/read';
import { assessScheme } from '../../src/core/scheme/assess';
import { SchemeSchema } from '../../src/core/scheme/schema';

/** A township's own quarterly check that every village holds its monthly 党日 meeting. */
const scheme = (coverShare: number) =>
  SchemeSchema.parse({
    id: 'party-day',
    version: 1,
    title: '主题党日开展情况',
    subject: '嘎查',
    periodKind: 'quarter',
    coverShare,
    ledgers: [
      {
        id: 'days',
        title: '主题党日记录',
        columns: [
          { fact: 'village', label: '嘎查', type: 'name', role: 'subject' },
          { fact: 'month', label: '月份', type: 'period', role: 'period' },
        ],
      },
    ],
    facts: [{ fact: 'missed', label: '未开展月数', source: 'unitsWithout', ledger: 'days', per: 'month' }],
    indicators: [{ id: 'days', label: '主题党日', max: 100, hitPolicy: 'first' }],
    rules: [
      { id: 'all', indicator: 'days', when: [{ fact: 'missed', op: '=', value: 0 }], points: 100 },
      { id: 'some', indicator: 'days', when: [{ fact: 'missed', op: '>', value: 0 }], points: 50, flag: '{missedDetail}未开展' },
    ],
    grades: [
      { min: 90, grade: '好', stars: 0 },
      { min: 0, grade: '差', stars: 0 },
    ],
  });

let row = 2;
const rec = (village: string, month: string): LedgerRecord => ({ sheet: '主题党日', row: ++row, name: village, branch: null, period: month, facts: { village, month }, unreadable: new Set(), impossible: new Set() });
const info: LedgerInfo = {
  sheet: '主题党日',
  headerRows: [2, 2],
  columns: [
    { fact: 'village', label: '嘎查', header: '嘎查', cell: 'A2' },
    { fact: 'month', label: '月份', header: '月份', cell: 'B2' },
  ],
  missing: [],
  unmapped: [],
  records: 0,
  skipped: { blank: 0, totals: 0, footers: 0, empty: 0 },
};
const villages = ['巴彦', '乌兰', '查干', '宝力根'];
// Every village in April and May; one row dated June, a date typed wrong.
const records = [...villages.flatMap((v) => [rec(v, '2024-04'), rec(v, '2024-05')]), rec('巴彦', '2024-06')];
const run = (coverShare: number) => assessScheme(scheme(coverShare), { ledgers: new Map([['days', { records, infos: [info], warnings: [] }]]), results: new Map() });

describe('a month counts as covered only when enough subjects have rows for it', () => {
  it('takes one stray June row for a mistyped date, says so at its date cell, and fails no one for June', async () => {
    const a = await run(0.5);
    expect(a.results.every((r) => r.values.missed === 0)).toBe(true);
    expect(a.warnings).toEqual([expect.objectContaining({ sheet: '主题党日', cell: 'B11', message: expect.stringContaining('2024年6月只有1个嘎查有记录') })]);
  });

  it('without a share, any row covers its month: the other three are failed for June', async () => {
    const a = await run(0);
    expect(a.results.filter((r) => r.values.missed === 1).map((r) => r.name).sort()).toEqual(['乌兰', '宝力根', '查干']);
    expect(a.warnings).toEqual([]);
  });
});

describe('a scheme may judge subjects with no rows, and be judged for other periods asked', () => {
  const roster = (options: { judgeAbsent?: boolean; alsoJudgedFor?: ('month' | 'quarter' | 'year')[] }) => SchemeSchema.parse({ ...scheme(0), ...options });
  const inputs = () => ({ ledgers: new Map([['days', { records, infos: [info], warnings: [] }]]), results: new Map() });

  it('leaves out a village with no row in a quarter, unless every village is judged: then it has missed every month', async () => {
    const july = [...records, rec('乌兰', '2024-07')];
    const ledgers = new Map([['days', { records: july, infos: [info], warnings: [] }]]);
    const quiet = await assessScheme(scheme(0), { ledgers, results: new Map() }, { period: '2024-Q3' });
    expect(quiet.results.map((r) => r.name)).toEqual(['乌兰']);
    const all = await assessScheme(roster({ judgeAbsent: true }), { ledgers, results: new Map() }, { period: '2024-Q3' });
    expect(all.results.map((r) => [r.name, r.values.missed, r.source])).toEqual(
      expect.arrayContaining([
        ['乌兰', 0, null],
        ['巴彦', 1, null],
        ['查干', 1, null],
      ]),
    );
  });

  it('judges the year asked as one period when it is one of its kinds, and its quarters otherwise', async () => {
    expect((await assessScheme(scheme(0), inputs(), { period: '2024' })).periods).toEqual(['2024-Q2']);
    expect((await assessScheme(roster({ alsoJudgedFor: ['year'] }), inputs(), { period: '2024' })).periods).toEqual(['2024']);
  });
});
