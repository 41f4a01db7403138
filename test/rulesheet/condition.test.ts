import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileRule, conditionText, type FactRef, parseConditionCell, type Rule } from '../../src/core/index';

const days: FactRef = { kind: 'number', label: '下基层天数', labelEn: 'days' };
const rate: FactRef = { kind: 'percent', label: '入户率', labelEn: 'visit rate' };
const done: FactRef = { kind: 'boolean', label: '一事一议项目', labelEn: 'project' };
const village: FactRef = { kind: 'text', label: '所驻村', labelEn: 'village' };

type Value = number | boolean | string;

/**
 * Each form staff write, the meaning we decided for it (as a plain predicate),
 * and values around its boundaries. The compiled rule is run by a real
 * json-rules-engine Engine: what it fires on must be exactly what the
 * predicate says.
 */
const FORMS: [text: string, fact: FactRef, meaning: (v: never) => boolean, samples: Value[]][] = [
  ['>= 10', days, (v: number) => v >= 10, [9, 9.99, 10, 10.01, 11]],
  ['≥10', days, (v: number) => v >= 10, [9.99, 10, 10.01]],
  ['＞＝１０', days, (v: number) => v >= 10, [9.99, 10, 10.01]],
  ['> 10', days, (v: number) => v > 10, [9.99, 10, 10.01]],
  ['＞10', days, (v: number) => v > 10, [10, 10.01]],
  ['<10', days, (v: number) => v < 10, [9.99, 10, 10.01]],
  ['＜10', days, (v: number) => v < 10, [9.99, 10]],
  ['<= 10', days, (v: number) => v <= 10, [9.99, 10, 10.01]],
  ['≤10', days, (v: number) => v <= 10, [10, 10.01]],
  ['= 10', days, (v: number) => v === 10, [9, 10, 11]],
  ['10', days, (v: number) => v === 10, [9, 10, 11]],
  ['≠10', days, (v: number) => v !== 10, [9, 10, 11]],
  ['10以上', days, (v: number) => v >= 10, [9.99, 10, 10.01]],
  ['10天以上', days, (v: number) => v >= 10, [9.99, 10, 10.01]],
  ['10及以上', days, (v: number) => v >= 10, [9.99, 10, 10.01]],
  ['10以上（不含）', days, (v: number) => v > 10, [10, 10.01]],
  ['10以下', days, (v: number) => v <= 10, [9.99, 10, 10.01]],
  ['10以内', days, (v: number) => v <= 10, [10, 10.01]],
  ['10以下(不含10)', days, (v: number) => v < 10, [9.99, 10]],
  ['不足10', days, (v: number) => v < 10, [9.99, 10]],
  ['不足10天', days, (v: number) => v < 10, [9.99, 10]],
  ['未满10天', days, (v: number) => v < 10, [9.99, 10]],
  ['低于10', days, (v: number) => v < 10, [9.99, 10]],
  ['少于10', days, (v: number) => v < 10, [9.99, 10]],
  ['不少于10', days, (v: number) => v >= 10, [9.99, 10]],
  ['不低于10', days, (v: number) => v >= 10, [9.99, 10]],
  ['至少10', days, (v: number) => v >= 10, [9.99, 10]],
  ['满10天', days, (v: number) => v >= 10, [9.99, 10]],
  ['超过10', days, (v: number) => v > 10, [10, 10.01]],
  ['高于10', days, (v: number) => v > 10, [10, 10.01]],
  ['不超过10', days, (v: number) => v <= 10, [10, 10.01]],
  ['最多10', days, (v: number) => v <= 10, [10, 10.01]],
  ['[80,90)', days, (v: number) => v >= 80 && v < 90, [79.99, 80, 89.99, 90]],
  ['(80,90]', days, (v: number) => v > 80 && v <= 90, [80, 80.01, 90, 90.01]],
  ['［80，90）', days, (v: number) => v >= 80 && v < 90, [79.99, 80, 89.99, 90]],
  ['【80,90】', days, (v: number) => v >= 80 && v <= 90, [79.99, 80, 90, 90.01]],
  ['80-89', days, (v: number) => v >= 80 && v <= 89, [79.99, 80, 89, 89.5]],
  ['80~89', days, (v: number) => v >= 80 && v <= 89, [79.99, 80, 89, 89.01]],
  ['80～89', days, (v: number) => v >= 80 && v <= 89, [79.99, 89, 89.01]],
  ['80至89', days, (v: number) => v >= 80 && v <= 89, [79.99, 80, 89, 89.01]],
  ['80分-89分', days, (v: number) => v >= 80 && v <= 89, [79.99, 80, 89.01]],
  ['>=5 且 <10', days, (v: number) => v >= 5 && v < 10, [4.99, 5, 9.99, 10]],
  ['1,3,5', days, (v: number) => [1, 3, 5].includes(v), [1, 2, 3, 5, 6]],
  ['≠ 1、2', days, (v: number) => v !== 1 && v !== 2, [1, 2, 3]],
  ['5万-10万元', days, (v: number) => v >= 50000 && v <= 100000, [49999, 50000, 100000, 100001]],
  ['20%', rate, (v: number) => v === 0.2, [0.19, 0.2, 0.21]],
  ['>= 20%', rate, (v: number) => v >= 0.2, [0.19, 0.2, 0.21]],
  ['≥２０％', rate, (v: number) => v >= 0.2, [0.19, 0.2, 0.21]],
  ['>= 20', rate, (v: number) => v >= 0.2, [0.19, 0.2]],
  ['>= 0.2', rate, (v: number) => v >= 0.2, [0.19, 0.2]],
  ['[10%,20%)', rate, (v: number) => v >= 0.1 && v < 0.2, [0.09, 0.1, 0.19, 0.2]],
  ['10%-20%', rate, (v: number) => v >= 0.1 && v <= 0.2, [0.09, 0.1, 0.2, 0.21]],
  ['低于60%', rate, (v: number) => v < 0.6, [0.59, 0.6]],
  ['33.3%以上', rate, (v: number) => v >= 0.333, [0.332, 0.333, 0.334]],
  ['是', done, (v: boolean) => v === true, [true, false]],
  ['否', done, (v: boolean) => v === false, [true, false]],
  ['√', done, (v: boolean) => v === true, [true, false]],
  ['×', done, (v: boolean) => v === false, [true, false]],
  ['有', done, (v: boolean) => v === true, [true, false]],
  ['≠ 是', done, (v: boolean) => v !== true, [true, false]],
  ['红旗村', village, (v: string) => v === '红旗村', ['红旗村', '红旗', '东风村']],
  ['红旗村,东风村', village, (v: string) => ['红旗村', '东风村'].includes(v), ['红旗村', '东风村', '村', '新华村']],
  ['红旗村，东风村', village, (v: string) => ['红旗村', '东风村'].includes(v), ['东风村', '新华村']],
  ['红旗村、东风村', village, (v: string) => ['红旗村', '东风村'].includes(v), ['东风村', '新华村']],
  ['不是 红旗村', village, (v: string) => v !== '红旗村', ['红旗村', '东风村']],
  ['≠红旗村,东风村', village, (v: string) => !['红旗村', '东风村'].includes(v), ['红旗村', '东风村', '新华村']],
];

