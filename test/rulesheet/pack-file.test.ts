import { describe, expect, it } from 'vitest';
import {
  type BranchEntry,
  type BranchPack,
  branchResultTable,
  defaultRules,
  diffBranchPacks,
  diffRules,
  importPlan,
  packFileJson,
  packHash,
  readPackFile,
  readRulesSheet,
  rulesSheetLayout,
  type RulesEntry,
} from '../../src/core/index';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { assess, MEETING_HEADER, meetingRows, Q2 } from '../branch/helpers';
import { edit } from './sheet-helpers';

const [cadre, branch] = defaultRules();
/** A file as written to disk and read back: plain JSON, nothing shared with the packs it came from. */
const onDisk = (json: unknown) => JSON.parse(JSON.stringify(json));
const clone = (p: BranchPack): BranchPack => JSON.parse(JSON.stringify(p));

describe('pack files: one pack or the whole rules', () => {
  it('writes the whole rules as { packs }, the cadre pack with its tests, and reads it back the same', () => {
    const json = onDisk(packFileJson(defaultRules()));
    expect(Object.keys(json)).toEqual(['packs']);
    expect(json.packs.map((p: { id: string; subject: string }) => [p.id, p.subject])).toEqual([
      ['stationed-cadre', 'cadre'],
      ['branch', 'branch'],
      ['stationed-cadre-quarter', '驻村干部'],
      ['household', '党员中心户'],
      ['village-cadre', '村干部'],
    ]);
    const read = readPackFile(json, '考评规则.json');
    expect(read.problems).toEqual([]);
    expect(read.packs.map((p) => [p.subject, p.clean, p.cell])).toEqual([
      ['cadre', true, 'packs[0]'],
      ['branch', true, 'packs[1]'],
      ['scheme', true, 'packs[2]'],
      ['scheme', true, 'packs[3]'],
      ['scheme', true, 'packs[4]'],
    ]);
    expect(read.packs.slice(2).map((p) => p.scheme)).toEqual(defaultRules().slice(2).map((e) => 'scheme' in e && e.scheme));
    expect(read.packs[0]!.pack).toEqual(cadre.pack);
    expect(read.packs[0]!.tests.map((t) => t.test)).toEqual(cadre.tests);
    expect(read.packs[0]!.tests[3]!.cell).toBe('packs[0].tests[3]');
    expect(read.packs[1]!.branch).toEqual(branch.branch);
  });

  it('writes one branch pack in its own shape, recognised by its subject, and carries whatever else its entry holds', () => {
    const json = onDisk(packFileJson(branch));
    expect(json).toEqual(onDisk({ ...branch.branch, tests: branch.tests }));
    expect(json.subject).toBe('branch');
    const read = readPackFile(json, 'branch.json');
    expect(read.problems).toEqual([]);
    expect(read.packs).toHaveLength(1);
    expect(read.packs[0]).toMatchObject({ subject: 'branch', clean: true, cell: '', title: '党支部考核' });
    expect(read.packs[0]!.branch).toEqual(branch.branch);

    // The branch block's rule tests go into the file beside the pack, and come back as its tests.
    const withTests: BranchEntry = { ...branch, tests: [{ id: 'quiet-month', inputs: { committeeMissedMonths: 1 }, flag: '支委会' }] };
    expect(onDisk(packFileJson(withTests)).tests).toEqual([{ id: 'quiet-month', inputs: { committeeMissedMonths: 1 }, flag: '支委会' }]);
    expect(onDisk(packFileJson([cadre, withTests])).packs[1].tests).toHaveLength(1);
    const back = readPackFile(onDisk(packFileJson(withTests)), 'branch.json');
    expect(back.problems).toEqual([]);
    expect(back.packs[0]!.tests).toEqual([{ test: withTests.tests[0], cell: 'tests[0]' }]);
  });

  it('names each problem of a whole-rules file at its path from the top, with the messages a single pack gets', () => {
    const json = onDisk(packFileJson(defaultRules()));
    json.packs[1].rules[11].when[0].value = 'none';
    json.packs[1].requirements[8].when[0].fact = 'serviceRatio';
    expect(readPackFile(json, '规则.json').problems).toEqual([
      {
        sheet: '规则.json',
        cell: 'packs[1].requirements[8].when[0].fact',
        message: '规则 service-rate 使用了不存在的数据项“serviceRatio”',
        messageEn: 'rule service-rate uses an unknown fact "serviceRatio"',
      },
      {
        sheet: '规则.json',
        cell: 'packs[1].rules[11].when[0].value',
        message: '规则 cadres-clear：“不合格驻村干部人数”的值应为数值，条件值 "none" 的类型不符',
        messageEn: 'rule cadres-clear: "stationed cadres graded unsatisfactory" is a number; the condition value "none" does not fit',
      },
    ]);
    const single = onDisk(packFileJson(branch));
    single.rules[11].when[0].value = 'none';
    expect(readPackFile(single, 'branch.json').problems.map((p) => [p.cell, p.message])).toEqual([
      ['rules[11].when[0].value', '规则 cadres-clear：“不合格驻村干部人数”的值应为数值，条件值 "none" 的类型不符'],
    ]);
  });

  it('gives a branch pack in a file the checks its block gets on the sheet: a row shadowed under 取第一条 and the gap it leaves', () => {
    const json = onDisk(packFileJson(defaultRules()));
    json.packs[1].rules[12].when = [{ fact: 'failingCadres', op: '=', value: 0 }];
    json.packs[0].rules[1].when = [{ fact: 'days', op: '>=', value: 10 }];
    const read = readPackFile(json, '规则.json');
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual([
      ['packs[0].rules[1].when[0]', 'days-short永远不会生效：满足它的都先满足days-full（packs[0].rules[0].when[0]），“取第一条”只按days-full计分；请调整条件，或把这一行移到days-full之前'],
      ['packs[0].rules[0].when[0]', '指标“下基层天数”中，下基层天数为 [0,10) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [0,10)），或调整相邻行的条件'],
      [
        'packs[1].rules[12].when[0]',
        'cadres-failing永远不会生效：满足它的都先满足cadres-clear（packs[1].rules[11].when[0]），“取第一条”只按cadres-clear计分；请调整条件，或把这一行移到cadres-clear之前',
      ],
      ['packs[1].rules[11].when[0]', '指标“驻村干部”中，不合格驻村干部人数为 > 0 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 > 0），或调整相邻行的条件'],
    ]);
    expect(read.packs.map((p) => p.clean)).toEqual([false, false, true, true, true]);
  });

  it('reads a scheme’s tests with their expected values, and names a scheme case that is not one at its path', () => {
    const json = onDisk(packFileJson(defaultRules()));
    const read = readPackFile(json, '考评规则.json');
    expect(read.packs.slice(2).map((p) => p.tests.map((t) => t.test))).toEqual(defaultRules().slice(2).map((e) => e.tests));
    const village = read.packs[4]!.tests.find((t) => t.test.id === 'full-marks')!;
    expect(village).toEqual({ test: expect.objectContaining({ values: { coefficient: 1.2, pay: 36000 } }), cell: 'packs[4].tests[0]' });

    json.packs[4].tests[1].values = { coefficient: [1] };
    const broken = readPackFile(json, '考评规则.json');
    expect(broken.problems.map((p) => p.cell)).toEqual(['packs[4].tests[1]']);
    expect(broken.packs[4]!.tests.map((t) => t.test.id)).toEqual(['full-marks', 'basically-competent', 'incompetent', 'veto', 'economy-points']);
    const single = readPackFile(onDisk(packFileJson(defaultRules()[4]!)), '村干部.json');
    expect(single.packs[0]!.tests.map((t) => t.test)).toEqual(defaultRules()[4]!.tests);
  });

  it('restates a shape problem’s path from the top of the file, and reports bad tests, an empty list and a repeated id', () => {
    const json = onDisk(packFileJson(defaultRules()));
    json.packs[1].starQuota.stars = 9;
    json.packs[0].tests[2] = { id: 'no-inputs' };
    expect(readPackFile(json, '规则.json').problems).toEqual([
      { sheet: '规则.json', cell: 'packs[0].tests[2]', message: 'Invalid input: expected record, received undefined', messageEn: 'Invalid input: expected record, received undefined' },
      {
        sheet: '规则.json',
        cell: 'packs[1].starQuota.stars',
        message: 'packs[1].starQuota.stars：Too big: expected number to be <=5',
        messageEn: 'packs[1].starQuota.stars: Too big: expected number to be <=5',
      },
    ]);
    expect(readPackFile({ packs: [] }, 'empty.json').problems).toEqual([
      { sheet: 'empty.json', cell: 'packs', message: '“packs” 应是一个列表，至少含一个规则包', messageEn: '"packs" must be a list of at least one pack' },
    ]);
    const twice = onDisk(packFileJson([cadre, branch, branch]));
    expect(readPackFile(twice, 'twice.json').problems).toEqual([
      { sheet: 'twice.json', cell: 'packs[2].id', message: '规则包编号“branch”与 packs[1] 重复', messageEn: 'pack id "branch" is also used by packs[1]' },
    ]);
  });
});

