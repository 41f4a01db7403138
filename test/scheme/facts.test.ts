import { describe, expect, it } from 'vitest';
import type { FactValue, LedgerRecord } from '../../src/core/ledger/read';
import { type FactContext, gatherFacts, type SubjectData } from '../../src/core/scheme/facts';
import type { SubjectResult } from '../../src/core/scheme/result';
import { type SchemeFact, SchemeFactSchema } from '../../src/core/scheme/schema';
import { subjectKey } from '../../src/core/scheme/subjects';

const facts = (...list: unknown[]): SchemeFact[] => list.map((f) => SchemeFactSchema.parse(f));

let rowNo = 1;
function rec(sheet: string, period: string, facts: Record<string, FactValue>, marks: { unreadable?: string[] } = {}): LedgerRecord {
  return { sheet, row: ++rowNo, name: '乌兰嘎查党支部', branch: null, period, facts, unreadable: new Set(marks.unreadable ?? []), impossible: new Set() };
}

function result(period: string, score: number, grade: string): SubjectResult {
  return { name: '张三', group: '乌兰嘎查', period, score, grade, gradeEn: grade, stars: 0, rank: 1, of: 1, scored: true, fallsShort: false, risk: false, riskReasons: [], flags: [], notes: [], indicators: {}, excluded: [], basis: [], values: {}, evidence: {}, rectifyBy: null, source: null };
}

/** What the run knows: every ledger's months come from all subjects' rows (`everyone`), the subject's own rows are in `data`. */
function context(everyone: Record<string, LedgerRecord[]>, opts: { standing?: string[]; resultMonths?: Record<string, string[]> } = {}): FactContext {
  return {
    ledgerUnits: new Map(Object.entries(everyone).map(([id, rows]) => [id, new Set(rows.map((r) => r.period))])),
    standing: new Set(opts.standing ?? []),
    resultMonths: new Map(Object.entries(opts.resultMonths ?? {}).map(([id, m]) => [id, new Set(m)])),
    cellOf: (r, column) => `${r.sheet}!${column}${r.row}`,
    columns: new Map(),
    present: new Set([...Object.keys(everyone), ...(opts.standing ?? [])]),
    ledgers: new Map(),
    resultTitles: new Map(),
  };
}

const data = (rows: Record<string, LedgerRecord[]>, results: Record<string, SubjectResult[]> = {}): SubjectData => ({ rows: new Map(Object.entries(rows)), results: new Map(Object.entries(results)) });