async function fires(text: string, fact: FactRef, value: Value): Promise<boolean> {
  const parsed = parseConditionCell(text, fact);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const rule: Rule = { id: 'r', indicator: 'x', enabled: true, when: parsed.conditions.map((c) => ({ fact: 'v', ...c })), points: 1 };
  const engine = new Engine([compileRule(rule)], { allowUndefinedFacts: true });
  const { events } = await engine.run({ v: value, always: true });
  return events.length > 0;
}

describe('condition cells, compiled and run by json-rules-engine', () => {
  it.each(FORMS)('%s', async (text, fact, meaning, samples) => {
    for (const v of samples) expect([v, await fires(text, fact, v)]).toEqual([v, (meaning as (v: Value) => boolean)(v)]);
  });

  it.each(FORMS)('%s is written back in a form that reads the same', (text, fact) => {
    const first = parseConditionCell(text, fact);
    if (!first.ok) throw new Error(first.problem.message);
    const again = parseConditionCell(conditionText(first.conditions, fact.kind), fact);
    expect(again).toEqual(first);
  });

  it.each(['', '-', '—', '不限', '任意', null])('"%s" means any value', (text) => {
    expect(parseConditionCell(text, days)).toEqual({ ok: true, conditions: [] });
  });

  it('reads a number cell as the value itself, and a rate over 1 as a percentage', () => {
    expect(parseConditionCell(10, days)).toEqual({ ok: true, conditions: [{ op: '=', value: 10 }] });
    expect(parseConditionCell(0.2, rate)).toEqual({ ok: true, conditions: [{ op: '=', value: 0.2 }] });
    expect(parseConditionCell(20, rate)).toEqual({ ok: true, conditions: [{ op: '=', value: 0.2 }] });
    expect(parseConditionCell(true, done)).toEqual({ ok: true, conditions: [{ op: '=', value: true }] });
  });

  it('never lets text reach a numeric comparison: json-rules-engine compares "100" and "20" as strings', () => {
    const parsed = parseConditionCell('>= 100', days);
    expect(parsed.ok && parsed.conditions[0]!.value).toBe(100);
  });

  it('keeps the characters of a text value, so 非公企业 stays a name', () => {
    expect(parseConditionCell('非公企业', village)).toEqual({ ok: true, conditions: [{ op: '=', value: '非公企业' }] });
  });
});
