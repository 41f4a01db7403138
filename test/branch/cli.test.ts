import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import branchPackJson from '../../rules/branch.json';
import { cli, resultRows } from '../fixtures/cli';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { MEETING_HEADER, meetingRows, Q2, type SheetSpec, threeBranches, writeXlsx } from './helpers';

const township = () => threeBranches({ statedRate: '93.8%', cadreMonths: [4, 5], mengheDays: 15 });

let dir: string;
beforeEach(() => {
  dir = tempDir('branch-cli');
});
afterEach(() => removeTempDir(dir));

/** The sheets as 台账.xlsx in this test's folder. */
const ledgerFile = (sheets: SheetSpec[]) => writeXlsx(sheets, join(dir, '台账.xlsx'));

describe('ledger-rules assess on a workbook with branch ledgers', () => {
  it('adds branches to --json with the documented shape', async () => {
    const file = await ledgerFile(township());
    const { code, stdout } = await cli('assess', file, '--json', '--period', '2024-Q2');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.cadres).toHaveLength(6);
    expect(json.branches.map((b: { name: string }) => b.name)).toEqual(['巴彦嘎查党支部', '查干嘎查党支部', '乌兰嘎查党支部']);
    const bayan = json.branches[0];
    expect(bayan).toMatchObject({ name: '巴彦嘎查党支部', period: '2024-Q2', fallsShort: true, risk: true, stars: 2 });
    expect(typeof bayan.score).toBe('number');
    expect(bayan.flags.map((f: { rule: string }) => f.rule)).toEqual(['committee-monthly', 'service-rate', 'cadres-none-failing']);
    expect(bayan.flags[0]).toEqual({
      rule: 'committee-monthly',
      message: '支委会：2024年5月未召开（应每月至少1次）',
      expected: '每月至少1次',
      actual: '2024年5月未召开',
      messageEn: 'committee meeting: none in 2024-05 (at least 1 every month)',
      evidence: [{ sheet: '三会一课记录', rows: [2, 7], cell: 'D2' }],
    });
    expect(bayan.flags[1]).toMatchObject({ message: '办结率 84.0%，低于90%', expected: '不低于90%', actual: '84.0%（办结42/50件）' });
    expect(json.branchReport.rateChecks).toEqual([expect.objectContaining({ sheet: '工作台账', cell: 'E3' })]);
    expect(json.warnings.some((w: { cell: string; message: string }) => w.cell === 'E3' && w.message.includes('93.8%'))).toBe(true);
    expect(json.branchSummary).toContain('四、下步打算');
    expect(json.summary).toContain('驻村干部月度考核');
    expect(json.summary).toContain('党支部考核');
  });

  it('takes --period as a month, a quarter or a year', async () => {
    const file = await ledgerFile(township());
    const periods = async (p: string) => JSON.parse((await cli('assess', file, '--json', '--period', p)).stdout).branches.map((b: { period: string }) => b.period);
    expect(await periods('2024-05')).toEqual(['2024-05', '2024-05', '2024-05']);
    expect(await periods('2024-Q2')).toEqual(['2024-Q2', '2024-Q2', '2024-Q2']);
    const year = JSON.parse((await cli('assess', file, '--json', '--period', '2024')).stdout);
    expect(year.branches.map((b: { period: string }) => b.period)).toEqual(['2024', '2024', '2024']);
    expect(year.branchReport.coverage.meetings).toEqual(Q2);
  });

  it('writes 支部汇总 beside 考评结果 with --out, and prints the branch summary after the cadre summary', async () => {
    const file = await ledgerFile(township());
    const out = join(dir, 'out', '结果.xlsx');
    const { code, stdout, stderr } = await cli('assess', file, '--out', out);
    expect(code).toBe(0);
    expect(stdout.indexOf('驻村干部月度考核情况')).toBeLessThan(stdout.indexOf('党支部考核情况'));
    expect(stdout).toMatch(/整改清单（\d个支部）/);
    expect(stderr).toContain('工作台账!E3：填报的承诺完成率 93.8%');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('支部汇总')!;
    expect(wb.getWorksheet('考评结果')).toBeDefined();
    const [header, ...rows] = resultRows(sheet);
    expect(header!.slice(0, 3)).toEqual(['支部名称', '考评期', '支委会（次）']);
    expect(header).toContain('未达标事项');
    expect(rows).toHaveLength(3);
    expect(rows[0]![0]).toBe('巴彦嘎查党支部');
    // Branches are counted in 个, their results in 个次.
    expect([sheet.getCell('A3').value, sheet.getCell('C3').value]).toEqual(['参评对象（个）', '考评结果（个次）']);
  });

  it('follows a branch pack given with --branch-rules', async () => {
    const pack = JSON.parse(JSON.stringify(branchPackJson));
    pack.risk.any = pack.risk.any.filter((c: { id: string }) => c.id !== 'risk-last-place');
    const rules = join(dir, 'branch.json');
    writeFileSync(rules, JSON.stringify(pack));
    const file = await ledgerFile(township());
    const json = JSON.parse((await cli('assess', file, '--json', '--period', '2024-Q2', '--branch-rules', rules)).stdout);
    expect(json.branches.map((b: { name: string; risk: boolean }) => [b.name, b.risk])).toEqual([
      ['巴彦嘎查党支部', true],
      ['查干嘎查党支部', false],
      ['乌兰嘎查党支部', false],
    ]);
  });
});

