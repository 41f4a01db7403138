import { describe, expect, it } from 'vitest';
import { readLedgerSheets } from '../../src/core/ledger/read';
import { diffRules, readRulesSheet, rulesSheetLayout, type RulesEntry, type SchemeEntry } from '../../src/core/rulesheet/index';
import { defaultRules } from '../../src/core/rulesheet/defaults';
import { assessScheme } from '../../src/core/scheme/assess';
import { schemeLedgerSpec } from '../../src/core/scheme/ledgers';
import { type Scheme, SchemeSchema } from '../../src/core/scheme/schema';
import { a1, type Cell, type SheetSnapshot } from '../../src/core/snapshot';
import { HOUSEHOLD_HEADER } from '../scheme/helpers';
import { HOUSEHOLD } from './scheme-fixtures';
import { locate, put, rowOf } from './sheet-helpers';

function sheetOf(entries: RulesEntry[]): SheetSnapshot {
  const layout = rulesSheetLayout(entries);
  return { name: layout.sheet, values: layout.values.map((r) => r.map((v): Cell => (v === '' ? null : v))), merges: [] };
}

const entry = (scheme: Scheme): RulesEntry => ({ scheme, tests: [] });
const shipped = (id: string): Scheme => defaultRules().find((e): e is SchemeEntry => 'scheme' in e && e.scheme.id === id)!.scheme;

/** The one scheme a sheet reads into, with no problem. */
function schemeOf(sheet: SheetSnapshot): Scheme {
  const read = readRulesSheet(sheet);
  expect(read.problems).toEqual([]);
  return read.packs[0]!.scheme!;
}

/** A copy of the sheet with a row inserted before `row`. */
function insertRow(sheet: SheetSnapshot, row: number, cells: Cell[]): SheetSnapshot {
  const values = sheet.values.map((r) => r.slice());
  values.splice(row, 0, cells);
  return { ...sheet, values };
}

/** A copy of the sheet without the rows from `from` up to `to` (exclusive). */
function dropRows(sheet: SheetSnapshot, from: number, to: number): SheetSnapshot {
  return { ...sheet, values: sheet.values.filter((_, i) => i < from || i >= to) };
}

/** The header row of a table, the first of its name. */
const headerOf = (sheet: SheetSnapshot, table: string) => rowOf(sheet, `【${table}】`) + 1;

/**
 * A row a clerk adds under a table's header: `cells` by header, and
 * `conditions` in columns added after the last header, named by the fact.
 * Gives the sheet and the cell of each condition, by fact name.
 */
function addRow(sheet: SheetSnapshot, table: string, cells: Record<string, Cell>, conditions: Record<string, Cell> = {}): { sheet: SheetSnapshot; at: Record<string, string> } {
  const header = headerOf(sheet, table);
  const row = header + 1;
  let out = insertRow(sheet, row, sheet.values[header]!.map(() => null));
  for (const [name, value] of Object.entries(cells)) {
    const col = out.values[header]!.indexOf(name);
    if (col < 0) throw new Error(`no column ${name} in ${table}`);
    out = put(out, row, col, value);
  }
  const at: Record<string, string> = {};
  for (const [fact, value] of Object.entries(conditions)) {
    let col = out.values[header]!.indexOf(fact);
    if (col < 0) {
      const cells = out.values[header]!;
      col = cells.length - [...cells].reverse().findIndex((c) => c !== null);
      out = put(out, header, col, fact);
    }
    out = put(out, row, col, value);
    at[fact] = a1(row, col);
  }
  return { sheet: out, at };
}

/** A 【方案】 row's value cell set. */
function setting(sheet: SheetSnapshot, name: string, value: Cell): SheetSnapshot {
  const at = locate(sheet, '方案', name, '值');
  return put(sheet, at.row, at.col, value);
}

