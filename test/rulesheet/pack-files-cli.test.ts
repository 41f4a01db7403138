import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultRules, packHash, type Scheme, shippedSchemes } from '../../src/core/index';
import { threeBranches, writeXlsx } from '../branch/helpers';
import { cli } from '../fixtures/cli';
import { removeTempDir, tempDir } from '../fixtures/temp';

const [cadre, branch] = defaultRules();
const schemes = shippedSchemes() as [Scheme, Scheme, Scheme];

/** Three branches over the second quarter, with their stationed cadres in May: 巴彦 skipped a 支委会, 查干 its 党课. */
const township = () => threeBranches({ cadreMonths: [5], mengheDays: 11 });

/**
 * Edits a workbook's 考评规则 as staff would: cells of the cadre block by address (they keep their addresses
 * whatever the branch block holds), and the first condition of a branch risk criterion by its id.
 */
async function editRules(file: string, cells: Record<string, string>, risk: Record<string, string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('考评规则')!;
  for (const [ref, value] of Object.entries(cells)) ws.getCell(ref).value = value;
  let edited = 0;
  ws.eachRow((row) => {
    const id = String(row.getCell(1).value);
    if (!(id in risk)) return;
    row.getCell(2).value = risk[id]!;
    edited++;
  });
  expect(edited).toBe(Object.keys(risk).length);
  await wb.xlsx.writeFile(file);
}

type Json = Record<string, any>;
const readJson = async (file: string): Promise<Json> => JSON.parse(await readFile(file, 'utf8'));
/** A pack as a file holds it, less the tests beside it: what its version is the hash of. */
const withoutTests = ({ tests: _, ...pack }: Json): unknown => pack;

/** Read-only fixtures built once: the default rules sheet, a township's ledgers, and the rules as pack files. */
let fixtures: string;
let rules: string;
let ledger: string;
let whole: string;
let cadreFile: string;
let branchFile: string;

beforeAll(async () => {
  fixtures = tempDir('pack-files-cli');
  rules = join(fixtures, '规则.xlsx');
  expect((await cli('rules', 'export', rules)).code).toBe(0);
  ledger = await writeXlsx(township(), join(fixtures, '台账.xlsx'));
  whole = join(fixtures, '全部.json');
  cadreFile = join(fixtures, 'cadre.json');
  branchFile = join(fixtures, 'branch.json');
  expect((await cli('rules', 'export-json', rules, whole)).code).toBe(0);
  expect((await cli('rules', 'export-json', rules, cadreFile, '--pack', 'cadre')).code).toBe(0);
  expect((await cli('rules', 'export-json', rules, branchFile, '--pack', 'branch')).code).toBe(0);
});
afterAll(() => removeTempDir(fixtures));

let dir: string;
beforeEach(() => {
  dir = tempDir('pack-files-cli-test');
});
afterEach(() => removeTempDir(dir));

