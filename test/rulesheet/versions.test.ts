import { describe, expect, it } from 'vitest';
import {
  assessmentJson,
  assessWorkbook,
  cadreResultTable,
  defaultRules,
  diffPacks,
  diffRules,
  diffSchemes,
  entriesOfRules,
  fnv1a,
  type Pack,
  packHash,
  readRulesSheet,
  removedPacks,
  type RulesEntry,
  type Scheme,
  shippedSchemes,
  stableJson,
} from '../../src/core/index';
import { defaultSheet, edit, rowOf } from './sheet-helpers';
import { smallWorkbook } from './workbook-fixture';

const base = defaultRules()[0]!.pack;
const clone = (p: Pack): Pack => JSON.parse(JSON.stringify(p));

/** The same object with every key order reversed, all the way down. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
  return value;
}

/** FNV-1a over Node's own UTF-8 bytes: the reference the core's pure version must match. */
function reference(text: string): string {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) h = Math.imul(h ^ b, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

describe('rules versions', () => {
  it('hashes with FNV-1a: the published test vectors and CJK text', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
    for (const text of ['下基层天数不足10天', '黨員中心戶', '𠀋 emoji 😀', stableJson(base)]) expect(fnv1a(text)).toBe(reference(text));
  });

  it('is the same for the same rules whatever the key order', () => {
    expect(packHash(reversed(base))).toBe(packHash(base));
    expect(stableJson({ b: 1, a: [2, { d: undefined, c: 3 }] })).toBe('{"a":[2,{"c":3}],"b":1}');
  });

  it('changes with any change that can change a result', () => {
    const seen = new Set([packHash(base)]);
    const edits: ((p: Pack) => void)[] = [
      (p) => (p.rules[0]!.when[0]!.value = 11),
      (p) => (p.rules[1]!.points = { per: 'days', each: 1, max: 20 }),
      (p) => (p.rules[2]!.enabled = false),
      (p) => (p.grades[0]!.min = 95),
      (p) => (p.indicators[0]!.hitPolicy = 'sum'),
      (p) => p.columns[3]!.aliases.push('在岗天数'),
      (p) => (p.ranking!.bottomShare = 0.1),
    ];
    for (const change of edits) {
      const p = clone(base);
      change(p);
      seen.add(packHash(p));
    }
    expect(seen.size).toBe(edits.length + 1);
  });

  it('is written with the time in the result table note and in the JSON output', async () => {
    const assessment = await assessWorkbook(smallWorkbook(), base);
    expect(assessment.rulesVersion).toBe(packHash(base));
    const table = cadreResultTable(assessment, base, { time: '2024-06-01 09:30' });
    expect(table.note).toBe(`由“台账考评”于 2024-06-01 09:30 生成，规则包：驻村干部月度考核（stationed-cadre），规则版本 ${packHash(base)}。本表每次考评整体重写，请勿在此表录入数据。`);
    expect(assessmentJson(assessment, '').rulesVersion).toBe(packHash(base));
  });
});

