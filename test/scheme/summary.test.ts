import { describe, expect, it } from 'vitest';
import { runSummaries, runTables } from '../../src/core/run';
import { SchemeSchema } from '../../src/core/scheme/schema';
import { sheet } from '../fixtures/workbook';
import { HOUSEHOLD_HEADER, VILLAGE_HEADER, villageMerges, runSheets, shippedPacks } from './helpers';

describe('the four-section summary of a declared assessment', () => {
  it('totals the pay, says who the 优秀 quota moved down and who was vetoed', async () => {
    const rows = [
      [1, '甲', '额尔敦嘎查', '书记', 25, 20, 15, 15, 10, 13, '无', 30000],
      [2, '乙', '额尔敦嘎查', '主任', 25, 20, 15, 15, 10, 10, '无', 24000],
      [3, '丙', '乌兰嘎查', '委员', 20, 15, 12, 12, 8, 13, '违规发放补贴', 20000],
      [4, '丁', '乌兰嘎查', '委员', 18, 14, 10, 10, 7, 11, null, 20000],
      [5, '戊', '乌兰嘎查', '委员', 20, 15, 12, 12, 8, 13, null, 20000],
    ];
    const run = await runSheets([sheet('村干部考评', [['2024年度村干部目标考核评分表'], ...VILLAGE_HEADER, ...rows], villageMerges(2))]);
    const summary = runSummaries(run, shippedPacks()).schemes.find((s) => s.id === 'village-cadre')!.summary;
    expect(summary.sections.map((s) => s.heading)).toHaveLength(4);
    const [basics, achievements, problems, plans] = summary.sections.map((s) => s.sentences.join(''));
    expect(basics).toContain('村干部');
    // 甲 98 keeps 优秀 (1 of 5); 乙 95 drops to 称职; 丙 is vetoed: 36000 + 24000 + 10000 + 16000 + 20000.
    expect(achievements).toContain('绩效报酬合计106000。');
    expect(achievements).toContain('评为优秀的有甲。');
    expect(problems).toContain('一票否决：违规发放补贴：1名（丙）。');
    expect(problems).toContain('因优秀名额所限，1名降一档（乙）。');
    expect(plans).toContain('丙');
  });

  it('names the bottom 20% of the households with the action to take', async () => {
    const rows = ['甲', '乙', '丙', '丁', '戊'].map((n, i) => [i + 1, n, '巴彦嘎查', 90 - i * 10, 2, 2, 2, 1]);
    const run = await runSheets([sheet('2024年第一季度', [HOUSEHOLD_HEADER, ...rows])]);
    const summary = runSummaries(run, shippedPacks()).schemes.find((s) => s.id === 'household')!.summary;
    expect(summary.sections[3]!.sentences).toContain('对后20%的1名（戊）补位调整或取消中心户资格。');
  });

  it('says who is at risk and why, and by when each is to rectify, where the scheme has must-meet items and a risk', async () => {
    const packs = shippedPacks();
    const household = packs.schemes!.find((x) => x.id === 'household')!;
    const strict = SchemeSchema.parse({
      ...household,
      requirements: [
        {
          id: 'publicity-min',
          label: '政策宣传',
          when: [{ fact: 'publicity', op: '<', value: 1 }],
          expected: '至少1次',
          actual: '{publicity}次',
          message: '政策宣传{publicity}次，未达到至少1次',
          fix: '每季度至少宣传1次',
        },
      ],
      risk: { label: '需重点帮扶', any: [{ id: 'low-rating', when: [{ fact: 'rating', op: '<', value: 60 }], reason: '民主测评{rating}分' }], maxStars: 0, rectifyMonths: 3 },
      rectifyMonths: 1,
    });
    const withStrict = { ...packs, schemes: packs.schemes!.map((x) => (x.id === 'household' ? strict : x)) };
    const rows = [
      [1, '甲', '巴彦嘎查', 95, 2, 2, 2, 1],
      [2, '乙', '巴彦嘎查', 80, 0, 2, 2, 1],
      [3, '丙', '巴彦嘎查', 50, 2, 2, 2, 1],
    ];
    const run = await runSheets([sheet('2024年第一季度', [HOUSEHOLD_HEADER, ...rows])], {}, withStrict);
    const [, , problems, plans] = runSummaries(run, withStrict).schemes.find((x) => x.id === 'household')!.summary.sections.map((x) => x.sentences.join(''));
    expect(problems).toContain('政策宣传：1名（乙）。');
    expect(problems).toContain('列为需重点帮扶的1名：丙（民主测评50分（2024年第一季度!D4））。');
    expect(plans).toContain('1名（乙）于2024年4月30日前完成整改。');
    expect(plans).toContain('1名（丙）于2024年6月30日前完成整改。');
    const table = runTables(run, withStrict, { time: '2024-07-01 09:00' }).find((x) => x.sheet === '党员中心户季度测评结果')!;
    const col = (header: string) => table.header.indexOf(header);
    const row = (name: string) => table.rows.find((r) => r[0] === name)!;
    expect(row('丙')[col('需重点帮扶')]).toBe('是：民主测评50分（2024年第一季度!D4）');
    expect(row('甲')[col('需重点帮扶')]).toBe('否');
    expect(row('乙')[col('整改时限')]).toBe('2024年4月30日');
  });

  it('counts people and person-periods apart over two quarters, and says it all in English when asked', async () => {
    const quarter = (name: string, ratings: number[]) => sheet(name, [HOUSEHOLD_HEADER, ...['甲', '乙', '丙', '丁', '戊'].map((n, i) => [i + 1, n, '巴彦嘎查', ratings[i]!, 2, 2, 2, 1])]);
    const run = await runSheets([quarter('2024年第一季度', [90, 80, 70, 30, 20]), quarter('2024年第二季度', [95, 85, 75, 65, 25])]);
    const zh = runSummaries(run, shippedPacks()).schemes.find((x) => x.id === 'household')!.summary;
    const [basics, achievements, , plans] = zh.sections.map((x) => x.sentences.join(''));
    expect(basics).toContain('共考评党员中心户5名，2个考评期合计10人次。');
    // 丁 and 戊 are 不合格 in both quarters, 丙 in the first: 5 人次 of 3 people.
    expect(achievements).toContain('不合格5人次（3人，50.0%）');
    expect(plans).toMatch(/^对评为不合格的5人次（3人，丙（2024年第一季度）、.*戊（2024年第二季度））逐一约谈，限期整改。/);

    const en = runSummaries(run, shippedPacks(), 'en').schemes.find((x) => x.id === 'household')!.summary;
    expect(en.title).toBe('Party-member central households, quarterly review, 2024-Q1 to 2024-Q2');
    expect(en.sections.map((x) => x.heading)).toEqual(['1. Overview', '2. Achievements', '3. Problems', '4. Next steps']);
    const [enBasics, enAchievements, , enPlans] = en.sections.map((x) => x.sentences.join(' '));
    expect(enBasics).toContain('5 (central household) assessed over 2 periods of 2024-Q1 to 2024-Q2: 10 person-periods.');
    expect(enAchievements).toContain('unsatisfactory 5 person-periods (3 people, 50.0%)');
    expect(enPlans).toMatch(/^Talk to each of the 5 person-periods \(3 people, 丙 \(2024-Q1\), .*戊 \(2024-Q2\)\) graded unsatisfactory and set a deadline to improve\./);
    expect(en.sections.flatMap((x) => x.sentences).join('')).not.toMatch(/[，。：；]|人次|等次/);
  });
});
