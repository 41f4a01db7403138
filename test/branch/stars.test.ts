import { describe, expect, it } from 'vitest';
import type { SubjectResult } from '../../src/core/scheme/result';
import { SchemeSchema } from '../../src/core/scheme/schema';
import { Standing } from '../../src/core/scheme/standing';
import { assess, branchPack, find, MEETING_HEADER, meetingRows, Q2, WORK_HEADER, workRow } from './helpers';

/** Which of a period's branches, scored as given, drop from 五星 under a 20% quota: the scheme's quota, as a run holds it. */
function drops(scores: number[]): boolean[] {
  const scheme = SchemeSchema.parse({
    id: 'q', version: 1, title: 'q', subject: '党支部', periodKind: 'quarter',
    indicators: [{ id: 'i', label: 'i', max: 100, hitPolicy: 'sum' }],
    rules: [{ id: 'r', indicator: 'i', when: [{ fact: 'always', op: '=', value: true }], points: 0 }],
    grades: [{ min: 90, grade: '五星', stars: 5 }, { min: 0, grade: '四星', stars: 4 }],
    quota: { grade: '五星', maxShare: 0.2 },
  });
  const results = scores.map((score) => ({ score, grade: score >= 90 ? '五星' : '四星', stars: score >= 90 ? 5 : 4, notes: [] }) as unknown as SubjectResult);
  new Standing(scheme, String).holdQuota(results);
  return results.map((r, i) => scores[i]! >= 90 && r.grade === '四星');
}

describe('the five-star quota', () => {
  it('keeps the highest scorers within ⌊share × N⌋', () => {
    expect(drops([99, 98, 97, 96, 95, 94, 80, 80, 80, 80])).toEqual([false, false, true, true, true, true, false, false, false, false]);
  });

  it('drops every branch tied at the boundary, so the quota is never exceeded', () => {
    const scores = [98, 97, 95, 95, 95, ...Array(15).fill(80)];
    const dropped = drops(scores);
    expect(dropped.slice(0, 5)).toEqual([false, false, true, true, true]);
    expect(dropped.filter((d, i) => !d && scores[i]! >= 90)).toHaveLength(2);
  });

  it('drops nobody when the holders fit, and rounds the quota down', () => {
    expect(drops([99, 98, 97, 96, ...Array(16).fill(80)]).some(Boolean)).toBe(false);
    expect(drops([99, 98, 97, 96, 95, ...Array(16).fill(80)]).filter(Boolean)).toHaveLength(1);
    expect(drops([99, 98, 80, 80])).toEqual([true, true, false, false]);
  });
});

/** Branches that hold every meeting and differ only in their closing rate: `closed` of 100. */
function township(closed: Record<string, number>, failing: Record<string, string[]> = {}) {
  const names = Object.keys(closed);
  return [
    { name: '三会一课', rows: [MEETING_HEADER, ...names.flatMap((n) => meetingRows(n, Q2, { skip: failing[n] }))] },
    { name: '工作台账', rows: [WORK_HEADER, ...names.map((n) => workRow(n, '2024-05', [10, 10], [100, closed[n]!], [10, 10]))] },
  ];
}

