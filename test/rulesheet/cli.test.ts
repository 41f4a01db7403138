import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRules, packHash } from '../../src/core/index';
import { a1 } from '../../src/core/snapshot';
import { defaultSheet, locate, rowOf } from './sheet-helpers';
import { ledgerSheet } from './workbook-fixture';
import { cli } from '../fixtures/cli';

async function editCells(file: string, out: string, cells: Record<string, string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('考评规则')!;
  for (const [ref, value] of Object.entries(cells)) ws.getCell(ref).value = value;
  await wb.xlsx.writeFile(out);
}

let dir: string;
let ledger: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rules-cli-'));
  ledger = join(dir, '台账.xlsx');
  const wb = new ExcelJS.Workbook();
  const sheet = ledgerSheet();
  const ws = wb.addWorksheet(sheet.name);
  for (const row of sheet.values) ws.addRow(row);
  ws.mergeCells(1, 1, 1, 16);
  await wb.xlsx.writeFile(ledger);
});

describe('ledger-rules rules …', () => {
  it('exports the default rules sheet, which checks clean and passes its tests', async () => {
    const file = join(dir, 'rules.xlsx');
    const exported = await cli('rules', 'export', file);
    expect(exported).toMatchObject({ code: 0, stderr: `已写入 ${file}\n` });
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
    await editCells(join(dir, 'rules.xlsx'), bad, { D14: '>= 十', B39: '80-89' });
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
    const changed = join(dir, 'changed.xlsx');
    const sheet = defaultSheet();
    const grade = locate(sheet, '规则测试', 'committee-missed', '预期等次', rowOf(sheet, '【规则包】党支部考核'));
    await editCells(join(dir, 'rules.xlsx'), changed, { N15: '每天1分，最多20分', [a1(grade.row, grade.col)]: '五星' });
    const checked = await cli('rules', 'check', changed);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('未通过 days-short：下基层天数预期 16 分，实际 8 分');
    expect(checked.stdout).toContain('规则测试：8/9 条通过');
    expect(checked.stdout).toContain('未通过 committee-missed：预期等次“五星”，实际“四星”');
    expect(checked.stdout).toContain('规则测试：5/6 条通过');
  });

  it('assesses with the rules sheet a workbook holds, and refuses to overwrite it', async () => {
    const own = join(dir, '带规则的台账.xlsx');
    await copyFile(ledger, own);
    expect((await cli('rules', 'export', own)).code).toBe(0);
    const again = await cli('rules', 'export', own);
    expect(again).toMatchObject({ code: 2 });
    expect(again.stderr).toContain('中已有“考评规则”表；要用新的规则覆盖它，请加 --force');
    await editCells(own, own, { D14: '12天以上', D15: '不足12天' });

    const assessed = await cli('assess', own, '--json');
    expect(assessed.code).toBe(0);
    const json = JSON.parse(assessed.stdout);
    expect(json.rulesVersion).not.toBe(packHash(defaultRules()[0]!.pack));
    expect(json.ledgers.map((l: { sheet: string }) => l.sheet)).toEqual(['2024年5月台账']);
    const wang = json.cadres.find((c: { name: string }) => c.name === '王五');
    expect(wang.flags[0].message).toBe('下基层天数不足10天（11天）');
  });

  it('shares rules as a pack file that assesses the same', async () => {
    const pack = join(dir, 'pack.json');
    expect((await cli('rules', 'export-json', join(dir, 'rules.xlsx'), pack, '--pack', 'cadre')).code).toBe(0);
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
    expect(String(wb.getWorksheet('考评结果')!.getCell('A1').value)).toContain(`规则版本 ${packHash(defaultRules()[0]!.pack)}`);
  });

  it('lists what changed between two versions of the rules', async () => {
    const changed = join(dir, 'changed.xlsx');
    const result = await cli('rules', 'diff', join(dir, 'rules.xlsx'), changed);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(1, 2)).toEqual(['  规则“days-short”的得分：每天2分，最多20分 → 每天1分，最多20分']);
    expect(result.stdout).toMatch(/^规则包“驻村干部月度考核”：1 处变更（规则版本 [0-9a-f]{8} → [0-9a-f]{8}）/);
  });
});
