import { describe, expect, it } from 'vitest';
import { readRulesSheet } from '../../src/core/index';
import { a1, type Cell } from '../../src/core/snapshot';
import { defaultSheet, edit, editHeader, locate, put, rowOf } from './sheet-helpers';

/**
 * Wrong cells staff write, each with the one problem it must give: the cell
 * it names and the exact message, which says what is wrong and how to fix it.
 * Every case starts from the default rules sheet and changes one or two cells.
 */
type Edit = [table: string, row: string, header: string, value: Cell];
interface Case {
  name: string;
  edits: Edit[];
  /** Expected problems: a cell given as [table, row, header] (found in the sheet) or as A1, and the message. */
  problems: [where: [string, string, string] | string, message: string][];
}

const CASES: Case[] = [
  {
    name: 'a number written in Chinese numerals, with the fix spelled out',
    edits: [['规则', 'days-full', '下基层天数', '>= 十']],
    problems: [['D14', '“>= 十” 不是数字，请写成 “>= 10”']],
  },
  {
    name: 'a condition in words the parser does not know',
    edits: [['规则', 'days-full', '下基层天数', '大约10']],
    problems: [[['规则', 'days-full', '下基层天数'], '看不懂条件“大约10”。可以写 >= 10、<10、10以上、[80,90)、80-89、20%、是、否、A,B；留空或写 - 表示不限']],
  },
  {
    name: 'a percentage on a count',
    edits: [['规则', 'days-full', '下基层天数', '20%']],
    problems: [[['规则', 'days-full', '下基层天数'], '“20%” 是百分数，但“下基层天数”是数字，请写数字，如 “>= 10”']],
  },
  {
    name: 'a yes/no column given something else',
    edits: [['规则', 'project-done', '一事一议项目', '可能']],
    problems: [[['规则', 'project-done', '一事一议项目'], '“一事一议项目”只填是或否，“可能” 看不懂；请写 是、否，或留空表示不限']],
  },
  {
    name: 'a range the spreadsheet turned into a date',
    edits: [['规则', 'days-full', '下基层天数', '2024-01-02']],
    problems: [[['规则', 'days-full', '下基层天数'], '“2024-01-02” 像是被表格自动转成了日期；请把单元格设为纯文本后重新输入，或写成 [1,2] 这样的区间']],
  },
  {
    name: 'points written in Chinese numerals',
    edits: [['规则', 'days-full', '得分', '二十']],
    problems: [[['规则', 'days-full', '得分'], '得分“二十”看不懂；请写分数（如 20、扣5分），或按单位计分（如 “每天2分，最多20分”）']],
  },
  {
    name: 'per-unit points with a numeral in words',
    edits: [['规则', 'days-short', '得分', '每天两分']],
    problems: [[['规则', 'days-short', '得分'], '得分“每天两分”看不懂；请写分数（如 20、扣5分），或按单位计分（如 “每天2分，最多20分”）']],
  },
  {
    name: 'per-unit points on a row that reads two numbers',
    edits: [['规则', 'days-short', '入户率', '>= 0']],
    problems: [[['规则', 'days-short', '得分'], '得分“每天2分，最多20分”没写明按哪一列计分；请在前面写上列名，如 “下基层天数每天2分，最多20分”']],
  },
  {
    name: 'per-unit points on a column that does not exist',
    edits: [['规则', 'days-short', '得分', '联系天数每天2分，最多20分']],
    problems: [[['规则', 'days-short', '得分'], '得分“联系天数每天2分，最多20分”中的“联系天数”不是已知的列（是不是“联系户数”？）']],
  },
  {
    name: 'on/off that is neither',
    edits: [['规则', 'days-full', '启用', '也许']],
    problems: [[['规则', 'days-full', '启用'], '启用一栏“也许”看不懂，请写 是 或 否']],
  },
  {
    name: 'a rule id in Chinese',
    edits: [['规则', 'days-full', '编号', '天数不足']],
    problems: [[['规则', '天数不足', '编号'], '编号“天数不足”只能用字母、数字和 - _ .（如 days-short）；也可以留空，由系统自动编号']],
  },
  {
    name: 'two rows with one id',
    edits: [['规则', 'days-short', '编号', 'days-full']],
    problems: [['B15', '编号“days-full”与第14行（days-full）重复，请改成不同的编号']],
  },
  {
    name: 'an indicator name with a character missing',
    edits: [['规则', 'days-full', '指标', '下基层天']],
    problems: [[['规则', 'days-full', '指标'], '指标“下基层天”不在【指标】表中（是不是“下基层天数”？）']],
  },
  {
    name: 'a rule without an indicator',
    edits: [['规则', 'days-full', '指标', null]],
    problems: [[['规则', 'days-full', '指标'], '指标不能为空']],
  },
  {
    name: 'a flag naming a column that does not exist',
    edits: [['规则', 'days-short', '提示', '下基层天数不足10天（{在岗天数}天）']],
    problems: [[['规则', 'days-short', '提示'], '提示中的 {在岗天数} 不是已知的列（是不是“在村天数”？）；花括号里请写本行条件中的列名，如 {下基层天数}']],
  },
  {
    name: 'a flag naming a column its rule does not read',
    edits: [['规则', 'days-short', '提示', '下基层天数不足10天（{入户率}）']],
    problems: [[['规则', 'days-short', '提示'], '提示中的 {入户率} 不是第15行（days-short）读取的列，考评时不会被替换；请为“入户率”写一个条件（如 >= 0），或从提示中删去']],
  },
  {
    name: 'a row no value can reach',
    edits: [['规则', 'visits-20', '入户率', '[20%,10%)']],
    problems: [[['规则', 'visits-20', '入户率'], '第16行（visits-20）的条件 “[20%,10%)” 没有任何值能满足，这一行永远不会生效；请检查两端的数（[80,90) 表示 80 到 90，含 80 不含 90）']],
  },
  {
    name: 'a band the row above always takes first',
    edits: [['规则', 'commit-80', '承诺完成率', '>= 95%']],
    problems: [
      [
        ['规则', 'commit-80', '承诺完成率'],
        '第30行（commit-80）永远不会生效：满足它的都先满足第29行（commit-90）（K29），“取第一条”只按第29行（commit-90）计分；请调整条件，或把这一行移到第29行（commit-90）之前',
      ],
    ],
  },
  {
    name: 'two rows that always match together, and the gap that leaves',
    edits: [['规则', 'visits-10', '入户率', '>= 20%']],
    problems: [
      [
        ['规则', 'visits-10', '入户率'],
        '第17行（visits-10）永远不会生效：满足它的都先满足第16行（visits-20）（E16），“取第一条”只按第16行（visits-20）计分；请调整条件，或把这一行移到第16行（visits-20）之前',
      ],
      [['规则', 'visits-low', '入户率'], '指标“入户率”中，入户率为 [10%,20%) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [10%,20%)），或调整相邻行的条件'],
    ],
  },
  {
    name: 'bands with a gap between them',
    edits: [['规则', 'days-full', '下基层天数', '>= 12']],
    problems: [[['规则', 'days-short', '下基层天数'], '指标“下基层天数”中，下基层天数为 [10,12) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [10,12)），或调整相邻行的条件']],
  },
  {
    name: 'bands that share their boundary, and stop short',
    edits: [
      ['规则', 'days-full', '下基层天数', '[10,20]'],
      ['规则', 'days-short', '下基层天数', '[0,10]'],
    ],
    problems: [
      [['规则', 'days-short', '下基层天数'], '下基层天数为 10 时，第15行（days-short）和第14行（days-full）（D14）同时满足，“取第一条”只按第14行（days-full）计分；请让两行的范围首尾相接，如 [80,90) 与 [90,100]'],
      [['规则', 'days-full', '下基层天数'], '指标“下基层天数”中，下基层天数为 > 20 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 > 20），或调整相邻行的条件'],
    ],
  },
  {
    name: 'grade ranges written 80-89 leave 89.5 without a grade',
    edits: [['等次', '良好', '总分', '80-89']],
    problems: [[['等次', '良好', '总分'], '总分为 (89,90) 时没有等次；请调整相邻等次的分数段，让它们首尾相接，如 [80,90) 与 >= 90']],
  },
  {
    name: 'grade ranges that both hold 90',
    edits: [['等次', '良好', '总分', '[80,90]']],
    problems: [[['等次', '良好', '总分'], '总分为 90 时同时属于“良好”和“优秀”，只会评为“优秀”；请让分数段首尾相接，如 [80,90) 与 >= 90']],
  },
  {
    name: 'a grade above the most points there are',
    edits: [['等次', '优秀', '总分', '>= 110']],
    problems: [
      [['等次', '优秀', '总分'], '“优秀”要求 110 分以上，但各指标满分合计只有 100 分，永远达不到；请调低分数线或提高指标满分'],
      [['等次', '良好', '总分'], '总分为 [90,100] 时没有等次；请调整相邻等次的分数段，让它们首尾相接，如 [80,90) 与 >= 90'],
    ],
  },
  {
    name: 'a grade range without its lower end',
    edits: [['等次', '良好', '总分', '(80,90)']],
    problems: [[['等次', '良好', '总分'], '等次“良好”的分数段“(80,90)”必须包含下限，如 [80,90)']],
  },
  {
    name: 'stars in words',
    edits: [['等次', '良好', '星级', '很多']],
    problems: [[['等次', '良好', '星级'], '星级“很多”请写 0 到 5 的数字，或 ★★★ 这样的星号']],
  },
  {
    name: 'an indicator maximum that is not a number (its rules wait quietly)',
    edits: [['指标', 'days', '满分', 'abc']],
    problems: [[['指标', 'days', '满分'], '满分“abc”不是数字，请写成如 20 的数字']],
  },
  {
    name: 'a hit policy in other words',
    edits: [['指标', 'days', '计分方式', '看情况']],
    problems: [[['指标', 'days', '计分方式'], '计分方式“看情况”看不懂，请写 取第一条（按顺序取第一条满足的规则）或 累加（满足的规则分数相加）']],
  },
  {
    name: 'a column type the sheet does not know',
    edits: [['列', 'days', '类型', '整型']],
    problems: [[['列', 'days', '类型'], '类型“整型”看不懂，请写 姓名、文字、数字、百分比、是否、日期 或 月份']],
  },
  {
    name: 'a range in words the sheet does not know',
    edits: [['列', 'leaderScore', '取值范围', '大约100分']],
    problems: [[['列', 'leaderScore', '取值范围'], '取值范围“大约100分”看不懂，请写成 0~100、≥0 整数、0~当月天数、≤联系户数 或 不限']],
  },
  {
    name: 'a range whose least value is above its greatest',
    edits: [['列', 'leaderScore', '取值范围', '100~0']],
    problems: [[['列', 'leaderScore', '取值范围'], '取值范围“100~0”的下限大于上限']],
  },
  {
    name: 'a part bounded by a column the table does not have',
    edits: [['列', 'visits', '取值范围', '≥0 整数，≤应到户数']],
    problems: [[['列', 'visits', '取值范围'], '取值范围“≥0 整数，≤应到户数”中的“应到户数”不是本表中的列']],
  },
  {
    name: 'a range on a yes/no column',
    edits: [['列', 'project', '取值范围', '0~1']],
    problems: [[['列', 'project', '取值范围'], '只有数字和百分比列才有取值范围，“0~1”请删去']],
  },
  {
    name: 'a part bounded by a column of another type',
    edits: [['列', 'visits', '取值范围', '≥0 整数，≤一事一议项目']],
    problems: [[['列', 'visits', '取值范围'], '“入户数”不能大于的“一事一议项目”不是本台账中同类型的另一列']],
  },
  {
    name: 'an alias another column already has',
    edits: [['列', 'visits', '别名', '走访户数、应走访户数']],
    problems: [[['列', 'visits', '别名'], '别名“应走访户数”也是“联系户数”的列名或别名，台账中的这一列只会当作“联系户数”；请删去其中一个']],
  },
  {
    name: 'a rate computed by multiplying',
    edits: [['计算项', 'visitRate', '计算', '入户数 × 联系户数']],
    problems: [[['计算项', 'visitRate', '计算'], '计算“入户数 × 联系户数”看不懂，请写成 “入户数 ÷ 联系户数”']],
  },
  {
    name: 'a rate from a column that does not exist',
    edits: [['计算项', 'visitRate', '计算', '入户 ÷ 联系户数']],
    problems: [[['计算项', 'visitRate', '计算'], '计算中的“入户”不是已知的列（是不是“入户数”？）']],
  },
  {
    name: 'a share in words',
    edits: [['设置', '排名靠后比例', '值', '二成']],
    problems: [[['设置', '排名靠后比例', '值'], '排名靠后比例“二成”不是百分数，请写成如 20% 的形式']],
  },
  {
    name: 'a setting renamed',
    edits: [['设置', '排名靠后比例', '设置项', '排名比例']],
    problems: [
      [
        ['设置', '排名比例', '设置项'],
        '设置项“排名比例”看不懂（是不是“排名靠后比例”？）；可用的设置项：规则包编号、考评对象、英文名称、排名靠后比例、排名靠后提示、排名靠后提示（英文）、不读取的列',
      ],
    ],
  },
  {
    name: 'who is assessed, in other words',
    edits: [['设置', '考评对象', '值', '村民']],
    problems: [[['设置', '考评对象', '值'], '考评对象“村民”看不懂，请写 干部 或 支部']],
  },
  {
    name: 'a test input that is not a number',
    edits: [['规则测试', 'days-short', '下基层天数', '很多']],
    problems: [[['规则测试', 'days-short', '下基层天数'], '“很多” 不是有效的下基层天数']],
  },
  {
    name: 'a test that expects nothing',
    edits: [['规则测试', 'dual-rating', '预期得分', null]],
    problems: [[['规则测试', 'dual-rating', '编号'], '这条测试没有写预期结果；请填写预期得分、预期提示或预期等次']],
  },
];

