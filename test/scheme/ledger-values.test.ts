import { describe, expect, it } from 'vitest';
import { readLedgerSheets } from '../../src/core/ledger/read';
import { assessAll } from '../../src/core/run';
import { shippedSchemes } from '../../src/core/rulesheet/defaults';
import { validateScheme } from '../../src/core/rulesheet/scheme/validate';
import { sheet, snapshotOf } from '../fixtures/workbook';
import { assessmentOf, resultOf, shippedPacks, warningTexts } from './helpers';

/** A township's own monthly record of members' activities: the activity types listed with their wordings, a stated rate beside its counts. */
const members = {
  id: 'member-activities',
  version: 1,
  title: '党员活动登记',
  subject: '党员',
  periodKind: 'month',
  params: [],
  ledgers: [
    {
      id: 'activities',
      title: '党员活动登记表',
      columns: [
        { fact: 'member', label: '党员姓名', type: 'name', role: 'subject' },
        { fact: 'day', label: '活动日期', type: 'date', role: 'period' },
        {
          fact: 'activityType',
          label: '活动类型',
          labelEn: 'activity type',
          type: 'text',
          values: [
            { id: '主题党日', label: '主题党日', aliases: ['党日活动'] },
            { id: '党课', label: '党课', aliases: ['讲党课'] },
          ],
        },
        { fact: 'hours', label: '活动时长', type: 'number' },
      ],
      ignoredColumns: ['活动地点'],
    },
    {
      id: 'requests',
      title: '诉求回应台账',
      columns: [
        { fact: 'requestMember', label: '党员姓名', type: 'name', role: 'subject' },
        { fact: 'month', label: '月份', type: 'period', role: 'period' },
        { fact: 'gathered', label: '收集诉求数', type: 'number' },
        { fact: 'answered', label: '回应诉求数', type: 'number' },
        { fact: 'answerRate', label: '回应率', type: 'percent' },
      ],
      statedRates: [{ fact: 'answerRate', numerator: 'answered', denominator: 'gathered' }],
    },
  ],
  facts: [
    { fact: 'themeDays', label: '主题党日次数', source: 'rows', ledger: 'activities', op: 'count', where: { column: 'activityType', values: ['主题党日'] } },
    { fact: 'lectures', label: '党课次数', source: 'rows', ledger: 'activities', op: 'count', where: { column: 'activityType', values: ['党课'] } },
    { fact: 'activities', label: '活动次数', source: 'rows', ledger: 'activities', op: 'count' },
    { fact: 'rate', label: '回应率', source: 'value', ledger: 'requests', column: 'answerRate' },
  ],
  indicators: [{ id: 'themeDay', label: '主题党日', max: 100, hitPolicy: 'sum' }],
  rules: [{ id: 'themeDay', indicator: 'themeDay', points: { per: 'themeDays', each: 50 } }],
  grades: [
    { min: 100, grade: '好', stars: 0 },
    { min: 0, grade: '差', stars: 0 },
  ],
};

const activities = sheet('党员活动', [
  ['党员姓名', '活动日期', '活动类型', '活动时长', '活动地点'],
  ['张三', '2024-05-10', '主题党日', 2, '党群服务中心'],
  ['张三', '2024-05-20', '5月党日活动', 2, '党群服务中心'],
  ['张三', '2024-05-25', '民情恳谈会', 1, '嘎查'],
  ['李四', '2024-05-10', '主题党日+讲党课', 3, '党群服务中心'],
  ['李四', '2024-05-12', null, 1, '嘎查'],
]);

const requests = sheet('诉求回应', [
  ['党员姓名', '月份', '收集诉求数', '回应诉求数', '回应率'],
  ['张三', '2024-05', 20, 10, '63%'],
  ['李四', '2024-05', 10, 9, '90%'],
]);