/** What the household sheet of a quarter reads into, as a run reads it, then assessed. */
async function assess(scheme: Scheme, rows: [string, number, number][]) {
  const values: Cell[][] = [['巴彦宝力格镇2024年第一季度党员中心户测评表'], HOUSEHOLD_HEADER, ...rows.map(([name, rating, publicity], i) => [i + 1, name, '巴彦嘎查', rating, publicity, 5, 10, 2, null])];
  const workbook = { sheets: [{ name: '一季度中心户测评', values, merges: [] }] };
  const ledger = scheme.ledgers[0]!;
  const read = readLedgerSheets(workbook, schemeLedgerSpec(ledger));
  const a = await assessScheme(scheme, { ledgers: new Map([[ledger.id, { records: read.records, infos: read.ledgers, warnings: read.warnings }]]), results: new Map() });
  return (name: string) => a.results.find((r) => r.name === name)!;
}

/** 党员中心户 with a must-meet item, a risk over a fact and an outcome, star caps, deadlines, rescaling and the lowest band not falling short. */
const WITH_ITEMS: Scheme = SchemeSchema.parse({
  ...HOUSEHOLD,
  requirements: [
    {
      id: 'publicity-min',
      label: '政策宣传',
      labelEn: 'Policy publicity',
      when: [{ fact: 'publicity', op: '<', value: 1 }],
      expected: '至少1次',
      actual: '{publicity}次',
      message: '本季度政策宣传{publicity}次，未达到至少1次',
      fix: '下季度至少开展1次政策宣传',
      fixEn: 'Hold at least one publicity event next quarter',
    },
    { id: 'opinions-off', label: '征求意见', enabled: false, when: [{ fact: 'opinions', op: '=', value: 0 }], expected: '至少1条', actual: '{opinions}条', message: '未征求意见', fix: '征求意见' },
  ],
  risk: {
    label: '需重点帮扶',
    labelEn: 'needs close support',
    any: [
      { id: 'low-rating', when: [{ fact: 'rating', op: '<', value: 60 }], reason: '民主测评得分{rating}分，低于60分' },
      { id: 'last', when: [{ fact: 'lastPlace', op: '=', value: true }, { fact: 'failedItems', op: '>=', value: 1 }], reason: '排名末位且有{failedItems}项未达标', reasonEn: 'last with {failedItems} failed' },
    ],
    maxStars: 0,
    rectifyMonths: 3,
  },
  fallsShortMaxStars: 1,
  rectifyMonths: 2,
  rescale: true,
  lowestFallsShort: false,
});