function cellOf(sheet: ReturnType<typeof defaultSheet>, where: [string, string, string] | string): string {
  if (typeof where === 'string') return where;
  const { row, col } = locate(sheet, ...where);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

describe('wrong rule cells each give one problem at their cell', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let sheet = defaultSheet();
    for (const [table, row, header, value] of c.edits) sheet = edit(sheet, table, row, header, value).sheet;
    const read = readRulesSheet(sheet);
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual(c.problems.map(([where, message]) => [cellOf(sheet, where), message]));
    for (const p of read.problems) {
      expect(p.sheet).toBe('考评规则');
      expect(p.messageEn).not.toBe('');
    }
  });

  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it('keeps every row without problems: one bad condition loses one rule', () => {
    const sheet = edit(defaultSheet(), '规则', 'days-full', '下基层天数', '>= 十').sheet;
    const pack = readRulesSheet(sheet).packs[0]!.pack!;
    expect(pack.rules.map((r) => r.id)).not.toContain('days-full');
    expect(pack.rules).toHaveLength(20);
    expect(pack.indicators).toHaveLength(5);
  });

  it('names an unknown condition column at its header, with the nearest known name', () => {
    const { sheet, cell } = editHeader(defaultSheet(), '规则', '下基层天数', '在岗天数');
    const read = readRulesSheet(sheet);
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual([[cell, '“在岗天数”不是台账中的列（是不是“在村天数”？）；请改成已有的列名，或在【列】表中把它加为别名']]);
    expect(cell).toBe('D13');
  });

  it('names a filled column without a header', () => {
    let sheet = defaultSheet();
    const header = rowOf(sheet, '【规则】') + 1;
    const width = sheet.values[header]!.length;
    sheet = put(sheet, locate(sheet, '规则', 'days-full', '编号').row, width + 1, '>= 5');
    const column = String.fromCharCode(65 + width + 1);
    expect(readRulesSheet(sheet).problems.map((p) => [p.cell, p.message])).toEqual([[`${column}${header + 1}`, `这一列填了内容但没有列名，请在 ${column}${header + 1} 写上台账的列名`]]);
  });

  it('refuses comparisons on a text column', () => {
    let sheet = defaultSheet();
    const header = rowOf(sheet, '【规则】') + 1;
    const width = sheet.values[header]!.length;
    const row = locate(sheet, '规则', 'days-full', '编号').row;
    sheet = put(put(sheet, header, width, '所驻村'), row, width, '>10');
    expect(readRulesSheet(sheet).problems.map((p) => p.message)).toEqual(['“所驻村”是文字，不能比较大小（“>10”）；请写具体的值，多个值用逗号分开，如 “甲村,乙村”']);
  });

  it('names a misspelt table and the table it leaves missing', () => {
    const sheet = put(defaultSheet(), rowOf(defaultSheet(), '【等次】'), 0, '【等级】');
    const read = readRulesSheet(sheet);
    expect(read.problems.map((p) => p.message)).toEqual([
      '不认识的表名“【等级】”（是不是“等次”？）；可用的表：【列】、【计算项】、【参数】、【设置】、【指标】、【规则】、【等次】、【规则测试】',
      '规则包“驻村干部月度考核”缺少【等次】表；请从默认规则中复制这张表',
    ]);
    expect(read.packs[0]!.pack).toBeUndefined();
  });

  it('says how to start over when the pack title row is gone', () => {
    const sheet = put(defaultSheet(), 0, 0, '考评规则');
    expect(readRulesSheet(sheet).problems).toEqual([
      { sheet: '考评规则', cell: 'A1', message: '没有找到“【规则包】”标题行，无法读取规则；请删除此表，下次运行时会重新生成默认规则', messageEn: expect.stringContaining('【规则包】') },
    ]);
  });
});

