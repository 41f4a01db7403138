import { describe, expect, it } from 'vitest';
import household from '../../rules/household.json';
import villageCadre from '../../rules/village-cadre.json';
import quarter from '../../rules/stationed-cadre-quarter.json';
import { validateScheme } from '../../src/core/rulesheet/scheme/validate';

type Json = Record<string, any>;
const KNOWN = { schemes: ['stationed-cadre', 'branch', 'stationed-cadre-quarter', 'household', 'village-cadre'] };

/** The problems of a shipped scheme changed by `edit`, as path → message. */
function problems(base: Json, edit: (s: Json) => void): [string, string][] {
  const s = structuredClone(base);
  edit(s);
  const result = validateScheme(s, KNOWN);
  if (result.ok) return [];
  return result.problems.map((p) => [p.path, p.message]);
}

const withFacts = (...facts: Json[]) => (s: Json) => (s.facts = facts);

describe('validateScheme', () => {
  it('accepts the shipped schemes', () => {
    for (const s of [household, villageCadre, quarter]) expect(validateScheme(s, KNOWN).ok, (s as Json).id).toBe(true);
  });

  it('names a ledger marked by a column it does not have', () => {
    const found = problems(household, (s) => (s.ledgers[0].keyColumn = 'visitType'));
    expect(found.map(([path]) => path)).toEqual(['ledgers[0].keyColumn']);
    expect(found[0]![1]).toContain('visitType');
    expect(problems(household, (s) => (s.ledgers[0].keyColumn = s.ledgers[0].columns[1].fact))).toEqual([]);
  });

  it('names a fact reading an unknown ledger, once, though its where names a column of that ledger too', () => {
    expect(problems(household, withFacts({ fact: 'busy', label: '忙', source: 'rows', ledger: 'visits', op: 'count', where: { column: 'kind', values: ['x'] } }))).toEqual([
      ['facts[0].ledger', '台账“visits”不在【台账】表中；请写【台账】中的台账名称或编号'],
    ]);
  });

  it('names a fact reading a column its ledger lacks, and a where on one', () => {
    expect(problems(household, withFacts({ fact: 'talks', label: '宣传', source: 'value', ledger: 'household', column: 'talks' }))).toEqual([
      ['facts[0].column', '“talks”不是台账“党员中心户测评表”中的列'],
    ]);
    expect(problems(household, withFacts({ fact: 'busy', label: '忙', source: 'rows', ledger: 'household', op: 'count', where: { column: 'kind', values: ['x'] } }))).toEqual([
      ['facts[0].where', '“kind”不是台账“党员中心户测评表”中的列'],
    ]);
  });

  it('names a fact worked out from itself, and takes facts in any order', () => {
    expect(problems(household, withFacts({ fact: 'share', label: '占比', source: 'ratio', numerator: 'share', denominator: 'publicity' }))).toEqual([
      ['facts[0].numerator', '数据项“占比”不能由它自己算出'],
    ]);
    const later = withFacts({ fact: 'share', label: '占比', source: 'ratio', numerator: 'later', denominator: 'publicity' }, { fact: 'later', label: '后', source: 'rows', ledger: 'household', op: 'count' });
    expect(problems(household, later)).toEqual([]);
  });

  it('names a quota grade that is not a band, with the band it may mean', () => {
    expect(problems(villageCadre, (s) => (s.quota.grade = '优良'))).toEqual([['quota.grade', '名额中的等次“优良”不在【等次】表中（是不是“优秀”？）']]);
  });

  it('names an output reading an unknown value, and a byGrade grade that is not a band', () => {
    expect(problems(villageCadre, (s) => (s.outputs[1].product = ['basePay', 'factor']))).toEqual([['outputs[1].product', '“factor”不是【台账】中的列，也不是【数据项】或【输出】的名称']]);
    expect(problems(villageCadre, (s) => (s.outputs[0].byGrade = { 优秀: 1.2, 良好: 1 }))).toEqual([['outputs[0].byGrade', '按等次中的“良好”不在【等次】表中']]);
  });

  it('names bands that do not descend', () => {
    expect(problems(household, (s) => (s.grades[2].min = 80))).toEqual([['grades[2].min', '等次分数线必须从高到低排列']]);
  });

  it('names a results fact of an unknown assessment or without grades to count, and a veto on an unknown fact', () => {
    expect(problems(quarter, (s) => (s.facts[0].scheme = 'stationed'))).toEqual([['facts[0].scheme', '数据项“monthlyMean”读取的考核方案“stationed”不存在']]);
    expect(problems(quarter, (s) => (s.facts[1] = { ...s.facts[1], op: 'countGraded' }))).toEqual([['facts[1].grades', '按其他方案等次计数的条件只能写 等次=…，如 等次=不合格']]);
    expect(problems(villageCadre, (s) => (s.vetoes[0].fact = 'vetoText'))).toEqual([
      ['vetoes[0].fact', '“vetoText”不是【台账】中的列，也不是【数据项】或【输出】的名称（是不是“veto”？）'],
    ]);
  });

  it('names a rule reading an unknown fact and a sum with no column', () => {
    expect(problems(household, (s) => (s.rules[0].points.per = 'score'))).toEqual([['rules[0].points.per', '规则 rating-points 使用了不存在的数据项“score”']]);
    expect(problems(household, withFacts({ fact: 'total', label: '合计', source: 'rows', ledger: 'household', op: 'sum' }))).toEqual([['facts[0].column', '来源“求和”要写列']]);
  });

  it('names a ledger without exactly one subject column, and a fact named as a column is', () => {
    expect(problems(household, (s) => (s.ledgers[0].columns[1].role = 'subject'))).toEqual([['ledgers[0].columns', '台账“党员中心户测评表”必须有且只有一列的角色是“考核对象”（如 姓名）']]);
    expect(problems(household, withFacts({ fact: 'rating', label: '测评', source: 'value', ledger: 'household', column: 'rating' }))).toEqual([['facts[0].fact', '编号“rating”重复']]);
  });
});
