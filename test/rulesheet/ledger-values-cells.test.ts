import { describe, expect, it } from 'vitest';
import { entriesOfRules, readRulesSheet, type RulesEntry, rulesSheetLayout } from '../../src/core/rulesheet/index';
import { type Scheme, SchemeSchema } from '../../src/core/scheme/schema';
import type { Cell, SheetSnapshot } from '../../src/core/snapshot';
import { HOUSEHOLD } from './scheme-fixtures';
import { edit, editHeader, locate, sheetOf } from './sheet-helpers';

/** Activities whose type is one of two, with their wordings, and a stated rate checked within 1%. */
const ACTIVITIES: Scheme = SchemeSchema.parse({
  id: 'member-activities',
  version: 1,
  title: '党员活动登记',
  subject: '党员',
  periodKind: 'month',
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
          type: 'text',
          values: [
            { id: '主题党日', label: '主题党日', aliases: ['党日活动', '党日'] },
            { id: '党课', label: '党课', aliases: [] },
          ],
        },
        { fact: 'hours', label: '活动时长', type: 'number' },
        { fact: 'gathered', label: '收集诉求数', type: 'number' },
        { fact: 'answered', label: '回应诉求数', type: 'number' },
        { fact: 'answerRate', label: '回应率', type: 'percent' },
      ],
      statedRates: [{ fact: 'answerRate', numerator: 'answered', denominator: 'gathered' }],
      rateTolerance: 0.01,
    },
  ],
  facts: [{ fact: 'themeDays', label: '主题党日次数', source: 'rows', ledger: 'activities', op: 'count', where: { column: 'activityType', values: ['主题党日'] } }],
  indicators: [{ id: 'themeDay', label: '主题党日', max: 100, hitPolicy: 'sum' }],
  rules: [{ id: 'themeDay', indicator: 'themeDay', points: { per: 'themeDays', each: 50 } }],
  grades: [{ min: 0, grade: '合格', stars: 0 }],
});

const entry = (scheme: Scheme): RulesEntry => ({ scheme, tests: [] });
const cellAt = (sheet: SheetSnapshot, rowKey: string, header: string): Cell => {
  const at = locate(sheet, '台账', rowKey, header);
  return sheet.values[at.row]![at.col]!;
};

function problemsOf(sheet: SheetSnapshot) {
  return readRulesSheet(sheet).problems.map((p) => ({ cell: p.cell, message: p.message }));
}

describe('取值 and 核对 on 【台账】', () => {
  it('writes a column’s values with their wordings and a rate’s counts with the tolerance, and reads them back as they were', () => {
    const sheet = sheetOf([entry(ACTIVITIES)]);
    expect(cellAt(sheet, '活动类型', '取值')).toBe('主题党日（党日活动、党日）；党课');
    expect(cellAt(sheet, '回应率', '核对')).toBe('= 回应诉求数 ÷ 收集诉求数 ± 1%');
    expect(cellAt(sheet, '活动时长', '取值')).toBeNull();
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.scheme).toEqual(ACTIVITIES);
    expect(rulesSheetLayout(entriesOfRules(read)).values).toEqual(rulesSheetLayout([entry(ACTIVITIES)]).values);
  });

  it('reads values and a check a clerk writes in cells, full-width or not, and a condition naming a value by another wording', () => {
    let sheet = sheetOf([entry(ACTIVITIES)]);
    sheet = edit(sheet, '台账', '活动类型', '取值', '支委会（支委会议、支部委员会）；党员大会(支部大会)\n主题党日（党日活动）').sheet;
    sheet = edit(sheet, '台账', '回应率', '核对', '＝回应诉求数/收集诉求数').sheet;
    sheet = edit(sheet, '数据项', 'themeDays', '条件', '活动类型=党日活动').sheet;
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    const ledger = read.packs[0]!.scheme!.ledgers[0]!;
    expect(ledger.columns.find((c) => c.fact === 'activityType')!.values).toEqual([
      { id: '支委会', label: '支委会', aliases: ['支委会议', '支部委员会'] },
      { id: '党员大会', label: '党员大会', aliases: ['支部大会'] },
      { id: '主题党日', label: '主题党日', aliases: ['党日活动'] },
    ]);
    expect(ledger.statedRates).toEqual([{ fact: 'answerRate', numerator: 'answered', denominator: 'gathered' }]);
    expect(ledger.rateTolerance).toBeUndefined();
    expect(read.packs[0]!.scheme!.facts[0]).toMatchObject({ where: { column: 'activityType', values: ['主题党日'] } });
  });

  it('names each problem at its cell: values on a number column, values it cannot read, a check naming no column, a condition naming no value', () => {
    const base = sheetOf([entry(ACTIVITIES)]);
    const one = (table: string, rowKey: string, header: string, value: Cell) => {
      const e = edit(base, table, rowKey, header, value);
      return { problems: problemsOf(e.sheet), cell: e.cell };
    };
    let r = one('台账', '活动时长', '取值', '一小时；两小时');
    expect(r.problems).toEqual([{ cell: r.cell, message: '“活动时长”是数字列，不能限定取值；取值只用于文字列' }]);
    r = one('台账', '活动类型', '取值', '主题党日（党日活动');
    expect(r.problems).toEqual([{ cell: r.cell, message: '取值“主题党日（党日活动”看不懂，请写成 支委会（支委会议、支部委员会）；党员大会（支部大会）' }]);
    r = one('台账', '活动类型', '取值', '主题党日；党日（主题党日）');
    expect(r.problems).toEqual([{ cell: r.cell, message: '取值中的“主题党日”写了两次（也是“主题党日”的写法）' }]);
    r = one('台账', '回应率', '核对', '= 回应数 ÷ 收集诉求数');
    expect(r.problems).toEqual([{ cell: r.cell, message: '“回应数”不是台账“党员活动登记表”中的列' }]);
    r = one('台账', '活动时长', '核对', '= 回应诉求数 ÷ 收集诉求数');
    expect(r.problems).toEqual([{ cell: r.cell, message: '只有百分比列能按数量核对，“活动时长”不是百分比列' }]);
    r = one('数据项', 'themeDays', '条件', '活动类型=民情恳谈会');
    expect(r.problems).toEqual([{ cell: r.cell, message: '条件中的“民情恳谈会”不是“活动类型”可取的值' }]);
  });

  it('still reads a sheet written before the two columns', () => {
    let sheet = sheetOf([entry(HOUSEHOLD)]);
    sheet = editHeader(sheet, '台账', '取值', null).sheet;
    sheet = editHeader(sheet, '台账', '核对', null).sheet;
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.scheme).toEqual(HOUSEHOLD);
  });
});