describe('stars, caps and 软弱涣散风险', () => {
  it('gives stars by score, holds ★5 to the quota and says why a branch dropped', async () => {
    const a = await assess(township({ 甲嘎查党支部: 100, 乙嘎查党支部: 99, 丙嘎查党支部: 98, 丁嘎查党支部: 97, 戊嘎查党支部: 96, 己嘎查党支部: 95 }), { period: '2024-Q2' });
    // Last place (6th of 6) is a 软弱涣散 risk however good the score, and comes first.
    expect(a.branches.map((b) => [b.name, b.stars, b.rank])).toEqual([
      ['己嘎查党支部', 2, 6],
      ['甲嘎查党支部', 5, 1],
      ['乙嘎查党支部', 4, 2],
      ['丙嘎查党支部', 4, 3],
      ['丁嘎查党支部', 4, 4],
      ['戊嘎查党支部', 4, 5],
    ]);
    expect(find(a, '乙嘎查党支部').starNotes.map((n) => n.message)).toEqual(['五星名额为6名中的20%（1名），得分 99.83 处于名额线及以下（含同分），评为四星']);
    const last = find(a, '己嘎查党支部');
    expect(last.risk).toBe(true);
    expect(last.fallsShort).toBe(false);
    expect(last.riskReasons.map((r) => r.message)).toEqual(['排名末位（6个支部中第6名）']);
    expect(last.starNotes.map((n) => n.message)).toEqual(['软弱涣散风险，星级最高2星']);
  });

  it('marks no one last when every branch has the same score', async () => {
    const a = await assess(township({ 甲嘎查党支部: 96, 乙嘎查党支部: 96, 丙嘎查党支部: 96 }), { period: '2024-Q2' });
    expect(a.branches.map((b) => [b.rank, b.risk])).toEqual([[1, false], [1, false], [1, false]]);
  });

  it('puts a branch with three failed items at risk and caps it at ★2', async () => {
    const a = await assess(
      township(
        { 甲嘎查党支部: 100, 乙嘎查党支部: 99, 丙嘎查党支部: 90, 丁嘎查党支部: 50 },
        { 甲嘎查党支部: ['committee:2024-04', 'group:2024-05', 'themeDay:2024-06'], 丁嘎查党支部: ['memberMeeting', 'lecture'] },
      ),
      { period: '2024-Q2' },
    );
    const b = find(a, '甲嘎查党支部');
    expect(b.flags).toHaveLength(3);
    expect(b.riskReasons.map((r) => r.message)).toEqual(['3项必达要求未达标']);
    expect(b.stars).toBe(2);
    expect(b.grade).toBe('二星');
    expect(b.rectifyBy).toBe('2024年9月30日');
    const last = find(a, '丁嘎查党支部');
    expect(last.riskReasons.map((r) => r.message)).toEqual(['3项必达要求未达标', '排名末位（4个支部中第4名）']);
    // At risk first, then by rank.
    expect(a.branches.map((x) => x.name)).toEqual(['甲嘎查党支部', '丁嘎查党支部', '乙嘎查党支部', '丙嘎查党支部']);
  });

  it('caps a branch that falls short at the pack’s star limit', async () => {
    const a = await assess(township({ 甲嘎查党支部: 100, 乙嘎查党支部: 99, 丙嘎查党支部: 98, 丁嘎查党支部: 90, 戊嘎查党支部: 90, 己嘎查党支部: 90, 庚嘎查党支部: 0 }, { 甲嘎查党支部: ['committee:2024-04'] }), {
      period: '2024-Q2',
    });
    expect(find(a, '甲嘎查党支部').score).toBeCloseTo((85 / 90) * 100, 2);
    const b = find(a, '甲嘎查党支部');
    expect(b.fallsShort).toBe(true);
    expect(b.risk).toBe(false);
    expect(b.stars).toBe(4);
    expect(b.starNotes.map((n) => n.message)).toEqual(['有必达要求未达标，星级最高4星']);
    expect(b.rectifyBy).toBe('2024年7月31日');
    // With 甲 capped, the one ★5 place goes to 乙.
    expect(find(a, '乙嘎查党支部').stars).toBe(5);
  });

  it('follows a pack that changes the thresholds: risk from two failures, no quota', async () => {
    const pack = branchPack();
    pack.risk.any[0]!.when[0]!.value = 2;
    delete pack.starQuota;
    const a = await assess(township({ 甲嘎查党支部: 100, 乙嘎查党支部: 100, 丙嘎查党支部: 99 }, { 丙嘎查党支部: ['committee:2024-04', 'group:2024-05'] }), { period: '2024-Q2' }, pack);
    expect(a.branches.map((b) => [b.name, b.stars, b.risk])).toEqual([
      ['丙嘎查党支部', 2, true],
      ['甲嘎查党支部', 5, false],
      ['乙嘎查党支部', 5, false],
    ]);
  });
});
