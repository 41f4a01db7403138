import { describe, expect, it } from 'vitest';
import { defaultRules, entriesOfRules, readRulesSheet, type RulesEntry, rulesSheetLayout, type SchemeEntry, sheetDecoration } from '../../src/core/rulesheet/index';
import { parseRangeCell, rangeCellText } from '../../src/core/rulesheet/range-cell';
import type { Scheme } from '../../src/core/scheme/schema';
import { a1, type Cell, type SheetSnapshot } from '../../src/core/snapshot';
import { BRANCH_YEAR, HOUSEHOLD, VILLAGE_CADRE } from './scheme-fixtures';
import { endOf, insertRow, locate, put, rowFor, rowOf, sheetOf } from './sheet-helpers';

const entry = (scheme: Scheme): RulesEntry => ({ scheme, tests: [] });

/** The schemes a sheet reads into, with no problem. */
function schemesOf(sheet: SheetSnapshot): Scheme[] {
  const read = readRulesSheet(sheet);
  expect(read.problems).toEqual([]);
  return read.packs.flatMap((p) => (p.scheme ? [p.scheme] : []));
}

describe('a scheme block on 考评规则', () => {
  it('lays out 党员中心户季度测评 in tables a clerk can read', () => {
    const sheet = sheetOf([entry(HOUSEHOLD)]);
    const v = sheet.values;
    expect(v[0]![0]).toBe('【规则包】党员中心户季度测评');
    const tables = v.flatMap((r) => (typeof r[0] === 'string' && /^【.+】$/.test(r[0]) && !r[0].startsWith('【规则包') ? [r[0]] : []));
    expect(tables).toEqual(['【方案】', '【参数】', '【台账】', '【数据项】', '【指标】', '【规则】', '【等次】', '【否决】', '【必达项】', '【风险】', '【名额】', '【排名】', '【输出】', '【规则测试】']);
    const scheme = rowOf(sheet, '【方案】');
    expect(v.slice(scheme + 1, scheme + 16).map((r) => r.slice(0, 2))).toEqual([
      ['设置项', '值'],
      ['编号', 'household'],
      ['考核对象', '党员中心户'],
      ['考核周期', '季度'],
      ['英文名称', 'Party-member households, quarterly'],
      ['考核对象（英文）', 'party-member household'],
      ['无数据指标不计入', '否'],
      ['最低等次为不达标', '是'],
      ['记录覆盖比例', null],
      ['有未达标项时最高星级', null],
      ['未达标整改月数', null],
      ['风险名称', null],
      ['风险名称（英文）', null],
      ['有风险时最高星级', null],
      ['风险整改月数', null],
    ]);
    // With no must-meet item or risk criterion, their tables are there to fill, a header and no row.
    for (const table of ['【必达项】', '【风险】']) expect(v[rowOf(sheet, table) + 2]!.every((c) => c === null)).toBe(true);
    expect(v[rowOf(sheet, '【必达项】') + 1]!.slice(0, 3)).toEqual(['启用', '编号', '名称']);
    expect(v[rowOf(sheet, '【风险】') + 1]!.slice(0, 3)).toEqual(['编号', '原因', '原因（英文）']);
    const ledger = rowOf(sheet, '【台账】');
    expect(v[ledger + 1]!.slice(0, 10)).toEqual(['台账', '台账编号', '列', '编号', '类型', '角色', '别名', '取值范围', '英文名', '台账（英文）']);
    expect(v[ledger + 2]!.slice(0, 8)).toEqual(['党员中心户测评台账', 'household', '姓名', 'name', '姓名', '考核对象', '中心户姓名', null]);
    expect(v[ledger + 3]!.slice(2, 7)).toEqual(['所在嘎查（支部）', 'village', '文字', '所在村（支部）', '所在村、所在嘎查（社区）']);
    const rating = locate(sheet, '台账', '民主测评得分', '取值范围');
    expect(v[rating.row]![rating.col]).toBe('0~100');
    const ignored = locate(sheet, '台账', '序号', '类型');
    expect(v[ignored.row]![ignored.col]).toBe('不读取');
    const points = locate(sheet, '规则', 'publicity', '得分');
    expect(v[points.row]![points.col]).toBe('政策宣传每个2分，最多10分');
    const ranking = rowOf(sheet, '【排名】');
    expect(v[ranking + 1]!.slice(0, 3)).toEqual(['比例', '提示', '处理意见']);
    expect(v[ranking + 2]!.slice(0, 3)).toEqual(['20%', '后20%', '补位调整或取消中心户资格']);
  });

  it('lays out vetoes, the quota, outputs and capped ranges of 村干部年度目标考评', () => {
    const sheet = sheetOf([entry(VILLAGE_CADRE)]);
    const v = sheet.values;
    const party = locate(sheet, '台账', '党建工作', '取值范围');
    expect(v[party.row]![party.col]).toBe('0~25 超出按上限计');
    const veto = locate(sheet, '否决', 'veto', '数据项');
    expect(v[veto.row]![veto.col]).toBe('否决事项');
    const quota = rowOf(sheet, '【名额】');
    expect(v[quota + 2]!.slice(0, 2)).toEqual(['优秀', '20%']);
    const coefficient = locate(sheet, '输出', 'coefficient', '按等次');
    expect(v[coefficient.row]![coefficient.col]).toBe('优秀=1.2、称职=1、基本称职=0.8、不称职=0.5');
    const pay = locate(sheet, '输出', 'pay', '乘积');
    expect(v[pay.row]![pay.col]).toBe('基本绩效报酬×绩效报酬系数');
  });

  it('writes each way of gathering a fact in words: 来源, 条件 with 空白, 年数 and 计算', () => {
    const sheet = sheetOf([entry(BRANCH_YEAR)]);
    const row = (id: string) => {
      const at = locate(sheet, '数据项', id, '编号');
      return sheet.values[at.row]!.slice(0, 8);
    };
    expect(row('lifeMeetings')).toEqual(['lifeMeetings', '组织生活会次数', '计数', '三会一课记录', null, '会议类型=组织生活会', null, null]);
    expect(row('reviews')).toEqual(['reviews', '民主评议次数', '计数', '三会一课记录', null, '会议类型=民主评议党员、民主评议', 2, null]);
    expect(row('presentTotal')).toEqual(['presentTotal', '实到合计', '求和', '三会一课记录', '实到人数', null, null, null]);
    expect(row('quartersWithout')).toEqual(['quartersWithout', '缺党课季度数', '缺少季度数', '三会一课记录', null, '会议类型=党课', null, '至少2条']);
    expect(row('attendance')).toEqual(['attendance', '出席率', '出席率', '三会一课记录', null, null, null, '实到人数 ÷ 应到人数']);
    expect(row('vacantMonths')).toEqual(['vacantMonths', '书记空缺月数', '距今月数', '支部基本情况', '空缺日期', '书记姓名=空白、空缺', null, null]);
    expect(row('countedRate')).toEqual(['countedRate', '测评满意率', '比率', null, null, null, null, '满意人数 ÷ 测评人数']);
    expect(row('satisfactionRate')).toEqual(['satisfactionRate', '满意率', '取其一', null, null, null, null, '群众满意率、测评满意率']);
    expect(row('cadresFailed')).toEqual(['cadresFailed', '不合格干部数', '其他方案等次人数', 'stationed-cadre', null, '等次=不合格', null, null]);
  });

  it('reads each scheme back as it was written: layout → read gives the same Scheme, and the same sheet again', () => {
    for (const scheme of [HOUSEHOLD, VILLAGE_CADRE, BRANCH_YEAR]) {
      const sheet = sheetOf([entry(scheme)]);
      const [read] = schemesOf(sheet);
      expect(read).toEqual(scheme);
      expect(rulesSheetLayout(entriesOfRules(readRulesSheet(sheet))).values).toEqual(rulesSheetLayout([entry(scheme)]).values);
    }
  });

  it('sits beside the cadre and branch blocks, which read as before, and comes back among the packs', () => {
    const entries = [...defaultRules().slice(0, 2), entry(HOUSEHOLD), entry(VILLAGE_CADRE)];
    const read = readRulesSheet(sheetOf(entries));
    expect(read.problems).toEqual([]);
    expect(read.packs.map((p) => [p.subject, p.title, p.clean])).toEqual([
      ['cadre', '驻村干部月度考核', true],
      ['branch', '党支部考核', true],
      ['scheme', '党员中心户季度测评', true],
      ['scheme', '村干部年度目标考评', true],
    ]);
    expect(read.packs[2]!.scheme).toEqual(HOUSEHOLD);
    expect(read.packs[3]!.scheme).toEqual(VILLAGE_CADRE);
    expect(entriesOfRules(read)).toEqual(entries);
    // The cadre and branch blocks are laid out exactly as without the schemes, in the same cells.
    const alone = rulesSheetLayout(defaultRules().slice(0, 2)).values;
    const all = rulesSheetLayout(entries).values;
    alone.forEach((row, i) => {
      expect(all[i]!.slice(0, row.length)).toEqual(row);
      expect(all[i]!.slice(row.length).every((c) => c === '')).toBe(true);
    });
  });
});