/** Wrong cells in the branch block (党支部考核), the second block: found from its title down, so the cadre block's tables of the same name are passed over. */
const BRANCH_CASES: Case[] = [
  {
    name: 'a must-meet condition in words',
    edits: [['必达要求', 'committee-monthly', '支委会未召开月数', '大于零']],
    problems: [[['必达要求', 'committee-monthly', '支委会未召开月数'], '“大于零” 不是数字，请写成 “大于0”']],
  },
  {
    name: 'a must-meet item without its message',
    edits: [['必达要求', 'service-rate', '问题描述', null]],
    problems: [[['必达要求', 'service-rate', '问题描述'], '问题描述不能为空']],
  },
  {
    name: 'two must-meet items with one id',
    edits: [['必达要求', 'group-monthly', '编号', 'committee-monthly']],
    problems: [['B134', '编号“committee-monthly”重复']],
  },
  {
    name: 'a risk threshold in Chinese numerals',
    edits: [['软弱涣散风险', 'risk-failures', '未达标事项数', '>= 三']],
    problems: [[['软弱涣散风险', 'risk-failures', '未达标事项数'], '“>= 三” 不是数字，请写成 “>= 3”']],
  },
  {
    name: 'the star quota share in words',
    edits: [['设置', '限额星级最多占比', '值', '两成']],
    problems: [[['设置', '限额星级最多占比', '值'], '限额星级最多占比“两成”不是百分数，请写成如 20% 的形式']],
  },
  {
    name: 'six stars for a branch at risk',
    edits: [['设置', '有风险时最高星级', '值', 6]],
    problems: [[['设置', '有风险时最高星级', '值'], '有风险时最高星级“6”不是 0 到 5 的整数星级']],
  },
  {
    name: 'months to rectify left blank',
    edits: [['设置', '未达标整改月数', '值', null]],
    problems: [[['设置', '未达标整改月数', '值'], '未达标整改月数不能为空']],
  },
  {
    name: 'a branch rule reading a rate in words',
    edits: [['规则', 'themeday-attendance', '主题党日出席率', '八成以下']],
    problems: [[['规则', 'themeday-attendance', '主题党日出席率'], '看不懂条件“八成以下”。可以写 >= 10、<10、10以上、[80,90)、80-89、20%、是、否、A,B；留空或写 - 表示不限']],
  },
  {
    name: 'a star quota share without its stars',
    edits: [['设置', '限额星级', '值', null]],
    problems: [[['设置', '限额星级', '值'], '限额星级不能为空']],
  },
  {
    name: 'no stars for a branch at risk',
    edits: [['设置', '有风险时最高星级', '值', null]],
    problems: [[['设置', '有风险时最高星级', '值'], '有风险时最高星级不能为空']],
  },
  {
    name: 'a star quota of no stars',
    edits: [['设置', '限额星级', '值', 0]],
    problems: [[['设置', '限额星级', '值'], '限额星级“0”不是 1 到 5 的整数星级']],
  },
  {
    name: 'a branch rule shadowed by the one before it under 取第一条',
    edits: [['规则', 'cadres-failing', '不合格驻村干部人数', '= 0']],
    problems: [
      [['规则', 'cadres-failing', '不合格驻村干部人数'], '第121行（cadres-failing）永远不会生效：满足它的都先满足第120行（cadres-clear）（N120），“取第一条”只按第120行（cadres-clear）计分；请调整条件，或把这一行移到第120行（cadres-clear）之前'],
      ['N120', '指标“驻村干部”中，不合格驻村干部人数为 > 0 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 > 0），或调整相邻行的条件'],
    ],
  },
];

