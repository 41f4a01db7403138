import { describe, expect, it } from 'vitest';
import { readRulesSheet } from '../../src/core/index';
import { shippedBranchPack } from '../../src/core/rulesheet/index';
import { BranchNameRules, BranchRoster } from '../../src/core/branch/names';
import type { BranchPack } from '../../src/core/branch/schema';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { defaultSheet, edit, endOf, insertRow, locate, rowFor } from './sheet-helpers';

const BRANCH_TITLE = '【规则包】党支部考核';

function branchOf(sheet: SheetSnapshot): { pack?: BranchPack; problems: { cell: string; message: string }[] } {
  const read = readRulesSheet(sheet);
  return { pack: read.packs.find((p) => p.subject === 'branch')!.branch, problems: read.problems };
}

const start = (sheet: SheetSnapshot) => sheet.values.findIndex((r) => r[0] === BRANCH_TITLE);

describe('the branch block lays out its name rules in 【名称规则】 and 【名称对照】', () => {
  it('after 【数据项】 and before 【规则测试】, and reads them back exactly as rules/branch.json has them', () => {
    const sheet = defaultSheet();
    const from = start(sheet);
    const at = (name: string) => sheet.values.findIndex((r, i) => i > from && r[0] === `【${name}】`);
    expect(at('数据项')).toBeLessThan(at('名称规则'));
    expect(at('名称规则')).toBeLessThan(at('名称对照'));
    expect(at('名称对照')).toBeLessThan(at('规则测试'));
    const { row, col } = locate(sheet, '名称规则', '乡镇称谓', '写法', from);
    expect(sheet.values[row]![col]).toBe('苏木、镇、乡、街道');
    // The shipped pack has no aliases: the table is its header alone.
    expect(sheet.values[at('名称对照') + 1]!.slice(0, 2)).toEqual(['台账中的写法', '对应支部']);
    expect(sheet.values[at('名称对照') + 2]!.every((c) => c === null)).toBe(true);
    const { pack, problems } = branchOf(sheet);
    expect(problems).toEqual([]);
    expect(pack!.names).toEqual(shippedBranchPack().names);
  });

  it('a suffix added in cells changes how names are matched, in the order written', () => {
    const sheet = defaultSheet();
    const from = start(sheet);
    const shipped = new BranchNameRules(shippedBranchPack().names);
    expect(shipped.key('巴彦联合党支部')).toBe('巴彦联合');
    const cell = locate(sheet, '名称规则', '支部称谓', '写法', from);
    const written = String(sheet.values[cell.row]![cell.col]);
    const { pack, problems } = branchOf(edit(sheet, '名称规则', '支部称谓', '写法', `联合党支部，${written}`, from).sheet);
    expect(problems).toEqual([]);
    expect(pack!.names.suffixes).toEqual(['联合党支部', ...shippedBranchPack().names.suffixes]);
    const rules = new BranchNameRules(pack!.names);
    expect(rules.key('巴彦联合党支部')).toBe('巴彦');
    expect(rules.isOrganisation('巴彦联合党支部')).toBe(true);
  });

  it('an alias row maps a name as a ledger writes it to the branch it means', () => {
    const sheet = defaultSheet();
    const from = start(sheet);
    const row = rowFor(sheet, '名称对照', from, { 台账中的写法: '宝日温都', 对应支部: '吉仁高勒嘎查党支部' });
    const { pack, problems } = branchOf(insertRow(sheet, endOf(sheet, '名称对照', from), row));
    expect(problems).toEqual([]);
    expect(pack!.names.aliases).toEqual({ 宝日温都: '吉仁高勒嘎查党支部' });
    const roster = new BranchRoster(new BranchNameRules(pack!.names), ['吉仁高勒嘎查党支部', '巴彦嘎查党支部'], pack!.names.aliases);
    expect(roster.match('宝日温都嘎查')?.name).toBe('吉仁高勒嘎查党支部');
    expect(new BranchRoster(new BranchNameRules(shippedBranchPack().names), ['吉仁高勒嘎查党支部', '巴彦嘎查党支部']).match('宝日温都嘎查')).toBeUndefined();
  });

  it('names each problem at its cell: no Party suffixes, a row it does not know, an alias without its branch', () => {
    const sheet = defaultSheet();
    const from = start(sheet);
    const blank = edit(sheet, '名称规则', '支部称谓', '写法', null, from);
    expect(branchOf(blank.sheet).problems).toEqual([expect.objectContaining({ cell: blank.cell, message: '支部称谓不能为空：请写支部名称结尾表示党组织的词，如 党支部、党总支，用顿号分开' })]);

    const unknown = edit(sheet, '名称规则', '村级称谓', '项目', '村级称呼', from);
    const unknownRead = branchOf(unknown.sheet);
    expect(unknownRead.problems).toEqual([expect.objectContaining({ cell: unknown.cell, message: '“村级称呼”看不懂（是不是“村级称谓”？）；【名称规则】表可写：支部称谓、村级称谓、乡镇称谓' })]);

    const halfRow = rowFor(sheet, '名称对照', from, { 台账中的写法: '宝日温都' });
    const at = endOf(sheet, '名称对照', from);
    const half = branchOf(insertRow(sheet, at, halfRow));
    const col = sheet.values[at - 1]!.indexOf('对应支部');
    expect(half.problems).toEqual([expect.objectContaining({ cell: `${String.fromCharCode(65 + col)}${at + 1}`, message: '“宝日温都”没有写对应支部；请写它在台账中指的支部名称，或删去这一行' })]);
  });

  it('a row written twice is named at its second cell, and the first is read', () => {
    const sheet = defaultSheet();
    const from = start(sheet);
    const alias = rowFor(sheet, '名称对照', from, { 台账中的写法: '宝日温都', 对应支部: '吉仁高勒嘎查党支部' });
    const again = rowFor(sheet, '名称对照', from, { 台账中的写法: '宝日温都', 对应支部: '巴彦嘎查党支部' });
    const at = endOf(sheet, '名称对照', from);
    const read = branchOf(insertRow(insertRow(sheet, at, alias), at + 1, again));
    const col = sheet.values[at - 1]!.indexOf('台账中的写法');
    const firstBranch = `${String.fromCharCode(66 + col)}${at + 1}`;
    expect(read.problems).toEqual([expect.objectContaining({ cell: `${String.fromCharCode(65 + col)}${at + 2}`, message: `“宝日温都”已在 ${firstBranch} 写过，这一行未读取；请只写一行` })]);
  });

  it('a sheet written before the name rules were cells keeps the shipped ones', () => {
    const sheet = defaultSheet();
    const from = start(sheet);
    const first = sheet.values.findIndex((r, i) => i > from && r[0] === '【名称规则】');
    const last = endOf(sheet, '名称对照', from);
    const values = [...sheet.values.slice(0, first), ...sheet.values.slice(last + 1)];
    expect(values.some((r) => r[0] === '【名称规则】' || r[0] === '【名称对照】')).toBe(false);
    const { pack, problems } = branchOf({ ...sheet, values });
    expect(problems).toEqual([]);
    expect(pack).toEqual(shippedBranchPack());
  });
});
