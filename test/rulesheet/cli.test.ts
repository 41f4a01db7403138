import { createHash } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultRules, isSchemeEntry, packHash } from '../../src/core/index';
import { a1 } from '../../src/core/snapshot';
import { cli } from '../fixtures/cli';
import { expectSheetsUnchanged } from '../fixtures/sheets-unchanged';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { defaultSheet, locate, rowOf } from './sheet-helpers';
import { ledgerSheet } from './workbook-fixture';

async function editCells(file: string, out: string, cells: Record<string, string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('考评规则')!;
  for (const [ref, value] of Object.entries(cells)) ws.getCell(ref).value = value;
  await wb.xlsx.writeFile(out);
}

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

/** Read-only fixtures built once: a ledger, the default rules sheet, and one with a rule and a test edited. */
let fixtures: string;
let ledger: string;
let rules: string;
let changed: string;

beforeAll(async () => {
  fixtures = tempDir('rules-cli');
  ledger = join(fixtures, '台账.xlsx');
  const wb = new ExcelJS.Workbook();
  const sheet = ledgerSheet();
  const ws = wb.addWorksheet(sheet.name);
  for (const row of sheet.values) ws.addRow(row);
  ws.mergeCells(1, 1, 1, 16);
  await wb.xlsx.writeFile(ledger);

  rules = join(fixtures, 'rules.xlsx');
  expect((await cli('rules', 'export', rules)).code).toBe(0);
  changed = join(fixtures, 'changed.xlsx');
  const defaults = defaultSheet();
  const grade = locate(defaults, '规则测试', 'committee-missed', '预期等次', rowOf(defaults, '【规则包】党支部考核'));
  await editCells(rules, changed, { N15: '每天1分，最多20分', [a1(grade.row, grade.col)]: '五星' });
});
afterAll(() => removeTempDir(fixtures));

let dir: string;
beforeEach(() => {
  dir = tempDir('rules-cli-test');
});
afterEach(() => removeTempDir(dir));

