import { describe, expect, it } from 'vitest';
import { assessBranches } from '../../src/core/branch/assess';
import type { BranchPack } from '../../src/core/branch/schema';
import { readRulesSheet } from '../../src/core/index';
import { diffBranchPacks } from '../../src/core/rulesheet/diff';
import { shippedBranchPack } from '../../src/core/rulesheet/index';
import { a1, type Cell, type SheetSnapshot } from '../../src/core/snapshot';
import { loadWorkbook } from '../../src/node/workbook-file';
import { cadrePack } from '../branch/helpers';
import { BRANCH_TITLE } from '../fixtures/development-plan';
import { defaultSheet, edit, endOf, locate, rowFor } from './sheet-helpers';

const EXAMPLE = 'examples/乡镇党建台账示例.xlsx';
const SHIPPED_TYPES = ['committee', 'memberMeeting', 'group', 'lecture', 'themeDay', 'lifeMeeting', 'review'];

const blockStart = (sheet: SheetSnapshot) => sheet.values.findIndex((r) => r[0] === BRANCH_TITLE);

function branchOf(sheet: SheetSnapshot): BranchPack {
  const read = readRulesSheet(sheet);
  expect(read.problems).toEqual([]);
  return read.packs.find((p) => p.subject === 'branch')!.branch!;
}

/** The branch block's 【台账】 rows, cell by header. */
function ledgerRows(sheet: SheetSnapshot): Record<string, Cell>[] {
  const from = blockStart(sheet);
  const start = sheet.values.findIndex((r, i) => i > from && r[0] === '【台账】');
  const header = sheet.values[start + 1]!;
  return sheet.values.slice(start + 2, endOf(sheet, '台账', from)).map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
}

const editLedger = (sheet: SheetSnapshot, rowKey: string, header: string, value: Cell) => edit(sheet, '台账', rowKey, header, value, blockStart(sheet));

