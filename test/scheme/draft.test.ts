import { describe, expect, it } from 'vitest';
import { assessAll, runAssessments } from '../../src/core/run';
import { defaultRules, shippedBranchPack } from '../../src/core/rulesheet/defaults';
import { draftScheme } from '../../src/core/scheme/draft';
import { validateScheme } from '../../src/core/rulesheet/scheme/validate';
import { sheet, snapshotOf } from '../fixtures/workbook';

const contest = sheet(
  '2024年平安家庭评比',
  [
    ['某某镇2024年度“平安家庭”评比打分表'],
    ['序号', '户主姓名', '所在嘎查', '矛盾调解（20分）', '环境卫生（30分）', '邻里互助（50分）', '备注'],
    [1, '王芳', '乌兰嘎查', 18, 27, 45, ''],
    [2, '李强', '巴彦嘎查', 12, 30, 40, ''],
    [3, '赵敏', '乌兰嘎查', 22, 20, '不详', '调解分超过上限'],
  ],
);

describe('a new assessment drafted from one of the workbook’s sheets (新增考核方案)', () => {
  it('lists the sheet’s columns, guesses the subject, group and points, and runs as it stands', async () => {
    const snapshot = await snapshotOf(contest);
    const scheme = draftScheme(snapshot.sheets[0]!, { id: 'safe-family', title: '平安家庭评比', subject: '家庭', periodKind: 'year' });
    expect(validateScheme(scheme).ok).toBe(true);
    const [ledger] = scheme.ledgers;
    expect(ledger!.columns.map((c) => [c.label, c.type, c.role ?? ''])).toEqual([
      ['户主姓名', 'name', 'subject'],
      ['所在嘎查', 'text', 'branch'],
      ['矛盾调解（20分）', 'number', ''],
      ['环境卫生（30分）', 'number', ''],
      ['邻里互助（50分）', 'number', ''],
    ]);
    expect(ledger!.ignoredColumns).toEqual(['序号', '备注']);
    expect(scheme.indicators.map((i) => [i.label, i.max])).toEqual([
      ['矛盾调解（20分）', 20],
      ['环境卫生（30分）', 30],
      ['邻里互助（50分）', 50],
    ]);

    const [cadre] = defaultRules();
    const packs = { cadre: cadre.pack, branch: shippedBranchPack(), schemes: [scheme] };
    const run = await assessAll(snapshot, packs, { today: '2024-12-31' });
    const drafted = runAssessments(run, packs).find((a) => a.id === 'safe-family')!;
    expect(drafted.periods).toEqual(['2024']);
    expect(drafted.results.map((r) => [r.name, r.score, r.grade])).toEqual([
      ['王芳', 90, '优秀'],
      ['李强', 82, '良好'],
      ['赵敏', 40, '不合格'],
    ]);
    const zhao = drafted.results.find((r) => r.name === '赵敏')!;
    expect(zhao.flags.map((f) => f.message)).toEqual([expect.stringContaining('2024年平安家庭评比!F5')]);
    expect(drafted.warnings.map((w) => `${w.cell} ${w.message}`)).toEqual(expect.arrayContaining([expect.stringMatching(/^D5 .*22.*20/), expect.stringMatching(/^F5 /)]));
  });
});