function sheetOf(entries: RulesEntry[]): SheetSnapshot {
  const layout = rulesSheetLayout(entries);
  return { name: layout.sheet, values: layout.values.map((r) => r.map((v) => (v === '' ? null : v))), merges: [] };
}

describe('importing a pack file into the rules sheet', () => {
  const stricter = clone(branch.branch);
  stricter.rectifyMonths = 2;
  const other = { ...cadre, pack: { ...cadre.pack, title: '驻村干部季度考核' } };

  it('replaces only the block of the single pack’s kind, keeping the other, cadre block first', () => {
    const current = readRulesSheet(sheetOf(defaultRules()));
    const schemes = defaultRules().slice(2);
    const titles = schemes.map((e) => ('scheme' in e ? e.scheme.title : ''));
    const branchOnly = importPlan(current, [{ branch: stricter, tests: [] }]);
    expect(branchOnly).toMatchObject({ ok: true, entries: [cadre, { branch: stricter, tests: [] }, ...schemes] });
    expect(branchOnly.ok && branchOnly.kept.map((k) => k.title)).toEqual(['驻村干部月度考核', ...titles]);
    const cadreOnly = importPlan(current, [other]);
    expect(cadreOnly).toMatchObject({ ok: true, entries: [other, branch, ...schemes] });
    const both = importPlan(current, [{ branch: stricter, tests: [] }, other]);
    expect(both).toMatchObject({ ok: true, entries: [other, { branch: stricter, tests: [] }, ...schemes], kept: titles.map((title) => ({ title })) });
  });

  it('refuses to keep a block that has problems, since writing it back would drop its rows', () => {
    const broken = readRulesSheet(edit(sheetOf(defaultRules()), '规则', 'days-full', '下基层天数', '>= 十').sheet);
    expect(broken.packs.map((p) => [p.subject, p.clean])).toEqual([
      ['cadre', false],
      ['branch', true],
      ['scheme', true],
      ['scheme', true],
      ['scheme', true],
    ]);
    const plan = importPlan(broken, [{ branch: stricter, tests: [] }]);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.blocked.map((b) => b.title)).toEqual(['驻村干部月度考核']);
    expect(importPlan(broken, [other]).ok).toBe(true);
  });
});

