import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  defaultRules,
  entriesOfRules,
  type RulesEntry,
  packFileJson,
  packHash,
  readPackFile,
  readRulesSheet,
  RULES_SHEET,
  rulesSheetLayout,
  validatePack,
  type Pack,
} from '../../src/core/index';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { packFor, shippedBranchPack } from '../../src/core/rulesheet/index';
import { writeRulesSheet } from '../../src/node/rules-file';
import { workbookSnapshot } from '../../src/node/workbook-file';
import { defaultSheet, edit, locate, put } from './sheet-helpers';

function sheetOf(entries: RulesEntry[]): SheetSnapshot {
  const layout = rulesSheetLayout(entries);
  return { name: layout.sheet, values: layout.values.map((r) => r.map((v) => (v === '' ? null : v))), merges: [] };
}

/** A pack using what the default one does not: ranges, lists, text, yes/no, a disabled rule, deductions, points per another column or per percentage point. */
const CUSTOM = (() => {
  const result = validatePack({
    id: 'custom',
    version: 1,
    title: '村干部年度目标考核',
    titleEn: 'Village cadres, annual targets',
    subject: 'cadre',
    columns: [
      { fact: 'name', label: '姓名', type: 'name', role: 'subject' },
      { fact: 'village', label: '所在村', type: 'text', role: 'branch', aliases: ['村名'] },
      { fact: 'days', label: '在岗天数', type: 'number', range: { min: 0, max: 'periodDays', whole: true } },
      { fact: 'score', label: '群众评分', type: 'number', range: { min: 1, max: 5 } },
      { fact: 'rate', label: '办结率', type: 'percent', aliases: ['办结比例'], range: { min: 0, max: 0.9 } },
      { fact: 'veto', label: '一票否决', type: 'boolean' },
    ],
    indicators: [
      { id: 'duty', label: '出勤', max: 30, hitPolicy: 'first' },
      { id: 'bonus', label: '加减分', max: 10, hitPolicy: 'sum', onMissing: 'warn' },
    ],
    rules: [
      { id: 'duty-full', indicator: 'duty', when: [{ fact: 'days', op: '>=', value: 20 }], points: 30 },
      { id: 'duty-part', indicator: 'duty', when: [{ fact: 'days', op: '>=', value: 10 }, { fact: 'days', op: '<', value: 20 }], points: { per: 'days', each: 1.5, max: 30 } },
      { id: 'duty-low', indicator: 'duty', when: [{ fact: 'days', op: '<', value: 10 }], points: 0, flag: '在岗不足10天（{days}天）', flagEn: 'under 10 days ({days})' },
      { id: 'pilot', indicator: 'bonus', when: [{ fact: 'village', op: 'in', value: ['红旗村', '东风村'] }], points: 2, note: '试点村加分' },
      { id: 'veto', indicator: 'bonus', enabled: false, when: [{ fact: 'village', op: 'notIn', value: ['新华村'] }, { fact: 'veto', op: '=', value: true }], points: -3 },
      { id: 'closing', indicator: 'bonus', when: [{ fact: 'rate', op: '>', value: 0.5 }], points: { per: 'rate', each: 10, max: 5 } },
      { id: 'base', indicator: 'bonus', points: 1 },
      { id: 'rated', indicator: 'bonus', when: [{ fact: 'score', op: '!=', value: 0 }], points: { per: 'days', each: 0.05 } },
    ],
    grades: [
      { min: 30, grade: '好', stars: 3 },
      { min: 20, grade: '中', stars: 2 },
      { min: 5, grade: '差', stars: 0 },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { pack: result.pack, tests: [{ id: 'pilot-village', inputs: { village: '红旗村', days: 25 }, points: 33, grade: '好' }] } satisfies ReturnType<typeof defaultRules>[0];
})();

describe('pack → sheet → pack', () => {
  it('gives back rules/stationed-cadre.json exactly, with its tests', () => {
    const [entry] = defaultRules();
    const read = readRulesSheet(defaultSheet());
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(entry!.pack);
    expect(read.packs[0]!.tests.map((t) => t.test)).toEqual(entry!.tests);
    expect(packHash(read.packs[0]!.pack)).toBe(packHash(entry!.pack));
  });

  it('gives back a pack that uses every kind of condition and points', () => {
    const read = readRulesSheet(sheetOf([CUSTOM]));
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(CUSTOM.pack);
    expect(read.packs[0]!.tests.map((t) => t.test)).toEqual(CUSTOM.tests);
  });

  it('holds several packs, one block each', () => {
    const read = readRulesSheet(sheetOf([...defaultRules(), CUSTOM]));
    expect(read.problems).toEqual([]);
    expect(read.packs.map((p) => p.pack?.id ?? p.branch?.id ?? p.scheme?.id)).toEqual(['stationed-cadre', 'branch', 'stationed-cadre-quarter', 'household', 'village-cadre', 'custom']);
  });

  it('writes the same sheet again from what it read: sheet → pack → sheet', () => {
    const first = sheetOf([...defaultRules(), CUSTOM]);
    const read = readRulesSheet(first);
    const again = sheetOf(entriesOfRules(read));
    expect(again.values).toEqual(first.values);
  });

  it('gives back rules/branch.json from the branch block with its tests, and writes the same block again', () => {
    const [, branch] = defaultRules();
    const first = sheetOf([branch]);
    const read = readRulesSheet(first);
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.branch).toEqual(shippedBranchPack());
    // The meeting records and the work ledger are read from 【台账】's cells, not carried over.
    expect(read.packs[0]!.branch!.meetings).toEqual(shippedBranchPack().meetings);
    expect(read.packs[0]!.branch!.work).toEqual(shippedBranchPack().work);
    expect(packFor(read, 'branch')).toMatchObject({ title: '党支部考核', cell: 'A1', pack: shippedBranchPack() });
    expect(read.packs[0]!.tests.map((t) => t.test)).toEqual(branch!.tests);
    expect(sheetOf(entriesOfRules(read)).values).toEqual(first.values);
  });

  it('reads a sheet written before it had a branch block: no branch pack, so runs fall back to rules/branch.json', () => {
    const read = readRulesSheet(sheetOf([defaultRules()[0]]));
    expect(read.problems).toEqual([]);
    expect(packFor(read, 'cadre')?.pack?.id).toBe('stationed-cadre');
    expect(packFor(read, 'branch')).toBeUndefined();
  });

  it('lays out the branch settings, must-meet items and risk criteria staff change', () => {
    const values = sheetOf(defaultRules()).values;
    const rowOf = (text: string) => values.findIndex((r) => r[0] === text);
    const start = rowOf('【规则包】党支部考核');
    expect(start).toBeGreaterThan(rowOf('【规则包】驻村干部月度考核'));
    const setting = (name: string) => values.slice(start).find((r) => r[0] === name)?.[1];
    expect([setting('限额星级'), setting('限额星级最多占比'), setting('有未达标项时最高星级'), setting('有风险时最高星级'), setting('未达标整改月数'), setting('记录覆盖比例'), setting('填报比率容差')]).toEqual([
      5, '20%', 4, 2, 1, '25%', '0.5%',
    ]);
    const items = rowOf('【必达要求】');
    expect(values[items + 1]!.slice(0, 4)).toEqual(['启用', '编号', '支委会未召开月数', '党小组会未召开月数']);
    expect(values[items + 2]!.slice(0, 3)).toEqual(['是', 'committee-monthly', '> 0']);
    const risk = rowOf('【软弱涣散风险】');
    expect(values[risk + 1]!.slice(0, 3)).toEqual(['编号', '未达标事项数', '排名末位']);
    expect(values[risk + 2]!.slice(0, 2)).toEqual(['risk-failures', '>= 3']);
  });

  it('survives an .xlsx file: written with ExcelJS, read back as a host reads it', async () => {
    const wb = new ExcelJS.Workbook();
    writeRulesSheet(wb, rulesSheetLayout(defaultRules()));
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load(await wb.xlsx.writeBuffer());
    const sheet = workbookSnapshot(reopened).sheets.find((s) => s.name === RULES_SHEET)!;
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(defaultRules()[0]!.pack);
    const ws = reopened.getWorksheet(RULES_SHEET)!;
    expect(ws.getCell('D13').note).toEqual(expect.stringContaining('10以上'));
    expect(ws.getCell('D14').numFmt).toBe('@');
    expect(ws.getCell('A14').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
  });

  it('round-trips a pack file with its tests, validated the same way', () => {
    const [entry] = defaultRules();
    const json = JSON.parse(JSON.stringify(packFileJson(entry!)));
    const read = readPackFile(json, 'stationed-cadre.json');
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(entry!.pack);
    expect(read.packs[0]!.tests.map((t) => t.test)).toEqual(entry!.tests);
  });

  it('reports a pack file problem at its path, with the sheet messages', () => {
    const [entry] = defaultRules();
    const json = JSON.parse(JSON.stringify(packFileJson(entry!))) as Pack;
    json.rules[1]!.when = [{ fact: 'days', op: '>=', value: 10 }];
    const read = readPackFile(json, 'mine.json');
    expect(read.problems).toEqual([
      {
        sheet: 'mine.json',
        cell: 'rules[1].when[0]',
        message: 'days-short永远不会生效：满足它的都先满足days-full（rules[0].when[0]），“取第一条”只按days-full计分；请调整条件，或把这一行移到days-full之前',
        messageEn: expect.stringContaining('never applies'),
      },
      {
        sheet: 'mine.json',
        cell: 'rules[0].when[0]',
        message: '指标“下基层天数”中，下基层天数为 [0,10) 时没有任何规则满足，得 0 分且没有提示；请补一行（条件写 [0,10)），或调整相邻行的条件',
        messageEn: expect.stringContaining('no rule matches'),
      },
    ]);
  });
});

describe('edits staff make are read as meant', () => {
  it('an alias added to a column', () => {
    const sheet = edit(defaultSheet(), '列', 'days', '别名', '驻村天数、在岗天数').sheet;
    const pack = readRulesSheet(sheet).packs[0]!.pack!;
    expect(pack.columns.find((c) => c.fact === 'days')!.aliases).toEqual(['驻村天数', '在岗天数']);
  });

  it('a new rule row without an id gets one, and 20 days instead of 10', () => {
    let sheet = edit(defaultSheet(), '规则', 'days-full', '下基层天数', '20以上').sheet;
    sheet = edit(sheet, '规则', 'days-short', '下基层天数', '不足20天').sheet;
    sheet = edit(sheet, '规则', 'days-short', '提示', '下基层天数不足20天（{下基层天数}天）').sheet;
    sheet = edit(sheet, '规则', 'days-short', '得分', '每天1分，最多20分').sheet;
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    const rules = read.packs[0]!.pack!.rules;
    expect(rules[0]!.when).toEqual([{ fact: 'days', op: '>=', value: 20 }]);
    expect(rules[1]).toMatchObject({ when: [{ fact: 'days', op: '<', value: 20 }], points: { per: 'days', each: 1, max: 20 }, flag: '下基层天数不足20天（{days}天）' });
  });

  it('a rule switched off stays in the pack, switched off', () => {
    const sheet = edit(defaultSheet(), '规则', 'rating-public', '启用', '否').sheet;
    const rule = readRulesSheet(sheet).packs[0]!.pack!.rules.find((r) => r.id === 'rating-public')!;
    expect(rule.enabled).toBe(false);
  });

  it('a blank id takes the indicator and the next free number', () => {
    const row = locate(defaultSheet(), '规则', 'days-full', '编号');
    const sheet = put(defaultSheet(), row.row, row.col, null);
    expect(readRulesSheet(sheet).packs[0]!.pack!.rules[0]!.id).toBe('days-1');
  });
});

describe('the 取值范围 cell of 【列】', () => {
  const rangeOf = (sheet: SheetSnapshot, fact: string) => {
    const { row, col } = locate(sheet, '列', fact, '取值范围');
    return sheet.values[row]![col];
  };

  it('shows each column\'s range, its type\'s default when the pack sets none, and the column a part may not exceed', () => {
    const sheet = defaultSheet();
    expect(['days', 'households', 'visits', 'promised', 'fulfilled', 'leaderScore', 'project', 'name'].map((f) => rangeOf(sheet, f) ?? '')).toEqual([
      '0~当月天数',
      '≥0 整数',
      '≥0 整数，≤联系户数',
      '≥0 整数',
      '≥0 整数，≤承诺数',
      '0~100',
      '',
      '',
    ]);
    expect(rangeOf(sheetOf([CUSTOM]), 'rate')).toBe('0~90%');
    expect(rangeOf(sheetOf([CUSTOM]), 'days')).toBe('0~当月天数 整数');
  });

  it('reads an edited range and part into the pack, and writes them back as written', () => {
    let sheet = edit(defaultSheet(), '列', 'leaderScore', '取值范围', '0 ~ 10分').sheet;
    sheet = edit(sheet, '列', 'households', '取值范围', '不限').sheet;
    sheet = edit(sheet, '列', 'promised', '取值范围', '非负整数，不超过联系户数').sheet;
    sheet = edit(sheet, '列', 'days', '取值范围', '').sheet;
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([]);
    const columns = new Map(read.packs[0]!.pack!.columns.map((c) => [c.fact, c]));
    expect(columns.get('leaderScore')!.range).toEqual({ min: 0, max: 10 });
    expect(columns.get('households')!.range).toEqual({});
    expect(columns.get('promised')).toMatchObject({ atMost: 'households' });
    expect(columns.get('promised')!.range).toBeUndefined();
    expect(columns.get('days')!.range).toBeUndefined();
    const again = sheetOf(entriesOfRules(read));
    expect(['leaderScore', 'households', 'promised', 'days'].map((f) => rangeOf(again, f))).toEqual(['0~10', '不限', '≥0 整数，≤联系户数', '≥0 整数']);
    expect(readRulesSheet(again).packs[0]!.pack).toEqual(read.packs[0]!.pack);
  });

  it('keeps the ranges of rules/stationed-cadre.json on a sheet written before the column', () => {
    const sheet = defaultSheet();
    const { col } = locate(sheet, '列', 'days', '取值范围');
    const start = sheet.values.findIndex((r) => r.some((c) => c === '【列】'));
    const end = sheet.values.findIndex((r, i) => i > start && r.some((c) => typeof c === 'string' && c.startsWith('【')));
    const values = sheet.values.map((r, i) => (i > start && i < end ? r.map((c, j) => (j === col ? null : c)) : r));
    const read = readRulesSheet({ ...sheet, values });
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(defaultRules()[0]!.pack);
  });
});