describe('change log', () => {
  it('lists nothing between a pack and itself', () => {
    expect(diffPacks(base, clone(base))).toEqual([]);
  });

  it('names each changed field with its old and new value as the sheet shows them', () => {
    const next = clone(base);
    next.rules[0]!.when[0]!.value = 20;
    delete next.rules[0]!.when[0]!.param;
    next.rules[1]!.points = { per: 'days', each: 1, max: 20 };
    next.params![1]!.value = '25%';
    next.indicators[1]!.max = 30;
    next.grades[1]!.min = 85;
    next.columns[3]!.aliases.push('在岗天数');
    next.ranking!.bottomShare = 0.1;
    expect(diffPacks(base, next).map((c) => c.message)).toEqual([
      '设置“规则包”的排名靠后比例：20% → 10%',
      '参数“入户率标准”：20% → 25%',
      '列“下基层天数”的别名：驻村天数、在村天数、驻嘎查天数、在嘎查天数、下沉天数、下基层、驻村工作天数、驻嘎查工作天数、工作天数 → 驻村天数、在村天数、驻嘎查天数、在嘎查天数、下沉天数、下基层、驻村工作天数、驻嘎查工作天数、工作天数、在岗天数',
      '指标“入户率”的满分：20 → 30',
      '规则“days-full”的下基层天数：>= {下基层天数标准} → >= 20',
      '规则“days-short”的得分：每天2分，最多20分 → 每天1分，最多20分',
      '等次“良好”的总分：>= 80 → >= 85',
    ]);
    expect(diffPacks(base, next)[4]).toMatchObject({ kind: 'changed', table: 'rsTableRules', name: 'days-full', field: '下基层天数', old: '>= {下基层天数标准}', new: '>= 20', messageEn: 'rules "days-full", days at the grassroots: >= {下基层天数标准} → >= 20' });
    expect(diffPacks(base, next)[1]).toMatchObject({ kind: 'changed', table: 'rsTableParams', name: '入户率标准', old: '20%', new: '25%', messageEn: 'parameter "入户率标准": 20% → 25%' });
  });

  it('names a changed range and a new part-of-whole bound as the 取值范围 cell shows them', () => {
    const next = clone(base);
    next.columns.find((c) => c.fact === 'leaderScore')!.range = { min: 0, max: 10 };
    next.columns.find((c) => c.fact === 'promised')!.atMost = 'households';
    expect(diffPacks(base, next).map((c) => c.message)).toEqual([
      '列“承诺数”的取值范围：≥0 整数 → ≥0 整数，≤联系户数',
      '列“领导评分”的取值范围：0~100 → 0~10',
    ]);
  });

  it('lists rules added and removed, with what an added rule says', () => {
    const next = clone(base);
    next.rules = next.rules.filter((r) => r.id !== 'visits-low');
    next.rules.push({ id: 'days-bonus', indicator: 'days', enabled: true, when: [{ fact: 'days', op: '>=', value: 25 }], points: 2, note: '超额加分' });
    expect(diffPacks(base, next).map((c) => [c.kind, c.message])).toEqual([
      ['removed', '删除规则“visits-low”'],
      ['added', '新增规则“days-bonus”：启用 是；指标 下基层天数；下基层天数 >= 25；得分 2；说明 超额加分'],
    ]);
  });

  it('shows a field emptied as blank', () => {
    const next = clone(base);
    delete next.rules[1]!.flag;
    const [change] = diffPacks(base, next);
    expect(change!.message).toBe('规则“days-short”的提示：下基层天数不足{下基层天数标准}天（{下基层天数}天） → （空）');
    expect(change!.messageEn).toBe('rules "days-short", Flag: 下基层天数不足{下基层天数标准}天（{下基层天数}天） → (blank)');
  });
});