describe('the branch pack’s change log', () => {
  it('lists nothing between a pack and itself', () => {
    expect(diffBranchPacks(branch.branch, clone(branch.branch))).toEqual([]);
  });

  it('says each realistic edit in the words of the sheet: thresholds, a rule switched off, the star quota, a requirement’s text, a risk criterion, a setting', () => {
    const next = clone(branch.branch);
    next.params!.find((p) => p.name === '办结率要求')!.value = '85%';
    next.rules.find((r) => r.id === 'themeday-attendance')!.when[0] = { fact: 'themeDayAttendance', op: '<', value: 0.75 };
    next.rules.find((r) => r.id === 'meetings-lecture')!.enabled = false;
    next.starQuota = { stars: 5, maxShare: 0.3 };
    next.requirements.find((r) => r.id === 'committee-monthly')!.fix = '每月召开支委会，会议记录当月归档';
    next.risk.any.find((r) => r.id === 'risk-failures')!.when[0]!.value = 2;
    next.rectifyMonths = 2;
    const changes = diffBranchPacks(branch.branch, next);
    expect(changes.map((c) => c.message)).toEqual([
      '设置“规则包”的限额星级最多占比：20% → 30%',
      '设置“规则包”的未达标整改月数：1 → 2',
      '参数“办结率要求”：90% → 85%',
      '规则“meetings-lecture”的启用：是 → 否',
      '规则“themeday-attendance”的主题党日出席率：< {主题党日出席率要求} → < 75%',
      '必达要求“committee-monthly”的整改措施：按月召开支委会 → 每月召开支委会，会议记录当月归档',
      '软弱涣散风险“risk-failures”的未达标事项数：>= 3 → >= 2',
    ]);
    expect(changes[2]).toMatchObject({ kind: 'changed', table: 'rsTableParams', name: '办结率要求', old: '90%', new: '85%', messageEn: 'parameter "办结率要求": 90% → 85%' });
  });

  it('lists must-meet items added and removed, and the name rules row by row as 【名称规则】【名称对照】 show them', () => {
    const next = clone(branch.branch);
    next.requirements = next.requirements.filter((r) => r.id !== 'dispute-rate');
    next.names.aliases = { 巴彦: '巴彦嘎查党支部' };
    next.names.townshipSuffixes = ['苏木', '镇'];
    next.indicators.find((i) => i.id === 'disputes')!.max = 12;
    expect(diffBranchPacks(branch.branch, next).map((c) => [c.kind, c.table, c.message])).toEqual([
      ['changed', 'rsTableIndicators', '指标“矛盾纠纷化解”的满分：10 → 12'],
      ['removed', 'rsTableRequirements', '删除必达要求“dispute-rate”'],
      ['changed', 'rsTableNames', '名称规则“乡镇称谓”的写法：苏木、镇、乡、街道 → 苏木、镇'],
      ['added', 'rsTableNameAliases', '新增名称对照“巴彦”：台账中的写法 巴彦；对应支部 巴彦嘎查党支部'],
    ]);
  });

  it('compares the rules pack by pack: by id, else by kind, and says which pack is new', () => {
    const renamed = { ...clone(branch.branch), id: 'branch-2025', starQuota: { stars: 5, maxShare: 0.25 } };
    const diffs = diffRules([cadre], [cadre, { branch: renamed, tests: [] }]);
    expect(diffs.map((d) => [d.subject, d.title, d.from, d.to, d.changes.length])).toEqual([
      ['cadre', '驻村干部月度考核', packHash(cadre.pack), packHash(cadre.pack), 0],
      ['branch', '党支部考核', undefined, packHash(renamed), 0],
    ]);
    const [, branchDiff] = diffRules(defaultRules(), [cadre, { branch: renamed, tests: [] }]);
    expect(branchDiff!.from).toBe(packHash(branch.branch));
    expect(branchDiff!.changes.map((c) => c.message)).toEqual(['设置“规则包”的规则包编号：branch → branch-2025', '设置“规则包”的限额星级最多占比：20% → 25%']);
  });
});

describe('the result sheets’ notes', () => {
  it('支部汇总 carries the version of the branch pack that assessed it, as 考评结果 carries the cadre pack’s', async () => {
    const quota = { ...clone(branch.branch), starQuota: { stars: 5, maxShare: 0.3 } };
    const assessment = await assess([{ name: '三会一课记录', rows: [MEETING_HEADER, ...meetingRows('巴彦嘎查党支部', Q2)] }], {}, quota);
    expect(assessment.branches).toHaveLength(1);
    expect(assessment.rulesVersion).toBe(packHash(quota));
    expect(assessment.rulesVersion).not.toBe(packHash(branch.branch));
    const table = branchResultTable(assessment, quota, { time: '2024-07-05 09:30:00' });
    expect(table.note).toBe(
      `由“台账考评”于 2024-07-05 09:30:00 生成，规则包：党支部考核（branch），规则版本 ${packHash(quota)}。未达标和软弱涣散风险的支部排在前面。本表每次考评整体重写，请勿在此表录入数据。`,
    );
  });
});
