import { describe, expect, it } from 'vitest';
import { assessBranches } from '../../src/core/branch/assess';
import { defaultRules, readRulesSheet, rulesSheetLayout } from '../../src/core/index';
import { assessAll } from '../../src/core/run';
import { runSheets } from '../../src/core/sheets';
import { loadWorkbook } from '../../src/node/workbook-file';
import { assess, branchPack, cadrePack, find, MEETING_HEADER, meetingRows, Q2, type Row, type SheetSpec, threeBranches } from './helpers';

const EXAMPLE = 'examples/乡镇党建台账示例.xlsx';

/** 支部基本情况 as a township keeps it: a title, the header, one row per branch, a 合计 row. 乌兰's post fell vacant in January, 查干's in May. */
const basics: SheetSpec = {
  name: '支部基本情况',
  rows: [
    ['某某镇党支部基本情况统计表（截至2024年6月底）'],
    ['序号', '支部名称', '书记姓名', '书记空缺时间', '党员人数', '备注'],
    [1, '巴彦嘎查党支部', '萨仁', null, 16],
    [2, '乌兰嘎查党支部', '空缺', '2024-01-15', 38, '原书记调任'],
    [3, '查干嘎查党支部', null, '2024年5月20日', 25, '待补选'],
    ['合计', '3个支部', null, null, 79],
  ],
};

/** 群众满意度测评: 巴彦 31 of 58 satisfied (53.4%), 乌兰 only a rate, 查干 counts. */
const satisfaction: SheetSpec = {
  name: '群众满意度测评',
  rows: [
    ['2024年第二季度各党支部群众满意度测评结果'],
    ['序号', '支部名称', '测评时间', '参评人数', '满意人数', '满意度'],
    [1, '巴彦嘎查', '2024年6月', 58, 31, '53.4%'],
    [2, '乌兰嘎查党支部', '2024-06-20', null, null, '96.5%'],
    [3, '查干嘎查党支部', '2024年6月', 40, 36, '90.0%'],
  ],
};

/** 发展党员情况: 查干 has only someone from 2021; 哈达图 is no branch of the roster. */
const development: SheetSpec = {
  name: '发展党员情况',
  rows: [
    ['某某镇2022—2024年发展党员情况登记表'],
    ['序号', '支部名称', '姓名', '发展阶段', '确定时间', '备注'],
    [1, '巴彦嘎查党支部', '塔娜', '入党积极分子', '2023.5.15'],
    [2, '乌兰嘎查', '马德明', '发展对象', '2024年6月9日'],
    [3, '乌兰嘎查党支部', '朝格图', '预备党员', '2023-01-16'],
    [4, '查干嘎查党支部', '周志强', '预备党员', '2021/6/28', '2022年6月已转正'],
    [5, '哈达图嘎查', '李明', '入党积极分子', '2024-03-01'],
  ],
};

const withDeclared = () => [...threeBranches({ cadreMonths: [4, 5], mengheDays: 12 }), basics, satisfaction, development];

const reasons = (b: { riskReasons: { message: string }[] }) => b.riskReasons.map((r) => r.message);

