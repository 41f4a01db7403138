import { describe, expect, it } from 'vitest';
import type { GradeBand } from '../../src/core/pack/schema';
import { gradeDistribution, passLine, periodScores, subjectNames, subjectSeries } from '../../src/core/results/chart-data';
import type { SchemeAssessment, SubjectResult } from '../../src/core/scheme/result';

const BANDS: GradeBand[] = [
  { min: 90, grade: '优秀', gradeEn: 'excellent', stars: 0 },
  { min: 75, grade: '良好', gradeEn: 'good', stars: 0 },
  { min: 60, grade: '合格', gradeEn: 'satisfactory', stars: 0 },
  { min: 0, grade: '不合格', gradeEn: 'unsatisfactory', stars: 0 },
];

function result(name: string, period: string, score: number, grade: string, more: Partial<SubjectResult> = {}): SubjectResult {
  return {
    name, period, score, grade, gradeEn: grade, stars: 0, rank: 1, of: 1, group: null, scored: true, fallsShort: false, risk: false,
    riskReasons: [], flags: [], notes: [], indicators: {}, excluded: [], basis: [], values: {}, evidence: {}, rectifyBy: null, source: null, ...more,
  };
}

function assessment(results: SubjectResult[], periods = ['2024-Q1', '2024-Q2']): SchemeAssessment {
  return {
    id: 'household', title: '党员中心户季度测评', titleEn: 'household', subject: '党员中心户', subjectEn: 'central household', periodKind: 'quarter',
    rulesVersion: 'x', periods, ledgers: {}, results, columns: [], notes: [], warnings: [],
  };
}

const A = assessment([
  result('张三', '2024-Q1', 52, '不合格', { fallsShort: true }),
  result('李四', '2024-Q1', 91, '优秀'),
  result('王五', '2024-Q1', 0, '无数据', { scored: false }),
  result('张三', '2024-Q2', 78.5, '良好', { flags: [{ rule: 'bottom', message: '后20%', messageEn: 'bottom 20%' }] }),
  result('李四', '2024-Q2', 91, '优秀'),
]);

describe('the numbers the sidebar charts draw', () => {
  it('counts results by band, every band listed highest first, an unscored result in no band', () => {
    expect(gradeDistribution(A, BANDS)).toEqual({
      bands: [
        { grade: '优秀', gradeEn: 'excellent', stars: 0, count: 2 },
        { grade: '良好', gradeEn: 'good', stars: 0, count: 1 },
        { grade: '合格', gradeEn: 'satisfactory', stars: 0, count: 0 },
        { grade: '不合格', gradeEn: 'unsatisfactory', stars: 0, count: 1 },
      ],
      unscored: 1,
      total: 5,
    });
  });

  it('puts the pass line at the lowest band’s upper edge, whatever order the bands come in, and has none for one band', () => {
    expect(passLine(BANDS)?.min).toBe(60);
    expect(passLine([...BANDS].reverse())?.grade).toBe('合格');
    expect(passLine([BANDS[0]!])).toBeUndefined();
  });

  it('gives a period’s scored results highest first, ties by name, with how each stands', () => {
    const q2 = periodScores(A, '2024-Q2');
    expect(q2.map((m) => [m.name, m.score, m.flagged])).toEqual([['李四', 91, false], ['张三', 78.5, true]]);
    expect(periodScores(A, '2024-Q1').map((m) => m.name)).toEqual(['李四', '张三']);
    expect(periodScores(A, '2024-Q1')[1]).toMatchObject({ fallsShort: true, flagged: true, risk: false });
  });

  it('follows one subject over every period, with a gap where it has no scored result', () => {
    expect(subjectNames(A)).toEqual(['张三', '李四', '王五']);
    expect(subjectSeries(A, '张三').map((p) => [p.period, p.mark?.score ?? null])).toEqual([['2024-Q1', 52], ['2024-Q2', 78.5]]);
    expect(subjectSeries(A, '王五').map((p) => p.mark)).toEqual([null, null]);
    expect(subjectSeries(assessment(A.results, ['2024-Q1', '2024-Q2', '2024-Q3']), '李四').map((p) => p.mark?.score ?? null)).toEqual([91, 91, null]);
  });
});
