import { describe, expect, it } from 'vitest';
import household from '../../rules/household.json';
import villageCadre from '../../rules/village-cadre.json';
import quarter from '../../rules/stationed-cadre-quarter.json';
import { validateScheme } from '../../src/core/scheme/validate';

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

describe('validateScheme', () => {
  it('accepts the shipped schemes', () => {
    for (const s of [household, villageCadre, quarter]) expect(validateScheme(s, KNOWN).ok, (s as Json).id).toBe(true);
  });

  it('names a fact reading an unknown ledger', () => {
    expect(problems(household, (s) => (s.facts[0].ledger = 'households'))).toEqual([['facts[0].ledger', '数据项“rating”读取的台账“households”不存在']]);
    // Said once, though its where names a column of that ledger too.
    expect(
      problems(household, (s) => s.facts.push({ fact: 'busy', label: '忙', source: 'rows', ledger: 'visits', op: 'count', where: { column: 'kind', values: ['x'] } })),
    ).toEqual([['facts[5].ledger', '数据项“busy”读取的台账“visits”不存在']]);
  });

  it('names a fact reading a column its ledger lacks, and a where on one', () => {
    expect(problems(household, (s) => (s.facts[1].column = 'talks'))).toEqual([['facts[1].column', '数据项“publicity”读取的列“talks”不在台账“household”中']]);
    expect(
      problems(household, (s) => s.facts.push({ fact: 'busy', label: '忙', source: 'rows', ledger: 'household', op: 'count', where: { column: 'kind', values: ['x'] } })),
    ).toEqual([['facts[5].where.column', '数据项“busy”读取的列“kind”不在台账“household”中']]);
  });

  it('names a fact used before it is listed', () => {
    const out = problems(household, (s) => s.facts.unshift({ fact: 'share', label: '占比', source: 'ratio', numerator: 'service', denominator: 'publicity' }));
    expect(out).toEqual([
      ['facts[0]', '数据项“share”用到的“service”须在它之前列出'],
      ['facts[0]', '数据项“share”用到的“publicity”须在它之前列出'],
    ]);
    expect(problems(household, (s) => s.facts.push({ fact: 'any', label: '任一', source: 'either', facts: ['rating', 'later'] }))).toEqual([
      ['facts[5]', '数据项“any”用到的“later”须在它之前列出'],
    ]);
  });

  it('names a quota grade that is not a band', () => {
    expect(problems(villageCadre, (s) => (s.quota.grade = '优良'))).toEqual([['quota.grade', '等次“优良”不在等次表中（优秀、称职、基本称职、不称职）']]);
  });

  it('names an output reading an unknown value, and a byGrade grade that is not a band', () => {
    expect(problems(villageCadre, (s) => (s.outputs[1].product = ['basePay', 'factor']))).toEqual([['outputs[1].product', '规则 pay 使用了不存在的数据项“factor”']]);
    expect(problems(villageCadre, (s) => (s.outputs[0].byGrade = { 优秀: 1.2, 良好: 1 }))).toEqual([['outputs[0].byGrade', '等次“良好”不在等次表中（优秀、称职、基本称职、不称职）']]);
  });

  it('names bands that do not descend', () => {
    expect(problems(household, (s) => (s.grades[2].min = 80))).toEqual([['grades[2].min', '等次分数线必须从高到低排列']]);
  });

  it('names a results fact of an unknown assessment or without grades to count, and a veto on an unknown fact', () => {
    expect(problems(quarter, (s) => (s.facts[0].scheme = 'stationed'))).toEqual([['facts[0].scheme', '数据项“monthlyMean”读取的考核方案“stationed”不存在']]);
    expect(problems(quarter, (s) => (s.facts[1] = { ...s.facts[1], op: 'countGraded' }))).toEqual([['facts[1].grades', '数据项“monthsMissing”须写明计哪些等次']]);
    expect(problems(villageCadre, (s) => (s.vetoes[0].fact = 'vetoText'))).toEqual([['vetoes[0].fact', '规则 veto 使用了不存在的数据项“vetoText”']]);
  });

  it('names a rule reading an unknown fact and a sum with no column', () => {
    expect(problems(household, (s) => (s.rules[0].points.per = 'score'))).toEqual([['rules[0].points.per', '规则 rating-points 使用了不存在的数据项“score”']]);
    expect(problems(household, (s) => s.facts.push({ fact: 'total', label: '合计', source: 'rows', ledger: 'household', op: 'sum' }))).toEqual([
      ['facts[5].column', '数据项“total”须写明对哪一列求和、平均或取最值'],
    ]);
  });

  it('names a ledger without exactly one subject column and a fact listed twice', () => {
    expect(problems(household, (s) => (s.ledgers[0].columns[1].role = 'subject'))).toEqual([['ledgers[0].columns', '规则包必须有一列 role 为 subject（姓名）']]);
    expect(problems(household, (s) => s.facts.push({ ...s.facts[0] }))).toEqual([['facts[5].fact', expect.stringContaining('rating')]]);
  });
});
