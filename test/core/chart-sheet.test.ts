import { describe, expect, it } from 'vitest';
import type { GradeBand } from '../../src/core/pack/schema';
import { gradeDistribution, passLine, periodScores } from '../../src/core/results/chart-data';
import { type ChartSheet, chartSheet, chartSheetCells, ChartSheetSchema, type ChartSource } from '../../src/core/results/chart-sheet';
import { resultSheetNames, RESULT_SHEETS } from '../../src/core/results/sheets';
import type { SchemeAssessment, SubjectResult } from '../../src/core/scheme/result';

const BANDS: GradeBand[] = [
  { min: 90, grade: '五星', gradeEn: 'five stars', stars: 5 },
  { min: 75, grade: '三星', gradeEn: 'three stars', stars: 3 },
  { min: 60, grade: '二星', gradeEn: 'two stars', stars: 2 },
  { min: 0, grade: '一星', gradeEn: 'one star', stars: 1 },
];

function result(name: string, period: string, score: number, grade: string, more: Partial<SubjectResult> = {}): SubjectResult {
  return {
    name, period, score, grade, gradeEn: grade, stars: 0, rank: 1, of: 1, group: null, scored: true, fallsShort: false, risk: false,
    riskReasons: [], flags: [], notes: [], indicators: {}, excluded: [], basis: [], values: {}, evidence: {}, rectifyBy: null, source: null, ...more,
  };
}

function assessment(id: string, title: string, subject: string, results: SubjectResult[], periods: string[]): SchemeAssessment {
  return { id, title, titleEn: id, subject, subjectEn: id, periodKind: 'quarter', rulesVersion: 'x', periods, ledgers: {}, results, columns: [], notes: [], warnings: [] };
}

const BRANCHES = assessment(
  'branch',
  '党支部考核',
  '党支部',
  [
    result('一村党支部', '2024-Q1', 88, '三星'),
    result('二村党支部', '2024-Q1', 55, '一星', { fallsShort: true }),
    result('一村党支部', '2024-Q2', 92, '五星'),
    result('二村党支部', '2024-Q2', 58.5, '一星', { flags: [{ rule: 'x', message: '会议不足', messageEn: 'too few meetings' }] }),
    result('三村党支部', '2024-Q2', 0, '无数据', { scored: false }),
  ],
  ['2024-Q1', '2024-Q2'],
);
const HOUSEHOLDS = assessment('household', '党员中心户季度测评', '党员中心户', [result('张三', '2024-Q2', 91, '五星')], ['2024-Q2']);
const EMPTY = assessment('village', '村干部年度目标考评', '村干部', [], ['2024']);

const SOURCES: ChartSource[] = [
  { assessment: BRANCHES, grades: BANDS, mustMeet: true },
  { assessment: HOUSEHOLDS, grades: BANDS, mustMeet: false },
  { assessment: EMPTY, grades: BANDS, mustMeet: false },
];

const sheet = chartSheet(SOURCES, { time: '2024-12-31 09:00' })!;

/** The rows of a block as the cells of its chart's range read them, header first. */
function rangeRows(s: ChartSheet, range: string): (string | number)[][] {
  const [, top, bottom] = /^A(\d+):[A-Z]+(\d+)$/.exec(range)!.map(Number) as [number, number, number];
  const cells = chartSheetCells(s);
  const width = range.split(':')[1]!.charCodeAt(0) - 64;
  return cells.slice(top - 1, bottom).map((row) => row.slice(0, width));
}

describe('the 图表 sheet as plain data', () => {
  it('is one of the result sheets, never a ledger', () => {
    expect(sheet.sheet).toBe('图表');
    expect(resultSheetNames([])).toContain('图表');
    expect(RESULT_SHEETS).toContain('图表');
  });

  it('charts every assessment with results: the grades of each, the branches’ scores against the pass line, a trend over several periods', () => {
    expect(sheet.charts.map((c) => [c.kind, c.title])).toEqual([
      ['column', '党支部考核：等次分布'],
      ['bar', '党支部考核：2024年第二季度各党支部得分'],
      ['line', '党支部考核：二村党支部得分走势'],
      ['column', '党员中心户季度测评：等次分布'],
    ]);
    expect(ChartSheetSchema.parse(sheet)).toEqual(sheet);
  });

  it('titles its charts and headers in English when asked, keeping its own name', () => {
    const en = chartSheet(SOURCES, { time: 't', lang: 'en' })!;
    expect(en.sheet).toBe('图表');
    expect(en.charts.map((c) => c.title)).toEqual(['branch: Grade distribution', 'branch: Score by branch, 2024-Q2', 'branch: Score trend of 二村党支部', 'household: Grade distribution']);
    expect(en.blocks[0]!.header).not.toEqual(sheet.blocks[0]!.header);
  });

  it('takes its numbers from the sidebar’s chart functions', () => {
    const [grades, scores, trend] = sheet.charts.map((c) => rangeRows(sheet, c.range));
    const d = gradeDistribution(BRANCHES, BANDS);
    expect(grades).toEqual([['等次', '个数'], ...d.bands.map((b) => [b.grade, b.count]), ['未评分', 1]]);
    const line = passLine(BANDS)!.min;
    expect(scores).toEqual([['党支部', '得分', '60分线（二星）'], ...periodScores(BRANCHES, '2024-Q2').map((m) => [m.name, m.score, line])]);
    expect(trend).toEqual([['考评期', '得分'], ['2024年第一季度', 55], ['2024年第二季度', 58.5]]);
  });

  it('lays the tables one under another with a title row each, each chart beside its table, never over the next', () => {
    const cells = chartSheetCells(sheet);
    expect(cells[0]![0]).toMatch(/^由“台账考评”于 2024-12-31 09:00 生成/);
    for (const [i, block] of sheet.blocks.entries()) {
      const chart = sheet.charts[i]!;
      expect(cells[block.row - 1]![0]).toBe(block.title);
      expect(chart.range).toBe(`A${block.row + 1}:${String.fromCharCode(64 + block.header.length)}${block.row + 1 + block.rows.length}`);
      expect(chart.position).toEqual({ row: block.row, col: 5 });
      const next = sheet.blocks[i + 1]?.row ?? sheet.size.rows + 1;
      // A chart is about 20 rows high at Sheets' default sizes.
      expect(next - block.row).toBeGreaterThanOrEqual(Math.max(20, block.rows.length + 3));
    }
    expect(sheet.size.columns).toBe(10);
  });

  it('is absent when no assessment has a result', () => {
    expect(chartSheet([SOURCES[2]!], { time: 't' })).toBeUndefined();
  });

  it('refuses, where it crosses to the server, a block wider than its rows or outside the sheet', () => {
    const block = sheet.blocks[0]!;
    expect(ChartSheetSchema.safeParse({ ...sheet, blocks: [{ ...block, rows: [['五星']] }] }).success).toBe(false);
    expect(ChartSheetSchema.safeParse({ ...sheet, blocks: [{ ...block, row: sheet.size.rows }] }).success).toBe(false);
    expect(ChartSheetSchema.safeParse({ ...sheet, charts: [{ ...sheet.charts[0]!, range: 'A1' }] }).success).toBe(false);
  });
});