describe('must-meet items and risk criteria in a scheme block', () => {
  it('round-trip: a scheme with them reads back as written, and lays out the same sheet again', () => {
    const sheet = sheetOf([entry(WITH_ITEMS)]);
    const read = schemeOf(sheet);
    expect(read).toEqual(WITH_ITEMS);
    expect(rulesSheetLayout([entry(read)]).values).toEqual(rulesSheetLayout([entry(WITH_ITEMS)]).values);
    // The conditions sit in columns named by the facts, the outcomes by their words.
    const publicity = locate(sheet, '必达项', 'publicity-min', '政策宣传');
    expect(sheet.values[publicity.row]![publicity.col]).toBe('< 1');
    const last = locate(sheet, '风险', 'last', '排名末位');
    expect(sheet.values[last.row]![last.col]).toBe('是');
    const scheme = rowOf(sheet, '【方案】');
    expect(sheet.values.slice(scheme + 7, scheme + 16).map((r) => r.slice(0, 2))).toEqual([
      ['无数据指标不计入', '是'],
      ['最低等次为不达标', '否'],
      ['记录覆盖比例', null],
      ['有未达标项时最高星级', 1],
      ['未达标整改月数', 2],
      ['风险名称', '需重点帮扶'],
      ['风险名称（英文）', 'needs close support'],
      ['有风险时最高星级', 0],
      ['风险整改月数', 3],
    ]);
  });

  it('the shipped schemes round-trip unchanged, with empty 【必达项】 and 【风险】', () => {
    for (const id of ['household', 'village-cadre', 'stationed-cadre-quarter']) {
      const scheme = shipped(id);
      const sheet = sheetOf([entry(scheme)]);
      expect(schemeOf(sheet), id).toEqual(scheme);
      expect(rulesSheetLayout([entry(schemeOf(sheet))]).values).toEqual(sheet.values.map((r) => r.map((c) => c ?? '')));
    }
  });

  it('a sheet written before these tables and rows existed reads as before: none, and the usual settings', () => {
    let sheet = sheetOf([entry(HOUSEHOLD)]);
    // 【必达项】 and 【风险】 each a title, a header and a blank row, then the blank row between tables.
    for (const table of ['必达项', '风险']) sheet = dropRows(sheet, rowOf(sheet, `【${table}】`), rowOf(sheet, `【${table}】`) + 3);
    const first = rowOf(sheet, '无数据指标不计入');
    sheet = dropRows(sheet, first, first + 8);
    expect(sheet.values.flat()).not.toContain('【必达项】');
    expect(schemeOf(sheet)).toEqual(HOUSEHOLD);
  });

  it('a 必达项 row added in cells fails the household with none, with its message, and it falls short', async () => {
    const { sheet } = addRow(
      sheetOf([entry(shipped('household'))]),
      '必达项',
      { 编号: 'publicity-min', 名称: '政策宣传', 应达到: '至少1次', 实际情况: '{政策宣传}次', 问题描述: '本季度政策宣传{政策宣传}次，未达到至少1次', 整改措施: '下季度至少开展1次政策宣传' },
      { 政策宣传次数: '<1' },
    );
    const scheme = schemeOf(sheet);
    expect(scheme.requirements).toEqual([
      { id: 'publicity-min', label: '政策宣传', enabled: true, when: [{ fact: 'publicity', op: '<', value: 1 }], expected: '至少1次', actual: '{publicity}次', message: '本季度政策宣传{publicity}次，未达到至少1次', fix: '下季度至少开展1次政策宣传' },
    ]);
    const result = await assess(scheme, [
      ['甲', 95, 0],
      ['乙', 90, 3],
    ]);
    const none = result('甲');
    expect(none.fallsShort).toBe(true);
    const failed = none.flags.find((f) => f.rule === 'publicity-min')!;
    expect(failed.message).toBe('本季度政策宣传0次，未达到至少1次');
    expect(failed.item).toMatchObject({ label: '政策宣传', expected: '至少1次', actual: '0次', fix: '下季度至少开展1次政策宣传' });
    expect(result('乙').fallsShort).toBe(false);
    expect(result('乙').flags.some((f) => f.rule === 'publicity-min')).toBe(false);
  });

  it('a 风险 row added in cells, with its name, cap and deadline in 【方案】, marks the household at risk with its reason', async () => {
    let sheet = sheetOf([entry(shipped('household'))]);
    sheet = setting(setting(setting(sheet, '风险名称', '需重点帮扶'), '有风险时最高星级', 0), '风险整改月数', 3);
    sheet = addRow(sheet, '风险', { 编号: 'low-rating', 原因: '民主测评得分{民主测评得分}分，低于60分' }, { 民主测评得分: '<60' }).sheet;
    sheet = addRow(sheet, '风险', { 编号: 'bottom', 原因: '排名末位，共{参评数}户' }, { 排名末位: '是' }).sheet;
    const scheme = schemeOf(sheet);
    expect(scheme.risk).toEqual({
      label: '需重点帮扶',
      any: [
        { id: 'bottom', when: [{ fact: 'lastPlace', op: '=', value: true }], reason: '排名末位，共{of}户' },
        { id: 'low-rating', when: [{ fact: 'rating', op: '<', value: 60 }], reason: '民主测评得分{rating}分，低于60分' },
      ],
      maxStars: 0,
      rectifyMonths: 3,
    });
    const result = await assess(scheme, [
      ['甲', 95, 3],
      ['乙', 80, 3],
      ['丙', 50, 3],
    ]);
    expect(result('甲').risk).toBe(false);
    expect(result('乙').risk).toBe(false);
    const low = result('丙');
    expect(low.risk).toBe(true);
    expect(low.riskReasons.map((r) => r.message)).toEqual(['排名末位，共3户', expect.stringMatching(/^民主测评得分50分，低于60分/)]);
    expect(low.rectifyBy).not.toBeNull();
  });

  it('the change log names a must-meet item added and a risk setting changed', () => {
    const before = [entry(HOUSEHOLD)];
    const after = [entry(WITH_ITEMS)];
    const changes = diffRules(before, after).flatMap((p) => p.changes);
    expect(changes.some((c) => c.kind === 'added' && c.table === 'rsTableMustMeet' && c.name === 'publicity-min')).toBe(true);
    expect(changes.some((c) => c.kind === 'added' && c.table === 'rsTableSchemeRisk' && c.name === 'low-rating')).toBe(true);
    expect(changes.some((c) => c.kind === 'changed' && c.field === '有风险时最高星级' && c.new === '0')).toBe(true);
  });
});