describe('ledger-rules rules export-json', () => {
  it('writes the whole rules by default, and one pack in its own shape with --pack cadre|branch|<id>', async () => {
    const all = join(dir, '全部.json');
    expect(await cli('rules', 'export-json', rules, all)).toMatchObject({ code: 0, stderr: `已写入 ${all}\nwrote ${all}\n` });
    const written = await readJson(all);
    expect(Object.keys(written)).toEqual(['packs']);
    expect(written.packs.map((p: Json) => [p.id, p.subject, p.tests?.length])).toEqual([
      ['stationed-cadre', 'cadre', 9],
      ['branch', 'branch', 6],
      ['stationed-cadre-quarter', '驻村干部', 6],
      ['household', '党员中心户', 8],
      ['village-cadre', '村干部', 6],
    ]);

    for (const [which, id] of [['branch', 'branch'], ['cadre', 'stationed-cadre'], ['stationed-cadre', 'stationed-cadre']]) {
      const out = join(dir, `${which}.json`);
      expect((await cli('rules', 'export-json', rules, out, '--pack', which!)).code).toBe(0);
      const one = await readJson(out);
      expect(one.id).toBe(id);
      expect('packs' in one).toBe(false);
    }
    expect(packHash(withoutTests(await readJson(join(dir, 'branch.json'))))).toBe(packHash(branch.branch));

    const missing = await cli('rules', 'export-json', rules, join(dir, 'x.json'), '--pack', 'village');
    expect(missing).toMatchObject({ code: 2, stderr: '规则中没有“village”规则包\nthe rules hold no pack "village"\n' });
  });

  it('checks a whole-rules file like a sheet, naming each problem at its path, and refuses to assess with it', async () => {
    const edited = await readJson(whole);
    edited.packs[1].rules[11].when[0].value = 'none';
    const broken = join(dir, '有问题.json');
    await writeFile(broken, JSON.stringify(edited));
    const checked = await cli('rules', 'check', broken);
    expect(checked.code).toBe(2);
    expect(checked.stderr.split('\n')).toEqual([
      '规则有 1 处问题：',
      '  有问题.json packs[1].rules[11].when[0].value：规则 cadres-clear：“不合格驻村干部人数”的值应为数值，条件值 "none" 的类型不符',
      '    有问题.json packs[1].rules[11].when[0].value: rule cadres-clear: "stationed cadres graded unsatisfactory" is a number; the condition value "none" does not fit',
      'the rules have 1 problems:',
      '',
    ]);
    const assessed = await cli('assess', ledger, '--rules', broken);
    expect(assessed).toMatchObject({ code: 2, stdout: '' });
    expect(assessed.stderr.split('\n')[0]).toBe('规则有 1 处问题，未进行考评：');
  });
});

describe('ledger-rules rules diff', () => {
  it('gives the branch pack’s change log in words, beside the cadre pack’s', async () => {
    const all = await readJson(whole);
    const next = all.packs[1];
    next.starQuota.maxShare = 0.3;
    next.rules.find((r: Json) => r.id === 'meetings-lecture').enabled = false;
    // A standard is raised in its parameter; the condition's value is the parameter's, written out as validation puts it.
    next.params.find((p: Json) => p.name === '办结率要求').value = '85%';
    next.requirements.find((r: Json) => r.id === 'service-rate').when[0].value = 0.85;
    all.packs[0].rules.find((r: Json) => r.id === 'days-full').points = 18;
    const edited = join(dir, '新规则.json');
    await writeFile(edited, JSON.stringify(all));
    const result = await cli('rules', 'diff', rules, edited);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^规则包“驻村干部月度考核”：1 处变更（规则版本 [0-9a-f]{8} → [0-9a-f]{8}）$/);
    expect(lines.slice(1, 2)).toEqual(['  规则“days-full”的得分：20 → 18']);
    expect(lines[2]).toBe(`规则包“党支部考核”：3 处变更（规则版本 ${packHash(branch.branch)} → ${packHash(withoutTests(next))}）`);
    expect(lines.slice(3)).toEqual([
      '  设置“规则包”的限额星级最多占比：20% → 30%',
      '  参数“办结率要求”：90% → 85%',
      '  规则“meetings-lecture”的启用：是 → 否',
      // The declared assessments' blocks are compared too, each named by its title.
      ...schemes.map((s) => `规则包“${s.title}”没有变更（规则版本 ${packHash(s)}）`),
      '',
    ]);
  });

  it('says which pack the older rules did not have, and which the newer ones no longer have', async () => {
    const result = await cli('rules', 'diff', cadreFile, whole);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `规则包“驻村干部月度考核”没有变更（规则版本 ${packHash(cadre.pack)}）`,
      `规则包“党支部考核”是新增的：6 个指标，13 条规则（规则版本 ${packHash(branch.branch)}）`,
      ...schemes.map((s) => `规则包“${s.title}”是新增的：${s.indicators.length} 个指标，${s.rules.length} 条规则（规则版本 ${packHash(s)}）`),
      '',
    ]);
    const back = await cli('rules', 'diff', whole, cadreFile);
    expect(back.stdout.split('\n')).toEqual([
      `规则包“驻村干部月度考核”没有变更（规则版本 ${packHash(cadre.pack)}）`,
      `规则包“党支部考核”已删除（原规则版本 ${packHash(branch.branch)}）`,
      ...schemes.map((s) => `规则包“${s.title}”已删除（原规则版本 ${packHash(s)}）`),
      '',
    ]);
  });
});