describe('the ledgers the branch pack declares as data', () => {
  it('classifies 支部基本情况, 群众满意度测评 and 发展党员情况 once, as the branch pack’s ledgers, and reads each row’s branch through the roster', async () => {
    const a = await assess(withDeclared(), { period: '2024-Q2' });
    expect(a.sheets).toMatchObject({ 'branch/basics': ['支部基本情况'], 'branch/satisfaction': ['群众满意度测评'], 'branch/development': ['发展党员情况'] });
    expect(Object.fromEntries(Object.entries(a.declared).map(([id, infos]) => [id, infos.map((i) => i.records)]))).toEqual({ basics: [3], satisfaction: [3], development: [5] });
    // 乌兰嘎查 and 乌兰嘎查党支部 are one branch; 哈达图 is reported with its cell, like any other name that matches nothing.
    expect(a.unmatched.map((u) => [u.name, u.ledger, `${u.sheet}!${u.cell}`])).toEqual([['哈达图嘎查', '发展党员情况', '发展党员情况!B7']]);
    expect(a.warnings.filter((w) => w.sheet === '发展党员情况').map((w) => `${w.sheet}!${w.cell}`)).toEqual(['发展党员情况!B7']);
    expect(find(a, '乌兰嘎查党支部').values.developmentCount).toBe(2);
  });

  it('puts a branch whose secretary post has been vacant more than 3 months at risk, naming the months and the cell; one month is not', async () => {
    const a = await assess(withDeclared(), { period: '2024-Q2' });
    const wulan = find(a, '乌兰嘎查党支部');
    expect(wulan.values.secretaryVacantMonths).toBe(5);
    expect(wulan.risk).toBe(true);
    expect(reasons(wulan)).toEqual(['书记空缺超过3个月（已空缺5个月）（支部基本情况!D4）']);
    expect(wulan.evidence.secretaryVacantMonths).toEqual([{ sheet: '支部基本情况', rows: [4], cell: 'D4' }]);
    const chagan = find(a, '查干嘎查党支部');
    expect(chagan.values.secretaryVacantMonths).toBe(1);
    expect(reasons(chagan).some((r) => r.includes('书记空缺'))).toBe(false);
    expect(find(a, '巴彦嘎查党支部').values.secretaryVacantMonths).toBe(0);
    // The roster is standing: by the end of the year 查干's post has been vacant 7 months.
    const year = await assess(withDeclared(), { period: '2024' });
    expect(reasons(find(year, '查干嘎查党支部'))).toContain('书记空缺超过3个月（已空缺7个月）（支部基本情况!D5）');
  });

  it('reads 群众满意度 from the counts, else from the rate stated, and flags one below 60% with its cell', async () => {
    const a = await assess(withDeclared(), { period: '2024-Q2' });
    const bayan = find(a, '巴彦嘎查党支部');
    expect(bayan.values.satisfactionRate).toBeCloseTo(31 / 58, 10);
    expect(reasons(bayan)).toContain('群众满意度53.4%，低于60%（群众满意度测评!E3）');
    // Only the rate is written for 乌兰: it is read, and it is fine.
    const wulan = find(a, '乌兰嘎查党支部');
    expect(wulan.values.satisfactionCounted).toBeNull();
    expect(wulan.values.satisfactionRate).toBeCloseTo(0.965, 10);
    expect(wulan.evidence.satisfactionRate).toEqual([{ sheet: '群众满意度测评', rows: [4], cell: 'F4' }]);
    expect(find(a, '查干嘎查党支部').values.satisfactionRate).toBeCloseTo(0.9, 10);
  });

  it('flags a branch with no one at any stage of development in the two years ending with the period, pointing at the rows it has', async () => {
    const a = await assess(withDeclared(), { period: '2024-Q2' });
    const chagan = find(a, '查干嘎查党支部');
    expect(chagan.values.developmentCount).toBe(0);
    expect(reasons(chagan)).toContain('近两年无入党积极分子、发展对象和预备党员（发展党员情况!E6）');
    expect(find(a, '巴彦嘎查党支部').values.developmentCount).toBe(1);
    // Two years ending with 2023-Q2 reach back to 2021-07: 周志强 (2021-06) is still outside, 塔娜 (2023-05) inside.
    const earlier = await assess(withDeclared(), { period: '2023-Q2' });
    expect(earlier.branches.find((b) => b.name === '巴彦嘎查党支部')?.values.developmentCount).toBe(1);
  });

  it('without those ledgers, their facts are no data naming the ledger, and no branch is put at risk for them', async () => {
    const pack = branchPack();
    const sheets = threeBranches({ cadreMonths: [4, 5], mengheDays: 12 });
    const a = await assess(sheets, { period: '2024-Q2' }, pack);
    for (const b of a.branches) {
      expect(b.values.secretaryVacantMonths).toBeNull();
      expect(b.values.satisfactionRate).toBeNull();
      expect(b.values.developmentCount).toBeNull();
      expect(reasons(b).filter((r) => /书记|满意|发展/.test(r))).toEqual([]);
    }
    // A must-meet item over a declared fact says which ledger is missing.
    const strict = {
      ...pack,
      requirements: [
        ...pack.requirements,
        { id: 'development', label: '发展党员', enabled: true, when: [{ fact: 'developmentCount', op: '=' as const, value: 0 }], expected: '近两年有发展', actual: '无', message: '近两年未发展党员', fix: '做好发展党员工作' },
      ],
    };
    const b = find(await assess(sheets, { period: '2024-Q2' }, strict), '巴彦嘎查党支部');
    expect(b.noData.map((n) => n.message)).toContain('发展党员：工作簿中没有发展党员情况，不作判定');
  });
});

