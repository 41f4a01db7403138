/** The five assessments as the CLI gives them on the township example: --json assessments and sheets, and --out's result sheets. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessAll, chartSheetCells, defaultRules, type RunPacks, runChartSheet, shippedSchemes } from '../../src/core/index';
import { loadWorkbook } from '../../src/node/workbook-file';
import { cli, resultRows } from '../fixtures/cli';
import { removeTempDir, tempDir } from '../fixtures/temp';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const IDS = ['stationed-cadre', 'branch', 'stationed-cadre-quarter', 'household', 'village-cadre'];
const RESULT_KEYS = ['name', 'group', 'period', 'score', 'grade', 'stars', 'rank', 'fallsShort', 'risk', 'riskReasons', 'flags', 'values', 'source'];

interface Json {
  assessments: { id: string; title: string; subject: string; periodKind: string; results: Record<string, any>[] }[];
  sheets: { sheet: string; role: string; assessment: string | null }[];
}

let json: Json;
beforeAll(async () => {
  const run = await cli('assess', TOWNSHIP, '--json');
  expect(run.code).toBe(0);
  json = JSON.parse(run.stdout) as Json;
});

const assessment = (id: string) => json.assessments.find((a) => a.id === id)!;
const result = (id: string, name: string, period?: string) => assessment(id).results.find((r) => r.name === name && (!period || r.period === period))!;

describe('assess --json on the township example', () => {
  it('lists the five assessments, each result with the keys the issue promises', () => {
    expect(json.assessments.map((a) => a.id)).toEqual(IDS);
    expect(json.assessments.map((a) => a.periodKind)).toEqual(['month', 'quarter', 'quarter', 'quarter', 'year']);
    for (const a of json.assessments) {
      expect(a.results.length, a.id).toBeGreaterThan(0);
      for (const r of a.results) {
        for (const key of RESULT_KEYS) expect(r, `${a.id} ${r.name}`).toHaveProperty(key);
        expect(typeof r.score).toBe('number');
        expect(Array.isArray(r.riskReasons)).toBe(true);
        for (const f of r.flags) expect(Object.keys(f).sort(), a.id).toEqual(['message', 'rule']);
        for (const v of Object.values(r.values)) expect(['number', 'string'].includes(typeof v) || v === null).toBe(true);
        expect(r.source === null || (typeof r.source.sheet === 'string' && Number.isInteger(r.source.row))).toBe(true);
      }
    }
  });

  it('gives the village cadres their pay coefficient and pay, by label, and a veto as its flag', () => {
    const zhou = result('village-cadre', '周德明');
    expect(zhou).toMatchObject({ group: '额尔敦嘎查', period: '2024', score: 96, grade: '优秀', rank: 1, fallsShort: false, source: { sheet: '2024年度村干部考评', row: 5 } });
    expect(zhou.values).toEqual({ 党建工作: 24.5, 经济发展: 18.5, 民生实事: 14.5, 平安稳定: 14.5, 生态环境: 9.5, 群众满意度: 14.5, 绩效报酬系数: 1.2, 绩效报酬: 36000 });
    const vetoed = result('village-cadre', '杨国华');
    expect(vetoed).toMatchObject({ grade: '不称职', fallsShort: true, flags: [{ rule: 'veto:veto', message: '一票否决：发生重大安全生产事故' }] });
    expect(vetoed.values).toMatchObject({ 绩效报酬系数: 0.5, 绩效报酬: 12000 });
    // 16 cadres: three may be 优秀; the three tied at 92 are at the cut-off and drop to 称职.
    expect(assessment('village-cadre').results.filter((r) => r.grade === '优秀').map((r) => r.name)).toEqual(['周德明', '田秀英']);
    expect(result('village-cadre', '李占军')).toMatchObject({ grade: '称职', values: { 绩效报酬系数: 1 } });
  });

  it('gives each household its indicator points, not the counts they come from, and flags the bottom of each quarter', () => {
    const q1 = result('household', '宋占军', '2024-Q1');
    expect(q1.score).toBe(85.1);
    expect(Object.values(q1.values).reduce((a: number, b) => a + (b as number), 0)).toBeCloseTo(85.1, 5);
    expect(Object.keys(q1.values)).toEqual(['民主测评', '政策宣传', '帮代办服务', '征求意见', '调解纠纷']);
    for (const [period, n] of [['2024-Q1', 12], ['2024-Q2', 12]] as const) {
      const inQuarter = assessment('household').results.filter((r) => r.period === period);
      expect(inQuarter).toHaveLength(n);
      expect(inQuarter.filter((r) => r.flags.some((f: { message: string }) => f.message === '后20%：补位调整或取消中心户资格')).length, period).toBeGreaterThanOrEqual(Math.ceil(0.2 * n));
    }
    expect(result('household', '杨宇航', '2024-Q2').flags[0].message).toBe('民主测评：“民主测评得分”填写无法识别，不计分（2024年第二季度党员中心户测评!D14）');
  });

  it('rolls the monthly cadre scores into the quarter, with stars', () => {
    const tuya = result('stationed-cadre-quarter', '图雅');
    const months = assessment('stationed-cadre').results.filter((r) => r.name === '图雅');
    expect(months.map((m) => m.period)).toEqual(['2024-04', '2024-05']);
    expect(tuya.score).toBeCloseTo((months[0]!.score + months[1]!.score) / 2, 2);
    expect(tuya).toMatchObject({ period: '2024-Q2', grade: '优秀', stars: 5, rank: 1, values: { 月度平均分: tuya.score } });
    expect(assessment('stationed-cadre-quarter').results.filter((r) => r.stars === 5)).toHaveLength(Math.floor(0.2 * assessment('stationed-cadre-quarter').results.length));
  });

  it('names the household and village-cadre sheets as ledgers of those assessments', () => {
    const role = (sheet: string) => json.sheets.find((s) => s.sheet === sheet);
    expect(role('一季度中心户测评')).toMatchObject({ role: 'ledger', assessment: 'household' });
    expect(role('2024年第二季度党员中心户测评')).toMatchObject({ role: 'ledger', assessment: 'household' });
    expect(role('2024年度村干部考评')).toMatchObject({ role: 'ledger', assessment: 'village-cadre' });
    expect(new Set(json.sheets.map((s) => s.sheet)).size).toBe(json.sheets.length);
  });
});

describe('assess --out on the township example', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('assessments-cli');
  });
  afterAll(() => removeTempDir(dir));

  it('writes a result sheet for each declared assessment', async () => {
    const out = join(dir, '结果.xlsx');
    expect((await cli('assess', TOWNSHIP, '--out', out)).code).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const names = copy.worksheets.map((w) => w.name);
    for (const name of ['驻村干部季度评星定档结果', '党员中心户季度测评结果', '村干部年度目标考评结果']) expect(names, name).toContain(name);
    const village = copy.getWorksheet('村干部年度目标考评结果')!;
    const [header, zhou, ...others] = resultRows(village) as [unknown[], unknown[], ...unknown[][]];
    expect(header).toEqual(expect.arrayContaining(['姓名', '所在嘎查', '总分', '等次', '绩效报酬系数', '绩效报酬']));
    expect(1 + others.length).toBe(16);
    expect(zhou[header.indexOf('姓名')]).toBe('周德明');
    expect(zhou[header.indexOf('绩效报酬')]).toBe(36000);
    const household = copy.getWorksheet('党员中心户季度测评结果')!;
    expect(resultRows(household)).toHaveLength(1 + 24);
    const quarter = copy.getWorksheet('驻村干部季度评星定档结果')!;
    expect(resultRows(quarter)).toHaveLength(1 + 21);
  });

  it('writes 图表 with the tables its charts read in Sheets, as the core lays them out, and reads it back as results', async () => {
    const out = join(dir, '图表.xlsx');
    expect((await cli('assess', TOWNSHIP, '--out', out)).code).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    expect(copy.worksheets.slice(-2).map((w) => w.name)).toEqual(['图表', '考评报告']);
    const [cadre, branch] = defaultRules();
    const packs: RunPacks = { cadre: cadre.pack, branch: branch.branch, schemes: shippedSchemes() };
    const run = await assessAll((await loadWorkbook(TOWNSHIP)).snapshot, packs, { today: new Date().toISOString().slice(0, 10) });
    const charts = runChartSheet(run, packs, { time: 't' })!;
    const cells = chartSheetCells(charts);
    const sheet = copy.getWorksheet('图表')!;
    // The note aside (it carries the time of the run), every cell where Sheets has it.
    const read = cells.slice(1).map((row, r) => row.map((_, c) => sheet.getCell(r + 2, c + 1).value ?? ''));
    expect(read).toEqual(cells.slice(1));
    expect(sheet.getCell(1, 1).value).toMatch(/^由“台账考评”于 .* 生成/);
    const again = JSON.parse((await cli('assess', out, '--json')).stdout) as Json;
    expect(again.sheets.find((s) => s.sheet === '图表')?.role).toBe('results');
  });
});