describe('a clerk declares in cells only', () => {
  it('a new ledger column, a 数据项 counted from it and a rule on it read into the scheme', () => {
    let sheet = sheetOf([entry(HOUSEHOLD)]);
    sheet = insertRow(sheet, endOf(sheet, '台账', 0), rowFor(sheet, '台账', 0, { 台账: '党员中心户测评台账', 列: '入户走访', 类型: '数字', 别名: '走访次数、入户次数', 取值范围: '0~30' }));
    sheet = insertRow(sheet, endOf(sheet, '数据项', 0), rowFor(sheet, '数据项', 0, { 名称: '走访合计', 来源: '求和', 台账: '党员中心户测评台账', 列: '走访次数' }));
    const rule = rowFor(sheet, '规则', 0, { 启用: '是', 指标: '政策宣传', 得分: 2, 提示: '本季度入户走访{走访合计}次' });
    const header = rowOf(sheet, '【规则】') + 1;
    const col = sheet.values[header]!.length;
    sheet = put(sheet, header, col, '走访合计');
    const at = endOf(sheet, '规则', 0);
    sheet = insertRow(sheet, at, rule);
    sheet = put(sheet, at, col, '>= 3');

    const [scheme] = schemesOf(sheet);
    expect(scheme!.ledgers[0]!.columns.at(-1)).toEqual({ fact: 'col1', label: '入户走访', type: 'number', aliases: ['走访次数', '入户次数'], range: { min: 0, max: 30 } });
    expect(scheme!.facts).toEqual([{ fact: 'fact1', label: '走访合计', source: 'rows', ledger: 'household', op: 'sum', column: 'col1' }]);
    expect(scheme!.rules.at(-1)).toEqual({
      id: 'publicityPart-1',
      indicator: 'publicityPart',
      enabled: true,
      when: [{ fact: 'fact1', op: '>=', value: 3 }],
      points: 2,
      flag: '本季度入户走访{fact1}次',
    });
    expect(scheme!.rules.slice(0, -1)).toEqual(HOUSEHOLD.rules);
  });

  it('a range cell reads and writes its cap: "0~25 超出按上限计" ⇄ {min: 0, max: 25, cap: true}', () => {
    const none = () => undefined;
    expect(parseRangeCell('0~25 超出按上限计', 'number', none)).toEqual({ ok: true, range: { min: 0, max: 25, cap: true } });
    expect(parseRangeCell('0~25，超出按上限计', 'number', none)).toEqual({ ok: true, range: { min: 0, max: 25, cap: true } });
    expect(parseRangeCell('0~25超出按上限计', 'number', none)).toEqual({ ok: true, range: { min: 0, max: 25, cap: true } });
    expect(rangeCellText({ fact: 'party', label: '党建工作', type: 'number', aliases: [], range: { min: 0, max: 25, cap: true } }, (f) => f)).toBe('0~25 超出按上限计');
    const noMax = parseRangeCell('≥0 超出按上限计', 'number', none);
    expect(noMax).toEqual({ ok: false, problem: { message: expect.stringContaining('没有数字上限'), messageEn: expect.stringContaining('no number as its maximum') } });
  });
});