/** Meetings for the whole of 2024, so a year is covered; one branch holds 组织生活会 and 民主评议党员, the other neither. */
function yearOfMeetings(): SheetSpec[] {
  const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
  const yearly: Row[] = [
    [null, '巴彦嘎查党支部', '组织生活会暨民主评议党员', '2024-12-20', 20, 19],
    [null, '乌兰嘎查党支部', '支委会', '2024-12-21', 5, 5],
  ];
  return [{ name: '三会一课记录', rows: [MEETING_HEADER, ...meetingRows('巴彦嘎查党支部', months), ...meetingRows('乌兰嘎查党支部', months), ...yearly] }];
}

describe('组织生活会 and 民主评议党员 at least once a year', () => {
  it('fails a branch that held neither in a year its meeting records cover, and passes one that held both in one meeting', async () => {
    const a = await assess(yearOfMeetings(), { period: '2024' });
    const wulan = find(a, '乌兰嘎查党支部');
    expect(wulan.flags.filter((f) => f.rule.endsWith('-yearly')).map((f) => [f.rule, f.message, f.expected])).toEqual([
      ['life-meeting-yearly', '组织生活会：2024年未召开（应每年至少1次）', '每年至少1次'],
      ['review-yearly', '民主评议党员：2024年未开展（应每年至少1次）', '每年至少1次'],
    ]);
    const bayan = find(a, '巴彦嘎查党支部');
    expect([bayan.values.lifeMeetingMissedYears, bayan.values.reviewMissedYears]).toEqual([0, 0]);
    expect(bayan.flags.filter((f) => f.rule.endsWith('-yearly'))).toEqual([]);
    // The failed item points at the year's meeting rows, none of which was a 组织生活会.
    expect(wulan.flags.find((f) => f.rule === 'life-meeting-yearly')!.evidence).toEqual([expect.objectContaining({ sheet: '三会一课记录' })]);
  });

  it('is not due in a quarter or a month: not judged, and not said to be missing', async () => {
    for (const period of ['2024-Q2', '2024-05']) {
      const a = await assess(yearOfMeetings(), { period });
      const wulan = find(a, '乌兰嘎查党支部');
      expect(wulan.values.lifeMeetingMissedYears).toBeNull();
      expect(wulan.values.reviewMissedYears).toBeNull();
      expect(wulan.flags.filter((f) => f.rule.endsWith('-yearly'))).toEqual([]);
      expect(wulan.noData.filter((n) => n.rule.endsWith('-yearly'))).toEqual([]);
    }
  });

  it('is no data, never failed, in a year the records cover only in part', async () => {
    const a = await assess([{ name: '三会一课记录', rows: [MEETING_HEADER, ...meetingRows('巴彦嘎查党支部', Q2), ...meetingRows('乌兰嘎查党支部', Q2)] }], { period: '2024' });
    const wulan = find(a, '乌兰嘎查党支部');
    expect(wulan.flags.filter((f) => f.rule.endsWith('-yearly'))).toEqual([]);
    expect(wulan.noData.filter((n) => n.rule.endsWith('-yearly')).map((n) => n.message)).toEqual([
      '组织生活会：三会一课记录没有2024年1月、2月、3月、7月、8月、9月、10月、11月、12月的记录，无数据，不作判定',
      '民主评议党员：三会一课记录没有2024年1月、2月、3月、7月、8月、9月、10月、11月、12月的记录，无数据，不作判定',
    ]);
  });
});