describe('the branch block’s 【台账】 lays out the meeting records and the work ledger', () => {
  it('first, the meeting types as 取值 of 会议类型 and the stated rates as 核对, and reads them back as rules/branch.json', () => {
    const sheet = defaultSheet();
    const rows = ledgerRows(sheet);
    const shipped = shippedBranchPack();
    expect([...new Set(rows.map((r) => r['台账']))]).toEqual(['三会一课记录', '支部工作台账', ...shipped.ledgers.map((l) => l.title)]);
    const meetingColumns = rows.filter((r) => r['台账'] === '三会一课记录' && r['类型'] !== '不读取');
    expect(meetingColumns.map((r) => r['编号'])).toEqual(['branch', 'meetingType', 'date', 'expected', 'present']);
    expect(rows.find((r) => r['编号'] === 'meetingType')!['取值']).toBe(
      '支委会（支委会议、支部委员会、支部委员会会议、支委扩大会、支委会扩大会议）；支部党员大会（党员大会、全体党员大会、支部大会、支部党员会议）；党小组会（小组会、党小组会议、党小组学习会、党小组活动）；党课（讲党课、专题党课、书记讲党课、上党课、微党课）；主题党日（主题党日活动、党员活动日、固定党日、党日活动）；组织生活会（专题组织生活会、组织生活）；民主评议党员（民主评议、评议党员）',
    );
    // The tolerance is 【设置】's 填报比率容差, not written a second time on each 核对.
    expect(rows.find((r) => r['台账'] === '支部工作台账' && r['编号'] === 'statedServiceRate')!['核对']).toBe('= 办结数 ÷ 受理数');
    const pack = branchOf(sheet);
    expect(pack.meetings).toEqual(shipped.meetings);
    expect(pack.work).toEqual(shipped.work);
    expect(pack.rateTolerance).toBe(shipped.rateTolerance);
    expect(pack).toEqual(shipped);
  });

  it('takes a meeting type added in cells (民情恳谈会): its rows on the township example are counted, and the shipped types keep their ids', async () => {
    const sheet = defaultSheet();
    const { row, col } = locate(sheet, '台账', '会议类型', '取值', blockStart(sheet));
    const added = editLedger(sheet, '会议类型', '取值', `${sheet.values[row]![col]}；民情恳谈会（民情恳谈）`).sheet;
    const pack = branchOf(added);
    expect(pack.meetings.types.map((t) => t.id)).toEqual([...SHIPPED_TYPES, 'type8']);
    expect(pack.meetings.types.at(-1)).toEqual({ id: 'type8', label: '民情恳谈会', aliases: ['民情恳谈'] });
    expect(pack.meetings.types.slice(0, 7)).toEqual(shippedBranchPack().meetings.types);
    expect(pack.facts).toEqual(shippedBranchPack().facts);

    const { snapshot } = await loadWorkbook(EXAMPLE);
    const before = await assessBranches(snapshot, { branch: shippedBranchPack(), cadre: cadrePack() });
    const after = await assessBranches(snapshot, { branch: pack, cadre: cadrePack() });
    const talks = (w: { message: string }) => w.message.includes('民情恳谈会');
    expect(before.warnings.filter(talks).map((w) => `${w.sheet}!${w.cell}`)).toEqual(['三会一课记录!C14']);
    expect(after.warnings.filter(talks)).toEqual([]);
    // The row's branch is written 同上: 巴彦, the one above it.
    const held = after.branches.find((b) => b.name === '巴彦嘎查党支部')!;
    expect(held.values.type8Meetings).toBe(1);
    expect(after.branches.reduce((n, b) => n + (b.values.type8Meetings as number), 0)).toBe(1);
    // The other counts are as before.
    for (const b of after.branches) expect(b.values.committeeMeetings).toBe(before.branches.find((x) => x.name === b.name)!.values.committeeMeetings);
  });

  it('reads a 数据项 on the added type as a count of its id', () => {
    let sheet = defaultSheet();
    const { row: typesRow, col } = locate(sheet, '台账', '会议类型', '取值', blockStart(sheet));
    sheet = editLedger(sheet, '会议类型', '取值', `${sheet.values[typesRow]![col]}；民情恳谈会`).sheet;
    const from = blockStart(sheet);
    const at = endOf(sheet, '数据项', from);
    const cells = { 编号: 'talks', 名称: '民情恳谈会记录条数', 来源: '计数', 台账: '三会一课记录', 条件: '会议类型=民情恳谈会' };
    const row = rowFor(sheet, '数据项', from, cells);
    const pack = branchOf({ ...sheet, values: [...sheet.values.slice(0, at), row, ...sheet.values.slice(at)] });
    const where = { column: 'meetingType', values: ['type8'] };
    expect(pack.facts.at(-1)).toMatchObject({ fact: 'talks', source: 'rows', ledger: 'meetings', op: 'count', where });
  });

  it('reads a wording added to a work ledger column', () => {
    const sheet = defaultSheet();
    const { row, col } = locate(sheet, '台账', '办结数', '别名', blockStart(sheet));
    const pack = branchOf(editLedger(sheet, '办结数', '别名', `${sheet.values[row]![col]}、结案数`).sheet);
    expect(pack.work.columns.find((c) => c.fact === 'closed')!.aliases.at(-1)).toBe('结案数');
    expect(pack.meetings).toEqual(shippedBranchPack().meetings);
  });

  it('keeps the carried meeting records and work ledger when a sheet’s 【台账】 was written with the declared ledgers alone', () => {
    const sheet = defaultSheet();
    const from = blockStart(sheet);
    const start = sheet.values.findIndex((r, i) => i > from && r[0] === '【台账】');
    const own = new Set(['三会一课记录', '支部工作台账']);
    const values = sheet.values.filter((r, i) => !(i > start + 1 && own.has(String(r[0]))));
    expect(values.length).toBeLessThan(sheet.values.length);
    expect(branchOf({ ...sheet, values })).toEqual(shippedBranchPack());
  });

  it('reports a meeting column the reader needs, gone from the cells, at the meeting records’ first row', () => {
    const sheet = defaultSheet();
    const from = blockStart(sheet);
    const first = locate(sheet, '台账', '三会一课记录', '台账', from);
    const read = readRulesSheet(editLedger(sheet, '实到人数', '编号', 'attended').sheet);
    expect(read.problems).toEqual([expect.objectContaining({ cell: a1(first.row, first.col), message: expect.stringContaining('present') })]);
  });

  it('reports a 核对 tolerance that differs from 【设置】’s at the 核对', () => {
    const sheet = defaultSheet();
    const { sheet: edited, cell } = editLedger(sheet, '办结率', '核对', '= 办结数 ÷ 受理数 ± 1%');
    const read = readRulesSheet(edited);
    expect(read.problems).toEqual([expect.objectContaining({ cell, message: expect.stringContaining('1%') })]);
  });
});

describe('the change log of the branch pack', () => {
  it('names a change to the meeting types or a work column as a 【台账】 row, no longer as a part the sheet does not hold', () => {
    const before = shippedBranchPack();
    const after = structuredClone(before);
    after.meetings.types.push({ id: 'talks', label: '民情恳谈会', aliases: [] });
    after.work.columns.find((c) => c.fact === 'closed')!.aliases.push('结案数');
    const changes = diffBranchPacks(before, after);
    expect(changes.map((c) => [c.kind, c.table, c.name])).toEqual([
      ['changed', 'rsTableLedgers', '三会一课记录/会议类型'],
      ['changed', 'rsTableLedgers', '支部工作台账/办结数'],
    ]);
  });
});

describe('the branch block read as a scheme', () => {
  it('says so at its cell when 限额星级 names stars no band of 【等次】 gives, rather than dropping the quota', () => {
    const from = blockStart(defaultSheet());
    const noFive = edit(defaultSheet(), '等次', '五星', '星级', 4, from).sheet;
    const { cell } = edit(noFive, '设置', '限额星级', '值', 5, from);
    const problems = readRulesSheet(noFive).problems;
    expect(problems).toContainEqual(expect.objectContaining({ cell, message: '【等次】中没有5星的一档，星级名额无从限制；请改为已有等次的星级' }));
  });
});