describe('gatherFacts: the fact sources', () => {
  const meetings = [
    rec('三会一课', '2024-04', { type: '支委会', present: 5, expected: 5 }),
    rec('三会一课', '2024-05', { type: '支委会', present: 4, expected: 5 }),
    rec('三会一课', '2024-05', { type: '主题党日', present: 30, expected: 40 }),
    rec('三会一课', '2024-06', { type: '主题党日', present: 36, expected: 40 }),
    rec('三会一课', '2024-07', { type: '支委会', present: 5, expected: 5 }),
  ];

  it('rows: sum, count, mean, min and max over the period, optionally only rows where a column holds a value', () => {
    const out = gatherFacts(
      facts(
        { fact: 'meetings', label: '会议次数', source: 'rows', ledger: 'm', op: 'count' },
        { fact: 'committee', label: '支委会次数', source: 'rows', ledger: 'm', op: 'count', where: { column: 'type', values: ['支委会'] } },
        { fact: 'present', label: '实到合计', source: 'rows', ledger: 'm', op: 'sum', column: 'present' },
        { fact: 'meanThemeDay', label: '主题党日平均实到', source: 'rows', ledger: 'm', op: 'mean', column: 'present', where: { column: 'type', values: ['主题党日'] } },
        { fact: 'fewest', label: '最少实到', source: 'rows', ledger: 'm', op: 'min', column: 'present' },
        { fact: 'most', label: '最多应到', source: 'rows', ledger: 'm', op: 'max', column: 'expected' },
      ),
      data({ m: meetings }),
      '2024-Q2',
      context({ m: meetings }),
    );
    expect(out.values).toMatchObject({ meetings: 4, committee: 2, present: 75, meanThemeDay: 33, fewest: 4, most: 40 });
    expect(out.missing.size).toBe(0);
  });

  it('rows: a count over no rows is 0, a sum over no numbers is missing with the cells that were unreadable', () => {
    const bad = [rec('三会一课', '2024-04', { type: '党课', present: null, expected: 5 }, { unreadable: ['present'] })];
    const out = gatherFacts(
      facts(
        { fact: 'lectures', label: '党课次数', source: 'rows', ledger: 'm', op: 'count', where: { column: 'type', values: ['组织生活会'] } },
        { fact: 'present', label: '实到合计', source: 'rows', ledger: 'm', op: 'sum', column: 'present' },
      ),
      data({ m: bad }),
      '2024-Q2',
      context({ m: bad }),
    );
    expect(out.values.lectures).toBe(0);
    expect(out.values.present).toBeNull();
    expect(out.missing.get('present')).toEqual([{ kind: 'unreadable', fact: 'present' }]);
    expect(out.cells.get('present')).toEqual([`三会一课!present${bad[0]!.row}`]);
  });

  it('rows with years: only the rows of the N years ending with the period', () => {
    const dev = [
      rec('发展党员', '2022-12', { stage: '入党积极分子' }),
      rec('发展党员', '2023-01', { stage: '发展对象' }),
      rec('发展党员', '2024-06', { stage: '预备党员' }),
      rec('发展党员', '2025-01', { stage: '预备党员' }),
    ];
    const list = facts(
      { fact: 'developing', label: '发展党员人数', source: 'rows', ledger: 'd', op: 'count', years: 2 },
      { fact: 'probationary', label: '预备党员人数', source: 'rows', ledger: 'd', op: 'count', years: 2, where: { column: 'stage', values: ['预备党员'] } },
    );
    expect(gatherFacts(list, data({ d: dev }), '2024', context({ d: dev })).values).toMatchObject({ developing: 2, probationary: 1 });
    // Two years ending June 2024 begin in July 2022.
    expect(gatherFacts(list, data({ d: dev }), '2024-Q2', context({ d: dev })).values).toMatchObject({ developing: 3, probationary: 1 });
    expect(gatherFacts(list, data({ d: dev }), '2023-Q1', context({ d: dev })).values).toMatchObject({ developing: 2, probationary: 0 });
  });

  it('ratio: one fact over another; a zero denominator is missing, saying so, and a missing input carries its reason', () => {
    const service = (received: FactValue, closed: FactValue) => [rec('为民服务', '2024-Q2', { received, closed })];
    const list = facts(
      { fact: 'received', label: '受理数', source: 'value', ledger: 's', column: 'received' },
      { fact: 'closed', label: '办结数', source: 'value', ledger: 's', column: 'closed' },
      { fact: 'rate', label: '办结率', source: 'ratio', numerator: 'closed', denominator: 'received' },
    );
    const ok = service(57, 48);
    expect(gatherFacts(list, data({ s: ok }), '2024-Q2', context({ s: ok })).values.rate).toBeCloseTo(48 / 57, 10);
    const zero = service(0, 0);
    const z = gatherFacts(list, data({ s: zero }), '2024-Q2', context({ s: zero }));
    expect(z.values.rate).toBeNull();
    expect(z.missing.get('rate')).toEqual([{ kind: 'zero', fact: 'rate', denominator: 'received' }]);
    const blank = service(10, null);
    const b = gatherFacts(list, data({ s: blank }), '2024-Q2', context({ s: blank }));
    expect(b.values.rate).toBeNull();
    expect(b.missing.get('rate')).toEqual([{ kind: 'absent', fact: 'closed' }]);
  });

  it('either: the first of its facts that has a value', () => {
    const rows = [rec('满意度', '2024-Q2', { stated: null, asked: 40, satisfied: 30 })];
    const list = facts(
      { fact: 'stated', label: '满意度', source: 'value', ledger: 's', column: 'stated' },
      { fact: 'asked', label: '参评人数', source: 'value', ledger: 's', column: 'asked' },
      { fact: 'satisfied', label: '满意人数', source: 'value', ledger: 's', column: 'satisfied' },
      { fact: 'counted', label: '满意率', source: 'ratio', numerator: 'satisfied', denominator: 'asked' },
      { fact: 'satisfaction', label: '群众满意度', source: 'either', facts: ['stated', 'counted'] },
    );
    expect(gatherFacts(list, data({ s: rows }), '2024-Q2', context({ s: rows })).values.satisfaction).toBe(0.75);
    const stated = [rec('满意度', '2024-Q2', { stated: 0.9, asked: 40, satisfied: 30 })];
    expect(gatherFacts(list, data({ s: stated }), '2024-Q2', context({ s: stated })).values.satisfaction).toBe(0.9);
    const none = [rec('满意度', '2024-Q2', { stated: null, asked: null, satisfied: 30 })];
    const n = gatherFacts(list, data({ s: none }), '2024-Q2', context({ s: none }));
    expect(n.values.satisfaction).toBeNull();
    expect(n.missing.get('satisfaction')).toEqual([
      { kind: 'absent', fact: 'stated' },
      { kind: 'absent', fact: 'asked' },
    ]);
  });

  it('unitsWithout: months of the period with too few rows, not counting months no ledger covers', () => {
    const mine = [meetings[0]!];
    const list = facts(
      { fact: 'missed', label: '未开会月数', source: 'unitsWithout', ledger: 'm', per: 'month' },
      { fact: 'noThemeDay', label: '未开主题党日月数', source: 'unitsWithout', ledger: 'm', per: 'month', where: { column: 'type', values: ['主题党日'] } },
      { fact: 'thin', label: '会议少于2次的月数', source: 'unitsWithout', ledger: 'm', per: 'month', min: 2 },
      { fact: 'quarters', label: '未开会季度数', source: 'unitsWithout', ledger: 'm', per: 'quarter' },
    );
    // The run's ledger covers April–July; this subject met only in April. August and September are no one's.
    const q2 = gatherFacts(list, data({ m: mine }), '2024-Q2', context({ m: meetings }));
    expect(q2.values).toMatchObject({ missed: 2, noThemeDay: 3, thin: 3, quarters: 0 });
    expect(q2.detail.missed).toEqual({ zh: '2024年5月、6月', en: '2024-05, 2024-06' });
    const q3 = gatherFacts(list, data({ m: mine }), '2024-Q3', context({ m: meetings }));
    expect(q3.values.missed).toBe(1);
    expect(q3.detail.missed!.zh).toBe('2024年7月');
    // A year: Q2 is the only quarter wholly covered, and this subject met in it.
    expect(gatherFacts(list, data({ m: mine }), '2024', context({ m: meetings })).values.quarters).toBe(0);
    const none = gatherFacts(list, data({ m: mine }), '2024-Q4', context({ m: meetings }));
    expect(none.values.missed).toBeNull();
    expect(none.missing.get('missed')).toEqual([{ kind: 'absent', fact: 'missed' }]);
  });

  it('attendance: the lowest share present of expected over the rows, skipping rows with none expected', () => {
    const rows = [...meetings, rec('三会一课', '2024-06', { type: '主题党日', present: 0, expected: 0 })];
    const list = facts(
      { fact: 'attendance', label: '参会率', source: 'attendance', ledger: 'm', present: 'present', expected: 'expected' },
      { fact: 'themeDay', label: '主题党日参会率', source: 'attendance', ledger: 'm', present: 'present', expected: 'expected', where: { column: 'type', values: ['主题党日'] } },
    );
    const out = gatherFacts(list, data({ m: rows }), '2024-Q2', context({ m: rows }));
    expect(out.values.attendance).toBe(0.75);
    expect(out.values.themeDay).toBe(0.75);
    expect(gatherFacts(list, data({ m: [] }), '2024-Q2', context({ m: rows })).missing.get('attendance')).toEqual([{ kind: 'absent', fact: 'attendance' }]);
  });

  it('monthsSince: months from the latest matching date to the period’s end; 0 when rows exist and none matches; missing with no rows', () => {
    const list = facts({ fact: 'vacant', label: '书记空缺月数', source: 'monthsSince', ledger: 'b', column: 'since', where: { column: 'secretary', values: ['', '空缺'] } });
    const vacant = [rec('支部基本情况', '', { secretary: '空缺', since: '2024-01-15' })];
    const ctx = context({ b: vacant }, { standing: ['b'] });
    const q2 = gatherFacts(list, data({ b: vacant }), '2024-Q2', ctx);
    expect(q2.values.vacant).toBe(5);
    expect(q2.detail.vacant).toEqual({ zh: '2024-01-15', en: '2024-01-15' });
    expect(q2.cells.get('vacant')).toEqual([`支部基本情况!since${vacant[0]!.row}`]);
    // A date after the period's end is not yet a vacancy.
    expect(gatherFacts(list, data({ b: vacant }), '2023-Q4', ctx).values.vacant).toBe(0);
    const blankName = [rec('支部基本情况', '', { secretary: null, since: '2023-12-01' })];
    expect(gatherFacts(list, data({ b: blankName }), '2024-Q2', context({ b: blankName }, { standing: ['b'] })).values.vacant).toBe(6);
    const filled = [rec('支部基本情况', '', { secretary: '萨仁', since: null })];
    const f = gatherFacts(list, data({ b: filled }), '2024-Q2', context({ b: filled }, { standing: ['b'] }));
    expect(f.values.vacant).toBe(0);
    expect(f.missing.has('vacant')).toBe(false);
    const none = gatherFacts(list, data({ b: [] }), '2024-Q2', context({ b: filled }, { standing: ['b'] }));
    expect(none.values.vacant).toBeNull();
    expect(none.missing.get('vacant')).toEqual([{ kind: 'absent', fact: 'vacant' }]);
  });

  it('results: the mean score, how many are graded one of the grades, and the judged months with no result', () => {
    const list = facts(
      { fact: 'mean', label: '月度平均分', source: 'results', scheme: 'cadre', op: 'meanScore' },
      { fact: 'failing', label: '不合格月数', source: 'results', scheme: 'cadre', op: 'countGraded', grades: ['不合格', '基本合格'] },
      { fact: 'gaps', label: '无记录月数', source: 'results', scheme: 'cadre', op: 'monthsMissing' },
      { fact: 'people', label: '不合格人数', source: 'results', scheme: 'cadre', op: 'subjectsGraded', grades: ['不合格', '基本合格'] },
    );
    const mine = [result('2024-04', 90, '优秀'), result('2024-06', 55, '不合格'), result('2024-07', 65, '基本合格')];
    const ctx = context({}, { resultMonths: { cadre: ['2024-04', '2024-05', '2024-06', '2024-07'] } });
    const q2 = gatherFacts(list, data({}, { cadre: mine }), '2024-Q2', ctx);
    expect(q2.values).toMatchObject({ mean: 72.5, failing: 1, gaps: 1 });
    expect(q2.detail.gaps).toEqual({ zh: '5月', en: '2024-05' });
    const year = gatherFacts(list, data({}, { cadre: mine }), '2024', ctx);
    // Two months graded so, of one person: two times, one person, named with both months.
    expect(year.values).toMatchObject({ mean: 70, failing: 2, gaps: 1, people: 1 });
    expect(year.detail.people!.zh).toBe('张三（2024年6月、7月）');
    const absent = gatherFacts(list, data({}, {}), '2024-Q2', ctx);
    expect(absent.values).toMatchObject({ mean: null, failing: 0, gaps: 3, people: null });
    expect(absent.gaps.get('people')?.reason).toBe('notApplicable');
    const unjudged = gatherFacts(list, data({}, { cadre: mine }), '2024-Q4', ctx);
    expect(unjudged.values).toMatchObject({ mean: null, failing: null, gaps: null });
  });
});