describe('change log of the declared assessments (scheme blocks)', () => {
  const [quarter, household, village] = shippedSchemes() as [Scheme, Scheme, Scheme];
  const cloneScheme = (s: Scheme): Scheme => JSON.parse(JSON.stringify(s));
  const HOUSEHOLD = '【规则包】党员中心户季度测评';

  it('names what changed in a scheme block edited on the sheet, block by block, and nothing for the blocks left alone', () => {
    // Staff move household's 优秀 band up to 92 (良好 follows, so the bands still meet) and raise 政策宣传 to 3 points each.
    let sheet = defaultSheet();
    const from = rowOf(sheet, HOUSEHOLD);
    sheet = edit(sheet, '等次', '优秀', '总分', '>= 92', from).sheet;
    sheet = edit(sheet, '等次', '良好', '总分', '[75,92)', from).sheet;
    sheet = edit(sheet, '规则', 'publicity-points', '得分', '政策宣传每个3分，最多10分', from).sheet;
    sheet = edit(sheet, '排名', '后20%', '比例', '10%', from).sheet;
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);

    const diffs = diffRules(defaultRules(), entriesOfRules(read));
    expect(diffs.map((d) => [d.subject, d.id, d.title, d.changes.length])).toEqual([
      ['cadre', 'stationed-cadre', '驻村干部月度考核', 0],
      ['branch', 'branch', '党支部考核', 0],
      ['scheme', 'stationed-cadre-quarter', '驻村干部季度评星定档', 0],
      ['scheme', 'household', '党员中心户季度测评', 3],
      ['scheme', 'village-cadre', '村干部年度目标考评', 0],
    ]);
    const changed = diffs.find((d) => d.id === 'household')!;
    expect(changed.from).toBe(packHash(household));
    expect(changed.to).not.toBe(changed.from);
    expect(changed.changes.map((c) => c.message)).toEqual([
      '规则“publicity-points”的得分：政策宣传每个2分，最多10分 → 政策宣传每个3分，最多10分',
      '等次“优秀”的总分：>= 90 → >= 92',
      '排名“党员中心户”的比例：20% → 10%',
    ]);
    expect(changed.changes[1]).toMatchObject({ kind: 'changed', table: 'rsTableGrades', name: '优秀', field: '总分', old: '>= 90', new: '>= 92', messageEn: 'grades "优秀", Total score: >= 90 → >= 92' });
  });

  it('compares every table a scheme block holds: 方案, 参数, 台账, 数据项, 否决, 名额, 输出', () => {
    const next = cloneScheme(village);
    next.title = '村干部年度考评';
    next.periodKind = 'quarter';
    next.params = [{ name: '优秀线', value: '90' }];
    next.ledgers[0]!.columns.find((c) => c.fact === 'veto')!.aliases.push('否决情形');
    next.vetoes[0]!.flag = '一票否决（{veto}）';
    next.quota!.maxShare = 0.3;
    const coefficient = next.outputs[0]!;
    if ('byGrade' in coefficient) coefficient.byGrade['优秀'] = 1.3;
    const changes = diffSchemes(village, next);
    expect(changes.map((c) => [c.kind, c.table, c.message])).toEqual([
      ['changed', 'rsTableSettings', '设置“方案”的规则包：村干部年度目标考评 → 村干部年度考评'],
      ['changed', 'rsTableSettings', '设置“方案”的考核周期：年 → 季度'],
      ['added', 'rsTableParams', '新增参数“优秀线”：值 90'],
      ['changed', 'rsTableLedgers', '台账“村干部目标考核评分表/一票否决事项”的别名：一票否决、否决事项、一票否决情形 → 一票否决、否决事项、一票否决情形、否决情形'],
      ['changed', 'rsTableVetoes', '否决“veto”的提示：一票否决：{veto} → 一票否决（{veto}）'],
      ['changed', 'rsTableQuota', '名额“优秀”的比例：20% → 30%'],
      ['changed', 'rsTableOutputs', '输出“绩效报酬系数”的按等次：优秀=1.2、称职=1、基本称职=0.8、不称职=0.5 → 优秀=1.3、称职=1、基本称职=0.8、不称职=0.5'],
    ]);

    // A fact renamed is one taken away and one added, as in the branch block; the rule reading it says its new name.
    const renamed = cloneScheme(quarter);
    renamed.facts[0]!.label = '月均分';
    expect(diffSchemes(quarter, renamed).map((c) => [c.kind, c.table, c.name])).toEqual([
      ['removed', 'rsTableFacts', '月度平均分'],
      ['added', 'rsTableFacts', '月均分'],
      ['changed', 'rsTableRules', 'monthly-mean'],
    ]);
    expect(diffSchemes(household, cloneScheme(household))).toEqual([]);
  });

  it('pairs a scheme renamed in between with its earlier version by who it assesses, and names a block added or deleted', () => {
    const entry = (scheme: Scheme): RulesEntry => ({ scheme, tests: [] });
    const renamed = { ...cloneScheme(household), id: 'household-2025' };
    const family = { ...cloneScheme(household), id: 'family', title: '平安家庭评比', subject: '家庭' };
    const before = [entry(household), entry(village)];
    const after = [entry(renamed), entry(family)];
    expect(diffRules(before, after).map((d) => [d.id, d.from, d.to, d.changes.map((c) => c.message)])).toEqual([
      ['household-2025', packHash(household), packHash(renamed), ['设置“方案”的编号：household → household-2025']],
      ['family', undefined, packHash(family), []],
    ]);
    expect(removedPacks(before, after)).toEqual([{ subject: 'scheme', id: 'village-cadre', title: '村干部年度目标考评', from: packHash(village) }]);
    expect(removedPacks(defaultRules(), defaultRules())).toEqual([]);
  });
});