describe('wrong cells in the branch block each give one problem at their cell', () => {
  const start = rowOf(defaultSheet(), '【规则包】党支部考核');
  for (const c of BRANCH_CASES) {
    it(c.name, () => {
      let sheet = defaultSheet();
      for (const [table, row, header, value] of c.edits) sheet = edit(sheet, table, row, header, value, start).sheet;
      const problems = readRulesSheet(sheet).problems.map((p) => [p.cell, p.message]);
      const cell = (where: [string, string, string] | string) => {
        if (typeof where === 'string') return where;
        const { row, col } = locate(sheet, ...where, start);
        return a1(row, col);
      };
      expect(problems).toEqual(c.problems.map(([where, message]) => [cell(where), message]));
    });
  }

  it('reads the default sheet clean, the branch block into the branch pack', () => {
    const read = readRulesSheet(defaultSheet());
    expect(read.problems).toEqual([]);
    expect(read.packs.slice(0, 2).map((p) => [p.cell, p.pack?.id ?? p.branch?.id])).toEqual([
      ['A1', 'stationed-cadre'],
      [`A${start + 1}`, 'branch'],
    ]);
    // The declared assessments follow, each its own block.
    expect(read.packs.slice(2).map((p) => p.scheme?.id)).toEqual(['stationed-cadre-quarter', 'household', 'village-cadre']);
  });

  it('names an unknown condition column of 必达要求 at its header, with the nearest known name', () => {
    const { sheet, cell } = editHeader(defaultSheet(), '必达要求', '党小组会未召开月数', '党小组未召开月数');
    expect(readRulesSheet(sheet).problems.map((p) => [p.cell, p.message])).toEqual([[cell, '“党小组未召开月数”不是支部考核能读取的数据项（是不是“党小组会未召开月数”？）；请改成已有的数据项名称']]);
  });
});
