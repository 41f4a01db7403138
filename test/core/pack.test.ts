import { describe, expect, it } from 'vitest';
import { compilePack, ruleInputs, SCORE_EVENT } from '../../src/core/pack/compile';
import { validatePack } from '../../src/core/pack/validate';
import { defaultPack, packInput } from '../fixtures/pack';

function problems(input: unknown) {
  const r = validatePack(input);
  if (r.ok) throw new Error('the pack was accepted');
  return r.problems.map((p) => [p.path, p.message]);
}

describe('the default pack', () => {
  it('is valid, and scores 5 indicators of 20 points', () => {
    const pack = defaultPack();
    expect(pack.indicators.map((i) => [i.id, i.max])).toEqual([['days', 20], ['visits', 20], ['fiveOnes', 20], ['commitments', 20], ['rating', 20]]);
    expect(pack.grades.map((g) => [g.min, g.grade, g.stars])).toEqual([[90, '优秀', 5], [80, '良好', 4], [70, '合格', 3], [60, '基本合格', 2], [0, '不合格', 1]]);
    expect(pack.ranking).toMatchObject({ bottomShare: 0.2, flag: '排名后20%' });
  });

  it('compiles to engine rules on flat facts, one event per pack rule', () => {
    const pack = defaultPack();
    const compiled = compilePack(pack);
    expect(compiled).toHaveLength(pack.rules.length);
    expect(compiled[0]).toEqual({
      name: 'days-full',
      conditions: { all: [{ fact: 'days', operator: 'greaterThanInclusive', value: 10 }] },
      event: { type: SCORE_EVENT, params: { rule: 'days-full' } },
    });
    expect(ruleInputs(pack.rules.find((r) => r.id === 'days-short')!)).toEqual(['days']);
  });

  it('leaves disabled rules out, and gives a rule without conditions one that always holds', () => {
    const input = packInput();
    input.rules[0]!.enabled = false;
    input.rules.push({ id: 'bonus', indicator: 'rating', points: 1 });
    const r = validatePack(input);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const compiled = compilePack(r.pack);
    expect(compiled.map((c) => c.name)).not.toContain('days-full');
    expect(compiled.find((c) => c.name === 'bonus')!.conditions).toEqual({ all: [{ fact: 'always', operator: 'equal', value: true }] });
  });
});

describe('a pack that cannot run is refused before anything runs', () => {
  it('names an unknown fact', () => {
    const input = packInput();
    input.rules[0]!.when = [{ fact: 'dayz', op: '>=', value: 10 }];
    expect(problems(input)).toEqual([['rules[0].when[0].fact', '规则 days-full 使用了不存在的数据项“dayz”']]);
  });

  it('refuses a string compared with a number fact, so "100" is never compared with 20 as text', () => {
    const input = packInput();
    input.rules[0]!.when = [{ fact: 'days', op: '>=', value: '10' }];
    expect(problems(input)).toEqual([['rules[0].when[0].value', '规则 days-full：“下基层天数”的值应为数值，条件值 "10" 的类型不符']]);
  });

  it('refuses `in` with a single string, which the engine would match as a substring', () => {
    const input = packInput();
    input.rules[0]!.when = [{ fact: 'village', op: 'in', value: '宝力格嘎查' }];
    expect(problems(input)).toEqual([['rules[0].when[0].value', '规则 days-full：“所驻村”的条件“in”需要一组值，例如 ["甲", "乙"]，而不是 "宝力格嘎查"']]);
    input.rules[0]!.when = [{ fact: 'village', op: 'in', value: ['宝力格嘎查'] }];
    expect(validatePack(input).ok).toBe(true);
  });

  it('refuses a list compared with `=`, a yes/no fact compared with a number, and points counted per a yes/no', () => {
    const input = packInput();
    input.rules[0]!.when = [{ fact: 'days', op: '=', value: [1, 2] }];
    input.rules[1]!.when = [{ fact: 'project', op: '=', value: 1 }];
    input.rules[2]!.points = { per: 'project', each: 4 };
    expect(problems(input)).toEqual([
      ['rules[0].when[0].value', '规则 days-full：“下基层天数”的条件“=”只能比较一个值，不能是一组值 [1,2]'],
      ['rules[1].when[0].value', '规则 days-short：“一事一议项目”的值应为“是”或“否”，条件值 1 的类型不符'],
      ['rules[2].points.per', '规则 visits-20：按“一事一议项目”计分需要数值，而它的值应为“是”或“否”'],
    ]);
    const r = validatePack(input);
    expect(r.ok === false && r.problems[1]!.messageEn).toBe('rule days-short: "one-matter-one-discussion project" is yes or no; the condition value 1 does not fit');
  });

  it('names duplicate rule, indicator and column ids', () => {
    const input = packInput();
    input.rules.push({ ...input.rules[0]! });
    input.indicators.push({ ...input.indicators[0]! });
    input.columns.push({ ...input.columns[3]! });
    const n = (xs: unknown[]) => xs.length - 1;
    expect(problems(input)).toEqual([
      [`columns[${n(input.columns)}].fact`, '编号“days”重复'],
      [`indicators[${n(input.indicators)}].id`, '编号“days”重复'],
      [`rules[${n(input.rules)}].id`, '编号“days-full”重复'],
    ]);
  });

  it('refuses grade bands that do not descend', () => {
    const input = packInput();
    input.grades![2]!.min = 85;
    expect(problems(input)).toEqual([['grades[2].min', '等次分数线必须从高到低排列']]);
  });

  it('refuses a rule of an unknown indicator, points per an unknown fact, and a pack without a name column', () => {
    const input = packInput();
    input.rules[0]!.indicator = 'attendance';
    input.rules[1]!.points = { per: 'hours', each: 2 };
    input.columns[0]!.role = undefined;
    expect(problems(input)).toEqual([
      ['columns', '规则包必须有一列 role 为 subject（姓名）'],
      ['rules[0].indicator', '规则 days-full 属于不存在的指标“attendance”'],
      ['rules[1].points.per', '规则 days-short 使用了不存在的数据项“hours”'],
    ]);
  });

  it('refuses a fact id that would reach a JSONPath evaluator as a path, and a shape that is wrong', () => {
    const input = packInput();
    input.rules[0]!.when = [{ fact: '$.days', op: '>=', value: 10 }];
    delete input.grades;
    const found = problems(input);
    expect(found.map((p) => p[0])).toEqual(['rules[0].when[0].fact', 'grades']);
  });
});