describe('a wrong cell of 【必达项】 or 【风险】 is named at that cell', () => {
  const base = () => sheetOf([entry(shipped('household'))]);
  const item = { 编号: 'publicity-min', 名称: '政策宣传', 应达到: '至少1次', 实际情况: '{政策宣传}次', 问题描述: '未开展政策宣传', 整改措施: '开展政策宣传' };

  it('a column naming no fact, with the nearest name, and the item left out', () => {
    const { sheet } = addRow(base(), '必达项', item, { 政策宣转: '<1' });
    const header = headerOf(sheet, '必达项');
    const col = sheet.values[header]!.indexOf('政策宣转');
    const read = readRulesSheet(sheet);
    expect(read.problems).toEqual([
      {
        sheet: '考评规则',
        cell: a1(header, col),
        message: '“政策宣转”不是【台账】中的列，也不是【数据项】的名称（是不是“政策宣传”？）；请改成已有的名称，或在【台账】中加为别名',
        messageEn: '"政策宣转" is neither a 【台账】 column nor a 【数据项】 name (did you mean "政策宣传"?); use a known name or add it as an alias in 【台账】',
      },
    ]);
    expect(read.packs[0]!.clean).toBe(false);
    expect(read.packs[0]!.scheme?.requirements ?? []).toEqual([]);
  });

  it('an outcome read by a must-meet item: only 【风险】 reads 得分 and 排名', () => {
    const { sheet } = addRow(base(), '必达项', item, { 排名末位: '是' });
    const header = headerOf(sheet, '必达项');
    const read = readRulesSheet(sheet);
    expect(read.problems.map((p) => p.cell)).toEqual([a1(header, sheet.values[header]!.indexOf('排名末位'))]);
    expect(read.problems[0]!.message).toMatch(/^“排名末位”不是【台账】中的列/);
  });

  it('a condition that does not read, and a {name} in a text that names nothing', () => {
    const { sheet, at } = addRow(base(), '必达项', { ...item, 问题描述: '{宣传总数}不足' }, { 政策宣传: '少于一次' });
    const text = locate(sheet, '必达项', 'publicity-min', '问题描述');
    const read = readRulesSheet(sheet);
    expect(read.problems.map((p) => p.cell).sort()).toEqual([at['政策宣传'], a1(text.row, text.col)].sort());
  });

  it('a risk fact named wrongly is told the outcomes it may name too', () => {
    const { sheet } = addRow(base(), '风险', { 编号: 'bottom', 原因: '末位' }, { 排名末尾: '是' });
    const header = headerOf(sheet, '风险');
    const read = readRulesSheet(sheet);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]!.cell).toBe(a1(header, sheet.values[header]!.indexOf('排名末尾')));
    expect(read.problems[0]!.message).toContain('（是不是“排名末位”？）');
    expect(read.problems[0]!.message).toContain('未达标事项数、排名末位、得分、排名、参评数');
  });

  it('a risk without its name, cap and deadline in 【方案】: each blank one named at its cell, and no risk', () => {
    const { sheet } = addRow(base(), '风险', { 编号: 'low-rating', 原因: '测评低' }, { 民主测评得分: '<60' });
    const read = readRulesSheet(sheet);
    const cell = (name: string) => {
      const at = locate(sheet, '方案', name, '值');
      return a1(at.row, at.col);
    };
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual([
      [cell('风险名称'), '风险名称不能为空'],
      [cell('有风险时最高星级'), '有风险时最高星级不能为空'],
      [cell('风险整改月数'), '风险整改月数不能为空'],
    ]);
    expect(read.packs[0]!.scheme?.risk).toBeUndefined();
  });

  it('a star cap and a yes/no that do not read', () => {
    let sheet = setting(base(), '有未达标项时最高星级', '六');
    sheet = setting(sheet, '无数据指标不计入', '也许');
    const read = readRulesSheet(sheet);
    const cell = (name: string) => {
      const at = locate(sheet, '方案', name, '值');
      return a1(at.row, at.col);
    };
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual([
      [cell('无数据指标不计入'), '无数据指标不计入“也许”请写“是”或“否”'],
      [cell('有未达标项时最高星级'), '有未达标项时最高星级“六”不是 0 到 5 的整数星级'],
    ]);
  });
});

