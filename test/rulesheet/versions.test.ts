import { describe, expect, it } from 'vitest';
import {
  assessmentJson,
  assessWorkbook,
  cadreResultTable,
  defaultRules,
  diffPacks,
  fnv1a,
  type Pack,
  packHash,
  stableJson,
} from '../../src/core/index';
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
