import { describe, expect, it } from 'vitest';
import { attentionList, bySeverity, filterAttention, flagKinds, groupOf } from '../../src/core/results/attention';
import type { ResultFlag, SchemeAssessment, SubjectResult } from '../../src/core/scheme/result';

function result(name: string, more: Partial<SubjectResult> = {}): SubjectResult {
  return {
    name, period: '2024-05', score: 80, grade: '良好', gradeEn: 'good', stars: 4, rank: 1, of: 1, group: '巴彦嘎查', scored: true, fallsShort: false, risk: false,
    riskReasons: [], flags: [], notes: [], indicators: {}, excluded: [], basis: [], values: {}, evidence: {}, rectifyBy: null, source: null, ...more,
  };
}

function assessment(id: string, results: SubjectResult[]): SchemeAssessment {
  return { id, title: id, titleEn: id, subject: '对象', subjectEn: 'subject', periodKind: 'month', rulesVersion: 'x', periods: ['2024-05'], ledgers: {}, results, columns: [], notes: [], warnings: [] };
}

const flag = (rule: string, message: string, item?: string): ResultFlag => ({
  rule, message, messageEn: `${rule} (x)`,
  ...(item ? { item: { label: item, labelEn: `${item}-en`, expected: '', expectedEn: '', actual: '', actualEn: '', fix: '', fixEn: '', evidence: [] } } : {}),
});

describe('the 需关注 list', () => {
  it('puts at risk first, then falling short, fewest stars, most failed items and flags, lowest score', () => {
    const rows = [
      result('低分', { flags: [flag('a', 'A')], score: 60 }),
      result('多旗', { flags: [flag('a', 'A'), flag('b', 'B')], score: 90 }),
      result('失项', { flags: [flag('m', '支委会未召开（5月）', '支委会')], score: 95 }),
      result('一星', { fallsShort: true, stars: 1, score: 70 }),
      result('未达标', { fallsShort: true, stars: 3, score: 50 }),
      result('风险', { risk: true, stars: 5, score: 99 }),
      result('高分', { flags: [flag('a', 'A')], score: 85 }),
    ];
    expect([...rows].sort(bySeverity).map((r) => r.name)).toEqual(['风险', '一星', '未达标', '失项', '多旗', '低分', '高分']);
  });

  it('compares stars only where an assessment grades by them, and leaves an unscored subject after the scored on grade and score', () => {
    const words = result('无星', { fallsShort: true, stars: 0, score: 10 });
    const unscored = result('未评分', { fallsShort: true, stars: 1, scored: false, score: 0 });
    const starred = result('二星', { fallsShort: true, stars: 2, score: 90 });
    expect([words, unscored, starred].sort(bySeverity).map((r) => r.name)).toEqual(['二星', '无星', '未评分']);
  });

  it('lists the results that need attention across assessments, and narrows them by assessment, group and flag', () => {
    const cadres = assessment('cadre', [result('张三', { flags: [flag('ranking:bottom', '排名后20%')] }), result('李四')]);
    const branches = assessment('branch', [result('巴彦嘎查党支部', { group: null, risk: true, flags: [flag('m', '支委会：5月未召开（应每月1次）', '支委会')] })]);
    const list = attentionList([cadres, branches]);
    expect(list.map((e) => [e.assessment.id, e.result.name])).toEqual([['branch', '巴彦嘎查党支部'], ['cadre', '张三']]);
    expect(groupOf(list[0]!.result)).toBe('巴彦嘎查党支部');
    expect(flagKinds(list)).toEqual([
      { key: 'item:支委会', label: '支委会', labelEn: '支委会-en', count: 1 },
      { key: 'ranking:bottom', label: '排名后20%', labelEn: 'ranking:bottom', count: 1 },
    ]);
    const none = { assessment: '', group: '', flag: '' };
    expect(filterAttention(list, none)).toHaveLength(2);
    expect(filterAttention(list, { ...none, assessment: 'cadre' }).map((e) => e.result.name)).toEqual(['张三']);
    expect(filterAttention(list, { ...none, group: '巴彦嘎查' }).map((e) => e.result.name)).toEqual(['张三']);
    expect(filterAttention(list, { ...none, flag: 'item:支委会' }).map((e) => e.result.name)).toEqual(['巴彦嘎查党支部']);
    expect(filterAttention(list, { ...none, assessment: 'cadre', flag: 'item:支委会' })).toEqual([]);
  });
});
