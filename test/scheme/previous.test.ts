/** Each result beside the same subject's result in the period before: the township example's months, and a fixture with an item rectified and one newly failed. */
import { beforeAll, describe, expect, it } from 'vitest';
import { runAssessments, runSummaries, runTables } from '../../src/core/run';
import { previousPeriod } from '../../src/core/period';
import { assessmentsJson } from '../../src/core/scheme/json';
import { SchemeSchema } from '../../src/core/scheme/schema';
import { cli } from '../fixtures/cli';
import { sheet } from '../fixtures/workbook';
import { HOUSEHOLD_HEADER, assessmentOf, resultOf, runSheets, shippedPacks } from './helpers';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';

interface JsonResult {
  name: string;
  group: string | null;
  period: string;
  score: number;
  grade: string;
  stars: number;
  previous?: { period: string; score: number; grade: string; stars: number };
}
type Json = { assessments: { id: string; periods: string[]; results: JsonResult[] }[]; cadres: { name: string; previous?: JsonResult['previous'] }[] };

async function json(period: string): Promise<Json> {
  const run = await cli('assess', TOWNSHIP, '--json', '--period', period);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

describe('previous on the township example', () => {
  let may: Json;
  let april: Json;
  beforeAll(async () => {
    [may, april] = [await json('2024-05'), await json('2024-04')];
  });

  it('gives each May result the same subject’s April result, as a run for April alone gives it', () => {
    for (const id of ['stationed-cadre', 'branch']) {
      const then = april.assessments.find((a) => a.id === id)!.results;
      const now = may.assessments.find((a) => a.id === id)!;
      expect(now.periods, id).toEqual(['2024-05']);
      expect(now.results.length, id).toBeGreaterThan(0);
      let compared = 0;
      for (const r of now.results) {
        expect(r.period).toBe('2024-05');
        const before = then.find((x) => x.name === r.name && x.group === r.group);
        if (!before) {
          expect(r.previous, `${id} ${r.name}`).toBeUndefined();
          continue;
        }
        compared++;
        expect(r.previous, `${id} ${r.name}`).toEqual({ period: '2024-04', score: before.score, grade: before.grade, stars: before.stars });
      }
      expect(compared, id).toBeGreaterThan(0);
    }
    // The cadres[] view says the same.
    const cadre = may.assessments.find((a) => a.id === 'stationed-cadre')!.results[0]!;
    expect(may.cadres.find((c) => c.name === cadre.name)!.previous).toEqual(cadre.previous);
  });

  it('has no previous where the month before has no data, and reports none of the month before as a result', () => {
    for (const a of april.assessments) for (const r of a.results) expect(r.previous, `${a.id} ${r.name}`).toBeUndefined();
    expect(april.assessments.flatMap((a) => a.results).some((r) => r.period === '2024-03')).toBe(false);
  });
});

/** Central households in two quarters: 甲 short of the rating in Q1 and not in Q2 (rectified), 乙 the other way (newly failed), 丙 only in Q2. */
const households = () => [
  sheet('一季度', [['2024年第一季度党员中心户测评表'], HOUSEHOLD_HEADER, [1, '甲', '巴彦嘎查', 50, 2, 2, 2, 1], [2, '乙', '巴彦嘎查', 85, 2, 2, 2, 1]]),
  sheet('二季度', [['2024年第二季度党员中心户测评表'], HOUSEHOLD_HEADER, [1, '甲', '巴彦嘎查', 90, 2, 2, 2, 1], [2, '乙', '巴彦嘎查', 55, 2, 2, 2, 1], [3, '丙', '巴彦嘎查', 70, 2, 2, 2, 1]]),
];

/** The shipped packs with a must-meet rating on the households. */
function strictPacks() {
  const packs = shippedPacks();
  const household = packs.schemes!.find((x) => x.id === 'household')!;
  const strict = SchemeSchema.parse({
    ...household,
    requirements: [
      {
        id: 'rating-min',
        label: '民主测评得分',
        when: [{ fact: 'rating', op: '<', value: 60 }],
        expected: '不低于60分',
        actual: '{rating}分',
        message: '民主测评得分{rating}分，低于60分',
        fix: '改进服务，提高群众评价',
      },
    ],
  });
  return { ...packs, schemes: packs.schemes!.map((x) => (x.id === 'household' ? strict : x)) };
}

describe('previous on a fixture with an item rectified and one newly failed', () => {
  it('names the item rectified and the one newly failed, with the figure then and now', async () => {
    const packs = strictPacks();
    const run = await runSheets(households(), { period: '2024-Q2' }, packs);
    const a = assessmentOf(run, 'household');
    expect(a.periods).toEqual(['2024-Q2']);
    expect(a.results.map((r) => r.period)).toEqual(['2024-Q2', '2024-Q2', '2024-Q2']);
    const alone = assessmentOf(await runSheets(households(), { period: '2024-Q1' }, packs), 'household');

    const jia = resultOf(a, '甲');
    const jiaThen = resultOf(alone, '甲');
    expect(jia.previous).toMatchObject({ period: '2024-Q1', score: jiaThen.score, grade: jiaThen.grade, stars: jiaThen.stars, change: Math.round((jia.score - jiaThen.score) * 100) / 100 });
    expect(jia.previous!.change).toBeGreaterThan(0);
    expect(jia.previous!.rectified).toEqual([{ rule: 'rating-min', label: '民主测评得分', labelEn: '民主测评得分', before: '50', now: '90' }]);
    expect(jia.previous!.newlyFailed).toEqual([]);

    const yi = resultOf(a, '乙');
    expect(yi.previous!.newlyFailed).toEqual([{ rule: 'rating-min', label: '民主测评得分', labelEn: '民主测评得分', before: '85', now: '55' }]);
    expect(yi.previous!.rectified).toEqual([]);
    expect(yi.previous!.change).toBeLessThan(0);
    expect(resultOf(a, '丙').previous).toBeUndefined();

    const [, achievements, problems] = runSummaries(run, packs).schemes.find((s) => s.id === 'household')!.summary.sections.map((s) => s.sentences.join(''));
    expect(achievements).toContain(`上期（2024年第一季度）未达标、本期整改到位1项：甲 民主测评得分 50 → 90。`);
    expect(achievements).toContain(`甲 ${jiaThen.score} → ${jia.score}`);
    expect(problems).toContain(`上期（2024年第一季度）达标、本期新出现问题1项：乙 民主测评得分 85 → 55。`);
    expect(problems).toContain(`乙 ${resultOf(alone, '乙').score} → ${yi.score}`);

    const json = assessmentsJson(runAssessments(run, packs)).find((x) => x.id === 'household')!;
    expect(json.results.find((r) => r.name === '甲')!.previous).toEqual({ period: '2024-Q1', score: jiaThen.score, grade: jiaThen.grade, stars: jiaThen.stars });
    expect(json.results.find((r) => r.name === '丙')!.previous).toBeUndefined();

    const table = runTables(run, packs, { time: 't' }).find((t) => t.sheet.includes('党员中心户'))!;
    const [prevCol, changeCol] = [table.header.indexOf('上期得分'), table.header.indexOf('变化')];
    expect(changeCol).toBe(prevCol + 1);
    const row = (name: string) => table.rows.find((r) => r[0] === name)!;
    expect(row('甲')[prevCol]).toBe(jiaThen.score);
    expect(row('甲')[changeCol]).toContain('整改到位：民主测评得分');
    expect(row('乙')[changeCol]).toContain('新出现问题：民主测评得分');
    expect(row('丙')[prevCol]).toBe('');
  });

  it('without a period, compares each quarter with the one before it among those judged', async () => {
    const run = await runSheets(households(), {}, strictPacks());
    const a = assessmentOf(run, 'household');
    expect(a.periods).toEqual(['2024-Q1', '2024-Q2']);
    expect(resultOf(a, '甲', '2024-Q1').previous).toBeUndefined();
    expect(resultOf(a, '甲', '2024-Q2').previous!.rectified.map((i) => i.label)).toEqual(['民主测评得分']);
  });
});

describe('previousPeriod', () => {
  it('steps back one unit of the period’s own kind', () => {
    expect(['2024-05', '2024-01', '2024-Q2', '2024-Q1', '2024'].map(previousPeriod)).toEqual(['2024-04', '2023-12', '2024-Q1', '2023-Q4', '2023']);
  });
});