describe('reading cells as clerks leave them', () => {
  it('a blank 台账 cell goes on with the ledger above, a blank 台账编号 gets one, and an empty 【排名】 row means no ranking', () => {
    let sheet = sheetOf([entry(HOUSEHOLD)]);
    for (const label of ['所在嘎查（支部）', '季度', '民主测评得分']) {
      const at = locate(sheet, '台账', label, '台账');
      sheet = put(put(sheet, at.row, at.col, null), at.row, at.col + 1, null);
    }
    const first = locate(sheet, '台账', '姓名', '台账编号');
    sheet = put(sheet, first.row, first.col, null);
    const ranking = rowOf(sheet, '【排名】') + 2;
    sheet = { ...sheet, values: sheet.values.map((r, i) => (i === ranking ? r.map(() => null) : r)) };
    const [scheme] = schemesOf(sheet);
    expect(scheme!.ledgers).toHaveLength(1);
    expect(scheme!.ledgers[0]!.id).toBe('household');
    expect(scheme!.ledgers[0]!.columns.map((c) => c.fact)).toEqual(HOUSEHOLD.ledgers[0]!.columns.map((c) => c.fact));
    expect(scheme!.ranking).toBeUndefined();
  });

  it('a ledger without any id written gets ledger1', () => {
    let sheet = sheetOf([entry(HOUSEHOLD)]);
    const header = rowOf(sheet, '【台账】') + 1;
    const col = sheet.values[header]!.indexOf('台账编号');
    sheet = { ...sheet, values: sheet.values.map((r, i) => (i > header && i < endOf(sheet, '台账', 0) ? r.map((c, j) => (j === col ? null : c)) : r)) };
    const [scheme] = schemesOf(sheet);
    expect(scheme!.ledgers[0]!.id).toBe('ledger1');
  });

  it('a fact reading a column whose own row has a problem waits: the one problem is at that row', () => {
    const sheet = sheetOf([entry(BRANCH_YEAR)]);
    const at = locate(sheet, '台账', '实到人数', '类型');
    const read = readRulesSheet(put(sheet, at.row, at.col, '整型'));
    expect(read.problems.map((p) => p.cell)).toEqual([a1(at.row, at.col)]);
    expect(read.problems[0]!.message).toContain('类型“整型”看不懂');
  });

  it('a rule column naming neither a column nor a fact is named at its header, with the nearest name', () => {
    const sheet = sheetOf([entry(BRANCH_YEAR)]);
    const header = rowOf(sheet, '【规则】') + 1;
    const col = sheet.values[header]!.indexOf('出席率');
    const read = readRulesSheet(put(sheet, header, col, '出勤率'));
    expect(read.problems.map((p) => [p.cell, p.message, p.messageEn])).toEqual([
      [a1(header, col), '“出勤率”不是【台账】中的列，也不是【数据项】的名称（是不是“出席率”？）；请改成已有的名称，或在【台账】中加为别名', '"出勤率" is neither a 【台账】 column nor a 【数据项】 name (did you mean "出席率"?); use a known name or add it as an alias in 【台账】'],
    ]);
  });

  it('the headers of the scheme tables say how to fill them', () => {
    const layout = rulesSheetLayout([entry(VILLAGE_CADRE)]);
    const notes = sheetDecoration(layout.values).notes;
    const note = (table: string, header: string) => {
      const row = layout.values.findIndex((r) => r[0] === `【${table}】`) + 1;
      return notes[row]![layout.values[row]!.indexOf(header)];
    };
    expect(note('台账', '取值范围')).toContain('超出按上限计');
    expect(note('数据项', '来源')).toContain('缺少月数');
    expect(note('输出', '按等次')).toContain('优秀=1.2');
  });
});