describe('ledger-rules rules …', () => {
  it('exports the default rules sheet, which checks clean and passes its tests', async () => {
    const file = join(dir, 'rules.xlsx');
    const exported = await cli('rules', 'export', file);
    expect(exported).toMatchObject({ code: 0, stderr: `已写入 ${file}\nwrote ${file}\n` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['考评规则']);

    const checked = await cli('rules', 'check', file);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`规则包“驻村干部月度考核”：5 个指标，21 条规则，规则版本 ${packHash(defaultRules()[0]!.pack)}`);
    expect(checked.stdout).toContain('规则测试：9/9 条通过');
    expect(checked.stdout).toContain(`规则包“党支部考核”：6 个指标，13 条规则，规则版本 ${packHash(defaultRules()[1].branch)}`);
    expect(checked.stdout).toContain('规则测试：6/6 条通过');
  });

  it('names every problem with its cell and exits 2, for check and for assess', async () => {
    const bad = join(dir, 'bad.xlsx');
    await editCells(rules, bad, { D14: '>= 十', B39: '80-89' });
    const checked = await cli('rules', 'check', bad);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('考评规则!D14：“>= 十” 不是数字，请写成 “>= 10”');
    expect(checked.stderr).toContain('考评规则!B39：总分为 (89,90) 时没有等次；请调整相邻等次的分数段，让它们首尾相接，如 [80,90) 与 >= 90');
    expect(checked.stderr).toContain('考评规则!D14: "&gt;= 十" is not a number; write "&gt;= 10"'.replace(/&gt;/g, '>'));

    const assessed = await cli('assess', ledger, '--rules', bad);
    expect(assessed.code).toBe(2);
    expect(assessed.stdout).toBe('');
    expect(assessed.stderr.split('\n')[0]).toBe('规则有 2 处问题，未进行考评：');
    expect(assessed.stderr).toContain('考评规则!D14：“>= 十” 不是数字');
  });

  it('fails the check with exit 1 when a rule test fails', async () => {
    const checked = await cli('rules', 'check', changed);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('未通过 days-short：下基层天数预期 16 分，实际 8 分');
    expect(checked.stdout).toContain('规则测试：8/9 条通过');
    expect(checked.stdout).toContain('未通过 committee-missed：预期等次“五星”，实际“四星”');
    expect(checked.stdout).toContain('规则测试：5/6 条通过');
  });

  it('checks the declared assessments’ 规则测试 on the exported sheet: every case passes, and one edited to fail exits 1 with what came out', async () => {
    const checked = await cli('rules', 'check', rules);
    expect(checked.code).toBe(0);
    const schemes = defaultRules().filter(isSchemeEntry);
    expect(schemes).toHaveLength(3);
    for (const { scheme, tests } of schemes) {
      const at = checked.stdout.indexOf(`规则包“${scheme.title}”：${scheme.indicators.length} 个指标，${scheme.rules.length} 条规则，规则版本 ${packHash(scheme)}`);
      expect(at).toBeGreaterThanOrEqual(0);
      const lines = checked.stdout.slice(at).split('\n').slice(1, tests.length + 2);
      expect(lines).toEqual([...tests.map((c) => `  通过 ${c.id}`), `规则测试：${tests.length}/${tests.length} 条通过`]);
    }

    const edited = join(dir, 'scheme-case.xlsx');
    const defaults = defaultSheet();
    const coefficient = locate(defaults, '规则测试', 'full-marks', '预期绩效报酬系数', rowOf(defaults, '【规则包】村干部年度目标考评'));
    await editCells(rules, edited, { [a1(coefficient.row, coefficient.col)]: '1.5' });
    const failed = await cli('rules', 'check', edited);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('');
    expect(failed.stdout).toContain('未通过 full-marks：绩效报酬系数预期 1.5，实际 1.2');
    expect(failed.stdout).toContain('规则测试：5/6 条通过');
    expect(failed.stdout.match(/未通过/g)).toHaveLength(1);
  });

  it('adds the rules sheet to a copy of an existing workbook, never rewriting the workbook itself, and assesses with it', async () => {
    const own = join(dir, '带规则的台账.xlsx');
    await copyFile(ledger, own);
    const before = await sha(own);
    const copy = join(dir, '带规则的台账-含考评规则.xlsx');
    const exported = await cli('rules', 'export', own);
    expect(exported).toMatchObject({ code: 0, stdout: '' });
    expect(exported.stderr).toBe(`${own} 已存在，未作改动；考评规则已写入新文件 ${copy}\n${own} exists and was left as it is; the rules sheet went into a new file ${copy}\n`);
    expect(await sha(own)).toBe(before);
    await expectSheetsUnchanged(own, copy);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2024年5月台账', '考评规则']);

    const again = await cli('rules', 'export', own);
    expect(again).toMatchObject({ code: 2 });
    expect(again.stderr).toBe(`${copy} 已存在；要覆盖它，请加 --force\n${copy} already exists; add --force to replace it\n`);
    const onCopy = await cli('rules', 'export', copy);
    expect(onCopy).toMatchObject({ code: 2 });
    expect(onCopy.stderr).toContain('中已有“考评规则”表；要用新的规则覆盖它，请加 --force');
    await editCells(copy, copy, { D14: '12天以上', D15: '不足12天' });
    expect((await cli('rules', 'export', own, '--force')).code).toBe(0);
    expect(await sha(own)).toBe(before);
    const replaced = new ExcelJS.Workbook();
    await replaced.xlsx.readFile(copy);
    expect(replaced.getWorksheet('考评规则')!.getCell('D14').value).not.toBe('12天以上');
    await editCells(copy, copy, { D14: '12天以上', D15: '不足12天' });

    const assessed = await cli('assess', copy, '--json');
    expect(assessed.code).toBe(0);
    const json = JSON.parse(assessed.stdout);
    expect(json.rulesVersion).not.toBe(packHash(defaultRules()[0]!.pack));
    expect(json.ledgers.map((l: { sheet: string }) => l.sheet)).toEqual(['2024年5月台账']);
    const wang = json.cadres.find((c: { name: string }) => c.name === '王五');
    expect(wang.flags[0].message).toBe('下基层天数不足10天（11天）');
  });

  it('shares rules as a pack file that assesses the same', async () => {
    const pack = join(dir, 'pack.json');
    expect((await cli('rules', 'export-json', rules, pack, '--pack', 'cadre')).code).toBe(0);
    const json = JSON.parse(await readFile(pack, 'utf8'));
    expect(json.id).toBe('stationed-cadre');
    expect(json.tests).toHaveLength(9);
    const assessed = await cli('assess', ledger, '--rules', pack, '--json');
    expect(JSON.parse(assessed.stdout).rulesVersion).toBe(packHash(defaultRules()[0]!.pack));

    json.rules[1].when = [{ fact: 'days', op: '>=', value: 10 }];
    const broken = join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify(json));
    const checked = await cli('rules', 'check', broken);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('broken.json rules[1].when[0]：days-short永远不会生效');
  });

  it('writes the rules version into the results sheet note', async () => {
    const out = join(dir, 'out', '结果.xlsx');
    expect((await cli('assess', ledger, '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.getWorksheet('考评结果')!.getCell('A2').value)).toContain(`规则版本 ${packHash(defaultRules()[0]!.pack)}`);
  });

  it('lists what changed between two versions of the rules', async () => {
    const result = await cli('rules', 'diff', rules, changed);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(1, 2)).toEqual(['  规则“days-short”的得分：每天2分，最多20分 → 每天1分，最多20分']);
    expect(result.stdout).toMatch(/^规则包“驻村干部月度考核”：1 处变更（规则版本 [0-9a-f]{8} → [0-9a-f]{8}）/);
  });
});
