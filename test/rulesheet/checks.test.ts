import { describe, expect, it } from 'vitest';
import { checkPack, defaultRules, fileLocator, type Pack, type PackInput, validatePack } from '../../src/core/index';
import { analyseBands, setText } from '../../src/core/rulesheet/bands';
import { conditionSet, interval, numbers } from '../../src/core/rulesheet/value-set';

const base = defaultRules()[0]!.pack;

/** The default pack with its rules replaced: a township's variant, checked as a pack file would be. */
function withRules(rules: PackInput['rules'], indicators?: PackInput['indicators']): Pack {
  const result = validatePack({ ...base, rules, ...(indicators ? { indicators, grades: [{ min: 0, grade: '合格', stars: 3 }] } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.pack;
}

const problems = (pack: Pack) => checkPack(pack, fileLocator(pack, 'pack.json')).map((p) => [p.cell, p.message]);

const days = (op: '>=' | '<' | '>' | '<=' | '=', value: number) => ({ fact: 'days', op, value });
const onlyDays = (rules: PackInput['rules']) =>
  withRules(rules, [{ id: 'days', label: '下基层天数', max: 20, hitPolicy: 'first' }]);

describe('bands under 取第一条', () => {
  it('finds nothing wrong in the default pack', () => {
    expect(problems(base)).toEqual([]);
  });

  it('reports a gap with its values, at the row next to it', () => {
    const pack = onlyDays([
      { id: 'a', indicator: 'days', when: [days('>=', 20)], points: 20 },
      { id: 'b', indicator: 'days', when: [days('>=', 10), days('<', 15)], points: 10 },
      { id: 'c', indicator: 'days', when: [days('<', 10)], points: 0 },
    ]);
    expect(problems(pack)).toEqual([
      ['rules[1].when[0]', '指标“下基层天数”中，下基层天数为 [15,20) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [15,20)），或调整相邻行的条件'],
    ]);
  });

  it('reports every gap, including the values below the lowest band', () => {
    const pack = onlyDays([
      { id: 'a', indicator: 'days', when: [days('>=', 10)], points: 20 },
      { id: 'b', indicator: 'days', when: [days('>', 2), days('<', 8)], points: 10 },
    ]);
    expect(problems(pack).map(([, m]) => /为 (.*) 时/.exec(m!)![1])).toEqual(['[0,2]', '[8,10)']);
  });

  it('reports two bands that share values where neither holds the other', () => {
    const pack = onlyDays([
      { id: 'a', indicator: 'days', when: [days('>=', 10), days('<=', 15)], points: 20 },
      { id: 'b', indicator: 'days', when: [days('>=', 12)], points: 10 },
      { id: 'c', indicator: 'days', when: [days('<', 10)], points: 0 },
    ]);
    expect(problems(pack)).toEqual([
      ['rules[1].when[0]', '下基层天数为 [12,15] 时，b和a（rules[0].when[0]）同时满足，“取第一条”只按a计分；请让两行的范围首尾相接，如 [80,90) 与 [90,100]'],
    ]);
  });

  it('accepts the usual ladder, where each row holds the one above', () => {
    const pack = onlyDays([
      { id: 'a', indicator: 'days', when: [days('>=', 15)], points: 20 },
      { id: 'b', indicator: 'days', when: [days('>=', 10)], points: 15 },
      { id: 'c', indicator: 'days', when: [], points: 0 },
    ]);
    expect(problems(pack)).toEqual([]);
  });

  it('reports a row that several rows above take entirely', () => {
    const pack = onlyDays([
      { id: 'a', indicator: 'days', when: [days('>=', 10)], points: 20 },
      { id: 'b', indicator: 'days', when: [days('<', 10)], points: 0 },
      { id: 'c', indicator: 'days', when: [days('=', 3)], points: 5 },
    ]);
    expect(problems(pack)).toEqual([
      ['rules[2].when[0]', 'c永远不会生效：满足它的都先满足b（rules[1].when[0]），“取第一条”只按b计分；请调整条件，或把这一行移到b之前'],
    ]);
    const split = onlyDays([
      { id: 'a', indicator: 'days', when: [days('>=', 10)], points: 20 },
      { id: 'b', indicator: 'days', when: [days('<', 10)], points: 0 },
      { id: 'c', indicator: 'days', when: [days('>=', 5), days('<=', 12)], points: 5 },
    ]);
    expect(problems(split)).toEqual([
      ['rules[2].when[0]', 'c永远不会生效：满足它的值都已被前面的a、b占用，“取第一条”只按前面的行计分；请调整条件或删去这一行'],
    ]);
  });

  it('reports rows on several columns when an earlier one always matches first', () => {
    const pack = withRules(
      [
        { id: 'both', indicator: 'mix', when: [days('>=', 10)], points: 20 },
        { id: 'narrow', indicator: 'mix', when: [days('>=', 12), { fact: 'project', op: '=', value: true }], points: 10 },
        { id: 'other', indicator: 'mix', when: [days('<', 10), { fact: 'project', op: '=', value: true }], points: 5 },
      ],
      [{ id: 'mix', label: '综合', max: 20, hitPolicy: 'first' }],
    );
    expect(problems(pack)).toEqual([
      ['rules[1].when[0]', 'narrow永远不会生效：满足它的都先满足both（rules[0].when[0]），“取第一条”只按both计分；请调整条件，或把这一行移到both之前'],
    ]);
  });

  it('does not call a row shadowed when it reads a column the earlier one may lack', () => {
    const pack = withRules(
      [
        { id: 'perVisit', indicator: 'mix', when: [days('>=', 10)], points: { per: 'visits', each: 1, max: 20 } },
        { id: 'plain', indicator: 'mix', when: [days('>=', 10)], points: 10 },
        { id: 'low', indicator: 'mix', when: [days('<', 10)], points: 0 },
      ],
      [{ id: 'mix', label: '综合', max: 20, hitPolicy: 'first' }],
    );
    expect(problems(pack)).toEqual([]);
  });

  it('reports conditions no value satisfies, under any hit policy', () => {
    const pack = withRules([...base.rules.slice(0, 2), { id: 'never', indicator: 'fiveOnes', when: [days('>', 10), days('<', 5)], points: 4 }, ...base.rules.slice(2)]);
    expect(problems(pack)).toEqual([
      ['rules[2].when[0]', 'never的条件 “(10,5)” 没有任何值能满足，这一行永远不会生效；请检查两端的数（[80,90) 表示 80 到 90，含 80 不含 90）'],
    ]);
  });

  it('checks yes/no bands too: a 取第一条 indicator that forgets 否', () => {
    const pack = withRules(
      [{ id: 'yes', indicator: 'p', when: [{ fact: 'project', op: '=', value: true }], points: 4 }],
      [{ id: 'p', label: '一事一议', max: 4, hitPolicy: 'first' }],
    );
    expect(problems(pack)).toEqual([['rules[0].when[0]', '指标“一事一议”中，一事一议项目为 否 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 否），或调整相邻行的条件']]);
  });

  it('reports an indicator with no rule switched on, and a grade out of reach', () => {
    const result = validatePack({
      ...base,
      rules: base.rules.map((r) => (r.indicator === 'rating' ? { ...r, enabled: false } : r)),
      grades: [{ min: 120, grade: '优秀', stars: 5 }, ...base.grades.slice(1)],
    });
    if (!result.ok) throw new Error('invalid');
    expect(problems(result.pack)).toEqual([
      ['indicators[4]', '指标“双评”没有启用的规则，永远得 0 分；请启用或添加规则，或删去这个指标'],
      ['grades[0]', '“优秀”要求 120 分以上，但各指标满分合计只有 100 分，永远达不到；请调低分数线或提高指标满分'],
    ]);
  });
});

describe('band analysis', () => {
  it('finds shadowed rows, partial overlaps and gaps in one pass', () => {
    const sets = [
      conditionSet({ op: '>=', value: 90 }),
      numbers([interval(80, 90, true, true)]),
      numbers([interval(85, 88, true, true)]),
      numbers([interval(0, 70, true, false)]),
    ];
    const result = analyseBands(sets, numbers([interval(0, 100, true, true)]));
    expect(result.shadowed).toEqual([{ index: 2, by: [1] }]);
    expect(result.overlaps.map((o) => [o.index, o.other, setText(o.set, 'number')])).toEqual([[1, 0, '90']]);
    expect(setText(result.gaps, 'number')).toBe('[70,80)');
  });
});