describe('a wrong cell gives one problem, named at that cell, in both languages', () => {
  /** The one problem a sheet with one cell changed reads with. */
  function oneProblem(scheme: Scheme, table: string, rowKey: string, header: string, value: Cell) {
    const sheet = sheetOf([entry(scheme)]);
    const at = locate(sheet, table, rowKey, header);
    const read = readRulesSheet(put(sheet, at.row, at.col, value));
    expect(read.problems).toHaveLength(1);
    expect(read.packs[0]!.clean).toBe(false);
    return { problem: read.problems[0]!, cell: a1(at.row, at.col), read };
  }

  it('an unknown ledger in a 数据项', () => {
    const { problem, cell } = oneProblem(BRANCH_YEAR, '数据项', 'lifeMeetings', '台账', '三会一课台帐记录');
    expect(problem).toEqual({
      sheet: '考评规则',
      cell,
      message: '台账“三会一课台帐记录”不在【台账】表中（是不是“三会一课记录”？）；请写【台账】中的台账名称或编号',
      messageEn: 'the ledger "三会一课台帐记录" is not in the 【台账】 table (did you mean "三会一课记录"?); write a ledger name or id from it',
    });
  });

  it('an unknown 来源 word', () => {
    const { problem, cell } = oneProblem(BRANCH_YEAR, '数据项', 'presentTotal', '来源', '求积');
    expect(problem.cell).toBe(cell);
    expect(problem.message).toMatch(/^来源“求积”看不懂.*请写 取值、求和、计数/);
    expect(problem.messageEn).toMatch(/^cannot read the source "求积".*write one of 取值、求和/);
  });

  it('a bad 取值范围', () => {
    const { problem, cell } = oneProblem(VILLAGE_CADRE, '台账', '党建工作', '取值范围', '0~二十五');
    expect(problem).toEqual({
      sheet: '考评规则',
      cell,
      message: '取值范围“0~二十五”看不懂，请写成 0~100、≥0 整数、0~当月天数、≤联系户数 或 不限',
      messageEn: 'cannot read the range "0~二十五"; write 0~100, ≥0 整数, 0~当月天数, ≤联系户数 or 不限',
    });
  });

  it('a quota grade that is no band', () => {
    const { problem, cell, read } = oneProblem(VILLAGE_CADRE, '名额', '优秀', '等次', '优');
    expect(problem).toEqual({
      sheet: '考评规则',
      cell,
      message: '名额中的等次“优”不在【等次】表中（是不是“优秀”？）',
      messageEn: 'the grade "优" of the quota is not in the 【等次】 table (did you mean "优秀"?)',
    });
    expect(read.packs[0]!.scheme).toBeUndefined();
  });
});