describe('who a row is about', () => {
  it('is the same person whether the group is written as the village or as its Party branch, and two people of one name in two villages are two', () => {
    expect(subjectKey('张 伟', '巴彦嘎查党支部')).toBe(subjectKey('张伟', '巴彦嘎查'));
    expect(subjectKey('张伟', '巴彦嘎查')).not.toBe(subjectKey('张伟', '乌兰嘎查'));
  });
});

describe('gatherFacts: why a fact has no value', () => {
  const list = facts(
    { fact: 'held', label: '会议次数', source: 'rows', ledger: 'm', op: 'count' },
    { fact: 'present', label: '实到合计', source: 'rows', ledger: 'm', op: 'sum', column: 'present' },
    { fact: 'missedYears', label: '未开展年数', source: 'unitsWithout', ledger: 'm', per: 'year' },
    { fact: 'missedMonths', label: '未开会月数', source: 'unitsWithout', ledger: 'm', per: 'month' },
    { fact: 'rate', label: '出席率', source: 'attendance', ledger: 'm', present: 'present', expected: 'expected' },
  );
  const other = [rec('三会一课', '2024-04', { present: 5, expected: 5 }), rec('三会一课', '2024-05', { present: 5, expected: 5 })];
  const gap = (out: ReturnType<typeof gatherFacts>, fact: string) => out.gaps.get(fact)?.reason;

  it('says no such ledger when no sheet holds it, and a period it does not cover when it has no rows for it: nobody could have data', () => {
    const none = gatherFacts(list, data({}), '2024-Q2', { ...context({}), present: new Set() });
    expect(['held', 'present', 'missedMonths', 'rate'].map((f) => gap(none, f))).toEqual(['noLedger', 'noLedger', 'noLedger', 'noLedger']);
    expect(none.values.held).toBeNull();
    const q3 = gatherFacts(list, data({ m: other }), '2024-Q3', context({ m: other }));
    expect(['held', 'present', 'missedMonths'].map((f) => gap(q3, f))).toEqual(['uncovered', 'uncovered', 'uncovered']);
  });

  it('says the subject reported nothing, or left a column empty, when others have rows: its own doing', () => {
    const silent = gatherFacts(list, data({}), '2024-Q2', context({ m: other }));
    expect(silent.values.held).toBe(0);
    expect(gap(silent, 'present')).toBe('notReported');
    // April and May are covered by others' rows and missed; June is covered by no one and not counted.
    expect(silent.values.missedMonths).toBe(2);
    expect(silent.detail.missedMonths!.zh).toBe('2024年4月、5月');
    const blank = [rec('三会一课', '2024-04', { present: null, expected: 5 })];
    const empty = gatherFacts(list, data({ m: blank }), '2024-Q2', context({ m: [...other, ...blank] }));
    expect(empty.gaps.get('present')).toMatchObject({ reason: 'notRecorded', inputs: [{ zh: 'present', en: 'present' }] });
    expect(gap(empty, 'rate')).toBe('notRecorded');
  });

  it('does not judge a yearly item in a quarter, and names the months a partly covered period lacks', () => {
    const out = gatherFacts(list, data({ m: other }), '2024-Q2', context({ m: other }));
    expect(gap(out, 'missedYears')).toBe('notDue');
    // April and May are covered; June is not, and is not counted as missed.
    expect(out.values.missedMonths).toBe(0);
    // A subject with no row in a year covered from April to May has not missed the year: the other ten months have no records.
    const year = gatherFacts(list, data({}), '2024', context({ m: other }));
    expect(year.values.missedYears).toBeNull();
    expect(year.gaps.get('missedYears')).toMatchObject({ reason: 'uncovered', months: expect.arrayContaining(['2024-01', '2024-12']) });
  });

  it('keeps the rows behind a value, for the evidence a failed item points at', () => {
    const out = gatherFacts(list, data({ m: other }), '2024-Q2', context({ m: other }));
    expect(out.evidence.get('present')!.map((r) => r.row)).toEqual(other.map((r) => r.row));
    expect(out.evidence.get('rate')).toHaveLength(1);
  });
});
