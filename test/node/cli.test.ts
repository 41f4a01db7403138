/** The CLI as a user runs it, in process: on the example workbook and on fixture files. */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, type CliRun as Run, resultHeaderRow, resultRows } from '../fixtures/cli';
import { main } from '../../src/node/cli/main';
import { writeCsv } from '../fixtures/csv';
import { cadreRow, HEADER, ledger } from '../fixtures/ledgers';
import { packInput } from '../fixtures/pack';
import { expectSheetsUnchanged } from '../fixtures/sheets-unchanged';
import { STYLED_LEDGER_SHEET, writeStyledLedger } from '../fixtures/styled-ledger';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { sheet, writeXlsx } from '../fixtures/workbook';

const EXAMPLE = 'examples/驻村干部台账示例.xlsx';

/** A failure the user can act on: exit 2, nothing on stdout, the reason in Chinese and in English. */
function expectRefusal(run: Run, zh: string | RegExp, en: string | RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trim().split('\n');
  expect(lines.some((l) => (typeof zh === 'string' ? l.includes(zh) : zh.test(l)))).toBe(true);
  expect(lines.some((l) => (typeof en === 'string' ? l.includes(en) : en.test(l)))).toBe(true);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

const made: string[] = [];
/** A fresh folder for one test, removed when it ends. */
const fresh = () => {
  const dir = tempDir('cli');
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) removeTempDir(dir);
});

describe('assess --json', () => {
  it('prints one JSON object in the promised shape, and exits 0 with warnings', async () => {
    const run = await cli('assess', EXAMPLE, '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.cadres).toHaveLength(80);
    for (const c of json.cadres) {
      expect(c).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          branch: expect.any(String),
          period: expect.stringMatching(/^2024-0[456]$/),
          score: expect.any(Number),
          grade: expect.any(String),
          stars: expect.any(Number),
          rank: expect.any(Number),
          indicators: { days: expect.any(Number), visits: expect.any(Number), fiveOnes: expect.any(Number), commitments: expect.any(Number), rating: expect.any(Number) },
          source: { sheet: expect.any(String), row: expect.any(Number) },
        }),
      );
      for (const f of c.flags) expect(f).toEqual(expect.objectContaining({ rule: expect.any(String), message: expect.any(String) }));
    }
    expect(json.cadres.find((c: { name: string; period: string }) => c.name === '孟和' && c.period === '2024-04')).toMatchObject({
      score: 31.1,
      grade: '不合格',
      stars: 1,
      rank: 26,
      source: { sheet: '2024年4月驻村干部台账', row: 15 },
    });
    expect(json.warnings).toHaveLength(6);
    for (const w of json.warnings) expect(w).toEqual(expect.objectContaining({ sheet: expect.any(String), cell: expect.any(String), message: expect.any(String) }));
    expect(json.warnings[1]).toMatchObject({ sheet: '2024年4月驻村干部台账', cell: 'E8', message: '“不详” 不是有效的下基层天数' });
    expect(json.summary).toMatch(/^2024年4月至2024年6月驻村干部月度考核情况\n一、基本情况\n/);
  });

  it('assesses only the period asked for', async () => {
    const may = JSON.parse((await cli('assess', EXAMPLE, '--json', '--period', '2024-05')).stdout);
    expect(may.cadres).toHaveLength(27);
    expect(new Set(may.cadres.map((c: { period: string }) => c.period))).toEqual(new Set(['2024-05']));
    expect(may.warnings.map((w: { sheet: string }) => w.sheet)).toEqual(['5月台账']);
    const quarter = JSON.parse((await cli('assess', EXAMPLE, '--json', '--period', '2024-Q2')).stdout);
    expect(quarter.cadres).toHaveLength(80);
  });
});

describe('assess, for a person at a terminal', () => {
  it('prints the summary, then each warning as sheet!cell on stderr', async () => {
    const run = await cli('assess', EXAMPLE);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['2024年4月至2024年6月驻村干部月度考核情况', '一、基本情况']);
    expect(run.stdout).toContain('四、下步打算');
    expect(run.stderr).toContain('6 条提醒：');
    expect(run.stderr).toContain('  2024年4月驻村干部台账!E8：“不详” 不是有效的下基层天数');
    expect(run.stderr).toContain('  2024.06!O22：韩雪梅：双评：缺少“群众测评”，不计分');
  });
});