describe('the 【规则测试】 table of a scheme block', () => {
  const shipped = (id: string): SchemeEntry => defaultRules().find((e): e is SchemeEntry => 'scheme' in e && e.scheme.id === id)!;
  const village = shipped('village-cadre');
  /** The tests table's first row after its header, from the block of the entry. */
  const testsHeader = (sheet: SheetSnapshot) => rowOf(sheet, '【规则测试】') + 1;

  it('lays out a case a row: an input column per column or fact the cases use, the expectations, then a 预期 column per output expected', () => {
    const sheet = sheetOf([village]);
    const header = testsHeader(sheet);
    const width = sheet.values[header]!.filter((c) => c !== null).length;
    expect(sheet.values[header]!.slice(0, width)).toEqual(['编号', '说明', '党建工作', '经济发展', '民生实事', '平安稳定', '生态环境', '群众满意度', '一票否决事项', '基本绩效报酬', '指标', '预期得分', '预期提示', '预期等次', '预期绩效报酬系数', '预期绩效报酬']);
    expect(sheet.values[header + 1]!.slice(0, width)).toEqual(['full-marks', '六个方面满分：优秀，系数1.2', 25, 20, 15, 15, 10, 15, null, 30000, null, 100, '无', '优秀', 1.2, 36000]);
    expect(sheet.values[header + 5]!.slice(0, width)).toEqual(['veto', '一票否决：不论得分，评为不称职', 25, 20, 15, 15, 10, 15, '发生重大安全生产事故', 30000, null, 100, '一票否决：发生重大安全生产事故', '不称职', 0.5, 15000]);
    expect(sheet.values[header + 6]!.slice(0, width)).toEqual(['economy-points', '考核组评分直接计入', null, 18.5, null, null, null, null, null, null, '经济发展', 18.5, null, null, null, null]);
    const notes = sheetDecoration(rulesSheetLayout([village]).values).notes[header]!;
    expect(notes[14]).toContain('绩效报酬系数 1.2');
    expect(notes[2]).toContain('按台账的写法填写');
  });

  it('reads every shipped scheme case back as it was written: layout → read gives the same cases, and the same sheet again', () => {
    const schemes = defaultRules().slice(2);
    expect(schemes.map((e) => e.tests.length)).toEqual([6, 8, 6]);
    const sheet = sheetOf(schemes);
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    expect(entriesOfRules(read)).toEqual(schemes);
    const first = locate(sheet, '规则测试', 'full-marks', '编号', rowOf(sheet, '【规则包】村干部年度目标考评'));
    expect(read.packs[2]!.tests[0]).toEqual({ test: village.tests[0], cell: a1(first.row, first.col) });
    expect(rulesSheetLayout(entriesOfRules(read)).values).toEqual(rulesSheetLayout(schemes).values);
  });

  it('reads a case a clerk adds in cells: full-width and text numbers, an expected output named by its id in a 预期 column added by hand', () => {
    let sheet = sheetOf([village]);
    const header = testsHeader(sheet);
    const at = sheet.values[header]!.length;
    sheet = put(sheet, header, at, '预期pay');
    sheet = insertRow(sheet, header + 1, rowFor(sheet, '规则测试', 0, { 编号: 'clerk', 党建工作: '２５', 基本绩效报酬: '30000', 预期等次: '不称职' }));
    sheet = put(sheet, header + 1, at, '7500');
    sheet = put(sheet, header + 1, sheet.values[header]!.indexOf('预期绩效报酬系数'), 0.5);
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    const [entry] = entriesOfRules(read) as SchemeEntry[];
    expect(entry!.tests[0]).toEqual({ id: 'clerk', inputs: { partyWork: 25, basePay: 30000 }, grade: '不称职', values: { coefficient: 0.5, pay: 7500 } });
  });

  /** The problems of the village-cadre block with cells of its tests table changed, by header, in the row of a case. */
  function withCells(caseId: string, cells: Record<string, Cell>) {
    let sheet = sheetOf([village]);
    const cellsAt: string[] = [];
    for (const [header, value] of Object.entries(cells)) {
      const at = locate(sheet, '规则测试', caseId, header);
      sheet = put(sheet, at.row, at.col, value);
      cellsAt.push(a1(at.row, at.col));
    }
    const read = readRulesSheet(sheet);
    return { read, cells: cellsAt, tests: (entriesOfRules(read)[0] as SchemeEntry).tests };
  }

  it('names a wrong expected value at its cell, in both languages, and leaves that case out', () => {
    const { read, cells, tests } = withCells('full-marks', { 预期绩效报酬系数: '一点二' });
    expect(read.problems).toEqual([{ sheet: '考评规则', cell: cells[0], message: '“一点二” 不是有效的绩效报酬系数', messageEn: '"一点二" is not a valid pay coefficient' }]);
    expect(read.packs[0]!.clean).toBe(false);
    expect(tests.map((t) => t.id)).toEqual(village.tests.slice(1).map((t) => t.id));
  });

  it('names a wrong input at its cell', () => {
    const { read, cells } = withCells('competent', { 经济发展: '较好' });
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual([[cells[0], '“较好” 不是有效的经济发展']]);
  });

  it('names a 预期 header that names no output, column or fact at the header, with the nearest name, and leaves out only the cases that use it', () => {
    let sheet = sheetOf([village]);
    const header = testsHeader(sheet);
    const col = sheet.values[header]!.indexOf('预期绩效报酬系数');
    sheet = put(sheet, header, col, '预期绩效系数');
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([
      {
        sheet: '考评规则',
        cell: a1(header, col),
        message: '“预期绩效系数”：“绩效系数”不是【输出】的名称，也不是【台账】中的列或【数据项】的名称（是不是“绩效报酬系数”？）；请改成“预期”加已有的名称',
        messageEn: '"预期绩效系数": "绩效系数" is neither an 【输出】 name nor a 【台账】 column or 【数据项】 name (did you mean "绩效报酬系数"?); write 预期 and a known name',
      },
    ]);
    expect((entriesOfRules(read)[0] as SchemeEntry).tests.map((t) => t.id)).toEqual(['economy-points']);
  });

  it('a case that expects nothing is named at its id', () => {
    const { read, cells } = withCells('economy-points', { 预期得分: null });
    expect(read.problems).toEqual([
      { sheet: '考评规则', cell: cells[0]!.replace(/^[A-Z]+/, 'A'), message: '这条测试没有写预期结果；请填写预期得分、预期提示、预期等次或预期的输出值', messageEn: 'this test expects nothing; fill in expected points, flag, grade or an expected output' },
    ]);
  });
});