describe('the values each column can hold', () => {
  it('gives every number and rate column a range: the pack\'s own, else whole counts from 0 and rates of 0~100%', async () => {
    const { columnRange } = await import('../../src/core/pack/range');
    const pack = defaultPack();
    const ranges = Object.fromEntries(pack.columns.map((c) => [c.fact, columnRange(c) ?? null]));
    expect(ranges).toMatchObject({
      days: { min: 0, max: 'periodDays' },
      households: { min: 0, whole: true },
      visits: { min: 0, whole: true },
      leaderScore: { min: 0, max: 100 },
      project: null,
      name: null,
    });
    expect(columnRange({ fact: 'rate', label: '办结率', type: 'percent', aliases: [] })).toEqual({ min: 0, max: 1 });
    expect(pack.columns.filter((c) => c.atMost).map((c) => [c.fact, c.atMost])).toEqual([['visits', 'households'], ['fulfilled', 'promised']]);
  });

  it('refuses a range on a yes/no column, the days of the month on a rate, bounds the wrong way round, a part of no column, and an unknown range key', () => {
    const input = packInput();
    const col = (fact: string) => input.columns.find((c) => c.fact === fact)!;
    col('project').range = { min: 0, max: 1 };
    col('leaderScore').range = { min: 100, max: 0 };
    col('visits').atMost = 'nothing';
    col('fulfilled').atMost = 'project';
    expect(problems(input)).toEqual([
      ['columns[5].atMost', '“入户数”不能大于的“nothing”不是本台账中同类型的另一列'],
      ['columns[6].range', '“一事一议项目”是“是”或“否”列，不能设取值范围'],
      ['columns[12].atMost', '“完成数”不能大于的“一事一议项目”不是本台账中同类型的另一列'],
      ['columns[13].range', '“领导评分”的取值范围 100~0 下限大于上限'],
    ]);
    const rate = packInput();
    rate.columns.push({ fact: 'rate', label: '办结率', type: 'percent', range: { min: 0, max: 'periodDays' } });
    expect(problems(rate)).toEqual([['columns[15].range.max', '“办结率”不是数值列，上限不能是当月天数']]);
    const odd = packInput();
    odd.columns.find((c) => c.fact === 'days')!.range = { min: 0, upTo: 31 };
    expect(problems(odd).map(([path]) => path)).toEqual(['columns[3].range']);
  });
});