describe('assess --out', () => {
  it('writes a copy with 考评结果 added, every original sheet the same in every cell: values, formulas, number formats, styles, drop-downs, notes and merges', async () => {
    const dir = fresh();
    const input = join(dir, '台账.xlsx');
    await writeStyledLedger(input);
    const before = await sha(input);
    const out = join(dir, 'results', '考评结果.xlsx');
    const run = await cli('assess', input, '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2024年5月驻村干部月度考核情况');
    expect(run.stderr).toContain(`已写入 ${out}`);
    expect(await sha(input)).toBe(before);

    const compared = await expectSheetsUnchanged(input, out);
    expect(compared.cells).toBeGreaterThan(150);
    for (const aspect of ['value', 'formula', 'numFmt', 'font', 'fill', 'border', 'alignment', 'dataValidation', 'note'] as const) expect(compared[aspect], aspect).toBeGreaterThan(0);
    expect(compared.note).toBe(2);
    expect(compared.formula).toBe(6 + 5);
    expect(compared.dataValidation).toBe(6 * 5);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    // One month of a quarter also gives the quarterly star rating, which says the months it lacks.
    expect(copy.worksheets.map((w) => w.name)).toEqual([STYLED_LEDGER_SHEET, '填表说明', '考评结果', '驻村干部季度评星定档结果', '图表', '考评报告']);
    const results = copy.getWorksheet('考评结果')!;
    const [, ...written] = resultRows(results);
    expect(written).toHaveLength(6);
    expect(written[0]![0]).toBe('赵六');
  });

  it('writes one 考评结果 row per cadre and month of the example workbook, leaving the example as it was', async () => {
    const out = join(fresh(), '考评结果.xlsx');
    const before = await sha(EXAMPLE);
    expect((await cli('assess', EXAMPLE, '--out', out)).code).toBe(0);
    expect(await sha(EXAMPLE)).toBe(before);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const results = copy.getWorksheet('考评结果')!;
    const [header, ...rows] = resultRows(results);
    expect(header).toEqual(expect.arrayContaining(['姓名', '总分', '等次', '排名', '来源']));
    expect(rows).toHaveLength(80);
    expect(new Set(rows.map((v) => `${v[0]}|${v[2]}`)).size).toBe(80);
    expect(rows[0]!.slice(0, 3)).toEqual(['其木格', '额很嘎查', '2024年4月']);
  });

  it('heads 考评结果 with its title and figures, and links each source to its ledger cell inside the workbook', async () => {
    const out = join(fresh(), '考评结果.xlsx');
    expect((await cli('assess', EXAMPLE, '--out', out)).code).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const results = copy.getWorksheet('考评结果')!;
    expect(results.getCell('A1').value).toBe('2024年4月至2024年6月 驻村干部月度考核结果');
    expect(results.getCell('A1').isMerged).toBe(true);
    expect(String(results.getCell('A2').value)).toMatch(/^由“台账考评”于 /);
    expect([results.getCell('A3').value, results.getCell('C3').value, results.getCell('D3').value]).toEqual(['参评对象（人）', '考评结果（人次）', 80]);
    const headerRow = resultHeaderRow(results);
    const [header] = resultRows(results);
    const column = header!.indexOf('来源') + 1;
    for (let r = headerRow + 1; r <= results.rowCount; r++) {
      const cell = results.getCell(r, column);
      const link = cell.value as ExcelJS.CellHyperlinkValue;
      const [, sheet, ref] = /^#'(.+)'!([A-Z]+\d+)$/.exec(link.hyperlink)!;
      expect(link.text).toBe(`${sheet}!${ref}`);
      // Internal: the link names a sheet of this workbook and a cell of the row the result rests on.
      const target = copy.getWorksheet(sheet!)!;
      expect(target).toBeDefined();
      const squeeze = (v: unknown) => String(v).replace(/\s/g, '');
      expect((target.getRow(Number(/\d+$/.exec(ref!)![0])).values as unknown[]).map(squeeze)).toContain(squeeze(results.getCell(r, 1).value));
    }
  });

  it('replaces the results of an earlier run rather than adding a second sheet', async () => {
    const dir = fresh();
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    expect((await cli('assess', EXAMPLE, '--period', '2024-05', '--out', first)).code).toBe(0);
    expect((await cli('assess', first, '--period', '2024-06', '--out', second)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n === '考评结果')).toHaveLength(1);
    const [, ...rows] = resultRows(wb.getWorksheet('考评结果')!);
    expect(rows).toHaveLength(27);
    expect(rows[0]![2]).toBe('2024年6月');
  });
});