describe('which periods a scheme is judged for, and whether a subject without rows is, in 【方案】', () => {
  it('reads 也按所选期间考评 and 无记录者也考评 into the scheme, and writes them back as they were', () => {
    let sheet = setting(sheetOf([entry(HOUSEHOLD)]), '也按所选期间考评', '月、年度');
    sheet = setting(sheet, '无记录者也考评', '是');
    const scheme = schemeOf(sheet);
    expect([scheme.alsoJudgedFor, scheme.judgeAbsent]).toEqual([['month', 'year'], true]);
    expect(schemeOf(sheetOf([entry(scheme)]))).toEqual(scheme);
    expect(schemeOf(sheetOf([entry(HOUSEHOLD)]))).toEqual(HOUSEHOLD);
  });

  it('a row of 【方案】 written twice is named at the second, and the first is read', () => {
    const sheet = sheetOf([entry(HOUSEHOLD)]);
    const first = locate(sheet, '方案', '无数据指标不计入', '值');
    const twice = insertRow(sheet, first.row + 1, ['无数据指标不计入', '是']);
    const read = readRulesSheet(twice);
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual([[a1(first.row + 1, 0), `“无数据指标不计入”已在 ${a1(first.row, 0)} 写过，这一行未读取；请只写一行`]]);
  });

  it('a period word that does not read is named at its cell', () => {
    const sheet = setting(sheetOf([entry(HOUSEHOLD)]), '也按所选期间考评', '月、半年');
    const at = locate(sheet, '方案', '也按所选期间考评', '值');
    expect(readRulesSheet(sheet).problems.map((p) => [p.cell, p.message])).toEqual([[a1(at.row, at.col), '考核周期“半年”看不懂，请写 月、季度 或 年']]);
  });
});

describe('a scheme file is checked for its items too', () => {
  it('a must-meet item reading an unknown fact, and a risk criterion reading an outcome, as validateScheme sees them', async () => {
    const { validateScheme } = await import('../../src/core/rulesheet/scheme/validate');
    const bad = { ...WITH_ITEMS, requirements: [{ ...WITH_ITEMS.requirements[0]!, when: [{ fact: 'score', op: '<', value: 60 }] }] };
    const result = validateScheme(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['requirements[0].when[0].fact']);
    expect(validateScheme(WITH_ITEMS).ok).toBe(true);
  });
});