describe('ledger-rules assess --rules with one pack', () => {
  let own: string;
  let sheetCadre: string;
  let sheetBranch: string;
  const risks = (json: Json) => json.branches.map((b: Json) => [b.name, b.risk]);
  const DEFAULT_RISKS = [
    ['巴彦嘎查党支部', true],
    ['查干嘎查党支部', false],
    ['乌兰嘎查党支部', false],
  ];

  beforeAll(async () => {
    // A workbook with its own 考评规则: its cadre rules ask for 12 days instead of 10, and one failed item puts a
    // branch at risk instead of three.
    expect((await cli('rules', 'export', ledger)).code).toBe(0);
    own = join(fixtures, '台账-含考评规则.xlsx');
    await editRules(own, { D14: '12天以上', D15: '不足12天' }, { 'risk-failures': '>= 1' });
    const json = JSON.parse((await cli('assess', own, '--json', '--period', '2024-Q2')).stdout);
    sheetCadre = json.rulesVersion;
    sheetBranch = json.branchReport.rulesVersion;
    expect(sheetCadre).not.toBe(packHash(cadre.pack));
    expect(sheetBranch).not.toBe(packHash(branch.branch));
    expect(risks(json)).toEqual([
      ['查干嘎查党支部', true],
      ['巴彦嘎查党支部', true],
      ['乌兰嘎查党支部', false],
    ]);
    expect(json.cadres.find((c: Json) => c.name === '孟和').flags[0].message).toBe('下基层天数不足10天（11天）');
  });

  it('takes the cadre pack from the workbook’s sheet when the file holds only a branch pack', async () => {
    const result = await cli('assess', own, '--json', '--period', '2024-Q2', '--rules', branchFile);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.rulesVersion).toBe(sheetCadre);
    expect(json.cadres.find((c: Json) => c.name === '孟和').flags[0].message).toBe('下基层天数不足10天（11天）');
    expect(json.branchReport.rulesVersion).toBe(packHash(branch.branch));
    expect(risks(json)).toEqual(DEFAULT_RISKS);

    // A workbook without a rules sheet: the cadre pack is the default one.
    const plain = JSON.parse((await cli('assess', ledger, '--json', '--period', '2024-Q2', '--rules', branchFile)).stdout);
    expect(plain.rulesVersion).toBe(packHash(cadre.pack));
    expect(plain.cadres.find((c: Json) => c.name === '孟和').flags.map((f: Json) => f.rule)).toEqual(['missing:fiveOnes']);
  });

  it('takes the branch pack from the workbook’s sheet when the file holds only a cadre pack, and writes each version into its result sheet', async () => {
    const out = join(dir, 'out', '结果.xlsx');
    const result = await cli('assess', own, '--period', '2024-Q2', '--rules', cadreFile, '--out', out);
    expect(result.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.getWorksheet('考评结果')!.getCell('A2').value)).toContain(`规则版本 ${packHash(cadre.pack)}`);
    expect(String(wb.getWorksheet('支部汇总')!.getCell('A2').value)).toContain(`规则包：党支部考核（branch），规则版本 ${sheetBranch}。`);
  });

  it('takes the branch pack of a whole-rules file given with --branch-rules', async () => {
    const all = await readJson(whole);
    all.packs[1].risk.any = all.packs[1].risk.any.filter((c: Json) => c.id !== 'risk-last-place');
    const file = join(dir, '无末位.json');
    await writeFile(file, JSON.stringify(all));
    const json = JSON.parse((await cli('assess', own, '--json', '--period', '2024-Q2', '--branch-rules', file)).stdout);
    expect(json.rulesVersion).toBe(sheetCadre);
    expect(json.branchReport.rulesVersion).toBe(packHash(withoutTests(all.packs[1])));
    expect(risks(json)).toEqual(DEFAULT_RISKS);

    const none = await cli('assess', own, '--branch-rules', cadreFile);
    expect(none).toMatchObject({ code: 2, stderr: `${cadreFile} 中没有党支部规则包\n${cadreFile} holds no branch pack\n` });
  });
});
