import { describe, expect, it } from 'vitest';
import { assessAll } from '../../src/core/run';
import { shippedSchemes } from '../../src/core/rulesheet/defaults';
import { validateScheme } from '../../src/core/rulesheet/scheme/validate';
import { sheet, snapshotOf } from '../fixtures/workbook';
import { HOUSEHOLD_HEADER, assessmentOf, flagTexts, resultOf, shippedPacks } from './helpers';

/** A township's own yearly roll-up of the quarterly household results: the mean of the quarters, and a flag for any 不合格 quarter. */
const yearly = {
  id: 'household-year',
  version: 1,
  title: '党员中心户年度评定',
  subject: '党员中心户',
  periodKind: 'year',
  params: [],
  facts: [
    { fact: 'quarterMean', label: '季度平均分', source: 'results', scheme: 'household', op: 'meanScore' },
    { fact: 'failedQuarters', label: '不合格季度数', source: 'results', scheme: 'household', op: 'countGraded', grades: ['不合格'] },
  ],
  indicators: [{ id: 'mean', label: '季度平均分', max: 100, hitPolicy: 'sum' }],
  rules: [
    { id: 'mean', indicator: 'mean', points: { per: 'quarterMean', each: 1 } },
    { id: 'failed', indicator: 'mean', when: [{ fact: 'failedQuarters', op: '>', value: 0 }], points: 0, flag: '有{failedQuarters}个季度不合格' },
  ],
  grades: [
    { min: 80, grade: '好', stars: 0 },
    { min: 0, grade: '差', stars: 0 },
  ],
};

const quarter = (name: string, title: string, rows: (string | number)[][]) => sheet(name, [[title], HOUSEHOLD_HEADER, ...rows]);

describe('an assessment reading another’s results through a fixture scheme', () => {
  it('rolls quarterly results up into a year: mean score and countGraded over the quarters', async () => {
    const checked = validateScheme(yearly, { schemes: ['household', 'household-year'] });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const packs = { ...shippedPacks(), schemes: [...shippedSchemes(), checked.scheme] };
    const wb = await snapshotOf(
      quarter('一季度', '2024年第一季度党员中心户测评表', [[1, '贾志强', '巴彦嘎查', 90, 5, 5, 10, 2], [2, '牧仁', '宝力根嘎查', 50, 0, 0, 0, 0]]),
      quarter('二季度', '2024年第二季度党员中心户测评表', [[1, '贾志强', '巴彦嘎查', 80, 5, 5, 10, 2], [2, '牧仁', '宝力根嘎查', 100, 5, 5, 10, 2]]),
    );
    const run = await assessAll(wb, packs);
    const household = assessmentOf(run, 'household');
    expect(household.results.map((r) => [r.period, r.name, r.score, r.grade])).toEqual([
      ['2024-Q1', '贾志强', 94, '优秀'],
      ['2024-Q1', '牧仁', 30, '不合格'],
      ['2024-Q2', '牧仁', 100, '优秀'],
      ['2024-Q2', '贾志强', 88, '良好'],
    ]);
    const year = assessmentOf(run, 'household-year');
    expect(year.periods).toEqual(['2024']);
    expect(year.results.map((r) => [r.name, r.group, r.score, r.grade, r.values.failedQuarters])).toEqual([
      ['贾志强', '巴彦嘎查', 91, '好', 0],
      ['牧仁', '宝力根嘎查', 65, '差', 1],
    ]);
    expect(flagTexts(resultOf(year, '牧仁'))).toEqual(['有1个季度不合格']);
    expect(resultOf(year, '贾志强').source).toEqual({ sheet: '一季度', row: 3 });
  });
});