async function run() {
  const checked = validateScheme(members, { schemes: ['member-activities'] });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const packs = { ...shippedPacks(), schemes: [...shippedSchemes(), checked.scheme] };
  return assessmentOf(await assessAll(await snapshotOf(activities, requests), packs, { period: '2024-05' }), 'member-activities');
}

describe('a declared ledger whose column lists its values', () => {
  it('counts rows where 活动类型 = 主题党日, a row written 党日活动 among them, and one per type when a cell names two', async () => {
    const a = await run();
    expect(resultOf(a, '张三').values).toMatchObject({ themeDays: 2, lectures: 0 });
    expect(resultOf(a, '李四').values).toMatchObject({ themeDays: 1, lectures: 1 });
    expect(resultOf(a, '张三').score).toBe(100);
  });

  it('warns a type it does not list, and a blank one, at their cells, in both languages; neither counts for the column', async () => {
    const a = await run();
    const texts = a.warnings.filter((w) => w.sheet === '党员活动');
    expect(texts.map((w) => `${w.cell} ${w.message}`)).toEqual(['C4 “民情恳谈会”不是规则包中的活动类型，这一行未计入', 'C6 没有填写活动类型，这一行未计入']);
    expect(texts.map((w) => w.messageEn)).toEqual(['"民情恳谈会" is not one of the values of activity type in the rules; row not counted', 'no activity type written; row not counted']);
    // The rows are still the member's: only what is counted by their type leaves them out.
    expect(resultOf(a, '张三').values.activities).toBe(3);
  });
});

describe('a declared ledger with a stated rate', () => {
  it('warns a rate 13 points off its counts, naming the cells, and reads the counts’ rate', async () => {
    const a = await run();
    expect(warningTexts(a.warnings.filter((w) => w.sheet === '诉求回应'))).toEqual([
      '诉求回应!E2: 填报的回应率 63.0% 与台账数量不符：回应诉求数10÷收集诉求数20（D2、C2）= 50.0%，相差13.0个百分点，按数量计算',
    ]);
    expect(resultOf(a, '张三').values.rate).toBe(0.5);
    // Within half a point of its counts a stated rate stands as written.
    expect(resultOf(a, '李四').values.rate).toBe(0.9);
  });

  it('is a problem of the scheme when the rate is not a percent column or its counts are not numbers', () => {
    const bad = structuredClone(members);
    bad.ledgers[1]!.statedRates = [{ fact: 'gathered', numerator: 'answerRate', denominator: 'gathered' }];
    const checked = validateScheme(bad, { schemes: ['member-activities'] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.message)).toEqual(['只有百分比列能按数量核对，“收集诉求数”不是百分比列', '核对中的“回应率”不是数字列']);
  });
});

describe('a row split by one column of values, with another column naming none', () => {
  it('leaves the second column empty in every set of facts the row stands for', () => {
    const values = (labels: string[]) => labels.map((label) => ({ id: label, label, aliases: [] }));
    const spec = {
      columns: [
        { fact: 'member', label: '党员姓名', type: 'name' as const, role: 'subject' as const, aliases: [] },
        { fact: 'day', label: '活动日期', type: 'date' as const, role: 'period' as const, aliases: [] },
        { fact: 'kind', label: '活动类型', type: 'text' as const, aliases: [], values: values(['主题党日', '党课']) },
        { fact: 'place', label: '活动地点', type: 'text' as const, aliases: [], values: values(['村部', '广场']) },
      ],
      ignoredColumns: [],
    };
    const workbook = { sheets: [{ name: '活动', values: [['党员姓名', '活动日期', '活动类型', '活动地点'], ['其其格', '2024-05-06', '主题党日暨党课', '牧户家中']], merges: [] }] };
    const read = readLedgerSheets(workbook, spec);
    expect(read.records.map((r) => [r.facts.kind, r.facts.place])).toEqual([
      ['主题党日', null],
      ['党课', null],
    ]);
    expect(read.warnings.map((w) => w.cell)).toEqual(['D2']);
  });
});