describe('the township example', () => {
  const load = async () => (await loadWorkbook(EXAMPLE)).snapshot;

  it('2024-Q2: 乌兰 at risk for its vacant post (5 months), not 宝日温都尔 (1); 满都拉 at 53.4%; 镇机关’s rate read; 浩勒图 with no one in development', async () => {
    const a = await assessBranches(await load(), { branch: branchPack(), cadre: cadrePack() }, { period: '2024-Q2' });
    const wulan = find(a, '乌兰嘎查党支部');
    expect(reasons(wulan)).toEqual(['书记空缺超过3个月（已空缺5个月）（支部基本情况!D4）']);
    const baori = find(a, '宝日温都尔嘎查党支部');
    expect(baori.values.secretaryVacantMonths).toBe(1);
    expect(baori.risk).toBe(false);
    expect(reasons(find(a, '满都拉嘎查党支部'))).toEqual(['群众满意度53.4%，低于60%（群众满意度测评!E17）']);
    const jiguan = find(a, '镇机关党支部');
    expect(jiguan.values.satisfactionRate).toBeCloseTo(0.965, 10);
    expect(jiguan.evidence.satisfactionRate).toEqual([{ sheet: '群众满意度测评', rows: [26], cell: 'F26' }]);
    expect(reasons(find(a, '浩勒图嘎查党支部'))).toEqual(['近两年无入党积极分子、发展对象和预备党员（发展党员情况!E31）']);
    // In a quarter the yearly items are not due: 敖包图, which held neither, is not failed for them.
    const aobao = find(a, '敖包图嘎查党支部');
    expect(aobao.flags.map((f) => f.rule).filter((r) => r.endsWith('-yearly'))).toEqual([]);
    expect(aobao.noData.filter((n) => n.rule.endsWith('-yearly'))).toEqual([]);
    expect(a.unmatched.filter((u) => ['支部基本情况', '群众满意度测评', '发展党员情况'].includes(u.sheet))).toEqual([]);
  });

  it('2024: the vacancies have grown, and 敖包图’s yearly items are no data, since the meeting records hold only April to June', async () => {
    const a = await assessBranches(await load(), { branch: branchPack(), cadre: cadrePack() }, { period: '2024' });
    expect(find(a, '乌兰嘎查党支部').values.secretaryVacantMonths).toBe(11);
    expect(reasons(find(a, '宝日温都尔嘎查党支部'))).toEqual(['书记空缺超过3个月（已空缺7个月）（支部基本情况!D19）']);
    const aobao = find(a, '敖包图嘎查党支部');
    expect([aobao.values.lifeMeetingMissedYears, aobao.values.reviewMissedYears]).toEqual([null, null]);
    expect(aobao.noData.filter((n) => n.rule.endsWith('-yearly')).map((n) => n.rule)).toEqual(['life-meeting-yearly', 'review-yearly']);
    // Those that held them in the quarter have met the year's item.
    expect([find(a, '浩勒图嘎查党支部').values.lifeMeetingMissedYears, find(a, '浩勒图嘎查党支部').values.reviewMissedYears]).toEqual([0, 0]);
  });

  it('accounts for the three sheets as the branch assessment’s ledgers in a run', async () => {
    const packs = { cadre: cadrePack(), branch: branchPack() };
    const run = await assessAll(await load(), packs, { period: '2024-Q2' });
    const accounts = runSheets(run, packs).filter((s) => ['支部基本情况', '群众满意度测评', '发展党员情况'].includes(s.sheet));
    expect(accounts.map((s) => [s.sheet, s.role, s.assessment, s.ledger, s.header, s.records])).toEqual([
      ['支部基本情况', 'ledger', 'branch', 'branch/basics', 2, 24],
      ['群众满意度测评', 'ledger', 'branch', 'branch/satisfaction', 2, 24],
      ['发展党员情况', 'ledger', 'branch', 'branch/development', 2, 52],
    ]);
    expect(accounts[0]!.reason).toMatch(/^读取为支部基本情况（表头第2行），24条记录/);
  });
});

describe('the default rules sheet', () => {
  it('gives back the branch pack with its declared ledgers and facts, which the block does not lay out, and the new items and risk criteria, which it does', () => {
    const [, branch] = defaultRules();
    const layout = rulesSheetLayout([branch]);
    const read = readRulesSheet({ name: layout.sheet, values: layout.values.map((r) => r.map((v) => (v === '' ? null : v))), merges: [] });
    expect(read.problems).toEqual([]);
    const pack = read.packs[0]!.branch!;
    expect(pack.ledgers.map((l) => [l.id, l.standing])).toEqual([['basics', true], ['satisfaction', false], ['development', false]]);
    expect(pack.facts.slice(-7).map((f) => f.fact)).toEqual(['secretaryVacantMonths', 'satisfactionSurveyed', 'satisfactionSatisfied', 'satisfactionCounted', 'satisfactionStated', 'satisfactionRate', 'developmentCount']);
    expect(pack.requirements.map((r) => r.id)).toEqual(expect.arrayContaining(['life-meeting-yearly', 'review-yearly']));
    expect(pack.risk.any.filter((c) => c.id.startsWith('risk-') && c.when.some((w) => w.param)).map((c) => [c.id, c.when[0]!.param, c.when[0]!.value])).toEqual([
      ['risk-secretary-vacant', '书记空缺月数上限', 3],
      ['risk-satisfaction', '群众满意度底线', 0.6],
    ]);
  });
});