describe('CSV input', () => {
  it.each(['utf8', 'gb18030'] as const)('assesses a %s CSV export', async (encoding) => {
    const rows = [['驻村干部台账（2024年5月）'], HEADER, cadreRow(1, '张  三', { days: 8 }), cadreRow(2, '李四'), ['合计']] as (string | number | null)[][];
    const run = await cli('assess', await writeCsv(rows, '台账.csv', encoding), '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.cadres.map((c: { name: string; score: number; period: string }) => [c.name, c.score, c.period])).toEqual([['李四', 100, '2024-05'], ['张三', 96, '2024-05']]);
    expect(json.cadres[1].source).toEqual({ sheet: '台账', row: 3 });
  });
});

describe('refusals: exit 2 with a message in both languages', () => {
  it('when no sheet is a ledger', async () => {
    const file = await writeXlsx([sheet('填表说明', [['填表说明'], ['姓名', '填写本人姓名']])], 'ledger.xlsx', fresh());
    expectRefusal(await cli('assess', file), '工作簿中没有找到驻村干部月度考核台账', 'no Stationed cadres, monthly assessment ledger found');
  });

  it('when the rules file is not a valid pack', async () => {
    const dir = fresh();
    const pack = packInput();
    pack.rules[0]!.when = [{ fact: 'days', op: '>=', value: '10' }];
    const file = join(dir, 'pack.json');
    await writeFile(file, JSON.stringify(pack));
    expectRefusal(await cli('assess', EXAMPLE, '--rules', file), '规则 days-full：“下基层天数”的值应为数值', 'rule days-full: "days at the grassroots" is a number');
  });

  it('when the rules file is not JSON, or is missing', async () => {
    const file = join(fresh(), 'pack.json');
    await writeFile(file, '{ "id": "x", ');
    expectRefusal(await cli('assess', EXAMPLE, '--rules', file), `无法读取文件 ${file}：`, `cannot read ${file}: `);
    expectRefusal(await cli('assess', EXAMPLE, '--rules', 'rules/none.json'), '无法读取文件 rules/none.json', 'cannot read rules/none.json');
  });

  it('when the workbook is missing, unreadable, or of a type it cannot read', async () => {
    expectRefusal(await cli('assess', 'examples/不存在.xlsx'), '找不到文件 examples/不存在.xlsx', 'no such file: examples/不存在.xlsx');
    const dir = fresh();
    const broken = join(dir, '台账.xlsx');
    await writeFile(broken, '这不是一个工作簿');
    expectRefusal(await cli('assess', broken), `无法读取文件 ${broken}`, `cannot read ${broken}`);
    const old = join(dir, '台账.xls');
    await writeFile(old, 'old');
    expectRefusal(await cli('assess', old), `无法读取 .xls 文件 ${old}：请在 WPS 或 Excel 中另存为 .xlsx（或 .csv）后再试`, 'save it as .xlsx (or .csv)');
  });

  it('when the period is not one, or holds no records', async () => {
    expectRefusal(await cli('assess', EXAMPLE, '--period', '2024-13'), '“2024-13”不是有效的考评期', '"2024-13" is not a valid period');
    expectRefusal(await cli('assess', EXAMPLE, '--period', '2023-05'), '2023年5月没有可考评的记录', 'no records to assess for 2023-05');
  });

  it('when the command or an option is unknown, or the file is not named', async () => {
    expectRefusal(await cli('score', EXAMPLE), '用法：ledger-rules assess', 'usage: ledger-rules assess');
    expectRefusal(await cli('assess'), '用法：ledger-rules assess', 'usage: ledger-rules assess');
    expectRefusal(await cli('assess', EXAMPLE, '--month', '5'), '用法：ledger-rules assess', 'usage: ledger-rules assess');
  });
});

describe('in process', () => {
  it('takes relative file names from the folder it is given, and names them as given', async () => {
    const dir = fresh();
    await writeXlsx([ledger('5月', [cadreRow(1, '张三'), cadreRow(2, '李四', { days: 8 })], { title: '驻村干部台账（2024年5月）' })], '台账.xlsx', dir);
    let stdout = '';
    let stderr = '';
    const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), cwd: dir };
    expect(await main(['assess', '台账.xlsx', '--out', 'out/结果.xlsx'], io)).toBe(0);
    expect(stdout).toContain('2024年5月驻村干部月度考核情况');
    expect(stderr).toBe('\n已写入 out/结果.xlsx\nwrote out/结果.xlsx\n');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', '结果.xlsx'));
    expect(resultRows(wb.getWorksheet('考评结果')!)).toHaveLength(1 + 2);
  });
});

describe('rules export beside an existing workbook', () => {
  it('writes 台账-含考评规则.xlsx with every sheet of the workbook unchanged in every cell, and leaves the workbook’s bytes as they were', async () => {
    const dir = fresh();
    const input = join(dir, '台账.xlsx');
    await writeStyledLedger(input);
    const before = await sha(input);
    const copy = join(dir, '台账-含考评规则.xlsx');
    const run = await cli('rules', 'export', input);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr.split('\n')).toEqual([`${input} 已存在，未作改动；考评规则已写入新文件 ${copy}`, `${input} exists and was left as it is; the rules sheet went into a new file ${copy}`, '']);
    expect(await sha(input)).toBe(before);
    const compared = await expectSheetsUnchanged(input, copy);
    expect([compared.note, compared.dataValidation, compared.formula]).toEqual([2, 30, 11]);

    const assessed = JSON.parse((await cli('assess', copy, '--json')).stdout);
    expect(assessed.cadres).toHaveLength(6);
  });
});