describe('ledger-rules assess with the branch block of a rules sheet', () => {
  it('follows the workbook’s own 考评规则 over rules/branch.json: a risk threshold lowered there marks more branches', async () => {
    expect((await cli('rules', 'export', await ledgerFile(township()))).code).toBe(0);
    const file = join(dir, '台账-含考评规则.xlsx');
    const risks = async () => JSON.parse((await cli('assess', file, '--json', '--period', '2024-Q2')).stdout).branches.map((b: { name: string; risk: boolean }) => [b.name, b.risk]);
    expect(await risks()).toEqual([
      ['巴彦嘎查党支部', true],
      ['查干嘎查党支部', false],
      ['乌兰嘎查党支部', false],
    ]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('考评规则')!;
    let edited = 0;
    ws.eachRow((row) => {
      if (row.getCell(1).value !== 'risk-failures') return;
      row.getCell(2).value = '>= 1';
      edited++;
    });
    expect(edited).toBe(1);
    await wb.xlsx.writeFile(file);
    expect(await risks()).toEqual([
      ['查干嘎查党支部', true],
      ['巴彦嘎查党支部', true],
      ['乌兰嘎查党支部', false],
    ]);
  });
});

describe('ledger-rules assess on other workbooks', () => {
  it('keeps a cadre-only workbook’s JSON as it was: no branches key', async () => {
    const file = await ledgerFile(threeBranches({ cadreMonths: [5], mengheDays: 15 }).slice(2));
    const { code, stdout } = await cli('assess', file, '--json');
    expect(code).toBe(0);
    const keys = Object.keys(JSON.parse(stdout));
    expect(keys).toEqual(expect.arrayContaining(['pack', 'period', 'months', 'cadres', 'ledgers', 'warnings', 'summary']));
    expect(keys.filter((k) => k.startsWith('branch'))).toEqual([]);
  });

  it('assesses branches when there is no cadre ledger', async () => {
    const file = await ledgerFile([{ name: '三会一课记录', rows: [MEETING_HEADER, ...meetingRows('巴彦嘎查党支部', Q2)] }]);
    const { code, stdout } = await cli('assess', file, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.cadres).toEqual([]);
    expect(json.branches).toEqual([expect.objectContaining({ name: '巴彦嘎查党支部', period: '2024-Q2', fallsShort: false })]);
  });

  it('exits 2 only when neither kind of ledger is found', async () => {
    const file = await ledgerFile([{ name: '填表说明', rows: [['一、本表每月填报。']] }]);
    const { code, stderr } = await cli('assess', file);
    expect(code).toBe(2);
    expect(stderr).toContain('没有找到三会一课记录或支部工作台账');
    expect(stderr).toContain('驻村干部月度考核');
  });

  it('exits 2 on a period it cannot read', async () => {
    const file = await ledgerFile(township());
    const { code, stderr } = await cli('assess', file, '--period', '2024-Q5');
    expect(code).toBe(2);
    expect(stderr).toContain('2024-Q2');
  });
});
